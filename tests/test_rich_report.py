"""The terminal report at 80 columns: unique names, totals, reasons, wrapped lines."""

from __future__ import annotations

import io

from tests.test_formats_golden import fixed_run
from tqcheck.formats import rich_report
from tqcheck.formats.rich_report import display_names


def render(result) -> list[str]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    rich_report.render(result, out)
    return out.getvalue().splitlines()


def test_display_names_tell_documents_apart() -> None:
    paths = ["locale/de/LC_MESSAGES/messages.po", "locale/fr/LC_MESSAGES/messages.po", "a.txt"]
    assert display_names(paths, 28) == [
        "de/LC_MESSAGES/messages.po",
        "fr/LC_MESSAGES/messages.po",
        "a.txt",
    ]
    long = ["x/" + "a" * 40 + "/same.de.txt", "y/" + "a" * 40 + "/same.de.txt"]
    shown = display_names(long, 28)
    assert shown == ["x/…/same.de.txt", "y/…/same.de.txt"]


def test_summary_has_totals_and_the_reason_for_each_failure() -> None:
    lines = render(fixed_run())
    totals = next(line for line in lines if "2 documents" in line)
    assert "12" in totals and "0/2" in totals
    assert any(line.startswith("FAIL a,b: one.de.txt: score 41.7 < 95") for line in lines)
    assert any(line.startswith("FAIL broken.de.txt: input error") for line in lines)


def test_wrapped_messages_stay_in_their_column() -> None:
    from dataclasses import replace

    run = fixed_run()
    doc = run.documents[0]
    long = "a message long enough to wrap at eighty columns " * 3
    run.documents[0] = replace(doc, findings=[replace(doc.findings[0], message=long)])
    lines = render(run)
    start = next(i for i, line in enumerate(lines) if "FL002" in line)
    continuation = lines[start + 1]
    assert len(lines[start]) <= 80
    assert continuation.startswith(" " * 20) and "eighty" in " ".join(lines[start : start + 4])


def test_unit_id_is_shown() -> None:
    assert any("[news/title-2]" in line for line in render(fixed_run()))
