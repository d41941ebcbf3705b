"""Every machine format renders one fixed run exactly as its golden file holds it.

The run is built by hand (two documents, a finding whose message needs escaping, an
input error), so the files change only when a format does. To accept a deliberate change:
``TQCHECK_UPDATE_GOLDEN=1 pytest tests/test_formats_golden.py`` and review the diff."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from tqcheck.config import Config
from tqcheck.engine import RunResult, merge
from tqcheck.formats import FORMATS
from tqcheck.model import Category, DocumentResult, Excerpt, Finding, InputError, Severity

GOLDEN = Path(__file__).parent / "golden"
MACHINE = ("json", "jsonl", "sarif", "junit", "concise", "github", "gitlab", "markdown", "html")


def fixed_run() -> RunResult:
    findings = [
        Finding(
            "FL002",
            "doubled-word",
            Category.FLUENCY,
            Severity.MINOR,
            "word repeated: 'der'",
            14,
            21,
            1,
            15,
            "der der",
            "der",
        ),
        Finding(
            "NM001",
            "known-name-misspelled",
            Category.NAME,
            Severity.MAJOR,
            "'Olaf Scholes' misspells Olaf Scholz: 100%, ok, 50,5 %",
            40,
            52,
            2,
            1,
            "Olaf Scholes",
            "Olaf Scholz",
            unit="news/title-2",
        ),
    ]
    excerpts = [
        Excerpt("Die USA sind ", "der der", " größte Geldgeber.", False, False, 1, 22),
        Excerpt("", "Olaf Scholes", " sprach am Montag.", False, True, 2, 13),
    ]
    good = DocumentResult(
        "docs/a,b: one.de.txt",
        "de",
        None,
        None,
        12,
        findings,
        [],
        41.7,
        False,
        excerpts,
        ["a notice"],
        {"names": "abc123"},
    )
    bad = DocumentResult(
        "docs/broken.de.txt",
        "und",
        None,
        None,
        0,
        [],
        [InputError("IO001", "binary file, not text", "docs/broken.de.txt")],
        0.0,
        False,
    )
    run = merge([good, bad], [], Config())
    run.signature = "tqcheck:test|langs:none-de|checks:0:00000000"
    return run


def render(fmt: str) -> str:
    out = io.StringIO()
    FORMATS[fmt](fixed_run(), out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", MACHINE)
def test_format_matches_its_golden_file(fmt: str) -> None:
    path = GOLDEN / f"report.{fmt}.txt"
    text = render(fmt)
    if os.environ.get("TQCHECK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_github_escapes_properties_and_messages() -> None:
    lines = render("github").splitlines()
    assert lines[0].startswith("::warning file=docs/a%2Cb%3A one.de.txt,line=1,col=15,")
    assert "endLine=1,endColumn=22" in lines[0]
    assert lines[1].startswith("::error ") and "100%25, ok, 50,5 %25" in lines[1]
    assert lines[2].startswith("::error file=docs/broken.de.txt,line=1,col=1,title=tqcheck IO001")


def test_gitlab_fingerprints_ignore_line_numbers() -> None:
    from dataclasses import replace

    from tqcheck.formats.gitlab import fingerprint

    run = fixed_run()
    doc = run.documents[0]
    moved = replace(doc, findings=[replace(f, line=f.line + 7) for f in doc.findings])
    assert fingerprint(moved, 0) == fingerprint(doc, 0)
    assert fingerprint(doc, 0) != fingerprint(doc, 1)
    issues = json.loads(render("gitlab"))
    assert [i["severity"] for i in issues] == ["minor", "major", "blocker"]


def test_concise_is_one_line_per_finding_and_error() -> None:
    assert render("concise").splitlines() == [
        "docs/a,b: one.de.txt:1:15: FL002 [minor] word repeated: 'der' (suggestion: 'der')",
        "docs/a,b: one.de.txt:2:1: NM001 [major] 'Olaf Scholes' misspells Olaf Scholz: 100%, "
        "ok, 50,5 % (suggestion: 'Olaf Scholz') [unit news/title-2]",
        "docs/broken.de.txt:1:1: IO001 [error] binary file, not text",
    ]


def fixed_table():  # type: ignore[no-untyped-def]
    from tqcheck.formats.tables import Cell, Table

    table = Table(
        "terms | de",
        ["lang", "term", "count"],
        rows=[["de", "Bündnis, das", "3"], ["fr", Cell("l'Alliance", "bad"), "12"]],
        right=frozenset({"count"}),
        footer=[["all", "", "15"]],
        notes=["source: NATOTerm"],
    )
    return table


@pytest.mark.parametrize("fmt", ["table", "json", "tsv", "csv", "markdown"])
def test_table_format_matches_its_golden_file(fmt: str) -> None:
    from tqcheck.formats import tables

    out = io.StringIO()
    tables.render([fixed_table()], fmt, out)
    path = GOLDEN / f"table.{fmt}.txt"
    if os.environ.get("TQCHECK_UPDATE_GOLDEN"):
        path.write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue() == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", MACHINE)
def test_every_format_names_the_unit(fmt: str) -> None:
    assert "news/title-2" in render(fmt)
