"""SARIF 2.1.0, for code-scanning dashboards; columns count Unicode code points."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tqcheck import __version__
from tqcheck.formats.json_report import dump
from tqcheck.model import Severity

if TYPE_CHECKING:
    from tqcheck.engine import RunResult

LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning"}


def render(result: RunResult, out: TextIO) -> None:
    rules = [
        {
            "id": spec.code,
            "name": spec.name,
            "shortDescription": {"text": spec.summary},
            "fullDescription": {"text": spec.doc},
            "defaultConfiguration": {"level": LEVEL[result.config.severity_for(spec)]},
            "properties": {"category": spec.category.value},
        }
        for spec in result.checks
    ]
    results: list[dict[str, Any]] = []
    for doc in result.documents:
        uri = Path(doc.path).as_posix()
        for index, f in enumerate(doc.findings):
            ex = doc.excerpt(index)
            end_line, end_col = (ex.end_line, ex.end_column) if ex else (f.line, f.column)
            results.append(
                {
                    "ruleId": f.rule,
                    "level": LEVEL[f.severity],
                    "message": {
                        "text": f.message
                        + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
                    },
                    "locations": [
                        {
                            **(
                                {"logicalLocations": [{"name": f.unit, "kind": "member"}]}
                                if f.unit
                                else {}
                            ),
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri},
                                "region": {
                                    "startLine": f.line,
                                    "startColumn": f.column,
                                    "endLine": end_line,
                                    "endColumn": end_col,
                                    "charOffset": f.start,
                                    "charLength": f.end - f.start,
                                    "snippet": {"text": f.text},
                                },
                            },
                        }
                    ],
                    "properties": {"severity": f.severity.label, "category": f.category.value},
                }
            )
        for err in doc.errors:
            results.append(
                {
                    "ruleId": err.code,
                    "level": "error",
                    "message": {"text": err.message},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tqcheck",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"signature": result.signature},
            }
        ],
    }
    dump(sarif, out)
    out.write("\n")
