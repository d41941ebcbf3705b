"""Helpers shared by the accuracy checks: the alignment, target spans, short quotes."""

from __future__ import annotations

import re

from tqcheck.align import Alignment, Link, Piece, document_alignment
from tqcheck.context import Context

_WORD_RE = re.compile(r"[^\W_]+")


def alignment(ctx: Context, semantic: bool = False) -> Alignment:
    """The document's alignment; ``semantic`` checks refuse a lexical fallback loudly."""
    result = document_alignment(ctx.doc, ctx.resources)
    if semantic and not result.semantic:
        raise RuntimeError("; ".join(result.notes) or "no embedding model for the alignment")
    return result


def target_span(al: Alignment, index: int) -> tuple[int, int]:
    """The target text of link ``index``; zero-width at its insertion point when it has none."""
    link = al.links[index]
    if link.tgt:
        return al.target[link.tgt[0]].start, al.target[link.tgt[-1]].end
    at = al.target_anchor(index)
    return at, at


def joined(pieces: list[Piece]) -> str:
    return " ".join(p.text for p in pieces)


def words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def quote(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1] + '…'}”"


def paired(al: Alignment) -> list[tuple[int, Link]]:
    """Links with text on both sides."""
    return [(k, link) for k, link in enumerate(al.links) if link.src and link.tgt]
