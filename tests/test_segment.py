from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_FILES, make_doc
from tqcheck.model import Document
from tqcheck.text.segment import split_paragraphs, split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [s.text for s in make_doc(text, lang).sentences]


def test_german_abbreviations_ordinals_and_quotes() -> None:
    text = (
        "Das ist z. B. ein Test. Dr. Müller kam am 3. Dezember nach Berlin. "
        "„Wir bleiben“, sagte er. Er sagte: „Wir gehen.“ Danach ging er bzw. lief er."
    )
    assert sentences(text, "de") == [
        "Das ist z. B. ein Test.",
        "Dr. Müller kam am 3. Dezember nach Berlin.",
        "„Wir bleiben“, sagte er.",
        "Er sagte: „Wir gehen.“",
        "Danach ging er bzw. lief er.",
    ]


def test_german_ordinal_before_noun_and_year_end() -> None:
    text = (
        "Der 2. Weltkrieg endete 1945. Die Zahl stieg im Jahr 2022. Am 24. Februar 2022 begann er."
    )
    assert sentences(text, "de") == [
        "Der 2. Weltkrieg endete 1945.",
        "Die Zahl stieg im Jahr 2022.",
        "Am 24. Februar 2022 begann er.",
    ]


def test_english_titles_and_initials() -> None:
    text = "Mr. Smith met Gen. Christopher G. Cavoli on Monday. They spoke for an hour! Then what?"
    assert sentences(text, "en") == [
        "Mr. Smith met Gen. Christopher G. Cavoli on Monday.",
        "They spoke for an hour!",
        "Then what?",
    ]


def test_french_abbreviations_and_guillemets() -> None:
    text = "M. Macron a parlé avec Mme Kallas. Il a dit : « Nous resterons. » Ensuite, etc. ils partirent."
    assert sentences(text, "fr") == [
        "M. Macron a parlé avec Mme Kallas.",
        "Il a dit : « Nous resterons. »",
        "Ensuite, etc. ils partirent.",
    ]


def test_lines_are_paragraphs_and_wrapped_lines_join() -> None:
    doc = make_doc(
        "Titel ohne Punkt\nErster Satz. Zweiter Satz.\n\nDritter Satz\ngeht weiter.", "de"
    )
    assert [p.text for p in doc.paragraphs] == [
        "Titel ohne Punkt",
        "Erster Satz. Zweiter Satz.",
        "Dritter Satz\ngeht weiter.",
    ]
    assert [s.text for s in doc.sentences][:3] == [
        "Titel ohne Punkt",
        "Erster Satz.",
        "Zweiter Satz.",
    ]


def test_tokens_keep_compounds_and_gender_forms() -> None:
    doc = make_doc("Die NATO-Außenminister und Leser:innen zahlten 1.000,50 Euro.", "de")
    assert [t.text for t in doc.tokens] == [
        "Die",
        "NATO-Außenminister",
        "und",
        "Leser:innen",
        "zahlten",
        "1.000,50",
        "Euro",
        ".",
    ]
    assert doc.word_count == 7


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_offsets_are_exact(path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = Document(str(path), text, "de")
    previous_end = 0
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
    for p in doc.paragraphs:
        assert text[p.start : p.end] == p.text
    # line/column agree with the text
    for s in doc.sentences[:20]:
        line, col = doc.line_col(s.start)
        assert text.splitlines()[line - 1][col - 1 :].startswith(s.text.split("\n")[0])


def test_seed_004_segments_sensibly() -> None:
    path = next(p for p in SEED_FILES if p.name.startswith("004"))
    doc = Document(str(path), path.read_text(encoding="utf-8"), "de")
    texts = [s.text for s in doc.sentences]
    assert "Drücken Sie Play, um diesen Artikel anzuhören" in texts
    assert "Gesprochen von künstlicher Intelligenz." in texts
    assert any(t.startswith("Die zweitägige Veranstaltung beginnt am Dienstag") for t in texts)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=30),
    st.integers(0, 240),
    st.integers(0, 60),
)
def test_spans_meeting_a_range_are_those_a_scan_finds(
    raw: list[tuple[int, int]], lo: int, width: int
) -> None:
    from tqcheck.text.spans import Spans

    spans = [(s, s + n) for s, n in raw]  # overlapping spans allowed
    hi = lo + width
    assert Spans(spans).meeting(lo, hi) == sorted(s for s in spans if s[0] < hi and s[1] > lo)


def test_a_quoted_question_goes_on_after_its_closing_mark() -> None:
    """French sets a no-break space before "?" and "»": "« … ? », a dit X." is one
    sentence; an opening German "»" after a full stop starts the next one."""
    fr = "« Tu viens demain soir ? », a demandé sa sœur. Il n'a rien dit."
    assert [s.text for s in split_sentences(fr, "fr", split_paragraphs(fr))] == [
        "« Tu viens demain soir ? », a demandé sa sœur.",
        "Il n'a rien dit.",
    ]
    fr2 = "« Quelle chance ! » s'exclame la gagnante. Elle repart lundi."
    assert len(split_sentences(fr2, "fr", split_paragraphs(fr2))) == 2
    de = "Sie blieb stehen. »Wohin gehst du?« Er schwieg."
    assert [s.text for s in split_sentences(de, "de", split_paragraphs(de))] == [
        "Sie blieb stehen.",
        "»Wohin gehst du?«",
        "Er schwieg.",
    ]
