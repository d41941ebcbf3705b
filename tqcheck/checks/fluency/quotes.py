"""Quotation marks: balance, doubled openers, typography and consistency per language."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Paragraph, Severity
from tqcheck.registry import check
from tqcheck.text.langpack import LangPack

# Each typographic system: (opening, closing). Straight quotes are handled apart.
SYSTEMS = {
    "german": ("„", "“"),
    "english": ("“", "”"),
    "guillemets": ("«", "»"),
    "chevrons": ("»", "«"),
}
TYPOGRAPHIC_LANGS = {"de", "en", "fr"}


def primary_pair(pack: LangPack) -> tuple[str, str] | None:
    pair = pack.get("quotes", "primary")
    return (pair[0], pair[1]) if pair else None


def accepted_pairs(pack: LangPack) -> list[tuple[str, str]]:
    pairs = [primary_pair(pack)] if primary_pair(pack) else []
    pairs += [(a, b) for a, b in pack.get("quotes", "also_accepted", [])]
    return [p for p in pairs if p]


def system_of(pair: tuple[str, str]) -> str | None:
    for name, sys_pair in SYSTEMS.items():
        if sys_pair == pair:
            return name
    return None


@check(
    code="FL009",
    name="unbalanced-quotation-marks",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def unbalanced_quotation_marks(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A quotation is opened twice without being closed, or closed without being opened.

    What it finds:
    Within a paragraph, following the language's own pair (German „…“, French
    « … », English “…”): a second opening mark while a quotation is still open
    („Eine Diskussion ist im Gange; „Es ist …; two side by side, „„, are marked
    together), or a closing mark with no quotation open. Straight double quotes
    likewise, each read as opening or closing by the spaces around it (a
    paragraph with one that reads as neither, or with inch marks, is left
    alone). A quotation left open at the end of a paragraph is accepted when
    the next paragraph reopens it (the multi-paragraph convention).

    Why it matters:
    Machine translation and sentence re-assembly often duplicate or drop
    quotation marks; the reader can no longer tell who says what.

    Example:
    „Eine Diskussion ist im Gange; „Es ist sehr weit …“
    -> „Eine Diskussion ist im Gange; es ist sehr weit …“
    """
    pair = primary_pair(ctx.pack)
    if pair is None:
        return
    opening, closing = pair
    paragraphs = doc.paragraphs
    for i, para in enumerate(paragraphs):
        following = paragraphs[i + 1].text.lstrip() if i + 1 < len(paragraphs) else ""
        yield from _balance(para, opening, closing, following.startswith(opening), ctx)
        yield from _straight_balance(para, following.startswith('"'), ctx)


def _straight_balance(para: Paragraph, next_reopens: bool, ctx: Context) -> Iterator[Finding]:
    """The same for straight double quotes, each read as opening (after a space or a
    bracket, before a word) or closing (after a word, before a space or a mark); a
    paragraph with a mark that reads as neither is left alone."""
    text = para.text
    marks = [m.start() for m in re.finditer('"', text)]
    if not marks:
        return
    kinds = []
    for k in marks:
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        opens = (before.isspace() or before in '([{—–-/"') and not after.isspace()
        closes = not before.isspace() and (after.isspace() or not after.isalnum())
        if opens == closes or before.isdigit():
            return  # '"' alone between spaces, glued on both sides, or inches: no telling
        kinds.append(opens)
    marked = list(zip(marks, kinds, strict=True))
    yield from _walk(para, marked, '"', '"', next_reopens, ctx, suggest=False)


def _balance(
    para: Paragraph, opening: str, closing: str, next_reopens: bool, ctx: Context
) -> Iterator[Finding]:
    if opening == closing:
        return
    text = para.text
    # a whole quotation in the other of the German and English systems, which share “:
    # its marks are that system's („…“ in English text, “…” in German), FL011's to report
    other = _OTHER_SYSTEM.get((opening, closing))
    if other is not None:
        # (not where its first mark closes a quotation of the language's own: that “ is
        # a German closer, and FL011 does not count it either)
        text = other.sub(
            lambda m: (
                m.group()
                if _is_other_system_closer(para.text, m.start(), [(opening, closing)])
                else " " * len(m.group())
            ),
            text,
        )
    marked = [
        (m.start(), m.group() == opening)
        for m in re.finditer(re.escape(opening) + "|" + re.escape(closing), text)
    ]
    yield from _walk(para, marked, opening, closing, next_reopens, ctx, suggest=True)


def _walk(
    para: Paragraph,
    marks: list[tuple[int, bool]],
    opening: str,
    closing: str,
    next_reopens: bool,
    ctx: Context,
    suggest: bool,
) -> Iterator[Finding]:
    """The paragraph's quotation marks in order (offset in the paragraph, opening or
    not): an opener while a quotation is open, a closer with none open, and a quotation
    left open at the paragraph's end unless the next paragraph reopens it. ``suggest``:
    the typographic marks' fix (the doubled opener once, or none)."""
    open_at: int | None = None
    for k, opens in marks:
        pos = para.start + k
        if opens:
            if open_at is not None:
                # the two marks side by side ("„„Niemand", "« « Les") are one slip: both
                start = open_at if not para.text[open_at - para.start + 1 : k].strip() else pos
                yield ctx.finding(
                    start,
                    pos + 1,
                    f"quotation opened again with {opening} before it was closed",
                    suggestion=(opening if start < pos else "") if suggest else None,
                )
            open_at = pos
        else:
            if open_at is None:
                yield ctx.finding(pos, pos + 1, f"closing {closing} without an opening {opening}")
            open_at = None
    if open_at is not None and not next_reopens:
        yield ctx.finding(open_at, open_at + 1, f"quotation opened with {opening} is never closed")


_OTHER_SYSTEM = {
    SYSTEMS["english"]: re.compile(r"„[^„“”\n]*“"),
    SYSTEMS["german"]: re.compile(r"“[^„“”\n]*”"),
}


@check(
    code="FL010",
    name="straight-quotation-marks",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    languages=TYPOGRAPHIC_LANGS,
)
def straight_quotation_marks(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Straight "…" quotes where the language's typography has its own marks.

    What it finds:
    Straight double quotes in German (which uses „…“), French (« … ») or English
    (“…”) text. Reported once per document, at the first occurrence, with the
    count: the fix is one search-and-replace, not dozens of findings. Where the
    language's press sets straight quotes as a house style (English: the pack's
    ``straight_accepted``), only a text that mixes them with “…” is reported.

    Why it matters:
    Straight quotes are a typewriter and scraping artefact; publishers set
    typographic quotes, and a mix shows text pasted from different sources.

    Example:
    "Wir werden alle mehr tun müssen", sagte Rutte.
    -> „Wir werden alle mehr tun müssen“, sagte Rutte.
    """
    pair = primary_pair(ctx.pack)
    if pair is None:
        return
    positions = [m.start() for m in re.finditer('"', doc.text)]
    if not positions:
        return
    first = positions[0]
    typographic = sum(doc.text.count(q) for q in pair)
    if not typographic and ctx.pack.get("quotes", "straight_accepted", False):
        return  # straight quotes throughout: a house style the language's press uses
    also = (
        f"; the document also uses {pair[0]}…{pair[1]} {typographic} times" if typographic else ""
    )
    yield ctx.finding(
        first,
        first + 1,
        f'{len(positions)} straight quotation marks (") where {doc.lang} uses '
        f"{pair[0]}…{pair[1]}{also}",
        suggestion=pair[0],
    )


@check(
    code="FL011",
    name="mixed-quotation-styles",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    languages=TYPOGRAPHIC_LANGS,
)
def mixed_quotation_styles(doc: Document, ctx: Context) -> Iterator[Finding]:
    """One document quotes in two typographic systems, one of them foreign to the language.

    What it finds:
    A German text that uses „…“ and also English “…” or French « … » pairs (or
    the reverse in English and French). Reported once, at the first mark of the
    minority system. Straight quotes are FL010's business.

    Why it matters:
    Mixed systems betray pasted or machine-translated passages and look sloppy;
    house style fixes one system per language.

    Example:
    „Wir bleiben“, sagte er. … “status quo ante,” -> „status quo ante“
    """
    accepted = accepted_pairs(ctx.pack)
    if not accepted:
        return
    counts: Counter[str] = Counter()
    first_at: dict[str, int] = {}
    # a quotation nested in the language's own marks takes its second pair: French « …
    # “…” … », but German „… ‚…‘ …“ (an English “…” there is still foreign)
    pair = ctx.pack.get("quotes", "secondary", [])
    secondary = (pair[0], pair[1]) if pair else None
    for name, (opening, closing) in SYSTEMS.items():
        if (opening, closing) in accepted:
            continue
        for m in re.finditer(re.escape(opening), doc.text):
            end = doc.text.find(closing, m.end(), m.end() + 400)
            if (
                end > m.end()
                and not _is_other_system_closer(doc.text, m.start(), accepted)
                and not (
                    (opening, closing) == secondary and _nested(doc.text, m.start(), accepted[0])
                )
            ):
                counts[name] += 1
                first_at.setdefault(name, m.start())
    if not counts:
        return
    name, n = counts.most_common(1)[0]
    at = first_at[name]
    expected = accepted[0]
    yield ctx.finding(
        at,
        at + 1,
        f"{n} quotation(s) in {name} style {SYSTEMS[name][0]}…{SYSTEMS[name][1]} where this "
        f"text uses {expected[0]}…{expected[1]}",
        suggestion=expected[0],
    )


def _nested(text: str, pos: int, primary: tuple[str, str]) -> bool:
    """``pos`` stands inside a quotation in the language's own marks, still open in its
    paragraph: a quotation in a quotation takes the other marks (« … “Continuez !” … »)."""
    opening, closing = primary
    start = text.rfind("\n", 0, pos) + 1
    before = text.rfind(opening, start, pos)
    return before != -1 and text.find(closing, before + 1, pos) == -1


def _is_other_system_closer(text: str, pos: int, accepted: list[tuple[str, str]]) -> bool:
    """In German, “ closes „…“: an English opener “ is really a German closer then."""
    mark = text[pos]
    for opening, closing in accepted:
        if mark == closing:
            before = text.rfind(opening, max(0, pos - 600), pos)
            if before != -1 and text.find(closing, before + 1, pos) == -1:
                return True
    return False


@check(
    code="FL012",
    name="french-punctuation-spacing",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    languages={"fr"},
)
def french_punctuation_spacing(doc: Document, ctx: Context) -> Iterator[Finding]:
    """French text closes up ; : ! ? or « » that French typography spaces.

    What it finds:
    No space before ; : ! ? and no space inside « », where French typography
    puts a (narrow) no-break space. A normal space is accepted. Times (14:30),
    ratios, URLs and "?!" runs are left alone.

    Why it matters:
    Machine translation from English copies English spacing; French readers
    and style guides (Imprimerie nationale) expect the space.

    Example:
    Il a déclaré: «Nous resterons»! -> Il a déclaré : « Nous resterons » !
    """
    text = doc.text
    for m in re.finditer(r"(?<=[^\s\d(«\[/:;!?])([;:!?])(?=\s|$|»)", text):
        chunk_start = text.rfind(" ", 0, m.start()) + 1
        if "://" in text[chunk_start : m.end() + 3] or "www." in text[chunk_start : m.start()]:
            continue
        yield ctx.finding(
            m.start(),
            m.end(),
            f"no space before {m.group(1)!r} in French text",
            suggestion="\u202f" + m.group(1),
        )
    for m in re.finditer(r"«(?=[^\s\u00a0\u202f])|(?<=[^\s\u00a0\u202f])»", text):
        inside = "after «" if m.group() == "«" else "before »"
        suggestion = "«\u202f" if m.group() == "«" else "\u202f»"
        yield ctx.finding(m.start(), m.end(), f"no space {inside} in French text", suggestion)
