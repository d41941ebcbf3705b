"""A term base nested far deeper than any real one is read, not a RecursionError."""

from __future__ import annotations

from tqcheck.glossary.tbx import parse_tbx


def test_groups_nested_1500_deep_are_read() -> None:
    inner = '<descrip type="definition">tief</descrip>'
    for _ in range(1500):
        inner = f"<descripGrp>{inner}</descripGrp>"
    data = (
        '<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">'
        f'{inner}<langSec xml:lang="de"><termSec><term>Tiefseekabel</term></termSec>'
        "</langSec></conceptEntry></body></text></tbx>"
    ).encode()
    base = parse_tbx(data, "deep.tbx")
    (concept,) = base.concepts
    assert [t.text for t in concept.terms] == ["Tiefseekabel"]


def test_past_the_structure_limits_the_term_base_is_refused(monkeypatch) -> None:
    import pytest

    from tqcheck.glossary.tbx import GlossaryError
    from tqcheck.readers import xmlscan

    monkeypatch.setattr(xmlscan, "MAX_DEPTH", 100)
    inner = '<descrip type="definition">tief</descrip>'
    for _ in range(150):
        inner = f"<descripGrp>{inner}</descripGrp>"
    data = (
        '<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">'
        f"{inner}</conceptEntry></body></text></tbx>"
    ).encode()
    with pytest.raises(GlossaryError, match="nested deeper than 100 levels"):
        parse_tbx(data, "deeper.tbx")
