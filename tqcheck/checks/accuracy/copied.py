"""Source text passed through untranslated (copy-through), found against the aligned source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.align import Piece
from tqcheck.checks.accuracy.common import alignment, joined, paired
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check

WHOLE_RATIO = 85.0  # rapidfuzz ratio of a copied sentence to its source
# ... and most of its words are the source's own: "Dies ist der Philodendron selloum."
# is close to "This is the philodendron selloum." by characters, not by words
WHOLE_SHARED = 0.8
MIN_LOWER_WORDS = 3  # names, titles and lists of names are legitimately identical
FRAGMENT_TOKENS = 6
FRAGMENT_LOWER_WORDS = 4
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")
_QUOTES = '"„“”«»'


def _lower_words(tokens: list[str]) -> int:
    return sum(1 for t in tokens if len(t) >= 2 and t[0].isalpha() and t[0].islower())


@check(
    code="AC004",
    name="copied-source-text",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs={"source"},
)
def copied_source_text(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A target sentence, or a long stretch of it, is the source text left untranslated.

    What it finds:
    An aligned target sentence that is (nearly) identical to its source
    sentence (rapidfuzz ratio >= 85 and 80 % of its words the source's), or a
    run of six or more tokens copied verbatim from the aligned source sentence
    outside quotation marks. Both need three or four lower-case words, so
    names, titles and lists of names (identical in any language) are not
    reported. Needs no model.

    Why it matters:
    Machine translation passes segments it cannot handle through unchanged;
    the reader of the target language loses that content. Comparing with the
    aligned source is more precise than language identification alone (FL008)
    and also catches fragments.

    Example:
    "The talks will continue next week." -> "The talks will continue next week."
    (in a German translation: translate it)
    """
    if doc.source is None or doc.source.lang == doc.lang:
        return
    from rapidfuzz import fuzz

    al = alignment(ctx)
    for _k, link in paired(al):
        src_pieces, tgt_pieces = al.sides(link)
        src, tgt = joined(src_pieces), joined(tgt_pieces)
        tgt_tokens = _TOKEN_RE.findall(tgt)
        if (
            _lower_words(tgt_tokens) >= MIN_LOWER_WORDS
            and _shared(tgt_tokens, src) >= WHOLE_SHARED
            and fuzz.ratio(" ".join(src.casefold().split()), " ".join(tgt.casefold().split()))
            >= WHOLE_RATIO
        ):
            yield ctx.finding(
                tgt_pieces[0].start,
                tgt_pieces[-1].end,
                f"sentence left in the source language ({doc.source.lang})",
            )
            continue
        for piece in tgt_pieces:
            span = _copied_run(src, piece)
            if span is not None:
                yield ctx.finding(
                    span[0],
                    span[1],
                    f"copied from the source without translation ({doc.source.lang})",
                )


def _shared(tgt_tokens: list[str], source: str) -> float:
    """The share of the target's words that are words of the source (case-folded)."""
    words = [t.casefold() for t in tgt_tokens if t[0].isalnum()]
    src = {t.casefold() for t in _TOKEN_RE.findall(source)}
    return sum(w in src for w in words) / max(len(words), 1)


def _copied_run(source: str, piece: Piece) -> tuple[int, int] | None:
    """The longest token run of ``piece`` that occurs verbatim in ``source``, if long enough."""
    src_tokens = _TOKEN_RE.findall(source)
    matches = list(_TOKEN_RE.finditer(piece.text))
    tgt_tokens = [m.group() for m in matches]
    if len(src_tokens) < FRAGMENT_TOKENS or len(tgt_tokens) < FRAGMENT_TOKENS:
        return None
    best, best_end = 0, 0
    prev = [0] * (len(src_tokens) + 1)
    for j, tok in enumerate(tgt_tokens):
        cur = [0] * (len(src_tokens) + 1)
        for i, stok in enumerate(src_tokens):
            if stok == tok:
                cur[i + 1] = prev[i] + 1
                if cur[i + 1] > best:
                    best, best_end = cur[i + 1], j + 1
        prev = cur
    if best < FRAGMENT_TOKENS:
        return None
    run = tgt_tokens[best_end - best : best_end]
    if _lower_words(run) < FRAGMENT_LOWER_WORDS:
        return None
    start, end = matches[best_end - best].start(), matches[best_end - 1].end()
    before = piece.text[:start]
    if sum(before.count(q) for q in _QUOTES) % 2 == 1:
        return None  # inside a quotation: a cited original, not a lapse
    return piece.start + start, piece.start + end
