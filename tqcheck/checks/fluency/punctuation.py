"""Spacing around punctuation, following each language's typography."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check

# Used for languages without a pack: the marks no typography puts a space before.
UNIVERSAL_NO_SPACE_BEFORE = (",", ".")
_SPACE_BEFORE_RE = re.compile(r"(?P<space>[ \t\u00a0\u202f]+)(?P<mark>[,.;:!?])")


@check(
    code="FL001",
    name="space-before-punctuation",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def space_before_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A space stands before a punctuation mark that the language writes closed up.

    What it finds:
    White space before , . ; : ! ? where the target language's typography has
    none. French writes a (narrow) no-break space before ; : ! ?, so there only
    , and . are checked. Ellipses, decimals (".5") and line-initial marks are
    left alone.

    Why it matters:
    A detached full stop or comma is a typical residue of machine translation
    and of text re-assembled from fragments; readers see it at once.

    Example:
    "sagte der hochrangige NATO-Diplomat ." -> "sagte der hochrangige NATO-Diplomat."
    """
    marks = tuple(ctx.pack.get("punctuation", "no_space_before", UNIVERSAL_NO_SPACE_BEFORE))
    text = doc.text
    for m in _SPACE_BEFORE_RE.finditer(text):
        mark = m.group("mark")
        if mark not in marks:
            continue
        before = text[: m.start()].rstrip(" \t\u00a0\u202f")
        after = text[m.end() : m.end() + 1]
        if not before or before.endswith("\n") or before[-1] in "([{„“\"'«»‚‘-–—/,.;:!?…":
            continue  # line start, inside brackets, or after other punctuation
        if after and (after.isalnum() or after == mark or after in ".…"):
            continue  # ".5", ".com", " ..." ellipsis, "?!" sequences handled elsewhere
        yield ctx.finding(
            m.start(),
            m.end(),
            f"space before {mark!r}",
            suggestion=mark,
        )
