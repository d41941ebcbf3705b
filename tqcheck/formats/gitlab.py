"""GitLab Code Quality report (a JSON array of issues, shown on merge requests).

Each finding: ``description``, ``check_name`` (the rule), ``severity`` (minor → minor,
major → major, critical → critical; an input error → blocker), ``location`` (path and
line), and a ``fingerprint`` that does not depend on line numbers: the rule, the path, the
matched text and its context, so a finding keeps its identity when text above it moves."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, TextIO

from tqcheck.formats.json_report import dump

if TYPE_CHECKING:
    from tqcheck.engine import RunResult
    from tqcheck.model import DocumentResult


def fingerprint(doc: DocumentResult, index: int) -> str:
    """A finding's identity without line numbers: rule, path, text, normalised context."""
    return doc.fingerprint(index)


def render(result: RunResult, out: TextIO) -> None:
    issues: list[dict[str, Any]] = []
    for doc in result.documents:
        for e in doc.errors:
            key = "\x1f".join((e.code, doc.path, e.message))
            issues.append(
                {
                    "description": f"{e.code}: {e.message}",
                    "check_name": e.code,
                    "fingerprint": hashlib.sha256(
                        key.encode("utf-8", "surrogateescape")
                    ).hexdigest(),
                    "severity": "blocker",
                    "location": {"path": doc.path, "lines": {"begin": 1}},
                }
            )
        for index, f in enumerate(doc.findings):
            fix = f" (suggestion: {f.suggestion!r})" if f.suggestion else ""
            issues.append(
                {
                    "description": f"{f.rule} {f.message}{fix}"
                    + (f" [unit {f.unit}]" if f.unit else ""),
                    "check_name": f.rule,
                    "fingerprint": fingerprint(doc, index),
                    "severity": f.severity.label,
                    "location": {"path": doc.path, "lines": {"begin": f.line}},
                }
            )
    dump(issues, out)
    out.write("\n")
