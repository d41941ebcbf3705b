"""The one-pass matcher: inflection, compounds, hyphens, case and word boundaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.glossary import load_termbase
from tqcheck.glossary.matcher import Matcher

MINI = load_termbase(Path(__file__).parent / "data" / "mini.tbx")
DE, FR, EN = Matcher(MINI, "de"), Matcher(MINI, "fr"), Matcher(MINI, "en")


def found(matcher: Matcher, text: str) -> dict[str, str]:
    """surface text -> concept id of the outermost matches."""
    return {m.text: m.concept.id for m in matcher.find(text) if not m.nested}


@pytest.mark.parametrize(
    "text, surface, concept",
    [
        ("Die Verbündeten sind sich einig.", "Verbündeten", "ally"),
        ("Am Rande des Gipfels sprach er.", "Gipfels", "summit"),
        ("Die Rede des Generalsekretärs war kurz.", "Generalsekretärs", "secretary-general"),
        ("Truppen an der NATO-Ostflanke.", "Ostflanke", "eastern-flank"),
        ("Beim Gipfeltreffen in Vilnius.", "Gipfeltreffen", "summit"),
        ("Vor dem Vilnius-Gipfeltreffen.", "Gipfeltreffen", "summit"),
        ("An der Südostflanke des Bündnisses.", "Südostflanke", "eastern-flank"),
        ("Die Alliierten berieten.", "Alliierten", "ally"),
    ],
)
def test_german_inflected_and_compound_forms_match(text: str, surface: str, concept: str) -> None:
    assert found(DE, text).get(surface) == concept


@pytest.mark.parametrize(
    "text, surface, concept",
    [
        ("Les alliés ont décidé.", "alliés", "ally"),
        ("Après les sommets de Madrid et Vilnius.", "sommets", "summit"),
        ("Le flanc oriental de l'Alliance.", "flanc oriental", "eastern-flank"),
        ("Le Conseil de l'Atlantique Nord se réunit.", "Conseil de l'Atlantique Nord", "nac"),
        ("The allies met at the summits.", "allies", "ally"),
    ],
)
def test_french_and_english_inflection(text: str, surface: str, concept: str) -> None:
    matcher = EN if text.startswith("The") else FR
    assert found(matcher, text).get(surface) == concept


@pytest.mark.parametrize(
    "text",
    [
        "Der Beirat tagte im Rathaus.",  # "Rat" is no compound head or modifier here
        "Ein guter Ratgeber.",
        "Das Gipfelkreuz auf dem Berg.",  # a term is never a compound's modifier
    ],
)
def test_word_boundaries_and_case_keep_out_false_matches(text: str) -> None:
    ids = set(found(DE, text).values())
    assert not ids & {"council", "summit", "nato"}


def test_acronyms_match_only_as_written() -> None:
    assert "OTAN" in found(FR, "L'OTAN se réunit.")
    assert not found(FR, "Il a dit otan par erreur.")


def test_exact_spelling_wins_when_two_terms_fit() -> None:
    matches = [m for m in DE.find("Die Nato und die NATO.") if m.concept.id == "nato"]
    assert [(m.text, m.term.text, m.exact) for m in matches] == [
        ("Nato", "Nato", True),
        ("NATO", "NATO", True),
    ]


def test_offsets_point_into_the_text() -> None:
    text = "Seit dem Gipfel steht die NATO-Ostflanke im Mittelpunkt."
    for m in DE.find(text):
        assert text[m.start : m.end] == m.text


def test_deprecated_terms_match_whole_words_only() -> None:
    ids = {m.term.text for m in DE.find("Der Paragraph 5 und der Untersekretär.")}
    assert "Paragraph 5" in ids and "Sekretär" not in ids
