"""glossary import/export lose nothing and write no formulas (issue 15)."""

from __future__ import annotations

from pathlib import Path

from tqcheck.glossary.csvio import parse_csv, write_csv


def test_import_refuses_duplicates_and_misspelt_statuses(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "terms.csv"
    src.write_text(
        "concept_id,en,fr,en:status\n"
        "c1,ceasefire,cessez-le-feu,preferred\n"
        "c1,truce,trêve,\n"
        "c2,airlift,pont aérien,prefered\n",
        encoding="utf-8",
    )
    out = tmp_path / "terms.tbx"
    result = cli("glossary", "import", src, out)
    assert result.exit_code == 2
    assert "line 3: concept id 'c1' already used on line 2" in result.output
    assert "line 4: unknown term status 'prefered'" in result.output
    assert not out.exists()


def test_export_neutralises_formula_cells_and_import_restores_them(tmp_path: Path) -> None:
    base = parse_csv('concept_id,en,de\nc1,=HYPERLINK("x"),@home\nc2,-ism,+plus\n', "g.csv")
    path = tmp_path / "out.csv"
    write_csv(base, path)
    text = path.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "'@home" in text and "'-ism" in text
    assert not any(
        line.split(",")[1].startswith(("=", "+", "-", "@")) for line in text.splitlines()[1:]
    )
    again = parse_csv(text, "out.csv")
    assert {t.text for c in again for t in c.terms} == {'=HYPERLINK("x")', "@home", "-ism", "+plus"}
