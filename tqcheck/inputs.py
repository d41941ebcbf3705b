"""From command-line paths to Documents: discovery, decoding, language, source pairing.

Every problem with one input becomes an ``InputError`` for that input only; the
rest of the batch still runs.
"""

from __future__ import annotations

import codecs
import dataclasses
import fnmatch
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqcheck.model import Document, InputError
from tqcheck.readers import ReadHints, ReadResult, directives, reader_for, supported_extensions
from tqcheck.readers.errors import InputProblem
from tqcheck.text.langcodes import is_valid, primary

LANG_IN_NAME_RE = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$")
DEFAULT_SOURCE_LANG = "en"
SNIFF_BYTES = 8192
# No word of an alphabetic script runs 2000 letters (scripts written without spaces, Chinese
# or Thai, are not in these ranges): such a run is base64 or a dump, and checking it as one
# "word" would pass it.
_BLOB_RE = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]{2000,}")


@dataclass(frozen=True)
class Job:
    target: Path
    source: Path | None = None


def discover(
    paths: list[Path], include: list[str], exclude: list[str], gitignore: bool = True
) -> tuple[list[Path], list[InputError]]:
    """Files named directly are always taken (unless excluded); folders are walked for
    supported types, leaving out hidden entries, what ``exclude`` names (a glob of the file
    or of a folder: ``--exclude docs`` leaves out the folder ``docs``) and, with
    ``gitignore``, what the ``.gitignore`` files of the folder and its repository ignore."""
    found: list[Path] = []
    errors: list[InputError] = []
    exts = tuple(supported_extensions())
    for path in paths:
        if path.is_dir():
            ignores = GitIgnores(path) if gitignore else None
            for child, rel in _walk(path, exclude, ignores, errors):
                if include and not _glob_any(rel, child.name, include):
                    continue
                if not include and not child.name.lower().endswith(exts):
                    continue
                found.append(child)
        elif path.exists():
            if not _glob_any(path.as_posix(), path.name, exclude):
                found.append(path)
        else:
            errors.append(InputError("IO004", "no such file or folder", str(path)))
    return _unique(found), errors


def _walk(
    root: Path, exclude: list[str], ignores: GitIgnores | None, errors: list[InputError]
) -> Iterator[tuple[Path, str]]:
    """Files under ``root`` in sorted order, with their path relative to it; excluded and
    ignored folders are not entered. Symlinked folders are followed, each real folder
    once (a link loop ends); a folder that cannot be entered and a link to nothing are
    reported, never skipped in silence."""
    seen: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        errors.append(
            InputError("IO004", f"cannot enter folder: {exc.strerror}", str(exc.filename))
        )

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        base = Path(folder)
        try:
            info = base.stat()
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []  # a folder met again through a link: not walked twice
            continue
        seen.add((info.st_dev, info.st_ino))
        rel_base = base.relative_to(root).as_posix()
        rel_base = "" if rel_base == "." else rel_base + "/"
        if ignores is not None:
            ignores.enter(base)
        kept = []
        for d in sorted(dirs):
            rel = rel_base + d
            if (
                d.startswith(".")
                or _glob_any(rel, d, exclude)
                or _glob_any(rel + "/", d + "/", exclude)
            ):
                continue
            if ignores is not None and ignores.ignored(base / d, is_dir=True):
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            rel = rel_base + name
            if name.startswith(".") or _glob_any(rel, name, exclude):
                continue
            child = base / name
            if ignores is not None and ignores.ignored(child, is_dir=False):
                continue
            if child.is_file():
                yield child, rel
            elif child.is_symlink() and not child.exists():
                if child.name.lower().endswith(tuple(supported_extensions())):
                    errors.append(InputError("IO004", "a link to nothing (dangling)", str(child)))


class GitIgnores:
    """The ``.gitignore`` rules that apply under a folder: those of the folder's repository
    (from its root down to the folder) and those met while walking it, the deeper file
    deciding, as git does (pathspec's GitIgnoreSpec reads the patterns)."""

    def __init__(self, root: Path) -> None:
        import pathspec

        self._pathspec = pathspec
        self.specs: dict[Path, Any] = {}
        top = root.resolve()
        chain = [top]
        while not (chain[-1] / ".git").exists() and chain[-1].parent != chain[-1]:
            chain.append(chain[-1].parent)
        if not (chain[-1] / ".git").exists():
            chain = [top]  # not in a repository: only the folder's own files
        for folder in reversed(chain[1:]):
            self._load(folder)

    def _load(self, folder: Path) -> None:
        path = folder / ".gitignore"
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        self.specs[folder] = self._pathspec.GitIgnoreSpec.from_lines(lines)

    def enter(self, folder: Path) -> None:
        self._load(folder.resolve())

    def ignored(self, path: Path, is_dir: bool) -> bool:
        full = path.parent.resolve() / path.name
        verdict = None
        for folder, spec in self.specs.items():  # outermost first (insertion order)
            try:
                rel = full.relative_to(folder).as_posix()
            except ValueError:
                continue
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                verdict = result.include
        return bool(verdict)


def _glob_any(rel: str, name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for p in paths:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def lang_from_name(path: Path) -> str | None:
    """``article.de.txt`` -> ``de``; ``None`` when the name carries no valid tag."""
    stem = path.name
    for ext in supported_extensions():
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
            break
    else:
        stem = path.stem
    m = LANG_IN_NAME_RE.match(stem)
    if m and is_valid(m.group("lang")):
        return primary(m.group("lang"))
    return None


def pair_jobs(files: list[Path], source: Path | None, source_lang: str | None) -> list[Job]:
    """Pair each target with its source: ``--source``, else a sibling in the source language.

    A file that serves as another file's source is not scanned as a target.
    """
    if source is not None:
        return [Job(f, source) for f in files if f.resolve() != source.resolve()]
    want = source_lang or DEFAULT_SOURCE_LANG
    folders = _Folders()
    by_stem: dict[tuple[Path, str], dict[str, Path]] = {}
    for f in files:
        lang = lang_from_name(f)
        if lang:
            stem = LANG_IN_NAME_RE.match(_strip_ext(f.name))
            key = (folders.resolve(f.parent), stem.group("stem") if stem else f.name)
            by_stem.setdefault(key, {})[lang] = f
    sources: set[Path] = set()
    jobs: list[Job] = []
    for f in files:
        lang = lang_from_name(f)
        src = None
        if lang and lang != want:
            stem = LANG_IN_NAME_RE.match(_strip_ext(f.name))
            name = stem.group("stem") if stem else f.name
            group = by_stem.get((folders.resolve(f.parent), name), {})
            src = group.get(want) or folders.sibling(f, stem.group("stem") if stem else "", want)
        if src is not None:
            sources.add(src.resolve())
        jobs.append(Job(f, src))
    if not sources:
        return jobs
    return [j for j in jobs if j.source is not None or j.target.resolve() not in sources]


class _Folders:
    """The folders of one pairing, each resolved and listed once (a batch of 400 files
    in one folder otherwise resolved the folder 2 000 times and looked for 5 000
    siblings one ``stat`` at a time)."""

    def __init__(self) -> None:
        self._resolved: dict[Path, Path] = {}
        self._names: dict[Path, frozenset[str]] = {}

    def resolve(self, folder: Path) -> Path:
        found = self._resolved.get(folder)
        if found is None:
            found = self._resolved[folder] = folder.resolve()
        return found

    def sibling(self, path: Path, stem: str, lang: str) -> Path | None:
        """The file ``stem.lang.ext`` beside ``path``, for a supported extension."""
        if not stem:
            return None
        names = self._names.get(path.parent)
        if names is None:
            try:
                names = frozenset(os.listdir(path.parent or "."))
            except OSError:
                names = frozenset()
            self._names[path.parent] = names
        for ext in supported_extensions():
            name = f"{stem}.{lang}{ext}"
            if name in names and (candidate := path.with_name(name)).is_file():
                return candidate
        return None


BILINGUAL_EXTENSIONS = (".po", ".xlf", ".xliff", ".tmx", ".tsv")


def translations_only(files: list[Path], source_lang: str | None) -> tuple[list[Path], list[Path]]:
    """The files that hold translations, and the others (for a hook that is handed every
    changed file): bilingual files (PO, XLIFF, TMX, TSV; not a .pot template) are kept; a
    monolingual file is kept when its name carries a language other than the source
    language (``article.de.txt``), so sources (``article.en.txt``) and files with no language
    in their name (README.md) are left out."""
    want = primary(source_lang or DEFAULT_SOURCE_LANG)
    kept: list[Path] = []
    others: list[Path] = []
    for f in files:
        lang = lang_from_name(f)
        bilingual = f.name.lower().endswith(BILINGUAL_EXTENSIONS)
        (kept if bilingual or (lang is not None and lang != want) else others).append(f)
    return kept, others


def _strip_ext(name: str) -> str:
    for ext in supported_extensions():
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return name.rsplit(".", 1)[0]


def decode(path: Path, encoding: str = "utf-8", hints: ReadHints | None = None) -> ReadResult:
    """Read and decode one file; raises InputProblem with one precise sentence.

    ``hints`` carry --lang/--source-lang to readers of multilingual files (TMX, TSV).
    """
    _reader(path)
    return decode_bytes(read_bytes(path), path, encoding, hints)


def _reader(path: Path):  # type: ignore[no-untyped-def]
    reader = reader_for(path)
    if reader is None:
        raise InputProblem(
            "IO005",
            f"unsupported file type {path.suffix or '(none)'!r}; "
            f"tqcheck reads {', '.join(supported_extensions())}",
        )
    return reader


MAX_FILE_MB = 64.0  # the default size limit of one input (config max_file_mb)
_LIMIT = [MAX_FILE_MB]


def set_size_limit(megabytes: float) -> None:
    """The largest input read (a run's setting; the CLI sets it from the config)."""
    _LIMIT[0] = megabytes


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes, at most the size limit; raises InputProblem (IO004) with one
    precise sentence. A FIFO, device or socket is refused before it is opened (reading
    /dev/zero never ends, opening a FIFO blocks)."""
    limit = int(_LIMIT[0] * 1024 * 1024)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputProblem("IO004", "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
            raise InputProblem("IO004", f"is {kind}, not a regular file: not read")
        if info.st_size > limit:
            raise InputProblem(
                "IO004",
                f"{info.st_size / 1048576:.0f} MB is over the size limit of {_LIMIT[0]:g} MB "
                "(max_file_mb in the config)",
            )
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputProblem("IO004", "no such file") from None
    except IsADirectoryError:
        raise InputProblem("IO004", "is a folder, not a file") from None
    except OSError as exc:
        raise InputProblem("IO004", f"cannot read: {exc.strerror}") from None
    if len(data) > limit:
        raise InputProblem("IO004", f"grew past the size limit of {_LIMIT[0]:g} MB while read")
    return data


def decode_bytes(
    data: bytes, path: Path, encoding: str = "utf-8", hints: ReadHints | None = None
) -> ReadResult:
    """Decode a file's bytes with the reader its name calls for (``path`` names it)."""
    reader = _reader(path)
    if not data.strip():
        raise InputProblem("IO003", "empty file" if not data else "file holds only white space")
    encoding = _bom_encoding(data) or encoding
    if encoding.lower().replace("-", "").replace("_", "").startswith(("utf16", "utf32")):
        return _decoded(reader, path, data, encoding, hints)
    head = data[:SNIFF_BYTES]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise InputProblem("IO001", "binary file, not text")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputProblem("IO001", f"NUL byte at line {line}: binary data in a text file")
    return _decoded(reader, path, data, encoding, hints)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces (UTF-16 and -32 are what many CAT tools
    export; their NUL bytes are no sign of a binary file)."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def _decoded(
    reader: Any, path: Path, data: bytes, encoding: str, hints: ReadHints | None
) -> ReadResult:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = " (looks like Latin-1/Windows-1252)" if _looks_latin1(data) else ""
        raise InputProblem(
            "IO002",
            f"not valid {encoding}: byte 0x{data[exc.start]:02x} at line {line}{hint}; "
            f"convert the file to UTF-8 or pass --encoding",
        ) from None
    except LookupError:
        raise InputProblem("IO002", f"unknown encoding {encoding!r}") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputProblem("IO003", "file holds only white space")
    if "\x00" in text:
        raise InputProblem("IO001", "NUL character in the text: binary data in a text file")
    blob = _BLOB_RE.search(text)
    if blob is not None:
        line = text.count("\n", 0, blob.start()) + 1
        raise InputProblem(
            "IO001",
            f"{len(blob.group())} letters without a space at line {line}: encoded data, not "
            "text in words",
        )
    result: ReadResult = reader.read(path, text, hints)
    return result


# every byte but the control characters of binary data (tab, LF, FF and CR are text)
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    return len(data.translate(None, _NOT_CONTROL)) / len(data)


def _looks_latin1(data: bytes) -> bool:
    return any(b in data for b in (0xE4, 0xF6, 0xFC, 0xDF, 0xE9, 0xE8, 0xC4, 0xD6, 0xDC))


def resolve_lang(given: str | None, meta: str | None, path: Path, text: str) -> tuple[str, str]:
    """Language and where it came from: option, file metadata, file name, detection."""
    if given:
        return primary(given), "given"
    if meta:
        return primary(meta), "metadata"
    from_name = lang_from_name(path)
    if from_name:
        return from_name, "filename"
    from tqcheck.text.langid import UNDETERMINED, identify

    guess = identify(text[:20000])
    return (guess.lang if guess.probability >= 0.5 else UNDETERMINED), "detected"


def job_bytes(job: Job) -> tuple[bytes, bytes | None]:
    """The bytes of a job's target and source files (IO006 for an unreadable source)."""
    _reader(job.target)
    target = read_bytes(job.target)
    source = None
    if job.source is not None:
        try:
            _reader(job.source)
            source = read_bytes(job.source)
        except InputProblem as exc:
            raise InputProblem("IO006", f"source {job.source}: {exc.message}") from None
    return target, source


def load_job(job: Job, lang: str | None, source_lang: str | None, encoding: str) -> Document:
    """Build the Document for one job; raises InputProblem for the target or its source.
    A sidecar ``<file>.tqcheck-ignore`` next to the target adds its directives."""
    target, source = job_bytes(job)
    doc = load_bytes(target, job.target, lang, source_lang, encoding, source, job.source)
    side = sidecar_bytes(job.target)
    if side is None:
        return doc
    name = str(sidecar_path(job.target))
    entries = directives.sidecar(name, side.decode("utf-8", "replace"), doc.text)
    return dataclasses.replace(doc, suppressions=doc.suppressions + entries)


def sidecar_path(target: Path) -> Path:
    return target.with_name(target.name + directives.SIDECAR_SUFFIX)


def sidecar_bytes(target: Path) -> bytes | None:
    """The sidecar's bytes (at most 1 MiB read), or None when there is none."""
    path = sidecar_path(target)
    try:
        if not path.is_file():
            return None
        with path.open("rb") as fh:
            return fh.read(1 << 20)
    except OSError:
        return None


def load_bytes(
    data: bytes,
    path: Path,
    lang: str | None,
    source_lang: str | None,
    encoding: str = "utf-8",
    source: bytes | None = None,
    source_path: Path | None = None,
) -> Document:
    """The Document for a target file's bytes (``path`` names it and picks the reader),
    with the bytes of its source file when there is one."""
    read = decode_bytes(data, path, encoding, ReadHints(lang, source_lang))
    tlang, origin = resolve_lang(lang, read.lang, path, read.text)
    source_doc = None
    if read.source_text is not None:
        slang, sorigin = resolve_lang(source_lang, read.source_lang, path, read.source_text)
        source_doc = Document(str(path), read.source_text, slang, sorigin)
    elif source is not None:
        source_path = source_path or Path("source.txt")
        try:
            src = decode_bytes(source, source_path, encoding)
        except InputProblem as exc:
            raise InputProblem("IO006", f"source {source_path}: {exc.message}") from None
        slang, sorigin = resolve_lang(source_lang, src.lang, source_path, src.text)
        source_doc = Document(str(source_path), src.text, slang, sorigin, skip=src.skip)
    return Document(
        path=str(path),
        text=read.text,
        lang=tlang,
        lang_origin=origin,
        source=source_doc,
        units=read.units,
        skip=read.skip,
        unchecked_units=read.empty_units,
        suppressions=read.suppressions,
        raw=read.raw,
    )
