"""The JSON report, schema version 1 (documented in the README)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from tqcheck import __version__
from tqcheck.model import DocumentResult, Finding

if TYPE_CHECKING:
    from tqcheck.engine import RunResult

SCHEMA_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "name": f.name,
        "category": f.category.value,
        "severity": f.severity.label,
        "message": f.message,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "text": f.text,
        "suggestion": f.suggestion,
    }


def document_dict(d: DocumentResult) -> dict[str, Any]:
    return {
        "path": d.path,
        "target_lang": d.target_lang,
        "source_path": d.source_path,
        "source_lang": d.source_lang,
        "words": d.words,
        "score": d.score,
        "passed": d.passed,
        "findings": [finding_dict(f) for f in d.findings],
        "errors": [{"code": e.code, "message": e.message} for e in d.errors],
    }


def report_dict(result: RunResult) -> dict[str, Any]:
    return {
        "tool": "tqcheck",
        "version": __version__,
        "signature": result.signature,
        "documents": [document_dict(d) for d in result.documents],
        "summary": {"schema_version": SCHEMA_VERSION, **result.summary()},
    }


def render(result: RunResult, out: TextIO) -> None:
    json.dump(report_dict(result), out, ensure_ascii=False, indent=2)
    out.write("\n")
