"""GL005 finds a person's gender in the names data when the names resource is loaded."""

from __future__ import annotations

from pathlib import Path

from tests.names.conftest import TEST_NAMES

MINI = Path(__file__).resolve().parents[1] / "glossary" / "data" / "mini.tbx"


def gl005(text: str, with_names: bool):
    from tqcheck import registry
    from tqcheck.config import Config
    from tqcheck.engine import check_document
    from tqcheck.model import Document
    from tqcheck.resources_loader import Resources

    cfg = Config(
        glossaries=[str(MINI)],
        shipped_glossary=False,
        names=[str(TEST_NAMES)] if with_names else [],
        shipped_names=False,
    )
    spec = registry.get("GL005")
    assert spec is not None
    result = check_document(Document("t.txt", text, "de"), [spec], cfg, Resources(cfg))
    return [(f.text, f.suggestion) for f in result.findings]


def test_gender_from_names_data() -> None:
    text = "Die Generalsekretärin Kaja Kallas und der Generalsekretär Mark Rutte trafen sich."
    assert gl005(text, with_names=False) == []
    assert gl005(text, with_names=True) == []
    wrong = "Die Generalsekretärin Mark Rutte traf den Generalsekretär Kaja Kallas."
    assert gl005(wrong, with_names=True) == [
        ("Generalsekretärin", "Generalsekretär"),
        ("Generalsekretär", "Generalsekretärin"),
    ]
