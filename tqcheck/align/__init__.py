"""Sentence alignment of a target document with its source, shared by every accuracy check.

Articles are aligned sentence by sentence with the dynamic-programming aligner
in ``dp`` over embedding similarity and length (lexical anchors when there is
no model); bilingual inputs are aligned by unit first, then by sentence inside
each unit. One alignment per document and method, cached, so several checks
share it. ``aligned_pairs`` is the small public entry point for other families.
"""

from __future__ import annotations

import bisect
import itertools
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tqcheck.model import Document

if TYPE_CHECKING:
    from tqcheck.embed import LazyEmbedder
    from tqcheck.resources_loader import Resources


@dataclass(frozen=True)
class Piece:
    """A sentence (or a whole unit) with code-point offsets into its own document.

    ``start``/``end`` are -1 when a unit's source text could not be located in
    the source document.
    """

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Link:
    """Source and target sentence indices joined by one alignment step."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    similarity: float | None = None  # raw similarity of the joined sides
    moved: bool = False  # a sentence the translation placed elsewhere (not in order)
    # paired only by position: unlinked sentences standing in each other's place
    replaced: bool = False
    block: int = 0  # the bilingual unit this link belongs to (0 for a whole article)

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass
class Alignment:
    source: list[Piece]
    target: list[Piece]
    links: list[Link]
    method: str  # the model fingerprint, or "lexical"
    notes: list[str] = field(default_factory=list)  # why the model was not used

    @property
    def semantic(self) -> bool:
        return self.method not in ("lexical", "none")

    def sides(self, link: Link) -> tuple[list[Piece], list[Piece]]:
        return [self.source[i] for i in link.src], [self.target[j] for j in link.tgt]

    def pairs(self) -> list[tuple[list[Piece], list[Piece]]]:
        return [self.sides(link) for link in self.links]

    def target_anchor(self, index: int) -> int:
        """Where the translation of link ``index`` would be: after the nearest earlier
        target sentence, else before the next one (an omission's insertion point)."""
        for link in reversed(self.links[:index]):
            if link.tgt:
                return self.target[link.tgt[-1]].end
        for link in self.links[index + 1 :]:
            if link.tgt:
                return self.target[link.tgt[0]].start
        return 0


_CACHE: weakref.WeakKeyDictionary[Document, dict[str, Alignment]] = weakref.WeakKeyDictionary()


def document_alignment(doc: Document, resources: Resources | None = None) -> Alignment:
    """The alignment of ``doc`` with ``doc.source``, computed once per document and method.

    Uses the run's embedding model when there is one, else lexical anchors; a
    model that fails to load falls back to lexical with a note (the semantic
    checks then refuse to judge, see ``Alignment.method``).
    """
    embedder = _embedder(resources)
    method = embedder.fingerprint if embedder is not None else "lexical"
    per_doc = _CACHE.setdefault(doc, {})
    if method not in per_doc:
        try:
            per_doc[method] = _align_document(doc, embedder)
        except Exception as exc:  # a broken model install must not stop the rule checks
            if embedder is None:
                raise
            fallback = _align_document(doc, None)
            fallback.notes.append(f"model {embedder.name} failed: {exc!r}")
            per_doc[method] = fallback
    return per_doc[method]


def aligned_pairs(
    doc: Document, resources: Resources | None = None
) -> list[tuple[list[Piece], list[Piece]]]:
    """(source sentences, target sentences) per link, in document order.

    One side is empty for an omission (1-0) or an addition (0-1). Pieces carry
    ``text``, ``start`` and ``end`` like ``Sentence``; target offsets index
    ``doc.text``. Without a source the list is empty.
    """
    if doc.source is None:
        return []
    return document_alignment(doc, resources).pairs()


def _embedder(resources: Resources | None) -> LazyEmbedder | None:
    if resources is None:
        return None
    import tqcheck.embed  # noqa: F401  (registers the "model" provider)

    ok, _reason = resources.available("model")  # loads once; a failed load is remembered
    return resources.get("model") if ok else None  # type: ignore[no-any-return]


def sentence_pieces(doc: Document, start: int = 0, end: int | None = None) -> list[Piece]:
    """The sentences of ``doc`` (within [start, end)) that hold a word or number outside
    the skipped regions; skipped parts (inline code, link targets) are blanked in the
    piece's text, same length, so embeddings and number checks never see them."""
    end = len(doc.text) if end is None else end
    pieces = []
    # only the sentences from ``start`` on (a bisect, not a scan of all of them: called
    # once per unit of a bilingual file, a full scan cost units x sentences)
    sentences = doc.sentences
    for k in range(bisect.bisect_left(doc.sentence_starts, start), len(sentences)):
        s = sentences[k]
        if s.start >= end:
            break
        if s.end > end:
            continue
        if not any(t.text[0].isalnum() and not doc.skipped(t.start, t.end) for t in s.tokens):
            continue
        pieces.append(Piece(_blank_skipped(doc, s.text, s.start), s.start, s.end))
    return pieces


def _blank_skipped(doc: Document, text: str, offset: int) -> str:
    if not doc.skip:
        return text
    chars = list(text)
    for a, b in doc.skip:
        for i in range(max(a, offset) - offset, min(b, offset + len(text)) - offset):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _align_document(doc: Document, embedder: LazyEmbedder | None) -> Alignment:
    from tqcheck.align.repair import absorb_parts, pair_replacements, relink_moved
    from tqcheck.align.scoring import align_texts

    if doc.source is None:
        return Alignment([], sentence_pieces(doc), [], "none")
    blocks = (
        _unit_blocks(doc) if doc.units else [(sentence_pieces(doc.source), sentence_pieces(doc))]
    )
    source: list[Piece] = []
    target: list[Piece] = []
    links: list[Link] = []
    method = embedder.fingerprint if embedder is not None else "lexical"
    notes: list[str] = []
    if embedder is not None:  # one batch for the whole document, then cache hits
        texts = [p.text for s, t in blocks for side in (s, t) for p in side]
        texts += [
            a.text + " " + b.text
            for s, t in blocks
            for side in (s, t)
            for a, b in itertools.pairwise(side)
        ]
        embedder.encode(texts)
    for block, (src, tgt) in enumerate(blocks):
        for a, b, sim in align_texts([p.text for p in src], [p.text for p in tgt], embedder):
            links.append(
                Link(
                    tuple(i + len(source) for i in a),
                    tuple(j + len(target) for j in b),
                    sim,
                    block=block,
                )
            )
        source.extend(src)
        target.extend(tgt)
    if embedder is not None:
        links = relink_moved(source, target, links, embedder)
        links = absorb_parts(source, target, links, embedder)
    links = pair_replacements(source, target, links, embedder)
    return Alignment(source, target, links, method, notes)


def _unit_blocks(doc: Document) -> list[tuple[list[Piece], list[Piece]]]:
    """Per unit: its source sentences (located in the source document) and target sentences."""
    from tqcheck.text.segment import sentence_spans, split_paragraphs

    assert doc.source is not None
    blocks = []
    cursor = 0
    for unit in doc.units:
        found = doc.source.text.find(unit.source, cursor) if unit.source else -1
        base = found if found >= 0 else -1
        if found >= 0:
            cursor = found + len(unit.source)
        src = []
        for start, end, _p in sentence_spans(doc.source.lang, split_paragraphs(unit.source)):
            text = unit.source[start:end]
            src.append(Piece(text, base + start, base + end) if base >= 0 else Piece(text, -1, -1))
        tgt = sentence_pieces(doc, unit.start, unit.end)
        blocks.append((src, tgt))
    return blocks
