"""How well GL001 (glossary-term-missing) finds a missing term, on other people's data.

The term pairs of each benchmark file become one glossary (a concept per pair;
English source term, German or French target term). Each row is checked with its
source. A row's term counts as *reported missing* when GL001 names its concept.

- Human references (all three files) use their terms: every report is a false alarm.
- System outputs (WMT25 track 1 en-de, WMT21 dev en-fr) carry silver labels: the
  target term absent even case-insensitively = missing (positive); present exactly
  or case-insensitively = used (negative). Inflected forms the substring test
  misses ("Räume" for "Raum") count as positives here, so recall is a floor.

    .venv/bin/python bench/glossary_terms.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

from mqm_data import BENCHMARKS

from tqcheck import registry
from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.glossary import Concept, Status, Term, TermBase
from tqcheck.glossary.tbx import write_tbx
from tqcheck.model import Document
from tqcheck.resources_loader import Resources

DATA = BENCHMARKS
FILES = {
    "dinu2019 en-de (refs)": ("terminology-ende/dinu2019_wmt17_ende.jsonl", "de"),
    "wmt25 track1 en-de": ("terminology-ende/wmt25_track1_ende.jsonl", "de"),
    "wmt21 dev en-fr": ("terminology-enfr/wmt21_dev_enfr.jsonl", "fr"),
}
_ID_RE = re.compile(r"\((t\d+)\)")


def rows(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        out = [json.loads(line) for line in fh]
    return out[:limit] if limit else out


def glossary_for(
    data: list[dict], lang: str, folder: Path
) -> tuple[Path, dict[tuple[str, str], str]]:
    ids: dict[tuple[str, str], str] = {}
    concepts = []
    for row in data:
        for term in row["terms"]:
            pair = (term["source_term"], term["target_term"])
            if pair in ids:
                continue
            ids[pair] = cid = f"t{len(ids)}"
            terms = [Term(pair[0], "en", Status.PREFERRED), Term(pair[1], lang, Status.PREFERRED)]
            terms += [Term(a, lang, Status.ADMITTED) for a in term.get("target_alternatives", [])]
            concepts.append(Concept(cid, tuple(terms), source="benchmark"))
    path = folder / f"bench-{lang}.tbx"
    write_tbx(TermBase(tuple(concepts), ("benchmark",), "bench"), path)
    return path, ids


def evaluate(name: str, rel: str, lang: str, limit: int | None) -> None:
    data = rows(DATA / rel, limit)
    with tempfile.TemporaryDirectory() as tmp:
        path, ids = glossary_for(data, lang, Path(tmp))
        config = Config(lang=lang, shipped_glossary=False, glossaries=[str(path)]).validate()
        resources = Resources(config)
        resources.get("glossary")  # loaded before the file goes
    spec = registry.get("GL001")
    counts: Counter[str] = Counter()
    start = time.perf_counter()
    for row in data:
        source = Document("src", row["source"], "en")
        doc = Document("tgt", row["target"], lang, source=source)
        result = check_document(doc, [spec], config, resources)
        reported = {i for f in result.findings for i in _ID_RE.findall(f.message)}
        human = (
            row.get("system", "reference") == "reference" or row.get("target_kind") == "reference"
        )
        for term in row["terms"]:
            if not term.get("source_has_term", True):
                continue
            hit = ids[(term["source_term"], term["target_term"])] in reported
            if human:
                counts["ref terms"] += 1
                counts["ref false alarms"] += hit
            elif term["target_has_casefold"]:
                counts["used"] += 1
                counts["used reported"] += hit
            else:
                counts["missing"] += 1
                counts["missing reported"] += hit
    secs = time.perf_counter() - start
    print(f"\n{name}: {len(data)} rows, {len(ids)} term pairs, {len(data) / secs:.0f} rows/s")
    if counts["ref terms"]:
        rate = counts["ref false alarms"] / counts["ref terms"]
        print(
            f"  human references: {counts['ref false alarms']}/{counts['ref terms']} terms "
            f"reported missing (false alarms {rate:.1%})"
        )
    if counts["missing"]:
        recall = counts["missing reported"] / counts["missing"]
        false = counts["used reported"] / max(1, counts["used"])
        print(
            f"  system outputs, term absent (silver): {counts['missing reported']}/"
            f"{counts['missing']} reported (recall {recall:.1%})"
        )
        print(
            f"  system outputs, term present: {counts['used reported']}/{counts['used']} "
            f"reported (false alarms {false:.1%})"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="Rows per file (default all).")
    args = ap.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"benchmark data not found at {DATA}")
    for name, (rel, lang) in FILES.items():
        evaluate(name, rel, lang, args.limit)


if __name__ == "__main__":
    main()
