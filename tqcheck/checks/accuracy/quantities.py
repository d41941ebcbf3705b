"""Numbers, amounts, percentages, dates and times that differ from the aligned source."""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Iterator

from tqcheck.align import Alignment, Piece
from tqcheck.checks.accuracy.common import alignment, joined, target_span
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.numbers import Quantity, extract, format_number, locale, same_value
from tqcheck.registry import check


@check(
    code="AC005",
    name="number-mismatch",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs={"source"},
)
def number_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A number, amount, percentage, date or time differs from the source.

    What it finds:
    Quantities of each aligned sentence pair compared after locale
    normalisation: "1,000.5" = "1.000,5", "2 billion" = "2 Milliarden" (and not
    "2 Billionen"), "December 3" = "3. Dezember", "3 p.m." = "15 Uhr",
    "twenty" = "zwanzig", "10 times" = "zehnmal". A quantity is reported when
    written with digits (or a month name) on at least one side, so "a decade" /
    "zehn Jahre" is left alone; a neighbouring pair may hold it (alignment
    slack). A measure in units translators convert (feet, miles, Fahrenheit ->
    Meter, Kilometer, Grad) may change value. Needs no model; number words,
    scales, month names and units are language-pack data.

    Why it matters:
    A wrong figure, date or amount is a critical factual error in news,
    finance and legal text, and embeddings cannot see it.

    Example:
    "The project will cost 412 million euros." -> "Das Projekt kostet 421
    Millionen Euro." -> "412 Millionen"
    """
    if doc.source is None:
        return
    al = alignment(ctx)
    src_q, tgt_q = _quantities(al, doc.source, doc)
    units = locale(doc.source.lang).convertible_units
    converts = [  # a measure in the source, with or without digits ("a foot long")
        any(q.convertible for q in qs)
        or bool(units & set(re.findall(r"[^\W\d_]+", joined(al.sides(link)[0]).lower())))
        for qs, link in zip(src_q, al.links, strict=True)
    ]  # before matching
    for k in range(len(al.links)):
        _match(src_q[k], tgt_q[k])
    for k in range(len(al.links)):  # alignment slack: a neighbour pair may hold it
        for n in (k - 1, k + 1):
            if 0 <= n < len(al.links):
                _match(src_q[n], tgt_q[k])
    for k, link in enumerate(al.links):
        if not link.src:
            continue  # an added sentence: AC003 reports it whole
        # A measure in feet or Fahrenheit may come back in metres or Celsius: unmatched
        # convertible quantities are a conversion, not an error.
        missing = [q for q in src_q[k] if not q.convertible]
        extra = [q for q in tgt_q[k] if not (q.convertible and converts[k])]
        if missing or extra:
            # a figure the other side writes as it is, where the reader there did not take
            # it for a quantity: inside a code ("Falcon-9-Rakete", "late-1990s") or
            # grouped otherwise ("021 644 83 46")
            src_text, tgt_text = (joined(side) for side in al.sides(link))
            _scores(missing, extra)
            _scores(extra, missing)
            missing = [q for q in missing if not _written_in(q.text, tgt_text)]
            extra = [q for q in extra if not _written_in(q.text, src_text)]
        for t in [t for t in extra if t.kind != "number"] + [
            t for t in extra if t.kind == "number"
        ]:
            s = _partner(t, missing)
            if s is not None:
                missing.remove(s)
                yield ctx.finding(
                    t.start,
                    t.end,
                    f"{t.text!r} where the source has {s.text!r}",
                    suggestion=_suggest(s, t, doc.lang),
                )
            elif t.digits:
                yield ctx.finding(t.start, t.end, f"{t.text!r} is not in the source")
        if link.tgt:
            start, end = target_span(al, k)
            for s in (q for q in missing if q.digits):
                yield ctx.finding(
                    start, end, f"the source's {s.text!r} is missing from this sentence"
                )


def _partner(t: Quantity, missing: list[Quantity]) -> Quantity | None:
    """The source quantity a changed target one stands for: of the same kind, the one of
    the same shape (a year for a year, a decimal for a decimal), then the nearest in
    magnitude, then the first ("bis 2028 auf 2,5 Prozent" for "1.5 percent by 2026":
    2028 for 2026, 2,5 for 1.5)."""
    candidates = [
        (k, q) for k, q in enumerate(missing) if q.kind == t.kind and (q.digits or t.digits)
    ]
    if not candidates:
        return None
    shape, size = _shape(t), _magnitude(t)
    return max(
        candidates, key=lambda kq: (_shape(kq[1]) == shape, -abs(_magnitude(kq[1]) - size), -kq[0])
    )[1]


def _shape(q: Quantity) -> str:
    """A year (four digits from 1000 to 2100), a whole number or a fraction."""
    if q.value != int(q.value):
        return "fraction"
    if q.digits and 1000 <= q.value <= 2100 and re.fullmatch(r"\d{4}", q.text):
        return "year"
    return "whole"


def _magnitude(q: Quantity) -> float:
    return math.log10(abs(q.value) + 1)


def _scores(times: list[Quantity], numbers: list[Quantity]) -> None:
    """A score read as a clock time on one side ("15:14" in German) and as two numbers on
    the other ("15-14"): all three go from their lists."""
    for t in [q for q in times if q.kind == "time"]:
        m = _SCORE_RE.fullmatch(t.text)
        if m is None:
            continue
        plain = [q for q in numbers if q.kind == "number"]
        a = next((q for q in plain if q.value == int(m.group(1))), None)
        b = next((q for q in plain if q is not a and q.value == int(m.group(2))), None)
        if a is not None and b is not None:
            times.remove(t)
            numbers.remove(a)
            numbers.remove(b)


_SCORE_RE = re.compile(r"(\d{1,2}):(\d{2})")


def _written_in(figure: str, text: str) -> bool:
    """``figure``'s digits, as written (with their spaces and separators), stand in
    ``text`` between non-digits."""
    digits = re.fullmatch(r"\d[\d\s.,]*\d|\d", figure)
    if digits is None:
        return False  # a scale or a unit with it ("2 Milliarden"): its value is its own
    return re.search(rf"(?<![\d.,]){re.escape(digits.group())}(?![\d]|[.,]\d)", text) is not None


def _quantities(
    al: Alignment, source: Document, doc: Document
) -> tuple[list[list[Quantity]], list[list[Quantity]]]:
    src_q: list[list[Quantity]] = []
    tgt_q: list[list[Quantity]] = []
    for link in al.links:
        src_pieces, tgt_pieces = al.sides(link)
        src_q.append(
            [q for text, _ in _spans(src_pieces, source.text) for q in extract(text, source.lang)]
        )
        tgt_q.append(
            [
                _shift(q, offset)
                for text, offset in _spans(tgt_pieces, doc.text)
                for q in extract(text, doc.lang)
            ]
        )
    return src_q, tgt_q


def _spans(pieces: list[Piece], text: str) -> list[tuple[str, int]]:
    """The text of a link's sentences in one piece when they are contiguous, so a date the
    sentence splitter cut ("Jan." | "6") is read whole; else sentence by sentence."""
    if len(pieces) > 1 and all(p.start >= 0 for p in pieces):
        gaps = [text[a.end : b.start] for a, b in itertools.pairwise(pieces)]
        if all(not gap.strip() for gap in gaps):
            return [(text[pieces[0].start : pieces[-1].end], pieces[0].start)]
    return [(p.text, p.start) for p in pieces]


def _shift(q: Quantity, offset: int) -> Quantity:
    return dataclasses.replace(q, start=q.start + offset, end=q.end + offset)


def _match(src: list[Quantity], tgt: list[Quantity]) -> None:
    """Remove matching quantities from both lists (same kind first, then any kind)."""
    for same_kind in (True, False):
        for t in list(tgt):
            s = next((s for s in src if (s.kind == t.kind or not same_kind) and t.matches(s)), None)
            if s is not None:
                src.remove(s)
                tgt.remove(t)


def _suggest(s: Quantity, t: Quantity, lang: str) -> str | None:
    """The source's value written the way the target wrote its own."""
    if s.kind == "month" and t.kind == "month":
        names = [n for n, i in locale(lang).months.items() if i == int(s.value)]
        if names:
            name = max(names, key=len)
            return name.capitalize() if t.text[:1].isupper() else name
        return None
    if s.kind != "number" or t.kind != "number":
        return None
    if not t.digits:
        return format_number(s.value, lang)  # "zwölf" where the source has 20: "20"
    if re.fullmatch(r"[\d.,\s\u00a0\u202f']+", t.text):
        return format_number(s.value, lang)
    scaled = _SCALED_RE.match(t.text)
    scales = locale(lang).scales
    if scaled is None or scaled["word"].lower() not in scales:
        return None
    word, sep = scaled["word"], scaled["sep"]
    lead = t.value / scales[word.lower()]
    # the scale is wrong ("2 Billionen" for 2 billion): keep the figure, fix the word
    fits = [w for w, v in scales.items() if same_value(v * lead, s.value)]
    if fits:
        best = max(fits, key=lambda w: (_common_suffix(w, word.lower()), len(w)))
        return scaled["lead"] + sep + (best.capitalize() if word[:1].isupper() else best)
    # the figure is wrong ("421 Millionen" for 412 million): keep the word, fix the figure
    return format_number(s.value / scales[word.lower()], lang) + sep + word


_SCALED_RE = re.compile(
    r"(?P<lead>[\d.,\u00a0\u202f' ]+?)(?P<sep>[\s\u00a0\u202f-])(?P<word>[^\W\d_]+)\.?$"
)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n
