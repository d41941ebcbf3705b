"""``scan --write-baseline`` / ``--baseline``: gate only the findings that are new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DE = (
    "Die Stadtwerke erhöhen die die Preise zum Januar.\n\n"
    "Der Bürgermeister sprach von von einer schweren Entscheidung.\n"
)
EN = "The board approved the the budget on Tuesday.\n"
OPTS = ("--select", "FL002", "--model", "none", "--isolated", "--no-cache", "--fail-on", "minor")


def scan(cli, *args: object):  # type: ignore[no-untyped-def]
    return cli("scan", *args, *OPTS, "--format", "json")


def findings(result) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    data = json.loads(result.stdout)
    return [(Path(d["path"]).name, f["text"]) for d in data["documents"] for f in d["findings"]]


def notices(result) -> list[str]:  # type: ignore[no-untyped-def]
    return json.loads(result.stdout)["summary"]["notices"]


@pytest.fixture
def corpus(tmp_path: Path, cli) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "werke.de.txt").write_text(DE, encoding="utf-8")
    (folder / "board.en.txt").write_text(EN, encoding="utf-8")
    base = tmp_path / "baseline.json"
    result = scan(cli, folder, "--write-baseline", base)
    assert result.exit_code == 0, result.output  # recording accepts what is there
    assert len(json.loads(base.read_text(encoding="utf-8"))["findings"]) == 3
    return folder, base


def test_without_baseline_the_gate_fails(cli, corpus) -> None:  # type: ignore[no-untyped-def]
    folder, _ = corpus
    result = scan(cli, folder)
    assert result.exit_code == 1
    assert len(findings(result)) == 3


def test_baseline_hides_known_findings(cli, corpus) -> None:  # type: ignore[no-untyped-def]
    folder, base = corpus
    result = scan(cli, folder, "--baseline", base)
    assert result.exit_code == 0, result.output
    assert findings(result) == []
    assert any("3 known findings hidden" in n and "0 new" in n for n in notices(result))


def test_inserted_paragraph_keeps_old_findings_matched(cli, corpus) -> None:  # type: ignore[no-untyped-def]
    folder, base = corpus
    path = folder / "werke.de.txt"
    path.write_text("Ein neuer Vorspann ohne Fehler.\n\n" + DE, encoding="utf-8")
    result = scan(cli, folder, "--baseline", base)
    assert result.exit_code == 0, result.output
    path.write_text("Ein neuer Vorspann mit mit Fehler.\n\n" + DE, encoding="utf-8")
    result = scan(cli, folder, "--baseline", base)
    assert result.exit_code == 1
    assert findings(result) == [("werke.de.txt", "mit mit")]


def test_renamed_file_keeps_its_findings(cli, corpus) -> None:  # type: ignore[no-untyped-def]
    folder, base = corpus
    (folder / "board.en.txt").rename(folder / "minutes.en.txt")
    result = scan(cli, folder, "--baseline", base)
    assert result.exit_code == 0, result.output
    assert findings(result) == []
    assert any("1 in moved or renamed files" in n for n in notices(result))


def test_fixed_findings_are_counted(cli, corpus) -> None:  # type: ignore[no-untyped-def]
    folder, base = corpus
    (folder / "board.en.txt").write_text(EN.replace("the the", "the"), encoding="utf-8")
    result = scan(cli, folder, "--baseline", base)
    assert any("1 recorded findings no longer found" in n for n in notices(result))


def test_a_second_occurrence_of_a_known_defect_is_new(cli, corpus) -> None:  # type: ignore[no-untyped-def]
    folder, base = corpus
    (folder / "board.en.txt").write_text(EN + "\n" + EN, encoding="utf-8")
    result = scan(cli, folder, "--baseline", base)
    assert findings(result) == [("board.en.txt", "the the")]


def test_edited_sentence_makes_the_finding_new(cli, corpus) -> None:  # type: ignore[no-untyped-def]
    folder, base = corpus
    (folder / "board.en.txt").write_text(
        EN.replace("on Tuesday", "late on Friday"), encoding="utf-8"
    )
    result = scan(cli, folder, "--baseline", base)
    assert findings(result) == [("board.en.txt", "the the")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not JSON"),
        ('{"format": "other"}', "not a tqcheck baseline"),
        (
            '{"format": "tqcheck-baseline", "version": 1, "findings": [{"rule": "FL002"}]}',
            "entry 1",
        ),
    ],
)
def test_unreadable_baseline_is_a_usage_error(
    cli, tmp_path: Path, content: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = scan(cli, tmp_path / "a.en.txt", "--baseline", bad)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
