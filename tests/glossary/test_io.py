"""Term-base readers and writers: TBX v2/v3, CSV, round trips, hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.glossary import (
    GlossaryError,
    Status,
    load_termbase,
    load_termbases,
    write_termbase,
)
from tqcheck.glossary.csvio import escape, parse_csv, split_cell
from tqcheck.glossary.tbx import parse_tbx

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.tbx"


def test_reads_tbx_v2() -> None:
    base = load_termbase(MINI)
    assert len(base) == 9
    assert base.languages() == ["en", "fr", "de"]
    nato = base.get("nato")
    assert nato is not None and nato.subject == "organisations" and nato.source == "test data"
    assert [t.text for t in nato.terms_in("de")] == ["NATO", "Nato"]
    assert [t.profile for t in nato.terms_in("de")] == ["nato-caps", "nato-title"]
    deprecated = [t for t in nato.terms_in("fr") if t.status is Status.DEPRECATED]
    assert deprecated[0].text == "NATO" and deprecated[0].note == "French writes OTAN."
    person = base.get("person-stoltenberg")
    assert person is not None and person.extra("x-gender") == "male"
    assert base.get("secretary-general").terms_in("de")[1].gender == "feminine"  # type: ignore[union-attr]
    assert len(base.fingerprint) == 12 and base.warnings == ()


def test_v3_loads_the_same_data_as_v2(content) -> None:
    assert content(load_termbase(DATA / "mini_v3.tbx")) == content(load_termbase(MINI))


def test_v3_dct_style_and_short_status_values() -> None:
    base = load_termbase(DATA / "dct_v3.tbx")
    concept = base.get("burden-sharing")
    assert concept is not None
    assert concept.subject == "finance" and concept.source == "test data"
    assert [(t.text, t.status) for t in concept.terms_in("de")] == [
        ("Lastenteilung", Status.PREFERRED),
        ("Bürdenteilung", Status.DEPRECATED),
        ("Lastenverteilung", Status.SUPERSEDED),
    ]
    assert concept.terms_in("de")[1].term_type == "variant"


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("preferredTerm-admn-sts", Status.PREFERRED),
        ("admittedTerm-admn-sts", Status.ADMITTED),
        ("deprecatedTerm-admn-sts", Status.DEPRECATED),
        ("supersededTerm-admn-sts", Status.SUPERSEDED),
        ("preferred", Status.PREFERRED),
        ("Admitted", Status.ADMITTED),
        ("notRecommended", Status.DEPRECATED),
        ("obsolete", Status.SUPERSEDED),
        ("forbiddenTerm-admn-sts", Status.DEPRECATED),
        ("standardizedTerm-admn-sts", Status.PREFERRED),
    ],
)
def test_status_values(value: str, status: Status) -> None:
    assert Status.parse(value) is status


def test_unknown_status_is_a_warning_not_a_crash() -> None:
    data = (
        b'<martif type="TBX-Basic"><text><body><termEntry id="a"><langSet xml:lang="en"><tig>'
        b'<term>x</term><termNote type="administrativeStatus">maybe</termNote></tig>'
        b"</langSet></termEntry></body></text></martif>"
    )
    base = parse_tbx(data, "odd.tbx")
    assert base.concepts[0].terms[0].status is Status.ADMITTED
    assert "unknown term status 'maybe'" in base.warnings[0]


@pytest.mark.parametrize("name", ["billion_laughs.tbx", "external_entity.tbx"])
def test_hostile_xml_refused_with_one_clear_message(name: str) -> None:
    with pytest.raises(GlossaryError) as info:
        load_termbase(DATA / name)
    message = str(info.value)
    assert message.startswith(str(DATA / name))
    assert "refused" in message and "entit" in message
    assert "\n" not in message


def test_external_entity_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    import urllib.request

    def forbidden(*_args: object, **_kw: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(urllib.request, "urlopen", forbidden)
    with pytest.raises(GlossaryError, match=r"127\.0\.0\.1|/etc/passwd"):
        load_termbase(DATA / "external_entity.tbx")


def test_malformed_and_missing_and_unknown_files() -> None:
    with pytest.raises(GlossaryError, match="not well-formed XML at line"):
        load_termbase(DATA / "malformed.tbx")
    with pytest.raises(GlossaryError, match="no such glossary file"):
        load_termbase(DATA / "missing.tbx")
    with pytest.raises(GlossaryError, match="not a TBX file"):
        parse_tbx(b"<html><body/></html>", "page.tbx")
    with pytest.raises(GlossaryError, match="unknown glossary type"):
        load_termbase(Path(__file__))


def test_doctype_with_external_dtd_loads_without_fetching() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE martif SYSTEM "http://127.0.0.1:9/TBX.dtd">'
        b'<martif type="TBX-Basic"><text><body/></text></martif>'
    )
    assert len(parse_tbx(data)) == 0


def test_tbx_round_trip(tmp_path: Path, content) -> None:
    base = load_termbase(MINI)
    out = tmp_path / "out.tbx"
    write_termbase(base, out)
    assert content(load_termbase(out)) == content(base)
    assert out.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<martif" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("source", ["mini.tbx", "mini_v3.tbx", "dct_v3.tbx"])
def test_tbx_csv_tbx_round_trip_keeps_everything(tmp_path: Path, source: str, content) -> None:
    base = load_termbase(DATA / source)
    write_termbase(base, tmp_path / "g.csv")
    via_csv = load_termbase(tmp_path / "g.csv")
    assert content(via_csv) == content(base)
    write_termbase(via_csv, tmp_path / "g.tbx")
    assert content(load_termbase(tmp_path / "g.tbx")) == content(base)


def test_csv_columns_are_documented_shape(tmp_path: Path) -> None:
    write_termbase(load_termbase(MINI), tmp_path / "g.csv")
    header = (tmp_path / "g.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:5] == ["concept_id", "subject", "definition", "source", "note"]
    wanted = ("en", "en:status", "de", "de:status", "de:profile", "fr:note", "x:descrip:x-gender")
    for col in wanted:
        assert col in header, col


def test_csv_hand_written_with_bom_and_escapes() -> None:
    text = (
        "\ufeffconcept_id,subject,source,en,de,de:status,de:note\n"
        "c1,alliance,IATE,ally,Verbündeter|Alliierter|Bündner,preferred|admitted|deprecated,"
        '"||not a word \\| never"\n'
    )
    base = parse_csv(text.removeprefix("\ufeff"), "hand.csv")
    concept = base.concepts[0]
    assert [(t.text, t.status.value, t.note) for t in concept.terms_in("de")] == [
        ("Verbündeter", "preferred", None),
        ("Alliierter", "admitted", None),
        ("Bündner", "deprecated", "not a word | never"),
    ]


def test_csv_errors() -> None:
    with pytest.raises(GlossaryError, match="concept_id"):
        parse_csv("id,en\n1,x\n", "bad.csv")
    with pytest.raises(GlossaryError, match="neither a concept column nor a BCP-47"):
        parse_csv("concept_id,english\n1,x\n", "bad.csv")


def test_split_and_escape_are_inverse() -> None:
    values = ["a", "b|c", "d\\e", "", " f "]
    assert split_cell("|".join(escape(v) for v in values)) == values
    assert split_cell("") == []


def test_later_files_override_earlier_concepts_by_id(tmp_path: Path) -> None:
    (tmp_path / "project.csv").write_text(
        "concept_id,subject,source,en,de,de:status\n"
        "summit,meetings,house style,summit,Gipfeltreffen,preferred\n"
        "new-one,misc,house style,tripwire,Stolperdraht,preferred\n",
        encoding="utf-8",
    )
    merged = load_termbases([MINI, tmp_path / "project.csv"])
    assert [c.id for c in merged][3:5] == ["ally", "summit"]  # replaced in place
    summit = merged.get("summit")
    assert summit is not None and [t.text for t in summit.terms_in("de")] == ["Gipfeltreffen"]
    assert merged.get("new-one") is not None
    assert merged.fingerprint != load_termbase(MINI).fingerprint
