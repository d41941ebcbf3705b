"""Build bench/data/e2e.jsonl: whole articles with every kind of fluency defect at once.

The rows come from raw/blind_e2e_*.jsonl: articles written by helpers who had not read the
rules, each with 4-7 labelled defects (page furniture, doubled words, foreign fragments,
misspelled names and words, punctuation spacing and quotation marks, lower-case sentence
starts). This script only adds the split by origin (``splits.assign``):

    .venv/bin/python bench/data/build/make_e2e.py
"""

from __future__ import annotations

import json
from pathlib import Path

from splits import assign

DATA = Path(__file__).resolve().parents[1]


def main() -> None:
    rows = []
    for path in sorted((DATA / "raw").glob("blind_e2e_*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    split = assign((r["lang"], r["origin"]) for r in rows)
    with (DATA / "e2e.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(
                json.dumps({**r, "split": split[(r["lang"], r["origin"])]}, ensure_ascii=False)
            )
            out.write("\n")
    print(f"{len(rows)} rows, tune {sum(v == 'tune' for v in split.values())} origins")


if __name__ == "__main__":
    main()
