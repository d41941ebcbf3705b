"""Loading the WMT MQM en→de benchmark files, shared by the fluency and accuracy benchmarks.

Data: ../shared/benchmarks/wmt-mqm-ende/ (see its README). One *unit* per unique
(dataset, system, document, segment) target text, with every rater's spans
merged: TED has one rater per segment, WMT23 SxS three (and two system labels
with identical text share a unit through ``base_system``).
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The shared evaluation data: ../shared/benchmarks beside the checkout, or TQCHECK_BENCHMARKS.
BENCHMARKS = Path(os.environ.get("TQCHECK_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
DATA = BENCHMARKS / "wmt-mqm-ende"
FILES = ("ted2021_ende.jsonl", "generalmt2023_sxs_ende.jsonl")


def load(limit: int | None = None, files: tuple[str, ...] = FILES) -> dict[str, dict]:
    """Units keyed ``dataset|system|doc|seg``: target, source, merged target ``errors`` and
    ``source_errors``, how many raters saw it and how many of them marked no error."""
    units: dict[str, dict] = {}
    for name in files:
        path = DATA / name
        if not path.is_file():
            raise SystemExit(f"benchmark data not found: {path}")
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            system = row.get("base_system") or row["system"]
            key = f"{row['dataset']}|{system}|{row['doc']}|{row['doc_seg']}"
            unit = units.setdefault(
                key,
                {
                    "dataset": row["dataset"],
                    "system": system,
                    "doc": row["doc"],
                    "doc_seg": row["doc_seg"],
                    "target": row["target"],
                    "source": row["source"],
                    "errors": [],
                    "source_errors": [],
                    "raters": 0,
                    "error_free_raters": 0,
                },
            )
            if unit["target"] != row["target"]:
                continue
            unit["raters"] += 1
            unit["errors"].extend(row["errors"])
            unit["source_errors"].extend(row["source_errors"])
            if not row["errors"] and not row["source_errors"]:
                unit["error_free_raters"] += 1
            if limit and len(units) >= limit:
                return units
    return units


def documents(units: dict[str, dict]) -> dict[tuple[str, str, str], list[dict]]:
    """Units regrouped into documents per (dataset, system, doc), in segment order."""
    docs: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for unit in units.values():
        docs[(unit["dataset"], unit["system"], unit["doc"])].append(unit)
    for segs in docs.values():
        segs.sort(key=lambda u: u["doc_seg"])
    return dict(docs)


def error_free(unit: dict) -> bool:
    """No rater marked any error, on either side."""
    return unit["error_free_raters"] == unit["raters"]


def overlaps(f_start: int, f_end: int, s: int, e: int) -> bool:
    """A finding overlaps a span (a zero-width span: the finding is within one character)."""
    if s == e:
        return f_start - 1 <= s <= f_end + 1
    return f_start < e and s < f_end
