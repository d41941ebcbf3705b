"""`tqcheck scan` over bilingual files (XLIFF, TMX, PO, TSV) and HTML, end to end.

Findings must point into the real file: offsets, line and column are those of the
file as written, markup and all.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "readers" / "data"


def scan(cli, *args: object) -> tuple[int, dict[str, dict]]:
    result = cli("scan", *args, "--isolated", "--format", "json")
    docs = {Path(d["path"]).name: d for d in json.loads(result.stdout)["documents"]}
    return result.exit_code, docs


def line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("de.xlf", {("AC005", 11, 35, "35"), ("FL001", 11, 42, " .")}),
        ("fr.xliff", set()),
        ("fr.tmx", {("AC005", 7, 56, "11 h")}),
        ("de.po", {("AC005", 18, 20, "35"), ("FL001", 18, 27, " .")}),
        ("de.tsv", {("AC005", 3, 52, "35"), ("FL001", 3, 59, " .")}),
        ("fr.tsv", {("FL001", 3, 39, " .")}),
        ("de.html", {("FL001", 7, 121, " .")}),
    ],
)
def test_defects_are_found_at_their_place_in_the_file(
    cli, name: str, expected: set[tuple[str, int, int, str]]
) -> None:
    raw = (DATA / name).read_text(encoding="utf-8")
    _, docs = scan(cli, DATA / name, "--exit-zero", "--select", "FL,AC005,AC002")
    findings = docs[name]["findings"]
    for f in findings:
        # a decoded escape or entity (\" or &amp;) is reported where it begins
        assert raw[f["start"] : f["end"]] == f["text"] or raw[f["start"]] in "\\&", f
        assert (f["line"], f["column"]) == line_col(raw, f["start"]), f
    found = {(f["rule"], f["line"], f["column"], f["text"]) for f in findings}
    assert expected <= found
    assert {r for r, *_ in found} <= {r for r, *_ in expected} | {"FL010"}  # straight quotes


def test_clean_files_give_no_findings(cli) -> None:
    code, docs = scan(cli, DATA / "clean")
    assert code == 0
    assert set(docs) == {"app.xlf", "app.tmx", "app.po", "app.tsv", "page.html"}
    assert {n: d["findings"] for n, d in docs.items() if d["findings"] or d["errors"]} == {}


def test_length_ratio_ignores_masked_markup(cli) -> None:
    _, docs = scan(cli, DATA / "clean" / "app.tmx", "--select", "AC007")
    assert docs["app.tmx"]["findings"] == []


def test_markup_escapes_and_entities_cause_no_spacing_findings(cli) -> None:
    _, docs = scan(cli, DATA / "clean", "--select", "FL001,FL012,FL017,FL018", "--lang", "de")
    assert all(d["findings"] == [] for d in docs.values())


@pytest.mark.parametrize(
    ("path", "args", "langs"),
    [
        ("de.xlf", (), ("de", "en")),
        ("fr.xliff", (), ("fr", "en")),
        ("clean/app.tmx", (), ("fr", "en")),
        ("clean/app.tmx", ("--lang", "de"), ("de", "en")),
        ("clean/app.po", (), ("fr", "en")),
        ("fr.tsv", (), ("fr", "en")),
        ("clean/page.html", (), ("de", None)),
    ],
)
def test_file_metadata_sets_the_languages(
    cli, path: str, args: tuple[str, ...], langs: tuple[str, str | None]
) -> None:
    _, docs = scan(cli, DATA / path, "--exit-zero", "--select", "FL001", *args)
    doc = docs[Path(path).name]
    assert (doc["target_lang"], doc["source_lang"]) == langs


def test_units_without_a_target_are_not_checked(cli) -> None:
    _, docs = scan(cli, DATA / "de.xlf", "--exit-zero")
    messages = " ".join(f["message"] for f in docs["de.xlf"]["findings"])
    assert "Not yet translated" not in messages and "Empty target" not in messages


def test_hostile_and_malformed_files_fail_alone(cli, tmp_path: Path) -> None:
    for bad in (DATA / "hostile").iterdir():
        shutil.copy(bad, tmp_path / bad.name)
    shutil.copy(DATA / "clean" / "app.xlf", tmp_path / "good.xlf")
    code, docs = scan(cli, tmp_path)
    assert code == 2
    for name in ("bomb.xlf", "xxe.tmx", "broken.xlf"):
        assert [e["code"] for e in docs[name]["errors"]] == ["IO007"], name
    assert docs["good.xlf"]["errors"] == [] and docs["good.xlf"]["words"] > 0
    assert "passwd" not in json.dumps(docs["xxe.tmx"]["findings"])


def test_rich_output_names_the_refused_entity(cli) -> None:
    result = cli("scan", DATA / "hostile" / "bomb.xlf", "--isolated")
    assert result.exit_code == 2
    assert result.stdout.count("IO007") == 1 and "'lol'" in result.stdout


XLIFF_REPEATED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="ui">
    <body>
      <trans-unit id="a"><source>Your changes have been saved.</source><target>Ihre Änderungen wurden gespeichert.</target></trans-unit>
      <trans-unit id="b"><source>Delete this file?</source><target>Diese Datei löschen?</target></trans-unit>
      <trans-unit id="c"><source>Your changes have been saved.</source><target>Ihre Änderungen sind gesichert.</target></trans-unit>
      <trans-unit id="d"><source>Your changes have been saved.</source><target>Ihre Änderungen wurden gespeichert.</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_repeated_source_unit_translated_two_ways(cli, tmp_path: Path) -> None:
    path = tmp_path / "ui.xlf"
    path.write_text(XLIFF_REPEATED, encoding="utf-8")
    _, docs = scan(cli, path, "--select", "AC009")
    findings = docs["ui.xlf"]["findings"]
    assert [(f["text"], f["line"], f["suggestion"]) for f in findings] == [
        ("Ihre Änderungen sind gesichert.", 7, "Ihre Änderungen wurden gespeichert.")
    ]


def test_units_without_a_translation_are_counted_in_a_notice(cli, tmp_path: Path) -> None:
    result = cli("scan", DATA / "de.xlf", "--isolated", "--format", "json", "--exit-zero")
    notices = json.loads(result.stdout)["summary"]["notices"]
    assert any("de.xlf" in n and "without a translation not checked" in n for n in notices)
    full = tmp_path / "full.tsv"
    full.write_text("source\ttarget\nThe file was saved.\tDie Datei wurde gespeichert.\n", "utf-8")
    clean = cli("scan", full, "--isolated", "--format", "json", "--lang", "de")
    assert not any(
        "without a translation" in n for n in json.loads(clean.stdout)["summary"]["notices"]
    )


XLIFF_WITH_CODES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="en" target-language="de" datatype="plaintext"
original="x"><body>
<trans-unit id="terms.link"><source>Read the <g id="1">terms</g> before you sign.</source>
<target>Lesen Sie die die <g id="1">Bedingungen</g>, bevor Sie unterschreiben.</target>
</trans-unit></body></file></xliff>
"""


def test_findings_carry_unit_ids_and_contexts_show_markup() -> None:
    from tqcheck.scanner import Scanner

    scanner = Scanner(select=["FL002"], model="none")
    scanner.cache = False
    result = scanner.scan_bytes(XLIFF_WITH_CODES.encode(), "ui.xlf")
    (finding,) = result.findings
    assert finding.unit == "terms.link"
    assert finding.to_dict()["unit"] == "terms.link"
    ex = result.excerpt(0)
    assert ex is not None
    assert '<g id="1">Bedingungen</g>' in ex.after
    assert "  " not in ex.before + ex.span + ex.after


def test_po_line_joins_do_not_show_in_contexts() -> None:
    from tqcheck.scanner import Scanner

    po = (
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "The long text that goes on"\n'
        'msgstr ""\n"Der lange Text, der "\n"weiter geht und und endet."\n'
    )
    scanner = Scanner(select=["FL002"], model="none")
    scanner.cache = False
    result = scanner.scan_bytes(po.encode(), "multi.po")
    (ex,) = result.excerpts
    context = " ".join((ex.before + ex.span + ex.after).split())
    assert context == "Der lange Text, der weiter geht und und endet."
