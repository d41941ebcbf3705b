"""FL022 in bilingual files: a unit whose source starts in lower case is a fragment."""

from __future__ import annotations

import pytest

from tqcheck import registry
from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.model import Document, Unit
from tqcheck.resources_loader import Resources


def units_doc(pairs: list[tuple[str, str]], lang: str) -> Document:
    text, units, pos = "", [], 0
    for source, target in pairs:
        units.append(Unit(source=source, start=pos, end=pos + len(target)))
        text += target + "\n\n"
        pos = len(text)
    src = Document("src", "\n\n".join(s for s, _t in pairs), "en")
    return Document("units.po", text, lang, source=src, units=tuple(units))


def fl022(doc: Document) -> list[str]:
    spec = registry.get("FL022")
    assert spec is not None
    config = Config()
    return [f.text for f in check_document(doc, [spec], config, Resources(config)).findings]


@pytest.mark.parametrize(
    ("lang", "pairs", "expected"),
    [
        (
            "de",
            [
                ("files were deleted", "dateien wurden gelöscht"),
                ("Save changes", "änderungen speichern"),
            ],
            ["änderungen"],
        ),
        (
            "fr",
            [("and then press OK", "puis appuyez sur OK"), ("Open the file", "ouvrez le fichier")],
            ["ouvrez"],
        ),
    ],
)
def test_lower_case_unit_mirrors_its_source(
    lang: str, pairs: list[tuple[str, str]], expected: list[str]
) -> None:
    assert fl022(units_doc(pairs, lang)) == expected
