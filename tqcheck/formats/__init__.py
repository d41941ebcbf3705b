"""Output formats: one module each with ``render(result, out)``; chosen by name."""

from __future__ import annotations

import functools
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from tqcheck.config import Config
    from tqcheck.engine import RunResult
    from tqcheck.model import DocumentResult, Finding

Renderer = Callable[["RunResult", TextIO], None]


def _json(result: RunResult, out: TextIO) -> None:
    from tqcheck.formats import json_report

    json_report.render(result, out)


def _rich(result: RunResult, out: TextIO, quiet: bool = False) -> None:
    from tqcheck.formats import rich_report

    rich_report.render(result, out, quiet=quiet)


def _sarif(result: RunResult, out: TextIO) -> None:
    from tqcheck.formats import sarif

    sarif.render(result, out)


def _junit(result: RunResult, out: TextIO) -> None:
    from tqcheck.formats import junit

    junit.render(result, out)


def _jsonl(result: RunResult, out: TextIO) -> None:
    from tqcheck.formats import jsonl

    jsonl.render(result, out)


def _module(name: str) -> Renderer:
    """A format whose module has ``render(result, out)``, imported when first used."""

    def render(result: RunResult, out: TextIO) -> None:
        import importlib

        importlib.import_module(f"tqcheck.formats.{name}").render(result, out)

    return render


FORMATS: dict[str, Renderer] = {
    "rich": _rich,
    "json": _json,
    "jsonl": _jsonl,
    "sarif": _sarif,
    "junit": _junit,
    "concise": _module("concise"),
    "github": _module("github"),
    "gitlab": _module("gitlab"),
    "markdown": _module("markdown"),
    "html": _module("html_report"),
    "statistics": _module("statistics"),
}


def streamer(name: str, out: TextIO) -> Any | None:
    """A writer that takes documents one by one (``document(d)``, then ``finish(run)``)
    for the formats that stream; None for the others, which need the whole run."""
    if name == "jsonl":
        from tqcheck.formats import jsonl

        return jsonl.Stream(out)
    return None


# Characters from input that must not reach a terminal or a report raw: C0 and C1 controls
# (ESC starts CSI/OSC sequences: clear screen, window title, hidden hyperlinks), DEL, and the
# bidi controls that reorder what a reader sees (U+202E). Tab and line feed stay.
_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """``text`` with every control and bidi character written as a visible escape
    (``\x1b``, ``\u202e``): reports show input, they never act on it."""
    if not _UNSAFE_RE.search(text):
        return text
    return _UNSAFE_RE.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def also_text(f: Finding) -> str:
    """The other rules that found the same defect: "AC010 (source word left …), FL008"."""
    return "; ".join(f"{a.rule} {a.message}" for a in f.also)


def fail_reason(doc: DocumentResult, config: Config) -> str:
    """Why a document failed its gate, in a few words ("" when it passed)."""
    if doc.passed:
        return ""
    if doc.errors:
        return "input error" if len(doc.errors) == 1 else f"{len(doc.errors)} input errors"
    reasons = []
    if doc.score < config.threshold:
        reasons.append(f"score {doc.score:.1f} < {config.threshold:g}")
    worst = config.fail_on_severity()
    if worst is not None:
        hits = sum(1 for f in doc.findings if f.severity >= worst)
        if hits:
            reasons.append(f"{hits} finding{'s' if hits > 1 else ''} at {worst.label} or worse")
    return "; ".join(reasons) or "failed"


def summary_line(result: RunResult) -> str:
    """The run's totals in one plain line (after a report written to a file, off a
    terminal: a CI log wants the count, not a table as wide as the batch is long)."""
    s = result.summary()
    severities = s["by_severity"]
    assert isinstance(severities, dict)
    parts = ", ".join(f"{n} {label}" for label, n in severities.items() if n)
    return (
        f"tqcheck: {s['documents']} documents, {s['words']} words, {s['findings']} findings"
        + (f" ({parts})" if parts else "")
        + f"; {s['passed']} passed, {s['failed']} failed"
        + (f", {s['input_errors']} input errors" if s["input_errors"] else "")
    )


def write_atomically(path: Path, render: Callable[[TextIO], None], unnamed: bool = True) -> None:
    """Write to a temporary file beside ``path`` and rename it: no half-written reports.
    The report gets the usual mode (0666 less the umask, not the temporary file's 0600); a
    symlink is written through, not replaced; a device or pipe (``/dev/null``,
    ``/dev/stdout``) is written in place, never replaced by a file."""
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_file():
        with open(path, "w", encoding="utf-8", newline="\n", errors="backslashreplace") as fh:
            render(fh)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if unnamed and _write_unnamed(path, render):
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n", errors="backslashreplace") as fh:
            render(fh)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _write_unnamed(path: Path, render: Callable[[TextIO], None]) -> bool:
    """Linux: render into a file with no name (O_TMPFILE) and give it one only when it is
    complete, so a run killed while it writes (SIGKILL, the OOM killer) leaves nothing
    behind. False where the system or the file system cannot, nothing written then."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not Path("/proc/self/fd").is_dir():
        return False
    try:
        fd = os.open(path.parent, flag | os.O_RDWR, 0o666)  # the umask applies
    except OSError:
        return False  # a file system without unnamed files
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with os.fdopen(fd, "w+", encoding="utf-8", newline="\n", errors="backslashreplace") as fh:
        render(fh)
        fh.flush()
        if not _link(fh.fileno(), tmp):  # no name can be given: write it the usual way
            fh.seek(0)
            written = fh.read()
            fh.close()

            def again(out: TextIO) -> None:
                out.write(written)

            write_atomically(path, again, unnamed=False)
            return True
        try:
            os.replace(tmp, path)
        except BaseException:
            if os.path.lexists(tmp):
                os.unlink(tmp)
            raise
    return True


def _link(fd: int, name: Path) -> bool:
    """Give the unnamed file ``fd`` a name: linkat(2) through /proc with
    AT_SYMLINK_FOLLOW, which os.link does not pass."""
    libc = _libc()
    if libc is None:
        return False
    at_fdcwd, at_symlink_follow = -100, 0x400
    done = libc.linkat(
        at_fdcwd, f"/proc/self/fd/{fd}".encode(), at_fdcwd, os.fsencode(name), at_symlink_follow
    )
    return bool(done == 0)


@functools.lru_cache(maxsize=1)
def _libc() -> Any:
    """The C library, looked up once (find_library runs ldconfig)."""
    import ctypes
    import ctypes.util

    found = ctypes.util.find_library("c")
    return ctypes.CDLL(found, use_errno=True) if found is not None else None
