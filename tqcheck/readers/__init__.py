"""Input readers: one module per format, each turning decoded text into a ReadResult.

A reader for a new format (XLIFF, PO, TMX, HTML) is one module with a class that
has ``name``, ``extensions`` and ``read``; add it to ``READERS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tqcheck.model import Unit
from tqcheck.readers.markdown import MarkdownReader
from tqcheck.readers.plain import PlainTextReader


@dataclass(frozen=True)
class ReadResult:
    """What a file holds: the target text, and for bilingual files its source and units."""

    text: str
    skip: tuple[tuple[int, int], ...] = ()
    units: tuple[Unit, ...] = ()
    source_text: str | None = None
    lang: str | None = None
    source_lang: str | None = None


class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]

    def read(self, path: Path, text: str) -> ReadResult: ...


READERS: tuple[Reader, ...] = (PlainTextReader(), MarkdownReader())


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for reader in READERS:
        if any(name.endswith(ext) for ext in reader.extensions):
            return reader
    return None


def supported_extensions() -> list[str]:
    return [ext for reader in READERS for ext in reader.extensions]
