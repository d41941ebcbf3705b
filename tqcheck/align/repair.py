"""After the DP: sentences the translation moved, split three ways, or replaced.

The monotonic DP leaves a reordered sentence as an omission plus an addition,
the third part of a sentence split in three (it links 1-2 at most) as an
addition, and a sentence translated so badly that nothing links it as an
omission plus an addition. All are repaired here, so the checks see what
happened: a move is an ordinary pair, a third part joins its neighbour, a
replacement is a pair flagged ``replaced`` (AC001 judges its meaning, AC005 to
AC007 its numbers, polarity and length).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tqcheck.align import Link, Piece
from tqcheck.align.scoring import DEFAULT_PRIOR, PRIORS

if TYPE_CHECKING:
    from tqcheck.embed import LazyEmbedder


def relink_moved(
    source: list[Piece], target: list[Piece], links: list[Link], embedder: LazyEmbedder
) -> list[Link]:
    """Pair an unlinked source sentence with an unlinked target sentence that translates
    it (mutual best match, as similar as this document's ordinary pairs): a reordering,
    not an omission plus an addition."""
    import numpy as np

    lone_src = [k for k, link in enumerate(links) if not link.tgt]
    lone_tgt = [k for k, link in enumerate(links) if not link.src]
    if not lone_src or not lone_tgt:
        return links
    sims = [link.similarity for link in links if link.kind == "1-1" and link.similarity]
    low, high = PRIORS.get(embedder.fingerprint, DEFAULT_PRIOR)
    floor = low + 0.6 * (high - low)
    if len(sims) >= 5:
        floor = max(floor, float(np.percentile(sims, 10)) - 0.05)
    es = embedder.encode([source[links[k].src[0]].text for k in lone_src])
    et = embedder.encode([target[links[k].tgt[0]].text for k in lone_tgt])
    m = es @ et.T
    for a, ks in enumerate(lone_src):  # a bilingual unit's sentences stay in their unit
        for b, kt in enumerate(lone_tgt):
            if links[ks].block != links[kt].block:
                m[a, b] = -1.0
    drop: set[int] = set()
    out = list(links)
    for a in range(len(lone_src)):
        b = int(m[a].argmax())
        if int(m[:, b].argmax()) == a and m[a, b] >= floor:
            ks, kt = lone_src[a], lone_tgt[b]
            out[kt] = Link(
                links[ks].src, links[kt].tgt, float(m[a, b]), moved=True, block=links[kt].block
            )
            drop.add(ks)
    return [link for k, link in enumerate(out) if k not in drop]


ABSORB_GAIN = 0.02  # a lone sentence joins a neighbour only if that raises its similarity


def absorb_parts(
    source: list[Piece], target: list[Piece], links: list[Link], embedder: LazyEmbedder
) -> list[Link]:
    """Join a lone sentence to the neighbouring link (same unit) whose similarity it
    raises: the rest of a sentence split in three, not an addition or omission. An
    added or dropped sentence lowers the joined similarity and stays alone."""
    out = list(links)
    k = 0
    while k < len(out):
        link = out[k]
        if link.moved or link.replaced or bool(link.src) == bool(link.tgt):
            k += 1
            continue
        best: tuple[float, int, Link] | None = None
        for n in (k - 1, k + 1):
            if not 0 <= n < len(out):
                continue
            other = out[n]
            if other.block != link.block or not other.src or not other.tgt or other.moved:
                continue
            if other.similarity is None:
                continue
            joined = Link(
                tuple(sorted(other.src + link.src)),
                tuple(sorted(other.tgt + link.tgt)),
                block=other.block,
            )
            src = " ".join(source[i].text for i in joined.src)
            tgt = " ".join(target[j].text for j in joined.tgt)
            sim = float(embedder.encode([src])[0] @ embedder.encode([tgt])[0])
            if sim >= other.similarity + ABSORB_GAIN and (best is None or sim > best[0]):
                best = (sim, n, joined)
        if best is None:
            k += 1
            continue
        sim, n, joined = best
        out[n] = Link(joined.src, joined.tgt, sim, block=joined.block)
        del out[k]
        k = max(min(k, n) - 1, 0)
    return out


def pair_replacements(
    source: list[Piece], target: list[Piece], links: list[Link], embedder: LazyEmbedder | None
) -> list[Link]:
    """Between two linked pairs (in one unit), a run of unlinked sentences with as many on
    each side is a replacement, not an omission plus an addition: pair them in order.
    Unequal runs stay omissions (1-0) and additions (0-1)."""
    out: list[Link] = []
    run: list[Link] = []

    def flush() -> None:
        src = [link for link in run if not link.tgt]
        tgt = [link for link in run if not link.src]
        if src and len(src) == len(tgt):
            for s, t in zip(src, tgt, strict=True):
                out.append(_replacement(source, target, s, t, embedder))
        else:
            out.extend(run)
        run.clear()

    for link in links:
        lone = (not link.src or not link.tgt) and not link.moved
        if run and (not lone or link.block != run[0].block):
            flush()
        if lone:
            run.append(link)
        else:
            out.append(link)
    flush()
    return out


def _replacement(
    source: list[Piece], target: list[Piece], s: Link, t: Link, embedder: LazyEmbedder | None
) -> Link:
    from tqcheck.align.scoring import similarity_scores

    src = " ".join(source[i].text for i in s.src)
    tgt = " ".join(target[j].text for j in t.tgt)
    sim = float(similarity_scores([src], [tgt], embedder).s11[0, 0])
    return Link(s.src, t.tgt, sim, replaced=True, block=t.block)
