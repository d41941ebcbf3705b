"""The JSON report, schema version 1 (documented in the README)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from tqcheck import __version__

if TYPE_CHECKING:
    from tqcheck.engine import RunResult

SCHEMA_VERSION = 1


def report_dict(result: RunResult) -> dict[str, Any]:
    return {
        "tool": "tqcheck",
        "version": __version__,
        "signature": result.signature,
        "documents": [d.to_dict() for d in result.documents],
        "summary": {"schema_version": SCHEMA_VERSION, **result.summary()},
    }


CHUNK = 1 << 16  # characters gathered per write


def dump(obj: Any, out: TextIO) -> None:
    """``obj`` as indented JSON, written in chunks of about 64 K characters: ``json.dump``
    writes every token on its own (94 000 writes for the report of a 1 MB corpus), and
    one ``json.dumps`` string would hold the whole report in memory a second time (peak
    77 -> 101 MiB for a 4 MB corpus). The bytes are the same."""
    parts: list[str] = []
    size = 0
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(obj):
        parts.append(piece)
        size += len(piece)
        if size >= CHUNK:
            out.write("".join(parts))
            parts, size = [], 0
    out.write("".join(parts))


def render(result: RunResult, out: TextIO) -> None:
    dump(report_dict(result), out)
    out.write("\n")
