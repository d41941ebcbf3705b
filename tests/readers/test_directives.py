"""``tqcheck:`` directives in every input kind: what they silence, and what they leave.

Each case holds two doubled words (FL002); the directive covers one of them, so a
directive that reaches too far fails as surely as one that does nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.inputs import Job
from tqcheck.readers import directives
from tqcheck.scanner import Scanner


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    scanner = Scanner(select=["FL002", "IO008"], model="none")
    scanner.cache = False
    return scanner


def doubles(scanner: Scanner, data: str, name: str) -> list[str]:
    result = scanner.scan_bytes(data.encode(), name)
    assert not result.errors, result.errors
    return [f.text for f in result.findings if f.rule == "FL002"]


def test_markdown_comment_on_the_line_and_before_a_paragraph(scanner: Scanner) -> None:
    text = (
        "Die Kommission hat die die Zölle gesenkt. <!-- tqcheck: ignore[FL002] -->\n\n"
        "<!-- tqcheck: ignore[FL] -->\n"
        "Der Rat vertagte die Sitzung auf auf Montag.\n\n"
        "Das Gericht wies die Klage ab, weil weil Fristen fehlten.\n"
    )
    assert doubles(scanner, text, "notiz.de.md") == ["weil weil"]


def test_markdown_directive_for_another_rule_silences_nothing(scanner: Scanner) -> None:
    text = "The council met on on Monday. <!-- tqcheck: ignore[NM001] -->\n"
    assert doubles(scanner, text, "memo.en.md") == ["on on"]


def test_html_off_on_region(scanner: Scanner) -> None:
    # the case: three doubles between off and on were reported
    text = (
        '<html lang="en"><body><p>The mayor opened the the bridge.</p>\n'
        "<!-- tqcheck: off -->\n<p>Crowds came from from the suburbs.</p>\n"
        "<p>Tickets sold out out in minutes.</p>\n<!-- tqcheck: on -->\n"
        "<p>Traffic was heavy for for hours.</p></body></html>\n"
    )
    assert doubles(scanner, text, "news.html") == ["the the", "for for"]


def test_html_ignore_reaches_the_next_block_only(scanner: Scanner) -> None:
    text = (
        '<html lang="fr"><body><!-- tqcheck: ignore[FL002] --><p>Le maire a a parlé.</p>'
        "<p>Les les habitants ont applaudi.</p></body></html>"
    )
    assert doubles(scanner, text, "page.html") == ["Les les"]


PO = """msgid ""
msgstr ""
"Language: de\\n"

# tqcheck: ignore[FL002]
msgid "Save the file"
msgstr "Die die Datei speichern"

msgid "Open the file"
msgstr "Die die Datei öffnen"
"""


def test_po_translator_comment(scanner: Scanner) -> None:
    result = scanner.scan_bytes(PO.encode(), "messages.po")
    found = [(f.line, f.text) for f in result.findings if f.rule == "FL002"]
    assert found == [(10, "Die die")]


XLIFF12 = """<?xml version="1.0"?>
<xliff version="1.2"><file source-language="en" target-language="fr" datatype="plaintext"
original="x"><body>
<trans-unit id="a"><source>Print the page</source><target>Imprimer la la page</target>
<note>reviewed: tqcheck: ignore[FL002]</note></trans-unit>
<trans-unit id="b"><source>Close the page</source><target>Fermer la la page</target>
</trans-unit></body></file></xliff>
"""

XLIFF2 = """<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
<file id="f"><unit id="u1"><notes><note>tqcheck: ignore[FL002]</note></notes>
<segment id="s1"><source>Print the page</source><target>Imprimer la la page</target></segment>
</unit><unit id="u2"><segment><source>Close the page</source>
<target>Fermer la la page</target></segment></unit></file></xliff>
"""


@pytest.mark.parametrize("data", [XLIFF12, XLIFF2], ids=["xliff-1.2", "xliff-2.0"])
def test_xliff_note(scanner: Scanner, data: str) -> None:
    result = scanner.scan_bytes(data.encode(), "ui.xlf")
    found = [f for f in result.findings if f.rule == "FL002"]
    assert len(found) == 1
    assert "Fermer" in data.splitlines()[found[0].line - 1]


TMX = """<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
<tu tuid="1"><note>tqcheck: ignore[FL]</note><tuv xml:lang="en"><seg>The dog sleeps.</seg></tuv>
<tuv xml:lang="de"><seg>Der der Hund schläft.</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="en"><seg>The cat sleeps.</seg></tuv>
<tuv xml:lang="de"><seg>Die die Katze schläft.</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_note(scanner: Scanner) -> None:
    assert doubles(scanner, TMX, "memory.tmx") == ["Die die"]


def test_plain_text_sidecar(scanner: Scanner, tmp_path: Path) -> None:
    target = tmp_path / "brief.de.txt"
    target.write_text(
        "Wir danken für für die Geduld.\n\nDie Lieferung kommt am am Freitag.\n", encoding="utf-8"
    )
    Path(f"{target}{directives.SIDECAR_SUFFIX}").write_text(
        "# geprüft\nignore[FL002] für für die Geduld\nignore[FL002] längst korrigiert\n"
        "ignore FL002 ohne Klammern\n",
        encoding="utf-8",
    )
    (result,) = list(scanner.scan_files([Job(target)]))
    assert [f.text for f in result.findings if f.rule == "FL002"] == ["am am"]
    unused = [f.message for f in result.findings if f.rule == "IO008"]
    assert len(unused) == 2
    assert any("längst korrigiert" in m and ":3)" in m for m in unused)
    assert any("not a directive" in m and ":4)" in m for m in unused)


def test_plain_text_directive_line_covers_the_next_paragraph(scanner: Scanner) -> None:
    text = "tqcheck: ignore[FL002]\nThe the first line.\n\nThe the second paragraph.\n"
    assert doubles(scanner, text, "plain.en.txt") == ["The the"]
    result = scanner.scan_bytes(text.encode(), "plain.en.txt")
    assert [f.line for f in result.findings if f.rule == "FL002"] == [4]


def test_sidecar_changes_the_cached_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    target = tmp_path / "a.en.txt"
    target.write_text("We met on on Monday.\n", encoding="utf-8")
    scanner = Scanner(select=["FL002"], model="none")
    assert len(next(scanner.scan_files([Job(target)])).findings) == 1
    Path(f"{target}{directives.SIDECAR_SUFFIX}").write_text("ignore[FL002]\n", encoding="utf-8")
    assert next(scanner.scan_files([Job(target)])).findings == []


def test_bad_code_list_silences_nothing() -> None:
    (sup,) = directives.in_text("x tqcheck: ignore[F-L] y", "x tqcheck: ignore[F-L] y")
    assert sup.codes == frozenset({"?"})
    assert not sup.covers("FL002", 0, 3)


def test_tsv_note_column(scanner: Scanner) -> None:
    text = (
        "id\tsource\ttarget\tnote\n"
        "a\tThe the list\tDie die Liste\treviewed, tqcheck: ignore[FL002]\n"
        "b\tThe the table\tDie die Tabelle\t\n"
    )
    assert doubles(scanner, text, "strings.tsv") == ["Die die"]
    result = scanner.scan_bytes(text.encode(), "strings.tsv")
    assert [f.line for f in result.findings if f.rule == "FL002"] == [3]


def test_sidecar_works_for_a_bilingual_file(scanner: Scanner, tmp_path: Path) -> None:
    target = tmp_path / "strings.tsv"
    target.write_text("source\ttarget\nThe list\tDie die Liste\nThe map\tDie die Karte\n")
    Path(f"{target}{directives.SIDECAR_SUFFIX}").write_text("ignore[FL002] die Karte\n")
    (result,) = list(scanner.scan_files([Job(target)]))
    assert [f.line for f in result.findings if f.rule == "FL002"] == [2]
