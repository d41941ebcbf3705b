"""Term bases: the model, TBX and CSV readers/writers, the matcher and lint.

Public API (stable; the names data builds on it)::

    load_termbase(path) -> TermBase      # .tbx/.xml or .csv/.tsv by extension
    write_termbase(base, path)           # the same, for writing
    TermBase, Concept, Term, Status      # frozen values
    GlossaryError                        # missing, malformed or hostile file
"""

from __future__ import annotations

from pathlib import Path

from tqcheck.glossary.model import (
    Concept,
    GlossaryError,
    Status,
    Term,
    TermBase,
    merge,
)

TBX_SUFFIXES = (".tbx", ".xml")
CSV_SUFFIXES = (".csv", ".tsv")

__all__ = [
    "Concept",
    "GlossaryError",
    "Status",
    "Term",
    "TermBase",
    "load_termbase",
    "load_termbases",
    "merge",
    "write_termbase",
]


def load_termbase(path: str | Path) -> TermBase:
    """Read one glossary file; the format follows the extension."""
    suffix = Path(path).suffix.lower()
    if not Path(path).is_file():
        raise GlossaryError(str(path), "no such glossary file")
    if suffix in TBX_SUFFIXES:
        from tqcheck.glossary.tbx import read_tbx

        return read_tbx(path)
    if suffix in CSV_SUFFIXES:
        from tqcheck.glossary.csvio import read_csv

        return read_csv(path)
    raise _unknown_type(path, suffix)


def load_termbases(paths: list[str | Path]) -> TermBase:
    """Read several files and merge them; later files override earlier concepts by id."""
    return merge(load_termbase(p) for p in paths)


def write_termbase(base: TermBase, path: str | Path) -> None:
    suffix = Path(path).suffix.lower()
    if suffix in CSV_SUFFIXES:
        from tqcheck.glossary.csvio import write_csv

        write_csv(base, path)
    elif suffix in TBX_SUFFIXES:
        from tqcheck.glossary.tbx import write_tbx

        write_tbx(base, path)
    else:
        raise _unknown_type(path, suffix)


def _unknown_type(path: str | Path, suffix: str) -> GlossaryError:
    kind = suffix or "(none)"
    return GlossaryError(str(path), f"unknown glossary type {kind!r} (use .tbx or .csv)")
