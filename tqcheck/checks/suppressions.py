"""Directives that silence nothing: stale ``tqcheck: ignore[…]`` comments and notes."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity, Suppression
from tqcheck.registry import all_checks, check


@check(
    code="IO008",
    name="unused-suppression",
    category=Category.INPUT,
    severity=Severity.MINOR,
    needs=("findings",),
)
def unused_suppression(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A ``tqcheck:`` directive that silenced no finding, or that cannot be read.

    What it finds:
    ``tqcheck: ignore[FL002]`` where no FL002 finding is left to silence (the
    text was fixed, or the directive names the wrong rule), an ``off`` region
    with nothing in it, a directive naming a code that is no rule, a sidecar
    entry whose text is no longer in the file. Directives for rules that did
    not run (``--select``, another language) are left alone.

    Why it matters:
    A stale suppression hides the next real defect at that place; like ruff's
    RUF100, tqcheck says when one can go.

    Example:
    "Der Text ist korrigiert. <!-- tqcheck: ignore[FL002] -->" -> remove the comment
    """
    known = {spec.code for spec in all_checks()}
    for k, sup in enumerate(doc.suppressions):
        if k in ctx.used_suppressions:
            continue
        message = _problem(sup, known, ctx.ran)
        if message is None:
            continue
        where = f" ({sup.origin})" if sup.origin else ""
        yield ctx.finding(sup.at, sup.at, f"{message}{where}: remove or fix the directive")


def _problem(sup: Suppression, known: set[str], ran: frozenset[str]) -> str | None:
    """Why the directive is reported, or None when it only names rules that did not run."""
    if "?" in sup.codes:
        return f"unreadable directive: {sup.directive}"
    unknown = sorted(c for c in sup.codes if not any(k.startswith(c) for k in known))
    if unknown:
        return f"directive names no rule: {', '.join(unknown)} in {sup.directive!r}"
    if sup.codes and not any(r.startswith(c) for c in sup.codes for r in ran):
        return None
    return f"unused suppression {sup.directive!r}: nothing here to silence"
