"""Inputs that must not hang, swallow or crash a batch (issue 15): each beside a good file."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

GOOD = "Der Ausschuss tagte am am Montag in Brüssel.\n"


def scan(cli, *paths: Path, extra: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    result = cli(
        "scan", *paths, "--isolated", "--model", "none", "--no-cache", "-f", "json", *extra
    )
    return result.exit_code, {
        Path(d["path"]).name: d for d in json.loads(result.stdout)["documents"]
    }


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.de.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device_link(path: Path) -> None:
    path.symlink_to("/dev/zero")


@pytest.mark.parametrize(
    ("name", "make", "why"),
    [("pipe.de.txt", _fifo, "FIFO"), ("zero.de.txt", _device_link, "device")],
)
def test_what_is_no_regular_file_is_refused_not_read(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, good: Path, name: str, make, why: str
) -> None:
    """A FIFO is not waited on, a link to a device not read; the good file is reported."""
    path = tmp_path / name
    make(path)
    code, docs = scan(cli, path, good)
    assert code == 2
    assert why in docs[name]["errors"][0]["message"]
    assert docs["good.de.txt"]["findings"]


def test_a_file_over_the_size_limit_is_refused(cli, tmp_path: Path, good: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.de.txt"
    big.write_text("Ein Satz. " * 120_000, encoding="utf-8")  # about 1.2 MB
    (tmp_path / "pyproject.toml").write_text("[tool.tqcheck]\nmax_file_mb = 1\n")
    result = cli(
        "scan",
        big,
        good,
        "--config",
        tmp_path / "pyproject.toml",
        "--model",
        "none",
        "--no-cache",
        "-f",
        "json",
    )
    docs = {Path(d["path"]).name: d for d in json.loads(result.stdout)["documents"]}
    assert result.exit_code == 2
    assert "size limit of 1 MB" in docs["big.de.txt"]["errors"][0]["message"]
    assert docs["good.de.txt"]["findings"]


def test_nul_after_the_first_kilobytes_is_binary(cli, tmp_path: Path, good: Path) -> None:  # type: ignore[no-untyped-def]
    sneaky = tmp_path / "sneaky.de.txt"
    sneaky.write_bytes(("Ein ganz normaler Satz.\n" * 600).encode() + b"\x00\x01payload")
    code, docs = scan(cli, sneaky, good)
    assert code == 2
    assert docs["sneaky.de.txt"]["errors"][0]["code"] == "IO001"
    assert "line 601" in docs["sneaky.de.txt"]["errors"][0]["message"]


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_with_a_bom_is_read(cli, tmp_path: Path, bom: bytes) -> None:  # type: ignore[no-untyped-def]
    encoding = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    path = tmp_path / "export.fr.txt"
    path.write_bytes(bom + "Le comité a a siégé lundi.\n".encode(encoding))
    _code, docs = scan(cli, path)
    assert not docs["export.fr.txt"]["errors"]
    assert [f["text"] for f in docs["export.fr.txt"]["findings"] if f["rule"] == "FL002"] == ["a a"]


def test_utf16_without_a_bom_with_the_option(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "export.de.txt"
    path.write_bytes("Der Rat tagte am am Montag.\n".encode("utf-16-le"))
    _code, docs = scan(cli, path, extra=("--encoding", "utf-16-le"))
    assert not docs["export.de.txt"]["errors"]


ESCAPES = {
    "OSC 8 hidden link": "\x1b]8;;https://evil.example\x1b\\Klick\x1b]8;;\x1b\\",
    "OSC 0 window title": "\x1b]0;pwned\x07",
    "CSI 2J clear screen": "\x1b[2J",
    "right-to-left override": "\u202egnp.exe",
}


@pytest.mark.parametrize("fmt", ["rich", "concise", "github", "markdown", "junit", "html"])
def test_no_control_or_bidi_character_reaches_a_report(cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    body = " ".join(f"Der der Text {payload} endet hier." for payload in ESCAPES.values())
    path = tmp_path / "a\x1b[31mred\u202e.de.txt"
    path.write_text(body + "\n", encoding="utf-8")
    po = tmp_path / "ui.de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
        'msgid "Open the the file \\033]0;x\\007"\nmsgstr "Die die Datei \\033[2J öffnen"\n',
        encoding="utf-8",
    )
    result = cli(
        "scan", tmp_path, "--isolated", "--model", "none", "--no-cache", "-f", fmt, "--exit-zero"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.count("FL002") >= 2 or fmt == "html"
    for char in ("\x1b", "\x07", "\u202e"):
        assert char not in result.stdout, (fmt, char)
    if fmt == "junit":
        from lxml import etree

        etree.fromstring(result.stdout.encode())  # a strict XML parser accepts it


def test_json_and_sarif_escape_control_characters(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "b.de.txt"
    path.write_text(f"Der der Text {ESCAPES['CSI 2J clear screen']} endet.\n", encoding="utf-8")
    for fmt in ("json", "sarif"):
        result = cli(
            "scan", path, "--isolated", "--model", "none", "--no-cache", "-f", fmt, "--exit-zero"
        )
        assert "\x1b" not in result.stdout
        json.loads(result.stdout)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("essay.de.po", "Das ist ein Aufsatz.\nEr hat keine PO-Syntax.\n", "not PO syntax"),
        ("open.de.po", 'msgid "Open"\nmsgstr "Öffnen\n', "line 2: unterminated"),
        ("prose.de.tsv", "Das ist Prosa ohne Tabulator.\nNoch ein Satz.\n", "not tab-separated"),
        (
            "empty.xlf",
            '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" '
            'target-language="de" datatype="plaintext" original="x"><body></body></file></xliff>',
            "no translation units",
        ),
        ("blob.de.txt", "Vorwort.\n" + "Q" * 5000 + "\n", "5000 letters without a space at line 2"),
    ],
)
def test_broken_input_is_an_error_not_a_pass(
    cli, tmp_path: Path, good: Path, name: str, content: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, docs = scan(cli, path, good)
    assert code == 2
    (error,) = docs[name]["errors"]
    assert message in error["message"]
    assert docs["good.de.txt"]["findings"]


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_line_numbers_count_every_kind_of_line_end(cli, tmp_path: Path, newline: str) -> None:  # type: ignore[no-untyped-def]
    lines = ["Erste Zeile.", "", "Zweite Zeile.", "", "Der der Fehler steht hier."]
    path = tmp_path / "mixed.de.txt"
    path.write_bytes(newline.join(lines).encode() + b"\n")
    _code, docs = scan(cli, path)
    (finding,) = [f for f in docs["mixed.de.txt"]["findings"] if f["rule"] == "FL002"]
    assert (finding["line"], finding["column"]) == (5, 1)


def test_output_never_overwrites_a_scanned_file(cli, tmp_path: Path, good: Path) -> None:  # type: ignore[no-untyped-def]
    before = good.read_bytes()
    result = cli("scan", good, "--isolated", "--model", "none", "-f", "json", "-o", good)
    assert result.exit_code == 2
    assert "refusing to write a report over it" in result.output
    assert good.read_bytes() == before


def test_an_old_report_does_not_survive_a_failed_run(cli, tmp_path: Path, good: Path) -> None:  # type: ignore[no-untyped-def]
    reports = tmp_path.parent / f"{tmp_path.name}-reports"
    reports.mkdir()
    old = reports / "run.json"
    old.write_text('{"old": true}', encoding="utf-8")
    result = cli("scan", good, "--isolated", "--fail-on", "nonsense", "-o", old)
    assert result.exit_code == 2
    assert not old.exists()


def test_output_to_a_device_node_keeps_the_node(cli, tmp_path: Path, good: Path) -> None:  # type: ignore[no-untyped-def]
    import stat

    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("mknod is not permitted here (run as root, as CI does)")
    result = cli(
        "scan", good, "--isolated", "--model", "none", "-f", "json", "-o", node, "--exit-zero"
    )
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(node).st_mode)


def test_a_file_name_that_is_not_utf8_does_not_lose_the_report(
    cli, tmp_path: Path, good: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xff.de.txt"))
    bad.write_text("Der der Satz.\n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = cli(
        "scan", bad, good, "--isolated", "--model", "none", "--no-cache", "-f", "json", "-o", report
    )
    assert result.exit_code == 1, result.output
    names = [Path(d["path"]).name for d in json.loads(report.read_text())["documents"]]
    assert names == ["bad\udcff.de.txt", "good.de.txt"]


def test_chinese_text_without_the_optional_tokenizer_is_checked(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "news.zh.txt"
    path.write_text("今天天气很好。" * 2000 + "\n", encoding="utf-8")
    code, docs = scan(cli, path)
    assert code in (0, 1) and not docs["news.zh.txt"]["errors"]


def test_a_flood_of_one_finding_is_capped_and_fails_the_document(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "flood.de.txt"
    path.write_text("Das ist ein Satz . " * 40 + "\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.tqcheck]\nmax_findings_per_rule = 10\n")
    result = cli(
        "scan",
        path,
        "--config",
        tmp_path / "pyproject.toml",
        "--model",
        "none",
        "--no-cache",
        "-f",
        "json",
        "--select",
        "FL001",
        "--threshold",
        "0",
    )
    data = json.loads(result.stdout)
    (doc,) = data["documents"]
    assert len(doc["findings"]) == 10
    assert not doc["passed"] and result.exit_code == 1
    assert any("over 10 FL001 findings" in n for n in data["summary"]["notices"])


def test_structure_limits_refuse_deep_nesting_and_tag_floods(monkeypatch, tmp_path: Path) -> None:
    """Every XML and HTML reader refuses a file past the depth and tag limits (IO007),
    and the good file of the batch is still reported."""
    from tqcheck.readers import xmlscan

    monkeypatch.setattr(xmlscan, "MAX_DEPTH", 40)
    monkeypatch.setattr(xmlscan, "MAX_TAGS", 400)
    deep_g = "<g id='1'>" * 60 + "Hallo" + "</g>" * 60
    (tmp_path / "deep.xlf").write_text(
        '<?xml version="1.0"?><xliff version="1.2"><file source-language="en" '
        'target-language="de"><body><trans-unit id="1"><source>Hello</source>'
        f"<target>{deep_g}</target></trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    units = "".join(
        f'<tu tuid="{i}"><tuv xml:lang="en"><seg>Hi {i}</seg></tuv>'
        f'<tuv xml:lang="de"><seg>Hallo {i}</seg></tuv></tu>'
        for i in range(100)
    )
    (tmp_path / "flood.tmx").write_text(
        f'<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>{units}</body></tmx>',
        encoding="utf-8",
    )
    (tmp_path / "deep.html").write_text(
        f"<html lang='de'><body><p>Hallo.</p><template>{'<template>' * 60}</template></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "flood.html").write_text(
        "<html lang='de'><body>" + "<b>Wort</b> " * 300 + "</body></html>", encoding="utf-8"
    )
    (tmp_path / "good.de.txt").write_text("Der Bericht ist fertig.\n", encoding="utf-8")
    from tqcheck.inputs import Job
    from tqcheck.scanner import Scanner

    scanner = Scanner()
    scanner.cache = False
    results = {
        Path(r.path).name: r
        for r in scanner.scan_files([Job(p) for p in sorted(tmp_path.iterdir())])
    }
    for name, why in (
        ("deep.xlf", "nested deeper than 40"),
        ("flood.tmx", "more than 400 tags"),
        ("deep.html", "nested deeper than 40"),
        ("flood.html", "more than 400 tags"),
    ):
        errors = results[name].errors
        assert [e.code for e in errors] == ["IO007"], (name, errors)
        assert why in errors[0].message, (name, errors[0].message)
    assert results["good.de.txt"].errors == [] and results["good.de.txt"].words == 4


def test_a_run_killed_while_it_writes_leaves_no_file_behind(tmp_path: Path) -> None:
    """SIGKILL (the OOM killer) cannot be caught: the report is rendered into a file with
    no name and named only when complete, so nothing is left half-written or hidden."""
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text("old\n", encoding="utf-8")
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from tqcheck.formats import write_atomically\n"
        "def slow(fh):\n"
        "    fh.write('{\"partial\": ' + 'x' * 100000)\n"
        "    fh.flush()\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "write_atomically(Path(sys.argv[1]), slow)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(out / "report.json")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]
    assert (out / "report.json").read_text(encoding="utf-8") == "old\n"


def test_where_no_unnamed_file_can_be_named_the_report_is_still_written_whole(
    monkeypatch, tmp_path: Path
) -> None:
    import tqcheck.formats as formats

    monkeypatch.setattr(formats, "_link", lambda fd, name: False)
    target = tmp_path / "r.txt"
    formats.write_atomically(target, lambda fh: fh.write("ganz\n"))
    assert target.read_text(encoding="utf-8") == "ganz\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
