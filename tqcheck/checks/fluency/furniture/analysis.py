"""One furniture analysis per document, shared by FL003-FL007.

Structural hits (credits, site suffix, metadata, comment thread, tracking) come first;
the scored detector adds the candidate lines whose score passes the threshold and that
no structural hit covers. Each hit carries a kind; the kind decides the rule.
"""

from __future__ import annotations

import weakref
from collections import Counter
from dataclasses import dataclass

from tqcheck.checks.fluency.furniture import scoring, structure
from tqcheck.checks.fluency.furniture.appeals import appeal_boxes
from tqcheck.checks.fluency.furniture.credits import credits
from tqcheck.checks.fluency.furniture.lexicon import Lexicon, lexicon
from tqcheck.checks.fluency.furniture.metadata import metadata
from tqcheck.model import Document
from tqcheck.resources_loader import line_key

KIND_RULE = {
    "photo_credit": "FL004",
    "site_suffix": "FL005",
    "byline": "FL006",
    "metadata": "FL006",
    "reading_time": "FL006",
    "comment_section": "FL007",
}
KIND_LABEL = {
    "text_to_speech": "text-to-speech note",
    "newsletter": "newsletter appeal",
    "comment_form": "comment form",
    "comment_moderation": "comment moderation note",
    "comment_section": "reader comment section",
    "paywall_appeal": "paywall or support appeal",
    "related_links": "related-links line",
    "share_widgets": "share widget",
    "cookie_consent": "cookie notice",
    "ads": "advertising label",
    "app_promo": "app promotion",
    "social_follow": "social-media appeal",
    "navigation": "navigation link",
    "editorial_note": "editorial note",
    "photo_credit": "photo credit",
    "site_suffix": "site name",
    "byline": "byline",
    "metadata": "date or update stamp",
    "reading_time": "reading time",
    "tracking": "tracking residue",
    "widget": "page widget",
}


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str
    score: float  # 1.0 for a structural hit

    @property
    def rule(self) -> str:
        return KIND_RULE.get(self.kind, "FL003")

    @property
    def label(self) -> str:
        return KIND_LABEL.get(self.kind, self.kind.replace("_", " "))


STRUCTURAL = (
    structure.site_suffix,
    credits,
    metadata,
    structure.comment_thread,
    structure.related_links,
    structure.editorial_notes,
    structure.labels,
    structure.audio_credits,
    structure.tracking,
    appeal_boxes,
)
# What is furniture even without a page around it (a segment of a bilingual file, one
# sentence): credits, metadata, labels, tracking. A site suffix needs a headline over a
# body, and the scorer a page to judge a line's place in.
SEGMENT_STRUCTURAL = tuple(d for d in STRUCTURAL if d is not structure.site_suffix)
PAGE_LINES = 3  # non-blank lines that make a page
_CACHE: weakref.WeakKeyDictionary[Document, tuple[Hit, ...]] = weakref.WeakKeyDictionary()


def analyse(doc: Document, repeated: frozenset[str] = frozenset()) -> tuple[Hit, ...]:
    """Every furniture hit of a document, sorted; computed once per document.

    ``repeated``: keys (``line_key``) of lines that recur in other documents of the scan.
    """
    if doc.units:
        return ()  # bilingual unit files hold interface strings and segments, not pages
    cached = _CACHE.get(doc)
    if cached is None:
        cached = tuple(sorted(_analyse(doc, lexicon(doc.lang), repeated), key=_order))
        _CACHE[doc] = cached
    return cached


def _order(h: Hit) -> tuple[int, int]:
    return h.start, h.end


def _analyse(doc: Document, lex: Lexicon, repeated: frozenset[str]) -> list[Hit]:
    hits: list[Hit] = []

    def free(start: int, end: int) -> bool:
        return not any(h.start < end and start < h.end for h in hits)

    page = sum(1 for line in doc.text.splitlines() if line.strip()) >= PAGE_LINES
    for detector in STRUCTURAL if page else SEGMENT_STRUCTURAL:
        for start, end, kind in detector(doc, lex):
            if start < end and free(start, end):
                hits.append(Hit(start, end, kind, 1.0))
    if not page:
        return hits  # a segment or a sentence: no page to judge a line's place in
    body: list[Counter[str]] = []

    def counts() -> Counter[str]:  # the article's words, counted once and only if asked
        if not body:
            body.append(scoring.body_counts(doc))
        return body[0]

    limit = scoring.threshold()
    for c in scoring.candidates(doc):
        if not free(c.start, c.end):
            continue
        floor = limit if c.own_line else min(limit, GLUED_LIMIT)
        f = scoring.features(c, lex, counts, line_key(c.text) in repeated, floor=floor)
        p = 0.0 if f is None else scoring.score(f)
        if f is not None and (p >= limit or (not c.own_line and _glued_appeal(f, p))):
            # a comment thread's start is structural (FL007);
            kind = _kind(f)  # a scored line about comments is a comment widget
            start = scoring.glued_part(c, lex)
            hits.append(Hit(start, c.end, "comment_form" if kind == "comment_section" else kind, p))
        else:
            strong = scoring.strong_appeal(c, lex)
            if strong is not None:  # an appeal in full, wherever it stands
                kind = "comment_form" if strong == "comment_section" else strong
                hits.append(Hit(c.start, c.end, kind, limit))
    return hits


GLUED_LIMIT = 0.3  # a sentence glued to a paragraph's end, with its own evidence …
GLUED_HITS = 2  # … interface words of one kind, or one with a command or "you"


def _glued_appeal(f: scoring.Features, p: float) -> bool:
    """A paragraph's last sentence that reads as furniture on its own words, though it
    shares its line with prose ("… unanimously on Tuesday. Get The Daily Tide in your
    inbox every weekday."): the scorer's line features (own line, blank lines around)
    cannot speak for it, so it passes at a lower score with interface words of its own."""
    if p < GLUED_LIMIT:
        return False
    best = max(f.kind_hits.values(), default=0)
    addressed = f.values["command"] > 0 or f.values["second_person"] > 0
    return best >= GLUED_HITS or (best >= 1 and addressed)


def _kind(f: scoring.Features) -> str:
    if f.kind_hits:
        return max(f.kind_hits.items(), key=lambda kv: kv[1])[0]
    if f.values["time"]:
        return "metadata"
    return "widget"
