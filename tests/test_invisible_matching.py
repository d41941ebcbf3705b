"""Invisible characters do not hide a name or a term (issue 15): the name and glossary
checks read the text without them and report positions in the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.model import Document
from tqcheck.scanner import Scanner
from tqcheck.text.invisible import visible

ZWSP, SHY, RLO = "\u200b", "\u00ad", "\u202e"


def _scan(text: str, lang: str, rules: list[str], source: str | None = None):
    scanner = Scanner(select=rules, preview=True)
    scanner.cache = False
    return scanner.scan_text(text, lang, source=source).findings


def test_a_zero_width_space_inside_a_known_name_is_no_misspelling_of_it() -> None:
    for text, lang in (
        (f"Bundeskanzler Olaf Scho{ZWSP}lz eröffnete die Messe.", "de"),
        (f"President Emmanuel Mac{ZWSP}ron opened the summit.", "en"),
    ):
        found = _scan(text, lang, ["NM001", "NM002", "NM003", "NM007"])
        assert found == [], [(f.rule, f.text) for f in found]


def test_a_misspelled_name_with_an_invisible_character_is_reported_where_it_stands() -> None:
    text = f"Am Montag traf Olaf Scho{ZWSP}lles die Botschafter."
    found = _scan(text, "de", ["NM001", "FL023"])
    name = [f for f in found if f.rule == "NM001"]
    assert len(name) == 1
    assert name[0].text == f"Olaf Scho{ZWSP}lles" == text[name[0].start : name[0].end]
    assert name[0].suggestion == "Olaf Scholz"
    assert [f.text for f in found if f.rule == "FL023"] == [ZWSP]  # its own defect too


def test_a_term_split_by_invisible_characters_is_still_the_term() -> None:
    fr = f"Les ministres de l'alliance NA{ZWSP}TO se réunissent à Bruxelles."
    found = _scan(fr, "fr", ["GL002"])
    assert [f.text for f in found] == [f"NA{ZWSP}TO"]
    de = f"Der Nato-Sekre{SHY}tär traf am Montag die Minister."
    found = _scan(de, "de", ["GL002"])
    assert [f.text for f in found] == [f"Nato-Sekre{SHY}tär"]


def test_a_source_name_hidden_by_an_invisible_character_still_arrives() -> None:
    found = _scan(
        f"Angela Mer{ZWSP}kel traf Macron in Paris.",
        "de",
        ["NM005", "NM006"],
        source=f"Angela Merkel met Ma{ZWSP}cron in Paris.",
    )
    assert found == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "b", "Z", " ", ".", "\n", ZWSP, SHY, "\u200d", RLO, "\u2066"]),
        max_size=40,
    )
)
def test_offsets_map_back_to_the_original(chars: list[str]) -> None:
    text = "x" + "".join(chars) + "y"
    view = visible(Document("t", text, "en"))
    copy = view.doc.text
    assert len(copy) <= len(text)
    for i, ch in enumerate(copy):  # every visible character comes from its place
        assert text[view.back(i)] == ch
    for i in range(len(copy) + 1):
        assert view.forward(view.back(i)) == i
        j = view.back(i, end=True)
        assert 0 <= j <= len(text) and (i == 0 or text[j - 1] == copy[i - 1])
