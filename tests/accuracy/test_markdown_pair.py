"""A Markdown pair: sentences with inline code or links are aligned, the code is not text."""

from __future__ import annotations

import json
from pathlib import Path

SOURCE = (
    "The update is simple.\n\n"
    "Run `pip install tool==2.1` to install 2 packages in under 5 minutes.\n\n"
    "See [the guide](https://example.org/v3/guide) for more details about the 4 options.\n"
)
TARGET_DE = (
    "Das Update ist einfach.\n\n"
    "Führen Sie `pip install tool==2.1` aus, um 3 Pakete in unter 5 Minuten zu installieren.\n\n"
    "Weitere Einzelheiten zu den 4 Optionen finden Sie in [der Anleitung](https://example.org/v3/guide).\n"
)
TARGET_FR = (
    "La mise à jour est simple.\n\n"
    "Lancez `pip install tool==2.1` pour installer 2 paquets en moins de 5 minutes.\n\n"
    "Voir [le guide](https://example.org/v3/guide) pour en savoir plus sur les 4 options.\n"
)


def scan(cli, tmp_path: Path, lang: str, target: str) -> list[tuple[str, str]]:
    (tmp_path / "doc.en.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / f"doc.{lang}.md").write_text(target, encoding="utf-8")
    result = cli(
        "scan",
        tmp_path / f"doc.{lang}.md",
        "--select",
        "AC",
        "-f",
        "json",
        "--exit-zero",
        "--isolated",
    )
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["errors"] == []
    return [(f["rule"], f["text"]) for f in doc["findings"]]


def test_changed_number_beside_inline_code_is_found_and_nothing_else(cli, tmp_path: Path) -> None:
    assert scan(cli, tmp_path, "de", TARGET_DE) == [("AC005", "3")]


def test_numbers_in_code_and_link_targets_are_not_compared(cli, tmp_path: Path) -> None:
    assert scan(cli, tmp_path, "fr", TARGET_FR) == []
