"""NM002 (spelling clusters) and NM005 (source names), with and without names data."""

from __future__ import annotations

from tests.names.test_names_known import found, seed
from tqcheck.model import Document
from tqcheck.names.cluster import inconsistent_spellings
from tqcheck.names.source import respell
from tqcheck.names.text import compound_of_words, declined, parts


def test_unknown_name_two_spellings_caught_with_names_data(scan) -> None:
    text = "Nowicki sagte, Polen helfe. Nowicki fügte hinzu, es gehe weiter. Nowiki schwieg dann."
    assert found(scan(text, select="NM002")) == [("NM002", "Nowiki", "Nowicki")]
    assert found(scan(text, select="NM002", data=False)) == [("NM002", "Nowiki", "Nowicki")]


def test_known_names_are_left_to_nm001(scan) -> None:
    text = seed("004")
    assert scan(text, select="NM002") == []  # NM001 reports Scholes and Schales
    doc = Document("t.txt", text, "de")
    minorities = {v.part.text: v.suggestion for v in inconsistent_spellings(doc)}
    assert minorities == {"Scholes": "Scholz", "Schales": "Scholz"}  # without names data


def test_declension_keeps_the_ending() -> None:
    text = "Das Land Äthiopien wächst. Auch Äthiopien baut. Im Hochland Äthopiens regnet es."
    doc = Document("t.txt", text, "de")
    assert [(v.part.text, v.suggestion) for v in inconsistent_spellings(doc)] == [
        ("Äthopiens", "Äthiopiens")
    ]


def test_seeds_give_no_clusters() -> None:
    for prefix in ("000", "001", "002", "003"):
        assert inconsistent_spellings(Document("t.txt", seed(prefix), "de")) == [], prefix


def test_parts_and_helpers() -> None:
    doc = Document("t.txt", "„Die Schale“, sagte Olaf Scholz-Berater Kai.", "de")
    ps = {p.text: p for p in parts(doc)}
    assert ps["Die"].initial and not ps["Schale"].initial and ps["Schale"].after_det
    assert ps["Scholz"].joined and ps["Scholz"].hyphen and ps["Berater"].hyphen
    assert ("Kiew", "er") in declined("Kiewer", "de")
    assert compound_of_words("Flüchtlingshotel", "de") and not compound_of_words(
        "Stoltenberg", "de"
    )
    assert respell("kazakhstan", "en-de") == "kasachstan"


def test_source_name_altered(scan) -> None:
    source = "The Pentagon's policy chief Colin Kahl met Jacek Siewiera in Warsaw."
    target = "Der Politikchef des Pentagons, Colin Kall, traf Jacek Siewierra in Warschau."
    # Kahl is in the names data: NM001 reports it, NM005 leaves it alone
    assert found(scan(target, source=source, select="NM005")) == [
        ("NM005", "Siewierra", "Siewiera")
    ]
    assert found(scan(target, source=source, select="NM001")) == [
        ("NM001", "Colin Kall", "Colin Kahl")
    ]
    # without names data, NM005 catches both
    got = found(scan(target, source=source, select="NM005", data=False))
    assert got == [("NM005", "Kall", "Kahl"), ("NM005", "Siewierra", "Siewiera")]


def test_source_names_need_evidence(scan) -> None:
    # "Addis Ababa" / "Addis Abeba" has its anchor; a lone respelling has none
    source = "The monument of Queen Hatshepsut stands in Mozambique's capital."
    target = "Das Denkmal der Königin Hatschepsut steht in der Hauptstadt von Mosambik."
    assert scan(target, source=source, select="NM005", data=False) == []


def test_source_forms_from_names_data(scan) -> None:
    source = "President Volodymyr Zelensky and Foreign Minister Andrii Sybiha went to Kyiv."
    target = "Präsident Wolodymyr Selenskyj und Außenminister Andrij Sybiha reisten nach Kiew."
    assert scan(target, source=source) == []
