"""Polarity cues from the language packs, and AC006 on sentence pairs: positive and
negative cases for never/nie/jamais, at least/mindestens vs höchstens, no longer/nicht
mehr/ne … plus."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import make_doc
from tqcheck import registry
from tqcheck.checks.accuracy.polarity import cues
from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.resources_loader import Resources

AC006 = registry.get("AC006")


def strong(text: str, lang: str) -> set[str]:
    return {c.cls for c in cues(text, lang) if c.strong}


def flagged(source: str, target: str, lang: str) -> list[str]:
    doc = make_doc(target, lang, source)
    config = Config(model="none")
    assert AC006 is not None
    return [f.text for f in check_document(doc, [AC006], config, Resources(config)).findings]


@pytest.mark.parametrize(
    ("text", "lang", "classes"),
    [
        ("He never agreed.", "en", {"negation"}),
        ("Er stimmte nie zu.", "de", {"negation"}),
        ("Il n'a jamais accepté.", "fr", {"negation"}),
        ("At least 20 people died.", "en", {"at_least"}),
        ("Mindestens 20 Menschen starben.", "de", {"at_least"}),
        ("Höchstens 20 Menschen starben.", "de", {"at_most"}),
        ("Au moins vingt personnes sont mortes.", "fr", {"at_least"}),
        ("The firm no longer sells cars.", "en", {"no_longer"}),
        ("They can't take it anymore.", "en", {"no_longer"}),
        ("Die Firma verkauft nicht mehr.", "de", {"no_longer"}),
        ("Die Firma verkauft keine Autos mehr.", "de", {"no_longer"}),
        ("L'entreprise ne vend plus de voitures.", "fr", {"no_longer"}),
        ("More than 500 came.", "en", {"more_than"}),
        ("Moins de 500 personnes.", "fr", {"less_than"}),
    ],
)
def test_strong_cues(text: str, lang: str, classes: set[str]) -> None:
    assert strong(text, lang) == classes


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("At least he tried.", "en"),  # a bound only before a number
        ("They get up to all sorts of tricks.", "en"),
        ("We know no more than you know what I see.", "en"),  # no number follows
        ("It goes from 15 per million up to 150.", "en"),  # a range, not a bound
        ("die nicht-manuellen Berufe", "de"),  # a compound prefix
        ("Elle n'a que 20 ans.", "fr"),  # ne … que: "only"
        ("avant qu'il ne parte", "fr"),  # expletive ne
        ("people who dislike this", "en"),  # affix negation: weak
    ],
)
def test_no_strong_cue(text: str, lang: str) -> None:
    assert strong(text, lang) == set()


def test_affix_negations_are_weak_cues() -> None:
    assert any(
        c.text == "unhelpfully" and not c.strong for c in cues("stretched unhelpfully", "en")
    )
    assert any(c.text == "ergebnislos" for c in cues("Es blieb ergebnislos.", "de"))
    assert not any(c.text == "discover" for c in cues("we discover it", "en"))
    assert not any(c.text == "important" for c in cues("c'est important", "fr"))


@pytest.mark.parametrize(
    ("source", "target", "lang", "expected"),
    [
        ("He never agreed to it.", "Er hat dem nie zugestimmt.", "de", []),
        ("He never agreed to it.", "Er hat dem zugestimmt.", "de", ["Er hat dem zugestimmt."]),
        ("He never agreed to it.", "Il n'y a jamais consenti.", "fr", []),
        ("He never agreed to it.", "Il y a consenti.", "fr", ["Il y a consenti."]),
        ("At least 20 people died.", "Mindestens 20 Menschen starben.", "de", []),
        ("At least 20 people died.", "Höchstens 20 Menschen starben.", "de", ["Höchstens"]),
        ("At least 20 people died.", "Au plus 20 personnes sont mortes.", "fr", ["Au plus"]),
        ("At most 20 people died.", "Höchstens 20 Menschen starben.", "de", []),
        ("At most 20 people died.", "Mindestens 20 Menschen starben.", "de", ["Mindestens"]),
        ("The firm no longer sells cars.", "Die Firma verkauft keine Autos mehr.", "de", []),
        (
            "The firm no longer sells cars.",
            "Die Firma verkauft Autos.",
            "de",
            ["Die Firma verkauft Autos."],
        ),
        ("The firm no longer sells cars.", "L'entreprise ne vend plus de voitures.", "fr", []),
        ("The minister agreed.", "Der Minister stimmte nicht zu.", "de", ["nicht"]),
        ("The minister agreed.", "Le ministre n'a pas accepté.", "fr", ["n'a pas"]),
        ("It is not clear.", "Es ist unklar.", "de", []),  # rendered by an affix
        ("Some dislike it.", "Manche mögen es nicht.", "de", []),
        ('He quoted "No man is an island".', "Er zitierte „No man is an island“.", "de", []),
    ],
)
def test_polarity_mismatch_pairs(source: str, target: str, lang: str, expected: list[str]) -> None:
    assert flagged(source, target, lang) == expected


_WORDS = st.sampled_from(
    [
        "nicht",
        "kein",
        "never",
        "no",
        "longer",
        "n't",
        "don't",
        "ne",
        "n'",
        "plus",
        "jamais",
        "mindestens",
        "at",
        "least",
        "moins",
        "Datei",
        "öffnen",
        "file",
        "20",
        "’",
        "'",
        "-",
        "aucun",
        "ni",
        "sans",
        "without",
        "höchstens",
        "weder",
        "noch",
        "not",
        "only",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_WORDS, max_size=8), st.sampled_from(["de", "en", "fr"]), st.sampled_from(["", " "])
)
@example(["do", "n't"], "en", " ")
@example(["wouldn't"], "en", " ")
@example(["n'est", "plus"], "fr", " ")
def test_the_word_gate_never_changes_the_cues(words: list[str], lang: str, glue: str) -> None:
    # cues() skips its pattern when no cue can start in the text; with the gate open
    # (every text may hold a cue) the answer must be the same
    import re

    from tqcheck.checks.accuracy import polarity

    text = (glue or " ").join(words) if glue else "".join(words)
    gated = polarity.cues(text, lang)
    original = polarity._gate
    polarity._gate = lambda _lang: (frozenset(), re.compile(""))  # type: ignore[assignment]
    try:
        assert polarity.cues(text, lang) == gated
    finally:
        polarity._gate = original


_PIECES = {
    "de": ["nicht", "kein", "keine", "nie", "mehr als", "weniger als", "höchstens", "un"],
    "en": ["not", "n't", "no", "never", "at least", "more than", "do n't", "won't", "non-"],
    "fr": ["ne", "n'", "pas", "plus", "jamais", "au moins", "moins de", "n'est", "aucun"],
}
_FILLER = ["die", "Stadt", "the", "house", "la", "maison", "20", ",", "'", "-", " ", "x"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["de", "en", "fr"]),
    st.lists(
        st.sampled_from(sorted({p for v in _PIECES.values() for p in v} | set(_FILLER))),
        max_size=40,
    ),
    st.lists(st.sampled_from([" ", "", "  ", "'"]), min_size=40, max_size=40),
)
def test_cues_are_tried_only_where_one_can_start(
    lang: str, pieces: list[str], gaps: list[str]
) -> None:
    """Trying the alternation at the words that open a cue (and where a phrase that opens
    inside a word matches) finds what trying it everywhere finds."""
    from tqcheck.checks.accuracy import polarity

    norm = "".join(p + gaps[k % len(gaps)] for k, p in enumerate(pieces)).lower()
    pattern, _meaning = polarity._cue_table(lang)
    assert pattern is not None
    everywhere = [(m.start(), m.end()) for m in pattern.finditer(norm)]
    assert [(m.start(), m.end()) for m in polarity._cue_matches(pattern, norm, lang)] == everywhere
