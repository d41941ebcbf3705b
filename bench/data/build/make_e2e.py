"""Build bench/data/e2e.jsonl: whole articles with every kind of fluency defect at once.

The rows come from raw/blind_e2e_*.jsonl: articles written by helpers who had not read the
rules, each with 4-7 labelled defects (page furniture, doubled words, foreign fragments,
misspelled names and words, punctuation spacing and quotation marks, lower-case sentence
starts). This script only adds the split by origin (``splits.assign``):

    .venv/bin/python bench/data/build/make_e2e.py

``e2e_src.jsonl`` likewise from raw/blind_e2e_src_*.jsonl: whole articles with their source
(en->de, en->fr, de->en, fr->en) and 3-5 accuracy defects each.
"""

from __future__ import annotations

import json
from pathlib import Path

from splits import assign

DATA = Path(__file__).resolve().parents[1]


def build(pattern: str, name: str) -> None:
    rows = []
    for path in sorted((DATA / "raw").glob(pattern)):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    split = assign((r["lang"], r["origin"]) for r in rows)
    with (DATA / name).open("w", encoding="utf-8") as out:
        for r in rows:
            row = {**r, "split": split[(r["lang"], r["origin"])]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{name}: {len(rows)} rows, tune {sum(v == 'tune' for v in split.values())} origins")


def main() -> None:
    build("blind_e2e_[0-9]*.jsonl", "e2e.jsonl")
    # … and with their source: whole articles translated, with accuracy defects (names
    # replaced or dropped, figures, polarity, untranslated text, additions, omissions)
    build("blind_e2e_src_*.jsonl", "e2e_src.jsonl")


if __name__ == "__main__":
    main()
