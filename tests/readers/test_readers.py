"""Readers for structured inputs: the masked copy keeps every offset, units and
languages come from the file, markup and escapes never read as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.inputs import InputProblem, decode
from tqcheck.readers import ReadHints, ReadResult, reader_for
from tqcheck.readers.masking import LINE_SEP, PAD, PARA_SEP
from tqcheck.text.segment import split_paragraphs

DATA = Path(__file__).parent / "data"
ALL = sorted(p for p in DATA.rglob("*") if p.is_file() and "hostile" not in p.parts)


def read(name: str, **hints: str) -> tuple[str, ReadResult]:
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    return text, decode(path, hints=ReadHints(**hints))


def target(result: ReadResult, i: int) -> str:
    unit = result.units[i]
    return " ".join(result.text[unit.start : unit.end].split())


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(DATA).as_posix())
def test_masked_copy_keeps_length_lines_and_characters(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    masked = decode(path).text
    assert len(masked) == len(raw)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(raw) if c == "\n"
    ]
    # every visible character is the file's own, or a decoded entity/escape where it began
    for i, c in enumerate(masked):
        if c not in (" ", PAD, PARA_SEP, LINE_SEP) and c != raw[i]:
            assert raw[i] in '&\\"', (path.name, i, c, raw[i : i + 8])


def test_xliff12_units_sources_languages_and_skips() -> None:
    _, r = read("de.xlf")
    assert (r.lang, r.source_lang) == ("de-DE", "en")
    assert [u.id for u in r.units] == ["greeting", "price", "tom", "code"]
    assert r.empty_units == 2  # one unit without <target>, one with <target/>
    assert [u.source for u in r.units][:3] == [
        "Welcome to Berlin.",
        "The ticket costs 25 euros.",
        "Tom & Jerry meet at noon.",
    ]
    assert target(r, 0) == "Willkommen in Berlin ."  # <g> masked: padding, not a typed space
    assert r.text[r.units[0].start : r.units[0].end].count(" ") == 2
    assert target(r, 2) == "Tom & Jerry treffen sich um zwölf Uhr."
    # native code inside <ph> is masked with its content, in source and target alike
    assert r.units[3].source == "Press OK to save 3 files."
    assert "<b>" not in r.text and "&lt;" not in r.text
    assert r.source_text == "\n\n".join(u.source for u in r.units)


def test_xliff2_segment_ids_and_languages() -> None:
    _, r = read("fr.xliff")
    assert (r.lang, r.source_lang) == ("fr", "en")
    assert [u.id for u in r.units] == ["u1/s1", "u1/s2", "u2"]
    assert target(r, 1) == "Apportez deux copies."


def test_units_on_one_line_are_separate_paragraphs() -> None:
    raw, r = read("clean/app.xlf")
    paragraphs = [p.text for p in split_paragraphs(r.text)]
    assert len(paragraphs) == len(r.units) == 4
    assert paragraphs[1:3] == ["Sie haben 12 neue Nachrichten.", "Die Datei wurde gelöscht."]
    # the separator is not a newline: line numbers stay those of the file
    assert r.text.count("\n") == raw.count("\n") and PARA_SEP in r.text


def test_xliff_cdata_shown_alt_trans_ignored() -> None:
    _, r = read("clean/app.xlf")
    assert target(r, 3) == "Die Datei ist bereit."
    assert "fertig" not in r.text


def test_tmx_target_is_the_first_other_language_or_the_one_asked_for() -> None:
    _, r = read("clean/app.tmx")
    assert (r.lang, r.source_lang) == ("fr", "en")
    assert target(r, 0) == "Vous avez 12 nouveaux messages."
    _, r = read("clean/app.tmx", lang="de")
    assert r.lang == "de" and target(r, 0) == "Sie haben 12 neue Nachrichten."
    _, r = read("clean/app.tmx", lang="de", source_lang="fr")
    assert r.source_lang == "fr" and r.units[0].source == "Vous avez 12 nouveaux messages."


def test_tmx_inline_codes_masked_and_units_without_target_skipped() -> None:
    _, r = read("fr.tmx")
    assert [u.id for u in r.units] == ["1", "2"] and r.empty_units == 1
    assert r.units[1].source == "Tom & Jerry arrive today."
    assert target(r, 1) == "Tom & Jerry arrivent aujourd’hui ."


def test_tsv_header_by_name_by_language_and_none(tmp_path: Path) -> None:
    _, r = read("de.tsv")
    assert [u.id for u in r.units] == ["welcome", "price", "quote"] and r.empty_units == 1
    assert r.units[2].source == 'He said "yes".'
    assert target(r, 2) == 'Er sagte " ja" .'  # quoted cell, "" decoded in place
    _, r = read("fr.tsv")
    assert (r.lang, r.source_lang) == ("fr", "en") and r.units[0].id == "line 2"
    plain = tmp_path / "x.tsv"
    plain.write_text("One.\tEins.\nTwo.\tZwei.\n", encoding="utf-8")
    r = decode(plain)
    assert [u.source for u in r.units] == ["One.", "Two."] and r.lang is None
    both = tmp_path / "y.tsv"
    both.write_text("en\tfr\tde\nOne.\tUn.\tEins.\n", encoding="utf-8")
    r = decode(both, hints=ReadHints(lang="de"))
    assert r.lang == "de" and target(r, 0) == "Eins."


def test_po_header_plurals_multiline_fuzzy_and_obsolete() -> None:
    _, r = read("de.po")
    assert r.lang == "de"
    assert [u.source for u in r.units] == [
        "Welcome to Berlin.",
        "The ticket costs 25 euros. Pay at the desk.",
        'He said "yes".\n',
        "%d file",
        "%d files",
    ]
    assert target(r, 1) == "Das Ticket kostet 35 Euro . Zahlen Sie an der Kasse."
    assert target(r, 4) == "%d Dateien"
    assert "Unscharf" not in r.text and "Alt ." not in r.text  # fuzzy, obsolete
    assert r.empty_units == 1  # msgstr ""


def test_po_newline_escape_is_a_line_separator_not_a_newline() -> None:
    raw, r = read("de.po")
    at = raw.index('ja\\".\\n"') + len('ja\\".')
    assert r.text[at] == LINE_SEP


def test_html_masks_chrome_code_and_markup() -> None:
    _, r = read("de.html")
    assert r.lang == "de" and r.units == () and r.source_text is None
    paragraphs = [" ".join(p.text.split()) for p in split_paragraphs(r.text)]
    assert paragraphs == [
        "Willkommen in Berlin",
        "Tom & Jerry treffen sich heute im Park .",
        "Das Ticket kostet 35 Euro .",
        "Erster Punkt",
        "Zweiter Punkt",
    ]
    for hidden in ("Startseite", "color", "Nachrichten", "Kommentar", "Text", "Brand", "href"):
        assert hidden not in r.text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bomb.xlf", "declares the XML entity 'lol'"),
        ("xxe.tmx", "'secret' pointing to file:///etc/passwd"),
        ("broken.xlf", "not well-formed XML at line 3, column 54"),
    ],
)
def test_hostile_and_malformed_xml_is_refused(name: str, message: str) -> None:
    with pytest.raises(InputProblem) as err:
        decode(DATA / "hostile" / name)
    assert err.value.code == "IO007" and message in err.value.message


def test_wrong_root_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "not.xlf"
    path.write_text("<html><body>x</body></html>", encoding="utf-8")
    with pytest.raises(InputProblem, match="not an XLIFF file"):
        decode(path)


def test_readers_are_registered_for_their_extensions() -> None:
    names = {ext: reader_for(Path("f" + ext)).name for ext in (".xlf", ".xliff", ".po", ".pot")}
    names |= {ext: reader_for(Path("f" + ext)).name for ext in (".tmx", ".tsv", ".html", ".htm")}
    assert names == {
        ".xlf": "xliff",
        ".xliff": "xliff",
        ".po": "po",
        ".pot": "po",
        ".tmx": "tmx",
        ".tsv": "tsv",
        ".html": "html",
        ".htm": "html",
    }


def test_xliff_units_marked_translate_no_are_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "tn.xlf"
    path.write_text(
        '<xliff version="1.2"><file source-language="en" target-language="de"><body>\n'
        '<trans-unit id="a" translate="no"><source>ACME .</source><target>ACME .</target>'
        "</trans-unit>\n"
        '<trans-unit id="b"><source>Hello.</source><target>Hallo.</target></trans-unit>\n'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    assert [u.id for u in decode(path).units] == ["b"]


def test_tsv_with_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.tsv"
    path.write_bytes(b"source\ttarget\r\nOne.\tEins .\r\n\r\nTwo.\tZwei.\r\n")
    r = decode(path)
    assert [(u.id, r.text[u.start : u.end]) for u in r.units] == [
        ("line 2", "Eins ."),
        ("line 4", "Zwei."),
    ]


PO_NO_LANGUAGE = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Save the file"\nmsgstr "Datei speichern"\n\n'
    'msgid "The file could not be opened."\nmsgstr "Die Datei konnte nicht geöffnet werden."\n'
)


@pytest.mark.parametrize(
    ("rel", "target", "origin"),
    [
        ("messages.de.po", "de", "filename"),
        ("locale/fr/LC_MESSAGES/django.po", "fr", "metadata"),
        ("locale/pt_BR/LC_MESSAGES/app.po", "pt", "metadata"),
        ("de.po", "de", "metadata"),
    ],
)
def test_po_languages_from_gettext_conventions(
    tmp_path: Path, rel: str, target: str, origin: str
) -> None:
    from tqcheck.inputs import Job, load_job

    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PO_NO_LANGUAGE, encoding="utf-8")
    doc = load_job(Job(path), None, None, "utf-8")
    assert (doc.source.lang, doc.lang, doc.lang_origin) == ("en", target, origin)


def test_po_source_language_from_the_header(tmp_path: Path) -> None:
    from tqcheck.inputs import Job, load_job

    path = tmp_path / "messages.po"
    path.write_text(
        PO_NO_LANGUAGE.replace(
            '"Content-Type', '"Language: en\\n"\n"X-Source-Language: de\\n"\n"Content-Type'
        ),
        encoding="utf-8",
    )
    doc = load_job(Job(path), None, None, "utf-8")
    assert (doc.source.lang, doc.lang) == ("de", "en")
    assert load_job(Job(path), None, "fr", "utf-8").source.lang == "fr"  # the option wins


def test_po_without_a_language_says_so_once(tmp_path: Path) -> None:
    from tqcheck.inputs import Job
    from tqcheck.scanner import Scanner

    path = tmp_path / "app.po"
    path.write_text(PO_NO_LANGUAGE, encoding="utf-8")
    scanner = Scanner(model="none")
    scanner.cache = False
    (result,) = list(scanner.scan_files([Job(path)]))
    assert [n for n in result.notices if "--lang" in n] == [
        f"{path}: the file names no target language (header, locale path or file name); "
        "read as de by identification: set it with --lang"
    ]
