"""JSON Lines: one line per document, written as soon as it is done, then one summary
line. Memory stays flat however large the corpus: the CLI keeps no document results.

    {"type": "document", "path": …, "findings": [...], …}   (the JSON report's entries)
    {"type": "summary", "tool": "tqcheck", "version": …, "signature": …, "summary": {…}}
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from tqcheck import __version__
from tqcheck.formats.json_report import SCHEMA_VERSION

if TYPE_CHECKING:
    from tqcheck.engine import RunResult
    from tqcheck.model import DocumentResult


class Stream:
    """Writes each document's line as it comes, and the summary at the end."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def document(self, d: DocumentResult) -> None:
        self.out.write(json.dumps({"type": "document", **d.to_dict()}, ensure_ascii=False))
        self.out.write("\n")
        self.out.flush()

    def finish(self, result: RunResult) -> None:
        line = {
            "type": "summary",
            "tool": "tqcheck",
            "version": __version__,
            "signature": result.signature,
            "summary": {"schema_version": SCHEMA_VERSION, **result.summary()},
        }
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")


def render(result: RunResult, out: TextIO) -> None:
    stream = Stream(out)
    for d in result.documents:
        stream.document(d)
    stream.finish(result)
