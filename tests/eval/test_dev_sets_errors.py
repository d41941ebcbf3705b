"""bench/dev_sets.py must not report figures as if a check that raised had found nothing."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tqcheck.evaluation import read_rows

ROOT = Path(__file__).resolve().parents[2]


def _dev_sets():  # type: ignore[no-untyped-def]
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))  # its sibling mqm_data
    spec = importlib.util.spec_from_file_location(
        "dev_sets_under_test", ROOT / "bench" / "dev_sets.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _rows(tmp_path: Path) -> list:  # type: ignore[type-arg]
    row = {
        "id": "t/1",
        "origin": "o1",
        "split": "tune",
        "lang": "en",
        "target": "The the ferry left at noon.",
        "errors": [{"category": "Fluency/Duplication", "start": 0, "end": 7, "text": "The the"}],
    }
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    rows, problems = read_rows(path)
    assert not problems
    return rows


def test_a_check_that_raises_is_counted_and_fails_the_run(tmp_path: Path) -> None:
    dev_sets = _dev_sets()
    cfg, checks = dev_sets._checks("FL002", False)

    def broken(doc, ctx):  # type: ignore[no-untyped-def]
        raise TypeError("unsupported operand")
        yield  # a generator, as checks are

    dev_sets._checks = lambda codes, preview: (cfg, [dataclasses.replace(checks[0], func=broken)])
    figures = dev_sets.figures(_rows(tmp_path), "FL002", ("Fluency/Duplication",), False)
    assert figures["tune/all"]["recall"] == 0.0
    assert len(dev_sets.CHECK_ERRORS) == 1
    assert "unsupported operand" in dev_sets.CHECK_ERRORS[0]
    with pytest.raises(SystemExit) as stop:
        dev_sets._fail_on_check_errors()
    assert stop.value.code == 1


def test_a_working_check_leaves_no_errors(tmp_path: Path) -> None:
    dev_sets = _dev_sets()
    figures = dev_sets.figures(_rows(tmp_path), "FL002", ("Fluency/Duplication",), False)
    assert figures["tune/all"]["recall"] == 1.0
    assert dev_sets.CHECK_ERRORS == []
    dev_sets._fail_on_check_errors()  # returns quietly
