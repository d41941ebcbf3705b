"""Characters a reader cannot see inside words: zero-width spaces and joiners, and the
bidirectional controls that reorder what is shown (the "Trojan Source" characters)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check
from tqcheck.text.invisible import BIDI, IN_WORD_RE, JOINERS, RTL_RE, ZERO_WIDTH


@check(
    code="FL023",
    name="invisible-character",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def invisible_character(doc: Document, ctx: Context) -> Iterator[Finding]:
    """An invisible character stands inside a word, or a bidirectional control in
    left-to-right text.

    What it finds:
    A zero-width space, word joiner or byte-order mark between two letters or digits
    ("Scho\\u200blz", "NA\\u200bTO"), a zero-width joiner or non-joiner between two
    Latin, Greek or Cyrillic letters, and any bidirectional control (U+202E RIGHT-TO-LEFT
    OVERRIDE, U+2066 … U+2069 isolates, U+200E/U+200F marks) in a text with no
    right-to-left script in it.

    Why it matters:
    The reader sees the right word; search, spelling, the name and glossary checks and
    the reader's browser do not ("Scholz" is not found, a URL shows reversed). Scraped
    pages and MT output carry them from the source page's markup.

    Example:
    "Olaf Scho\\u200blz" -> "Olaf Scholz"
    """
    text = doc.text
    rtl = RTL_RE.search(text) is not None
    for m in IN_WORD_RE.finditer(text):
        if rtl and m.group()[0] in BIDI:
            continue
        names = ", ".join(
            f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in dict.fromkeys(m.group())
        )
        word_start = _word_edge(text, m.start(), -1)
        word_end = _word_edge(text, m.end(), 1)
        word = text[word_start:word_end]
        visible = "".join(c for c in word if c not in ZERO_WIDTH + JOINERS + BIDI)
        yield ctx.finding(
            m.start(),
            m.end(),
            f"invisible {names} in {visible!r}",
            suggestion="",
        )


def _word_edge(text: str, pos: int, step: int) -> int:
    """The start (step -1) or end (step 1) of the word around ``pos``."""
    invisible = ZERO_WIDTH + JOINERS + BIDI
    i = pos
    if step < 0:
        while i > 0 and (text[i - 1].isalnum() or text[i - 1] in invisible):
            i -= 1
        return i
    while i < len(text) and (text[i].isalnum() or text[i] in invisible):
        i += 1
    return i
