"""CSV glossaries that must fail loudly, not swallow rows or crash (issue 15)."""

from __future__ import annotations

import pytest

from tqcheck.glossary.csvio import parse_csv
from tqcheck.glossary.model import GlossaryError

HEADER = "concept_id,en,de,note\n"


def test_an_unbalanced_quote_is_an_error_with_its_line() -> None:
    text = HEADER + 'c1,"alliance,Bündnis,\nc2,treaty,Vertrag,\nc3,summit,Gipfel,\n'
    with pytest.raises(GlossaryError, match="line 2: a term runs over a line break"):
        parse_csv(text, "g.csv")


def test_a_cell_over_the_csv_field_limit_is_an_error() -> None:
    text = HEADER + "c1,alliance,Bündnis," + "x" * 200_000 + "\n"
    with pytest.raises(GlossaryError, match="line 2: field larger than field limit"):
        parse_csv(text, "g.csv")


def test_a_multi_line_note_is_fine_and_line_numbers_follow_it() -> None:
    text = HEADER + 'c1,alliance,Bündnis,"first line\nsecond line"\nc2,treaty,Vertrag,\n'
    base = parse_csv(text, "g.csv")
    assert [c.id for c in base] == ["c1", "c2"]


def test_a_semicolon_separated_file_is_read() -> None:
    text = "concept_id;en;fr\nc1;alliance;alliance\nc2;treaty, pact;traité\n"
    base = parse_csv(text, "g.csv")
    assert [c.id for c in base] == ["c1", "c2"]
    assert {t.text for c in base for t in c.terms if t.lang == "en"} == {"alliance", "treaty, pact"}
