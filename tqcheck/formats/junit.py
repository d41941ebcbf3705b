"""JUnit XML: one test case per document, failed when the document fails its gate."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO
from xml.etree import ElementTree as ET

from tqcheck.formats import safe_text

if TYPE_CHECKING:
    from tqcheck.engine import RunResult


def render(result: RunResult, out: TextIO) -> None:
    docs = result.documents
    suite = ET.Element(
        "testsuite",
        name="tqcheck",
        tests=str(len(docs)),
        failures=str(sum(not d.passed and not d.errors for d in docs)),
        errors=str(sum(bool(d.errors) for d in docs)),
    )
    ET.SubElement(
        ET.SubElement(suite, "properties"), "property", name="signature", value=result.signature
    )
    for doc in docs:
        # XML 1.0 has no place for most control characters: input's are escaped
        case = ET.SubElement(suite, "testcase", classname="tqcheck", name=safe_text(doc.path))
        lines = [
            safe_text(
                f"{f.line}:{f.column} {f.rule} {f.severity.label}: {f.message}"
                + (f" [unit {f.unit}]" if f.unit else "")
                + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
            )
            for f in doc.findings
        ]
        if doc.errors:
            message = safe_text("; ".join(e.message for e in doc.errors))
            err = ET.SubElement(case, "error", message=message)
            err.text = safe_text("\n".join(f"{e.code}: {e.message}" for e in doc.errors))
        elif not doc.passed:
            fail = ET.SubElement(
                case, "failure", message=f"score {doc.score:.1f}, {len(doc.findings)} findings"
            )
            fail.text = "\n".join(lines)
        elif lines:
            ET.SubElement(case, "system-out").text = "\n".join(lines)
    ET.indent(suite)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suite, encoding="unicode"))
    out.write("\n")
