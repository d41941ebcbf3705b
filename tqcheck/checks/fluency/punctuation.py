"""Spacing around punctuation, following each language's typography."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check

# Used for languages without a pack: the marks no typography puts a space before.
UNIVERSAL_NO_SPACE_BEFORE = (",", ".")
# From the start of a run of spaces only, taken whole (possessive): readers turn markup
# into long runs of spaces, and a pattern retried inside each run is quadratic in it.
_SPACE_BEFORE_RE = re.compile(
    r"(?<![ \t\u00a0\u202f])(?P<space>[ \t\u00a0\u202f]++)(?P<mark>[,.;:!?])"
)


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
        before = text[m.start() - 1] if m.start() else ""  # the run starts after it
        after = text[m.end() : m.end() + 1]
        closing = (
            before in _CLOSING_QUOTES
            and m.start() >= 2
            and not text[m.start() - 2].isspace()
            and mark in ",."
        )  # a quotation closed on its last word, then a detached comma: "case“ , said"
        if not before or before == "\n" or (before in "([{„“\"'«»‚‘-–—/,.;:!?…" and not closing):
            continue  # line start, inside brackets, or after other punctuation
        if after and (after.isalnum() or after == mark or after in ".…"):
            continue  # ".5", ".com", " ..." ellipsis, "?!" sequences handled elsewhere
        yield ctx.finding(
            m.start(),
            m.end(),
            f"space before {mark!r}",
            suggestion=mark,
        )


_CLOSING_QUOTES = "“”\"'»«‘’"
_DOUBLED_RE = re.compile(r"(?<![.,;:])(?:,,|;;|::|,\.|\.,|;,|,;|(?<!\.)\.\.(?!\.))(?![.,;:])")


@check(
    code="FL016",
    name="doubled-punctuation",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def doubled_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Two punctuation marks where one belongs: ",," ".." ",." ";;".

    What it finds:
    A comma, full stop, semicolon or colon doubled or stacked on another of
    them. Ellipses ("...") and marks inside URLs are left alone.

    Why it matters:
    Stacked marks come from joining segments that each carried their own
    punctuation; they read as typos.

    Example:
    "Die Gespräche dauern an.." -> "Die Gespräche dauern an."
    """
    abbreviations = ctx.pack.lower_set("segment", "abbreviations")
    ordinal_dot = bool(ctx.pack.get("segment", "ordinal_dot", False))
    for m in _DOUBLED_RE.finditer(doc.text):
        if "://" in _chunk(doc.text, m.start()):
            continue
        before = re.search(r"(\w+)$", doc.text[max(0, m.start() - 80) : m.start()])
        if (
            m.group().startswith(".")
            and before
            and (before.group(1).lower() in abbreviations or len(before.group(1)) == 1)
        ):
            continue  # "z. B.," "ft.," : an abbreviation's dot before a comma
        if m.group() == ".," and ordinal_dot and before and before.group(1).isdigit():
            continue  # an ordinal's dot: "am 12., 18. und 25. Oktober"
        yield ctx.finding(
            m.start(),
            m.end(),
            f"doubled punctuation {m.group()!r}",
            suggestion=m.group()[-1] if m.group()[0] == m.group()[-1] else None,
        )


_NO_SPACE_AFTER_RE = re.compile(
    r"(?<=[^\W\d_]{2})(?P<mark>[.!?;])(?=[A-ZÄÖÜÀÂÇÉÈÊËÎÏÔÛÙ][a-zäöüßàâçéèêëîïôûùüÿœ])"
    r"|(?<=[^\W\d_])(?P<comma>,)(?=[^\W\d_])"
)


@check(
    code="FL017",
    name="missing-space-after-punctuation",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def missing_space_after_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A sentence mark or comma is glued to the next word.

    What it finds:
    "Ende.Der nächste", "Berlin,Paris": a word, then . ! ? ; or a comma, then a
    letter with no space. URLs, e-mail addresses, domains ("taz.de"),
    abbreviations written closed ("z.B.", "U.S.") and numbers are left alone.

    Why it matters:
    Lost spaces come from scraping that drops line breaks or markup between
    sentences; they also break sentence splitting for every later check.

    Example:
    "Die Sitzung endete.Der Kanzler reiste ab." -> "Die Sitzung endete. Der Kanzler reiste ab."
    """
    for m in _NO_SPACE_AFTER_RE.finditer(doc.text):
        chunk = _chunk(doc.text, m.start())
        if "://" in chunk or "@" in chunk or "www." in chunk.lower() or chunk.count(".") > 1:
            continue
        mark = m.group()
        yield ctx.finding(m.start(), m.end(), f"no space after {mark!r}", suggestion=mark + " ")
    # … and a new sentence glued on with its quotation mark: 'jeudi."Nous', 'endete.„Wir'
    # (the mark opens the quotation, or closes the last one and the next word is glued)
    for m in _NO_SPACE_QUOTE_RE.finditer(doc.text):
        mark, quote = m.group("mark"), m.group("quote")
        before = doc.text[doc.text.rfind("\n", 0, m.start()) + 1 : m.start()]
        closes = quote in "“”»" and quote != ctx.pack.get("quotes", "primary", "  ")[0]
        if quote == '"':
            closes = before.count('"') % 2 == 1  # the paragraph's quotation is open
        fixed = f"{mark}{quote} " if closes else f"{mark} {quote}"
        yield ctx.finding(
            m.start(),
            m.end(),
            f"no space after {mark + quote if closes else mark!r}",
            suggestion=fixed,
        )


_NO_SPACE_QUOTE_RE = re.compile(
    r"(?<=[^\W\d_]{2})(?P<mark>[.!?])(?P<quote>[\"„“”«»])"
    r"(?=[A-ZÄÖÜÀÂÇÉÈÊËÎÏÔÛÙ][a-zäöüßàâçéèêëîïôûùüÿœ])"
)
_DOUBLE_SPACE_RE = re.compile(r"(?<=[^\s])  +(?=[^\s])")


@check(
    code="FL018",
    name="doubled-space",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def doubled_space(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Two or more spaces between words inside a line.

    What it finds:
    Runs of ordinary spaces between two visible characters. Indentation at the
    start of a line and alignment in tables (three or more runs on one line)
    are left alone.

    Why it matters:
    Doubled spaces mark deleted words or joined fragments; they survive into
    print and web layouts.

    Example:
    "Die Minister  trafen sich" -> "Die Minister trafen sich"
    """
    text = doc.text
    line_end = -1  # the line of the last match, and whether it is a table's
    table = False
    for m in _DOUBLE_SPACE_RE.finditer(text):
        if m.start() > line_end:  # a new line: count its runs once, not once per run
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            runs = _DOUBLE_SPACE_RE.finditer(text, line_start, line_end)
            table = sum(1 for _ in itertools.islice(runs, 3)) >= 3
        if not table:
            yield ctx.finding(m.start(), m.end(), "doubled space", suggestion=" ")


def _chunk(text: str, pos: int) -> str:
    """The run of non-space characters around ``pos`` (for URL and domain guards)."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]
