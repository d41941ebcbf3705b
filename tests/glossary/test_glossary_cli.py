"""`tqcheck glossary ...`: the maintainers' commands, their output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqcheck.glossary import load_termbase

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.tbx"
SHIPPED = Path(__file__).resolve().parents[2] / "glossaries"

BAD_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
  <termEntry id="a">
    <langSet xml:lang="en"><tig><term>air policing </term></tig></langSet>
    <langSet xml:lang="de">
      <tig><term>Luftraumüberwachung</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      <tig><term>Luftraumüberwachung</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
  <termEntry id="b">
    <admin type="source">test</admin>
    <langSet xml:lang="english"><tig><term>ally</term></tig></langSet>
  </termEntry>
</body></text></martif>
"""


def test_lint_clean_file_passes(cli) -> None:
    result = cli("glossary", "lint", MINI)
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_lint_reports_each_problem_and_fails(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tbx"
    bad.write_text(BAD_TBX, encoding="utf-8")
    result = cli("glossary", "lint", bad, "--format", "json")
    assert result.exit_code == 1
    codes = {p["code"] for p in json.loads(result.stdout)[0]["problems"]}
    assert {"stray-whitespace", "preferred-and-deprecated", "missing-source"} <= codes
    assert "invalid-language" in codes


def test_lint_unreadable_file_is_an_error_and_the_others_still_run(cli, tmp_path: Path) -> None:
    result = cli("glossary", "lint", DATA / "billion_laughs.tbx", MINI)
    assert result.exit_code == 2
    assert "entit" in result.stderr and "Traceback" not in result.output
    assert f"{MINI}: 9 concepts" in result.stdout


def test_lint_strict_fails_on_warnings(cli) -> None:
    assert cli("glossary", "lint", MINI, "--strict").exit_code == 1  # mini lacks one fr term


@pytest.mark.skipif(not (SHIPPED / "nato.tbx").is_file(), reason="glossaries/nato.tbx not written")
def test_shipped_glossaries_lint_clean(cli) -> None:
    for name in ("nato.tbx", "names.tbx"):
        path = SHIPPED / name
        if path.is_file():
            result = cli("glossary", "lint", path)
            assert result.exit_code == 0, result.output


def test_show_by_id_and_by_term(cli) -> None:
    by_id = cli("glossary", "show", "secretary-general", "-g", MINI)
    by_term = cli("glossary", "show", "Generalsekretär", "-g", MINI)
    assert by_id.exit_code == by_term.exit_code == 0
    for result in (by_id, by_term):
        assert "secrétaire général" in result.stdout and "deprecated" in result.stdout
    missing = cli("glossary", "show", "Panzerhaubitze", "-g", MINI)
    assert missing.exit_code == 1 and "glossary search" in missing.stderr


def test_search_is_fuzzy_and_crosses_languages(cli) -> None:
    result = cli("glossary", "search", "generalsekretar", "-g", MINI)
    assert result.exit_code == 0, result.output
    assert "Generalsekretär" in result.stdout and "Secretary General" in result.stdout
    french_only = cli("glossary", "search", "generalsekretar", "-g", MINI, "--lang", "fr")
    assert french_only.exit_code == 1


def test_search_ranks_the_closest_concept_first() -> None:
    from tqcheck.glossary.lookup import fuzzy_search

    hits = fuzzy_search(load_termbase(MINI), "Artikle 5")
    assert hits and hits[0].concept.id == "article-5"
    assert len({h.concept.id for h in hits}) == len(hits)


def test_export_import_round_trip_keeps_everything(cli, tmp_path: Path, content) -> None:
    csv_path, tbx_path = tmp_path / "mini.csv", tmp_path / "back.tbx"
    assert cli("glossary", "export", MINI, csv_path).exit_code == 0
    assert cli("glossary", "import", csv_path, tbx_path).exit_code == 0
    before, after = load_termbase(MINI), load_termbase(tbx_path)

    assert content(before) == content(after)


def test_convert_refuses_wrong_types_and_hostile_input(cli, tmp_path: Path) -> None:
    wrong = cli("glossary", "import", MINI, tmp_path / "x.tbx")
    assert wrong.exit_code == 2 and "expected a .csv" in wrong.stderr
    hostile = cli("glossary", "export", DATA / "external_entity.tbx", tmp_path / "x.csv")
    assert hostile.exit_code == 2 and not (tmp_path / "x.csv").exists()


def test_stats_counts_terms_by_language_and_status(cli) -> None:
    result = cli("glossary", "stats", MINI, "--format", "json")
    data = json.loads(result.stdout)
    assert data["concepts"] == 9
    assert data["terms"]["de"]["deprecated"] == 2
    assert set(data["profiles"]) == {"nato-caps", "nato-title"}


def test_coverage_lists_used_concepts_and_missing_expressions(cli, tmp_path: Path) -> None:
    text = (
        "Der Generalsekretär sprach vor dem Gipfel. Der Militärische Ausschuss tagte. "
        "Danach traf sich der Militärische Ausschuss erneut mit dem Generalsekretär.\n"
    )
    (tmp_path / "a.de.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.de.txt").write_text(text, encoding="utf-8")
    result = cli("glossary", "coverage", tmp_path, "-g", MINI, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 2
    assert data["concepts_used"]["secretary-general"]["hits"] == 4
    assert any(c["text"] == "Militärische Ausschuss" for c in data["candidates"])
    assert not any("Generalsekretär" in c["text"] for c in data["candidates"])


def test_coverage_reports_unreadable_files_and_still_counts(cli, tmp_path: Path) -> None:
    (tmp_path / "a.de.txt").write_text("Der Generalsekretär sprach.\n", encoding="utf-8")
    (tmp_path / "b.de.txt").write_bytes(b"\x00\x01\x02binary")
    result = cli("glossary", "coverage", tmp_path, "-g", MINI, "--format", "json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["documents"] == 1 and "b.de.txt" in result.stderr


@pytest.mark.parametrize("name", ["nato.tbx", "names.tbx"])
def test_shipped_term_bases_survive_tbx_csv_tbx(cli, tmp_path: Path, name: str, content) -> None:
    path = SHIPPED / name
    if not path.is_file():
        pytest.skip(f"glossaries/{name} missing")
    csv_path, back = tmp_path / "g.csv", tmp_path / "g.tbx"
    assert cli("glossary", "export", path, csv_path).exit_code == 0
    assert cli("glossary", "import", csv_path, back).exit_code == 0

    assert content(load_termbase(path)) == content(load_termbase(back))
