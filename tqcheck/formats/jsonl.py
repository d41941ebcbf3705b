"""JSON Lines: one line per finding, streamed as each document is done, then one summary
line. Memory stays flat however large the corpus: the CLI keeps no document results. A
document's line (its facts, without the findings) comes before its findings, so a reader
can load findings into a table row by row and still see clean and broken documents.

    {"type": "document", "path": …, "words": …, "score": …, "passed": …, "errors": [...],
     "findings": 2}
    {"type": "finding", "path": …, "rule": "FL002", … (a finding of the JSON report)}
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
        entry = d.to_dict()
        findings = entry.pop("findings")
        assert isinstance(findings, list)
        lines = [{"type": "document", **entry, "findings": len(findings)}]
        lines.extend({"type": "finding", "path": d.path, **f} for f in findings)
        self.out.write("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
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
