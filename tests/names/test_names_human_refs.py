"""Human German reference translations (WMT MQM benchmark): almost no name findings.

Skipped when the shared benchmark data is not beside the checkout.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

from tests.names.conftest import TEST_NAMES

BENCH = (
    Path(
        os.environ.get(
            "TQCHECK_BENCHMARKS", Path(__file__).resolve().parents[3] / "shared" / "benchmarks"
        )
    )
    / "wmt-mqm-ende"
)


@pytest.mark.skipif(not BENCH.is_dir(), reason="shared/benchmarks/wmt-mqm-ende not present")
def test_human_references_rarely_trip_the_name_checks() -> None:
    from tqcheck import registry
    from tqcheck.config import Config
    from tqcheck.engine import check_document
    from tqcheck.model import Document
    from tqcheck.names.text import zipf
    from tqcheck.resources_loader import Resources

    docs: dict[str, dict[int, tuple[str, str]]] = defaultdict(dict)
    for path in sorted(BENCH.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row["is_human_translation"]:
                docs[row["doc"]][row["doc_seg"]] = (row["source"], row["target"])
    cfg = Config(names=[str(TEST_NAMES)], shipped_names=False)
    resources = Resources(cfg)
    specs = registry.select(registry.all_checks(), ["NM"])
    words = 0
    findings = []
    for name, segs in docs.items():
        ordered = [segs[k] for k in sorted(segs)]
        source = Document(name + ".en", "\n\n".join(s for s, _ in ordered), "en")
        doc = Document(name, "\n\n".join(t for _, t in ordered), "de", source=source)
        result = check_document(doc, specs, cfg, resources)
        words += result.words
        findings += result.findings
    assert words > 10_000
    assert len(findings) * 1000 / words < 0.5, [(f.rule, f.text) for f in findings]
    for f in findings:  # never a common German word
        if f.message.startswith("name dropped"):
            continue  # NM006 marks the sentence a source name is missing from
        assert all(zipf(w.lower(), "de") < 3.0 for w in f.text.split()), f
