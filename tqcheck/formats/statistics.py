"""Counts of findings by rule, most frequent first (``scan --statistics``), then the
run's totals in one line: what to fix first on a corpus, or which rule to tune."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

from tqcheck.formats import summary_line

if TYPE_CHECKING:
    from tqcheck.engine import RunResult


def render(result: RunResult, out: TextIO) -> None:
    by_rule = Counter(result.totals.rules)
    names = {c.code: (c.name, result.config.severity_for(c).label) for c in result.checks}
    width = len(str(max(by_rule.values(), default=0)))
    name_width = max((len(names.get(r, ("",))[0]) for r in by_rule), default=0)
    for rule, count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        name, severity = names.get(rule, ("", ""))
        line = f"{str(count).rjust(width)}  {rule}  {name.ljust(name_width)}  {severity}"
        out.write(line.rstrip() + "\n")
    errors = result.totals.input_errors
    if errors:
        out.write(f"{str(errors).rjust(width)}  input errors\n")
    out.write(summary_line(result) + "\n")
