"""One runner for every rule's YAML fixture file (tests/checks/fixtures/<CODE>.yml).

A case gives ``lang``, ``target``, optional ``source``, ``config`` overrides,
``glossaries`` and ``names`` (names data files; the shipped one is then off unless
``config`` says ``shipped_names: true``), ``file`` (a file name: the target is read by
that file type's reader) and ``with`` (other rules run beside it; only the fixture's own
rule's findings are compared); then either ``pass: true`` (the rule reports nothing) or
``expect``: the exact list of findings (``text`` required; ``suggestion``,
``message`` substring and ``start`` optional). Extra findings fail the case. ``xfail:
<reason>`` marks a known miss (strict).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.conftest import make_doc
from tqcheck import registry
from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.inputs import load_bytes
from tqcheck.resources_loader import Resources

FIXTURES = Path(__file__).parent / "fixtures"


def load_cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(FIXTURES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((data["rule"], case))
    return out


CASES = load_cases()


def run_rule(code: str, case: dict):
    spec = registry.get(code)
    assert spec is not None, f"fixture for unknown rule {code}"
    overrides = dict(case.get("config", {}))
    if "glossaries" in case:
        root = Path(__file__).resolve().parents[2]
        overrides["glossaries"] = [str(root / g) for g in case["glossaries"]]
    if "names" in case:
        root = Path(__file__).resolve().parents[2]
        overrides["names"] = [str(root / g) for g in case["names"]]
        overrides.setdefault("shipped_names", False)
    config = Config(**overrides)
    if "file" in case:  # read through the reader of that file name (directives, markup)
        doc = load_bytes(case["target"].encode(), Path(case["file"]), case["lang"], None)
    else:
        doc = make_doc(
            case["target"], case["lang"], case.get("source"), case.get("source_lang", "en")
        )
    others = [registry.get(c) for c in case.get("with", [])]
    checks = [spec, *(o for o in others if o is not None)]
    result = check_document(doc, checks, config, Resources(config))
    assert not result.errors, result.errors
    for f in result.findings:
        assert doc.text[f.start : f.end] == f.text
    return [f for f in result.findings if f.rule == code]


def _param(code: str, case: dict):  # type: ignore[no-untyped-def]
    """A case may carry ``xfail: <reason>``: a known miss, kept visible (strict: it fails
    the suite the day it passes, so the note is removed with the fix)."""
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(code, case, id=f"{code}-{case['name']}", marks=marks)


@pytest.mark.parametrize(("code", "case"), [_param(c, k) for c, k in CASES])
def test_fixture_case(code: str, case: dict) -> None:
    findings = run_rule(code, case)
    if case.get("pass"):
        assert findings == [], [(f.text, f.message) for f in findings]
        return
    expected = case["expect"]
    assert Counter(f.text for f in findings) == Counter(e["text"] for e in expected), [
        (f.text, f.message) for f in findings
    ]
    for exp in expected:
        matching = [f for f in findings if f.text == exp["text"]]
        if "suggestion" in exp:
            assert any(f.suggestion == exp["suggestion"] for f in matching), [
                f.suggestion for f in matching
            ]
        if "message" in exp:
            assert any(exp["message"] in f.message for f in matching), [f.message for f in matching]
        if "start" in exp:
            assert any(f.start == exp["start"] for f in matching)
