"""Hostile inputs at full size (issue 15): does each end fast, small, and spare its batch?

    .venv/bin/python bench/hostile.py [--small] [--only KIND] [--timeout 60]

Every kind of hostile input is generated (deterministically, in a temporary folder) and
scanned in one batch beside a good file, ``good.de.txt`` ("... tagte am am Montag ...",
one FL002 finding), as a subprocess:

    tqcheck scan HOSTILE good.de.txt --isolated --model none --no-cache --format json

(glossary kinds scan only the good file and pass the hostile file with ``--glossary``; the
control-character kind reports in junit, the non-UTF-8 file name writes ``--output``).
Measured per kind: exit code (or "timeout" after --timeout seconds, the process group is
killed), wall seconds, peak MiB (ru_maxrss of tqcheck and its workers, from os.wait4 in a
small launcher process, so the bench's own memory never counts), whether the report still
holds the good file with its finding, and the first error line tqcheck gave for the hostile
input (from the report, else from stderr).

Expected of each row: ends within 30 s and 1 GiB, the good file reported, and the exit code
of its class: 2 for broken input, 0/1 for valid input that is only big, any of 0/1/2 where
reading it or refusing it are both defensible (odd but well-formed markup, an odd file name).
A row missing any of these is marked ❌. --small divides the sizes by 100 (a quick check of
the script; sizes whose point is to cross a limit stay); only a full run of every kind
writes bench/data/hostile/RESULTS.md.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "data" / "hostile" / "RESULTS.md"
GOOD = "Der Ausschuss tagte am am Montag in Brüssel.\n"
MAX_SECONDS, MAX_MIB, SIZE_LIMIT = 30.0, 1024.0, 64 * 1024 * 1024
BROKEN, VALID, ANY = frozenset({2}), frozenset({0, 1}), frozenset({0, 1, 2})
GERMAN = (
    "Der Ausschuss für Haushaltsfragen tagte am Montag in Brüssel.",
    "Die Mitgliedstaaten legten ihre Berichte fristgerecht vor.",
    "Nach einer langen Aussprache wurde der Entwurf angenommen.",
    "Die Kommission wird im Herbst einen neuen Vorschlag vorlegen.",
)
CHINESE = "委员会星期一在布鲁塞尔举行会议。成员国按时提交了报告。经过长时间辩论后草案获得通过。"
THAI = "คณะกรรมการประชุมที่กรุงบรัสเซลส์ในวันจันทร์ ประเทศสมาชิกส่งรายงานตรงเวลา "
XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
    'target-language="de" datatype="plaintext" original="app"><body>{}</body></file></xliff>\n'
)


@dataclass
class Case:
    """What one kind scans: ``target`` beside the good file, or only options (a glossary)."""

    target: Path | bytes | None
    expect: frozenset[int]
    extra: tuple[str, ...] = ()
    fmt: str = "json"
    to_file: bool = False  # the report goes to --output report.json


Scale = Callable[[int], int]  # a full-size count or size, divided by 100 under --small
Maker = Callable[[Path, Scale], Case]


def repeat(unit: str, nbytes: int) -> str:
    """``unit`` repeated to about ``nbytes`` bytes of UTF-8."""
    return unit * max(1, -(-nbytes // len(unit.encode())))


def german(nbytes: int, sep: str = " ") -> str:
    return repeat(sep.join(GERMAN) + sep, nbytes)


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def text(name: str, expect: frozenset[int], content: Callable[[Scale], str | bytes], fmt="json"):
    """A kind that is one file with this content (str is written as UTF-8)."""
    return lambda d, n: Case(write(d / name, content(n)), expect, fmt=fmt)


# --- generators: each writes its input under d and says how to scan it ---


def html_page(script_bytes: int) -> str:
    item = '{"id":17,"label":"Ausschuss","values":[1,2,3],"active":true},'
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Bericht</title>'
        f'<script>window.__DATA__={{"items":[{repeat(item, script_bytes)}{{"id":0}}]}};'
        f"</script></head><body><p>{GERMAN[0]}</p><p>{GERMAN[1]}</p></body></html>"
    )


def nested_divs(depth: int) -> str:
    body = "".join(f"<div>Teil {i}." for i in range(depth)) + "</div>" * depth
    return f'<html lang="de"><body>{body}</body></html>'


def nested_g(depth: int) -> str:
    target = "".join(f'<g id="g{i}">' for i in range(depth)) + "Öffnen" + "</g>" * depth
    unit = f'<trans-unit id="1"><source>Open</source><target>{target}</target></trans-unit>'
    return XLIFF.format(unit)


def xliff_units(count: int) -> str:
    return XLIFF.format(
        "".join(
            f'<trans-unit id="u{i}"><source>Open file {i}</source>'
            f"<target>Datei {i} öffnen</target></trans-unit>"
            for i in range(count)
        )
    )


def capitalised(count: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyzäöü"
    tokens = (
        "K" + "".join(letters[(i * 7 + j * 13) % len(letters)] for j in range(39))
        for i in range(count)
    )
    return " ".join(
        f"Der Bericht nennt {t} als Beispiel. {GERMAN[i % 4]}" for i, t in enumerate(tokens)
    )


def spaces_before_punctuation(nbytes: int) -> str:
    unit = "".join(
        f"Das ist Satz{' ' * k}. Er geht weiter{' ' * (k % 7 + 1)}, " for k in range(1, 40)
    )
    return repeat(unit + "\n", nbytes)


def node(name: str, make: Callable[[Path], object]) -> Maker:
    """A kind that is no regular file (made by ``make``): refused, never opened."""

    def maker(d: Path, n: Scale) -> Case:
        make(d / name)
        return Case(d / name, BROKEN)

    return maker


def symlink_loop(d: Path, n: Scale) -> Case:
    (d / "loop" / "a").mkdir(parents=True)
    write(d / "loop" / "a" / "inner.de.txt", GERMAN[1] + "\n")
    (d / "loop" / "a" / "b").symlink_to("../a")
    return Case(d / "loop", ANY)


def glossary(name: str, content: Callable[[], str], expected: frozenset[int] = BROKEN) -> Maker:
    """A kind that is a glossary (broken unless said otherwise): the batch is the good file."""
    return lambda d, n: Case(None, expected, ("--glossary", str(write(d / name, content()))))


def tbx_deep(depth: int = 1100) -> str:  # kept at full depth: Python's recursion limit
    inner = '<descrip type="definition">tief</descrip>'
    for _ in range(depth):
        inner = f"<descripGrp>{inner}</descripGrp>"
    return (
        '<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">'
        f'{inner}<langSec xml:lang="en"><termSec><term>committee</term></termSec></langSec>'
        '<langSec xml:lang="de"><termSec><term>Ausschuss</term></termSec></langSec>'
        "</conceptEntry></body></text></tbx>"
    )


def csv_cell() -> str:  # kept over 200 KiB: the point is the csv module's field limit
    cell = repeat("Ausschuss ", 205 * 1024).strip()
    return f'concept_id,en,de\n1,committee,Ausschuss\n2,council,"{cell}"\n3,vote,Abstimmung\n'


def non_utf8_filename(d: Path, n: Scale) -> Case:
    path = os.fsencode(d) + b"/bad\xff.de.txt"
    with open(path, "wb") as fh:
        fh.write((GERMAN[2] + "\n").encode())
    return Case(path, ANY, to_file=True)


def po_unterminated(n: Scale) -> str:
    good = "".join(f'msgid "Item {i}"\nmsgstr "Eintrag {i}"\n\n' for i in range(n(1000)))
    return good + 'msgid "Open"\nmsgstr "Öffnen\n'


def text_200mb(d: Path, n: Scale) -> Case:
    path, chunk = d / "huge.de.txt", german(1024 * 1024, "\n").encode()
    with path.open("wb") as fh:
        for _ in range(n(200)):
            fh.write(chunk)
    return Case(path, BROKEN if path.stat().st_size > SIZE_LIMIT else VALID)


CONTROLS = ("\x1b]8;;http://x\x1b\\Klick\x1b]8;;\x1b\\", "\x1b[2J", "\u202egnp.exe")
# fmt: off
KINDS: dict[str, Maker] = {  # one line a kind: file name, expected exit, content at scale n
    "html-tag-backtrack": text("page.de.html", ANY, lambda n: "<p>Hallo Welt.</p><a " + "a" * 40 + '"'),
    "html-inline-script-80k": text("page.de.html", VALID, lambda n: html_page(n(80_000))),
    "html-inline-script-500k": text("page.de.html", VALID, lambda n: html_page(n(500_000))),
    "html-nested-divs": text("deep.de.html", ANY, lambda n: nested_divs(n(100_000))),
    "xliff-nested-g": text("deep.xlf", ANY, lambda n: nested_g(n(100_000))),
    "xliff-units-4000": text("units.xlf", VALID, lambda n: xliff_units(n(4000))),
    "xliff-units-50000": text("units.xlf", VALID, lambda n: xliff_units(n(50_000))),
    "chinese-line-200k": text("x.zh.txt", VALID, lambda n: (CHINESE * n(5000))[: n(200_000)] + "\n"),
    "chinese-2mb": text("x.zh.txt", VALID, lambda n: repeat(CHINESE, n(2_000_000)) + "\n"),
    "thai-1mb": text("x.th.txt", VALID, lambda n: repeat(THAI, n(1_000_000)) + "\n"),
    "long-paragraph": text("para.de.txt", VALID, lambda n: german(n(2_000_000)) + "\n"),
    "capitalised-tokens": text("tokens.de.txt", VALID, lambda n: capitalised(n(200)) + "\n"),
    "dev-zero-link": node("zero.de.txt", lambda p: p.symlink_to("/dev/zero")),
    "fifo": node("pipe.de.txt", os.mkfifo),
    "symlink-loop": symlink_loop,
    "tbx-deep": glossary("deep.tbx", tbx_deep, ANY),  # deep but valid: read iteratively
    "csv-cell-200k": glossary("big.csv", csv_cell),
    "csv-unbalanced-quote": glossary("open.csv", lambda: 'concept_id,en,de\n1,committee,Ausschuss\n2,"council,Rat\n3,vote,Abstimmung\n'),
    "non-utf8-filename": non_utf8_filename,
    "po-unterminated": text("open.de.po", BROKEN, po_unterminated),
    "po-prose": text("essay.de.po", BROKEN, lambda n: german(n(20_000), "\n")),
    "tsv-prose": text("prose.de.tsv", BROKEN, lambda n: german(n(20_000), "\n")),
    "xliff-no-units": text("empty.xlf", BROKEN, lambda n: XLIFF.format("")),
    "letters-blob-5mb": text("blob.de.txt", BROKEN, lambda n: "Vorwort.\n" + repeat("QWxhZGRpbg", n(5_000_000))),
    "nul-after-8k": text("sneaky.de.txt", BROKEN, lambda n: german(10_240, "\n").encode() + b"\x00\x01payload\n"),
    "text-200mb": text_200mb,
    "text-5mb-spaces": text("spaces.de.txt", VALID, lambda n: spaces_before_punctuation(n(5_000_000))),
    "utf16-bom": text("export.de.txt", VALID, lambda n: codecs.BOM_UTF16_LE + german(n(100_000), "\n").encode("utf-16-le")),
    "control-chars": text("ctrl.de.txt", VALID, lambda n: " ".join(f"Der Text {c} endet hier." for c in CONTROLS) + "\n", "junit"),
}
# fmt: on


# --- running and judging ---


# A child's ru_maxrss starts at its parent's RSS when it forks (with vfork: the parent's
# peak), and the bench parses reports of 100 MB. So a small launcher runs each scan, kills
# its process group at the timeout, and writes "exit wall maxrss" (exit "None": timeout).
LAUNCHER = """
import os, signal, sys, time
result, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start, code = time.monotonic(), None
pid = os.fork()
if pid == 0:
    os.setsid()
    try:
        os.execv(argv[0], argv)
    finally:
        os._exit(127)
while True:
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if done:
        code = os.waitstatus_to_exitcode(status)
        break
    if time.monotonic() - start > timeout:
        os.killpg(pid, signal.SIGKILL)
        _pid, status, usage = os.wait4(pid, 0)
        break
    time.sleep(0.01)
with open(result, "w") as fh:
    fh.write(f"{code} {time.monotonic() - start} {usage.ru_maxrss}")
"""


def run(argv: list, cwd: Path, timeout: float) -> tuple[int | None, float, float]:
    """(exit code or None on timeout, wall seconds, peak MiB) of one scan and its workers."""
    result = cwd / "rusage"
    with (cwd / "stdout").open("wb") as out, (cwd / "stderr").open("wb") as err:
        launcher = [sys.executable, "-c", LAUNCHER, str(result), str(timeout), *argv]
        subprocess.run(launcher, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
    code, wall, kib = result.read_text().split()
    return None if code == "None" else int(code), float(wall), int(kib) / 1024


def read_report(report: bytes, fmt: str) -> tuple[bool, str]:
    """(the good file is reported with its finding, the first error of another document)."""
    if fmt == "junit":
        from lxml import etree

        try:
            suite = etree.fromstring(report)
        except etree.XMLSyntaxError as exc:
            return False, f"junit does not parse: {exc}"
        cases = [(c.get("name", "").endswith("good.de.txt"), c) for c in suite.iter("testcase")]
        good = any(is_good and "FL002" in "".join(c.itertext()) for is_good, c in cases)
        errors = [e.text or "" for is_good, c in cases if not is_good for e in c.iter("error")]
        return good, errors[0] if errors else ""
    try:
        docs = json.loads(report)["documents"]
    except (ValueError, KeyError, TypeError):
        return False, ""
    good = any(
        Path(doc["path"]).name == "good.de.txt"
        and any(f["rule"] == "FL002" and f["text"] == "am am" for f in doc["findings"])
        for doc in docs
    )
    errors = [
        f"{e['code']}: {e['message']}"
        for doc in docs
        if Path(doc["path"]).name != "good.de.txt"
        for e in doc["errors"]
    ]
    return good, errors[0] if errors else ""


def stderr_line(text: str) -> str:
    """The error tqcheck printed (a library's warning on stderr is no error)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if any(line.startswith("Traceback") for line in lines):
        return lines[-1]  # the exception, not the first frame
    return next((line for line in lines if "error" in line.lower()), "")


def cell(text: str) -> str:
    text = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text[:100])
    return text.replace("|", "\\|") or "—"


def measure(name: str, case: Case, d: Path, cli: str, timeout: float) -> dict:
    paths = [case.target] if case.target is not None else []
    argv = [cli, "scan", *paths, str(d / "good.de.txt"), "--isolated", "--model", "none"]
    argv += ["--no-cache", "--format", case.fmt, *case.extra]
    if case.to_file:
        argv += ["--output", str(d / "report.json")]
    code, wall, mib = run(argv, d, timeout)
    out = d / ("report.json" if case.to_file else "stdout")
    report = out.read_bytes() if out.exists() else b""
    good, error = read_report(report, case.fmt)
    error = error or stderr_line((d / "stderr").read_text(errors="replace"))
    error = error.replace(f"{d}/", "")  # the temporary folder says nothing
    expect = "/".join(map(str, sorted(case.expect)))
    misses = [
        miss
        for failed, miss in (
            (code is None, f"no end within {timeout:g} s"),
            (code is not None and code not in case.expect, f"exit {code}, expected {expect}"),
            (wall > MAX_SECONDS, f"{wall:.1f} s > {MAX_SECONDS:g} s"),
            (mib > MAX_MIB, f"{mib:.0f} MiB > {MAX_MIB:g} MiB"),
            (not good, "good file not reported"),
        )
        if failed
    ]
    exit_ = "timeout" if code is None else str(code)
    row = dict(kind=name, exit=exit_, expect=expect, wall=wall, mib=mib, good=good)
    return row | {"error": error, "misses": misses}


def table(rows: list[dict]) -> str:
    lines = [
        "| | kind | exit | expected | wall s | peak MiB | good file reported | error line (first 100 chars) |",
        "|---|---|---|---|---:|---:|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {'❌' if r['misses'] else '✅'} | {r['kind']} | {r['exit']} | {r['expect']} "
            f"| {r['wall']:.2f} | {r['mib']:.0f} | {'yes' if r['good'] else 'no'} "
            f"| {cell(r['error'])} |"
        )
    missed = [r for r in rows if r["misses"]]
    lines += ["", f"**{len(rows) - len(missed)} of {len(rows)} rows meet the expectations.**"]
    lines += [f"- ❌ {r['kind']}: {'; '.join(r['misses'])}" for r in missed]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="sizes divided by 100")
    parser.add_argument("--only", action="append", choices=sorted(KINDS), metavar="KIND")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--tqcheck", default=shutil.which("tqcheck", path=str(ROOT / ".venv/bin")))
    args = parser.parse_args()
    divisor = 100 if args.small else 1

    def scale(size: int) -> int:
        return max(1, size // divisor)

    rows = []
    with tempfile.TemporaryDirectory(prefix="tqcheck-hostile-") as tmp:
        for name in args.only or KINDS:
            d = Path(tmp) / name
            d.mkdir()
            write(d / "good.de.txt", GOOD)
            row = measure(name, KINDS[name](d, scale), d, args.tqcheck, args.timeout)
            rows.append(row)
            print(f"{name}: exit {row['exit']}, {row['wall']:.2f} s", file=sys.stderr)
            shutil.rmtree(d)  # the 200 MB file goes before the next kind is made
    report = table(rows)
    print(report)
    if not args.small and not args.only:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            "# Hostile inputs at full size (issue 15)\n\nWritten by `bench/hostile.py`: each "
            "input scanned beside `good.de.txt` with `tqcheck scan HOSTILE good.de.txt "
            "--isolated --model none --no-cache --format json`; expected: ends within "
            f"{MAX_SECONDS:g} s and {MAX_MIB:g} MiB, good file reported, exit as listed; "
            f"timeout {args.timeout:g} s. Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC (the code "
            f"under test changes: the time says which), Python {sys.version.split()[0]}, "
            f"{os.cpu_count()} CPUs.\n\n" + report,
            encoding="utf-8",
        )
    return 1 if any(r["misses"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
