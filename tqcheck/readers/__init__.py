"""Input readers: one module per format, each turning decoded text into a ReadResult.

A reader for a new format is one module with a class that has ``name``,
``extensions`` and ``read``; add it to ``READERS``. Structured formats (XLIFF,
TMX, PO, TSV, HTML) return a masked copy of the whole file (see ``masking``), so
findings point into the real file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tqcheck.model import Suppression, Unit
from tqcheck.readers.html import HtmlReader
from tqcheck.readers.markdown import MarkdownReader
from tqcheck.readers.plain import PlainTextReader
from tqcheck.readers.po import PoReader
from tqcheck.readers.tmx import TmxReader
from tqcheck.readers.tsv import TsvReader
from tqcheck.readers.xliff import XliffReader


@dataclass(frozen=True)
class ReadResult:
    """What a file holds: the target text, and for bilingual files its source and units."""

    text: str
    skip: tuple[tuple[int, int], ...] = ()
    units: tuple[Unit, ...] = ()
    source_text: str | None = None
    lang: str | None = None
    source_lang: str | None = None
    empty_units: int = 0  # bilingual units with no target text: not checked
    suppressions: tuple[Suppression, ...] = ()  # reviewers' directives (readers/directives.py)
    raw: str | None = None  # the file as written, where ``text`` is a masked copy of it


@dataclass(frozen=True)
class ReadHints:
    """The languages asked for on the command line, for files that hold several (TMX, TSV)."""

    lang: str | None = None
    source_lang: str | None = None


class Reader(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def extensions(self) -> tuple[str, ...]: ...

    def read(self, path: Path, text: str, hints: ReadHints | None = None) -> ReadResult: ...


READERS: tuple[Reader, ...] = (
    PlainTextReader(),
    MarkdownReader(),
    XliffReader(),
    TsvReader(),
    PoReader(),
    TmxReader(),
    HtmlReader(),
)


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for reader in READERS:
        if any(name.endswith(ext) for ext in reader.extensions):
            return reader
    return None


def supported_extensions() -> list[str]:
    return [ext for reader in READERS for ext in reader.extensions]
