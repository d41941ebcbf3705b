"""``tqcheck eval``: figures computed by hand on a four-row file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqcheck import registry
from tqcheck.config import Config
from tqcheck.evaluation import answers, category_map, evaluate, read_rows

ROWS = [
    {
        "id": "r1",
        "lang": "en",
        "split": "tune",
        "origin": "doc:a",
        "target": "The the minister spoke .",
        "errors": [
            {
                "category": "Fluency/Duplication",
                "severity": "Minor",
                "start": 0,
                "end": 7,
                "text": "The the",
                "kind": "doubled_word",
            }
        ],
    },
    {
        "id": "r2",
        "lang": "en",
        "split": "heldout",
        "origin": "doc:b",
        "target": "We met in Paris , then left.",
        "errors": [],
    },
    {
        "id": "r3",
        "lang": "en",
        "split": "heldout",
        "origin": "doc:b",
        "target": "He said that that was fine.",
        "errors": [],
        "negatives": [{"kind": "grammatical_double", "start": 8, "end": 17, "text": "that that"}],
    },
    {
        "id": "r4",
        "lang": "en",
        "split": "tune",
        "origin": "doc:c",
        "target": "It was was late",
        "errors": [
            {
                "category": "Fluency/Duplication",
                "severity": "Minor",
                "start": 3,
                "end": 10,
                "text": "was was",
            },
            {
                "category": "Fluency/Punctuation",
                "severity": "Minor",
                "start": 15,
                "end": 15,
                "text": "",
            },
        ],
    },
]


def write(tmp_path: Path, rows: list, extra: str = "") -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + extra, encoding="utf-8")
    return path


def run(path: Path, codes: str, by: tuple[str, ...] = ()) -> dict:
    rows, problems = read_rows(path)
    assert problems == []
    cfg = Config(select=codes.split(",")).validate()
    checks = registry.select(registry.all_checks(), cfg.select)
    return evaluate(rows, checks, cfg, by=by)


def test_figures_by_hand(tmp_path: Path) -> None:
    report = run(write(tmp_path, ROWS), "FL001,FL002", by=("split",))
    g = report["groups"]["all"]
    assert g["rows"] == 4 and g["error_free_rows"] == 2 and g["error_free_words"] == 12
    fl001, fl002 = g["rules"]["FL001"], g["rules"]["FL002"]
    # FL002: "The the" and "was was", both labelled duplications.
    assert (fl002["findings"], fl002["correct"], fl002["precision"]) == (2, 2, 1.0)
    # FL001: " ." in r1 (unlabelled) and " ," in r2 (an error-free row): none correct.
    assert (fl001["findings"], fl001["correct"], fl001["on_error_free_rows"]) == (2, 0, 1)
    assert fl001["per_1000_words_error_free"] == pytest.approx(83.333, abs=0.001)
    dup, punct = g["categories"]["Fluency/Duplication"], g["categories"]["Fluency/Punctuation"]
    assert (dup["spans"], dup["found"], dup["recall"]) == (2, 2, 1.0)
    assert (dup["segment_precision"], dup["segment_recall"]) == (1.0, 1.0)
    assert dup["kinds"] == {"doubled_word": {"spans": 1, "found": 1, "recall": 1.0}}
    # The missing final full stop of r4 is not found; FL001 fires on rows 1 and 2 only.
    assert (punct["spans"], punct["found"], punct["recall"]) == (1, 0, 0.0)
    assert (punct["segment_precision"], punct["segment_recall"]) == (0.0, 0.0)
    # Rows with an error: r1, r4; rows with a finding: r1, r2, r4.
    assert (g["segment_precision"], g["segment_recall"]) == (0.6667, 1.0)
    assert (g["negatives"], g["negatives_hit"]) == (1, 0)
    held = report["groups"]["split=heldout"]
    assert held["rows"] == 2 and held["findings"] == 1 and held["precision"] == 0.0
    assert report["groups"]["split=tune"]["rules"]["FL002"]["correct"] == 2


def test_a_finding_on_a_labelled_negative_counts(tmp_path: Path) -> None:
    rows = [
        {
            "id": "n",
            "lang": "de",
            "target": "Die Hilfe Hilfe kam.",
            "errors": [],
            "negatives": [{"kind": "x", "start": 4, "end": 15, "text": "Hilfe Hilfe"}],
        }
    ]
    g = run(write(tmp_path, rows), "FL002")["groups"]["all"]
    assert (g["negatives_hit"], g["rules"]["FL002"]["on_negatives"]) == (1, 1)


def test_raters_of_one_unit_are_merged(tmp_path: Path) -> None:
    base = {
        "unit_id": "u/sysA_with_B/d/1",
        "system": "sysA_with_B",
        "base_system": "sysA",
        "lang": "en",
        "target": "It was was late.",
    }
    rows = [
        {**base, "id": "1", "errors": []},
        {
            **base,
            "id": "2",
            "errors": [
                {
                    "category": "Fluency/Grammar",
                    "severity": "Minor",
                    "start": 3,
                    "end": 10,
                    "text": "was was",
                }
            ],
        },
        {**base, "id": "3", "unit_id": "u/sysA/d/1", "system": "sysA", "errors": []},
    ]
    rows_read, _ = read_rows(write(tmp_path, rows))
    assert len(rows_read) == 1
    (row,) = rows_read
    assert row.raters == 3 and not row.error_free and len(row.errors) == 1


def test_bad_lines_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    bad_span = {
        "id": "b",
        "lang": "en",
        "target": "abc",
        "errors": [{"category": "X", "start": 0, "end": 2, "text": "zz"}],
    }
    path = write(tmp_path, [ROWS[1], bad_span], extra="{not json\n")
    rows, problems = read_rows(path)
    assert [r.id for r in rows] == ["r2"]
    assert len(problems) == 2
    assert "data.jsonl:2" in problems[0] and "'zz'" in problems[0]
    assert "data.jsonl:3: not JSON" in problems[1]


def test_every_rule_answers_some_category() -> None:
    mapped = category_map()
    assert {s.code for s in registry.all_checks()} <= set(mapped)
    assert answers("AC002", "Accuracy/Omission (Translation 2)")
    assert answers("NM001", "Accuracy/Mistranslation/Name")
    assert not answers("FL001", "Fluency/Punctuationish")


def test_cli_eval_text_json_and_exit_codes(cli, tmp_path: Path) -> None:
    path = write(tmp_path, ROWS)
    result = cli("eval", path, "--select", "FL001,FL002", "--by", "split")
    assert result.exit_code == 0, result.output
    assert "== split=heldout: 2 rows" in result.output
    assert "Fluency/Duplication" in result.output
    result = cli("eval", path, "--select", "FL002", "--json", "--split", "tune")
    data = json.loads(result.output)
    assert data["groups"]["all"]["rows"] == 2
    bad = write(tmp_path, ROWS[:1], extra="oops\n")
    result = cli("eval", bad, "--select", "FL002")
    assert result.exit_code == 2 and "not JSON" in result.output
    assert "== all: 1 rows" in result.output
    result = cli("eval", tmp_path / "missing.jsonl")
    assert result.exit_code == 2 and "cannot read" in result.output
    result = cli("eval", path, "--by", "colour")
    assert result.exit_code == 2 and "cannot group by" in result.output
