"""The sentence aligner on invented article pairs: clean pairs are all 1-1, and dropped,
added, reordered, split, merged and replaced sentences come out as what they are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.accuracy.articles import (
    ADDED_DE,
    ADDED_FR,
    DE_TRAM,
    EN_MUSEUM,
    EN_TRAM,
    FR_MUSEUM,
    inserted,
    join,
    without,
)
from tests.conftest import make_doc
from tqcheck.align import Alignment, aligned_pairs, document_alignment
from tqcheck.model import Document, Unit

PAIRS = {"en-de": (EN_TRAM, DE_TRAM, "de"), "en-fr": (EN_MUSEUM, FR_MUSEUM, "fr")}


def align(src: list[str], tgt: list[str], lang: str, resources) -> Alignment:
    return document_alignment(make_doc(join(tgt), lang, join(src)), resources)


def kinds(al: Alignment) -> list[str]:
    return [link.kind for link in al.links]


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_clean_pair_is_all_one_to_one_in_order(pair: str, resources) -> None:
    src, tgt, lang = PAIRS[pair]
    al = align(src, tgt, lang, resources)
    assert al.semantic and al.method == "usem3-v3"
    assert [(link.src, link.tgt) for link in al.links] == [((i,), (i,)) for i in range(len(src))]
    assert not any(link.moved or link.replaced for link in al.links)


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_clean_pair_without_a_model_is_all_one_to_one(pair: str, lexical) -> None:
    src, tgt, lang = PAIRS[pair]
    al = align(src, tgt, lang, lexical)
    assert al.method == "lexical" and not al.semantic
    assert [(link.src, link.tgt) for link in al.links] == [((i,), (i,)) for i in range(len(src))]


@pytest.mark.parametrize(
    ("pair", "drop"), [("en-de", 4), ("en-de", 0), ("en-fr", 3), ("en-fr", 11)]
)
def test_dropped_sentence_is_one_to_zero(pair: str, drop: int, resources) -> None:
    src, tgt, lang = PAIRS[pair]
    al = align(src, without(tgt, drop), lang, resources)
    lonely = [link for link in al.links if link.kind == "1-0"]
    assert [link.src for link in lonely] == [(drop,)]
    assert kinds(al).count("1-1") == len(src) - 1


@pytest.mark.parametrize(
    ("pair", "added", "at"),
    [("en-de", ADDED_DE, 8), ("en-fr", ADDED_FR, 0), ("en-fr", ADDED_FR, 12)],
)
def test_added_sentence_is_zero_to_one(pair: str, added: str, at: int, resources) -> None:
    src, tgt, lang = PAIRS[pair]
    al = align(src, inserted(tgt, at, added), lang, resources)
    lonely = [link for link in al.links if link.kind == "0-1"]
    assert [al.target[link.tgt[0]].text for link in lonely] == [added]
    assert kinds(al).count("1-1") == len(src)


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_reordered_sentence_is_relinked_not_omitted(pair: str, resources) -> None:
    src, tgt, lang = PAIRS[pair]
    moved = list(tgt)
    moved.insert(8, moved.pop(2))  # sentence 3 now comes after sentence 9
    al = align(src, moved, lang, resources)
    assert set(kinds(al)) == {"1-1"}
    relinked = [link for link in al.links if link.moved]
    assert len(relinked) == 1 and relinked[0].src == (2,)
    assert al.target[relinked[0].tgt[0]].text == tgt[2]


def test_split_and_merged_sentences(resources) -> None:
    src = list(EN_TRAM[:6])
    tgt = list(DE_TRAM[:6])
    tgt[3] = "Das Projekt wird 412 Millionen Euro kosten. Davon übernimmt der Bund 60 Prozent."
    src[4:5] = [
        "Mayor Petra Hollmann called the decision a turning point.",
        "She meant public transport in the region.",
    ]
    al = align(src, tgt, "de", resources)
    assert kinds(al) == ["1-1", "1-1", "1-1", "1-2", "2-1", "1-1"]


def test_sentence_split_in_three_is_one_link(resources) -> None:
    src = list(EN_TRAM[:6])
    tgt = list(DE_TRAM[:6])
    src[3] = (
        "The project will cost 412 million euros, of which the federal government pays 60 "
        "percent, while the city covers the rest from a special fund set up last year."
    )
    tgt[3] = (
        "Das Projekt wird 412 Millionen Euro kosten. Der Bund übernimmt davon 60 Prozent. "
        "Den Rest trägt die Stadt aus einem Sonderfonds, der im vergangenen Jahr "
        "eingerichtet wurde."
    )
    al = align(src, tgt, "de", resources)
    assert kinds(al) == ["1-1", "1-1", "1-1", "1-3", "1-1", "1-1"]


def test_truncated_translation_stays_paired(resources) -> None:
    tgt = list(DE_TRAM[:6])
    tgt[3] = "Das Projekt kostet viel."
    al = align(EN_TRAM[:6], tgt, "de", resources)
    assert set(kinds(al)) == {"1-1"}  # not merged into a neighbour to fake an omission


def test_replaced_sentence_is_paired_by_position(resources) -> None:
    tgt = list(DE_TRAM[:6])
    tgt[1] = "Die Linie wird wegen fehlender Fahrer vorerst nur am Wochenende fahren."
    al = align(EN_TRAM[:6], tgt, "de", resources)
    assert set(kinds(al)) == {"1-1"}
    replaced = [link for link in al.links if link.replaced]
    assert [(link.src, link.tgt) for link in replaced] == [((1,), (1,))]
    assert replaced[0].similarity is not None and replaced[0].similarity < 0.4


def test_bilingual_units_align_inside_each_unit(resources) -> None:
    sources = [" ".join(EN_TRAM[0:2]), " ".join(EN_TRAM[2:5])]
    targets = [" ".join(DE_TRAM[0:2]), " ".join([DE_TRAM[2], DE_TRAM[4]])]  # DE_TRAM[3] dropped
    text = "\n\n".join(targets)
    units = (
        Unit(sources[0], 0, len(targets[0])),
        Unit(sources[1], len(targets[0]) + 2, len(text)),
    )
    source = Document("s", "\n\n".join(sources), "en")
    doc = Document("t", text, "de", source=source, units=units)
    al = document_alignment(doc, resources)
    assert kinds(al) == ["1-1", "1-1", "1-1", "1-0", "1-1"]
    assert [link.block for link in al.links] == [0, 0, 1, 1, 1]
    assert al.source[al.links[3].src[0]].text == EN_TRAM[3]


def test_aligned_pairs_offsets_index_the_documents(resources) -> None:
    doc = make_doc(join(without(DE_TRAM, 5)), "de", join(EN_TRAM))
    pairs = aligned_pairs(doc, resources)
    assert doc.source is not None
    for src, tgt in pairs:
        for p in src:
            assert doc.source.text[p.start : p.end] == p.text
        for p in tgt:
            assert doc.text[p.start : p.end] == p.text
    assert sum(1 for _s, t in pairs if not t) == 1
    assert aligned_pairs(make_doc("Kein Quelltext.", "de"), resources) == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Berlin",
                "NATO",
                "1.000",
                "1,000",
                "Kanzler",
                "chancellor",
                "€",
                "?",
                "tagte",
                "met",
                "EU",
                "am",
                "Montag",
                "Monday",
                "12",
                "Ministers",
            ]
        ),
        max_size=8,
    ),
    st.lists(
        st.sampled_from(
            [
                "Berlin",
                "OTAN",
                "1000",
                "Kanzlerin",
                "€",
                "!",
                "Montag",
                "12",
                "Minister",
                "EU",
                "le",
                "lundi",
            ]
        ),
        max_size=8,
    ),
)
def test_a_lone_pair_scores_as_in_the_matrix(src: list[str], tgt: list[str]) -> None:
    # align_texts scores a one-sentence pair without building the matrices
    from tqcheck.align.lexical import lexical_scores, pair_score

    a, b = " ".join(src), " ".join(tgt)
    assert pair_score(a, b) == float(lexical_scores([a], [b]).s11[0, 0])
