"""Furniture recognised by its structure: credits, site suffixes, metadata, comment threads.

These shapes hold across sites and languages ("Label: Name/Org", "© Org", "headline –
BRAND", "Label: date", "By Name", "12 comments"); the pack supplies the labels, the
structure is the detector. Each function returns hits ``(start, end, kind)``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from tqcheck.checks.fluency.furniture.credits import NAME_PARTICLES
from tqcheck.checks.fluency.furniture.lexicon import (
    INDEX_PREFIX,
    Lexicon,
    Stem,
    match_words,
    words_of,
)
from tqcheck.checks.fluency.furniture.shapes import (
    CAP_RE,
    Hit,
    alternation,
    line_bounds,
    short_line_or,
)
from tqcheck.model import Document
from tqcheck.text.frequency import zipf

TITLE_LINES = 3  # the page title (with its site suffix) is among the first lines
TITLE_CHARS = 300  # a longer line is no headline


@lru_cache(maxsize=32)
def _suffix_pattern() -> re.Pattern[str]:
    return re.compile(
        r"^(?P<head>\S.{8,}?)(?P<cut>\s+(?:[|–—•·:-]|::)\s+)(?P<brand>[^|–—\n\r]{2,40}?)\s*$"
    )


BRAND_HINTS = frozenset(
    "online news zeitung times post journal tribune magazin magazine tv radio info blog "
    "today daily presse press actu actualités nachrichten tagblatt kurier rundschau "
    "allgemeine anzeiger courier herald guardian monde figaro libération express point".split()
)
# German compound brand names end in these: Handelsblatt, Abendzeitung, Stadtanzeiger.
BRAND_SUFFIXES = ("blatt", "zeitung", "anzeiger", "kurier", "rundschau", "nachrichten", "post")


def site_suffix(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A brand after a separator at the end of the headline (first line)."""
    text = doc.text
    for m in itertools.islice(re.finditer(r"\S[^\n\r]*", text), TITLE_LINES):
        if len(m.group()) > TITLE_CHARS:
            continue  # no headline (and the pattern backtracks over long lines)
        s = _suffix_pattern().match(m.group().rstrip())
        if not s or not 3 <= len(words_of(s.group("head"))) <= 25:
            continue
        if re.search(r"[.!?]\s", s.group("head")):
            continue  # a paragraph, not a title
        brand = s.group("brand").strip()
        body = (text[: m.start()] + text[m.end() :]).lower()
        if _brand(brand, s.group("cut").strip(), body, doc.lang, s.group("head")):
            start = m.start() + s.start("cut")
            while text[start].isspace():
                start += 1
            yield start, m.start() + s.end("brand"), "site_suffix"
            return


def _brand(brand: str, sep: str, body: str, lang: str, head: str = "") -> bool:
    """Whether what follows the headline's last separator is a site's name."""
    tokens = [t for t in brand.split() if t not in "-–|"]
    domain = bool(re.search(r"\w\.(?:[a-z]{2,4})\b", brand))
    caps = any(t.isupper() and len(t) >= 2 for t in tokens)
    limit = 7 if domain or caps else 5  # "NDR.de - Nachrichten - NDR Info"
    if not 1 <= len(tokens) <= limit or re.search(r"[.!?,;]\s|[.!?]$", brand):
        return False
    hint = any(
        t.lower() in BRAND_HINTS or any(t.lower().endswith(h) for h in BRAND_SUFFIXES)
        for t in tokens
    )
    # The brand as a phrase in the article: a headline's own last words recur there.
    in_body = bool(re.search(rf"(?<!\w){re.escape(brand.lower())}(?!\w)", body))
    first = tokens[0]
    if sep == "|" and len(tokens) <= 3 and not in_body:
        # after a bar, a short name led by a capital, a digit or a rare word: "| 24
        # heures", "| franceinfo", "| Sud Ouest"
        return bool(CAP_RE.match(first) or first[0].isdigit() or zipf(first.lower(), lang) < 3)
    for t in tokens:
        if not (CAP_RE.match(t) or t.isdigit() or t.lower() in NAME_PARTICLES or "." in t):
            if not hint:  # "heise online": lower case with a brand word
                return False
    if domain or caps:
        return True
    if sep == "|":
        return not in_body or hint
    if hint:
        return True
    # a name in capitals after a headline in sentence case: "… with late winner - Tyneside
    # Sport", "… pour l'été - Picardie Plus"
    if 2 <= len(tokens) <= 3 and not in_body and _sentence_case(head):
        return True
    article = tokens[0].lower() in {"le", "la", "les", "l'", "die", "der", "das", "the", "el"}
    rare = all(zipf(t.lower(), lang) < 3.0 for t in tokens if len(t) > 3)
    # (a name's particles aside: "Le Courrier du Sud", "Der Bote vom Rhein")
    named = [t for t in tokens if t.lower() not in NAME_PARTICLES]
    return not in_body and (article or rare) and len(named) <= 3


def _sentence_case(head: str) -> bool:
    """A headline written in sentence case: past its first word, most of its words of four
    letters or more, two at least, start in lower case."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", head)[1:] if len(w) >= 4]
    lower = sum(w[0].islower() for w in words)
    return lower >= 2 and 2 * lower > len(words)


# A reply line ("@reader:"). Horizontal white space only, possessive: "\s*" twice around an
# optional bullet retried every split of a long run of spaces (a masked <script>: quadratic).
REPLY_RE = re.compile(r"^[^\S\n]*+[•·▸►-]?[^\S\n]*+@[^\n\r:]{2,40}:[^\S\n]*+$", re.MULTILINE)


def comment_thread(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """Where a scraped reader-comment thread starts: a comment count, a reply line, or a
    comment heading followed by several short posts."""
    text = doc.text
    starts: list[tuple[int, int]] = []
    for pattern in lex.comment_count:
        m = pattern.search(text)
        if m:
            starts.append(line_bounds(text, m.start(), m.end()))
    reply = REPLY_RE.search(text)
    if reply:
        starts.append(line_bounds(text, reply.start(), reply.end()))
    stems = lex.stems.get("comment_section", ())
    for line in re.finditer(r"[^\n\r]+", text):
        if len(line.group()) > LABEL_CHARS or line.start() <= len(text) // 3:
            continue
        words = words_of(line.group())
        if 1 <= len(words) <= 3 and not re.search(r"[.!?]\s*$", line.group()):
            if any(s.matches_at(words, 0) for s in stems):
                starts.append(line_bounds(text, line.start(), line.end()))
                break
    if starts:
        start, end = min(starts)
        yield start, end, "comment_section"


def editorial_notes(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A sentence in which the text speaks of itself being published, updated or
    corrected: "This story was first published …", "Dieser Beitrag wurde ergänzt",
    "Cet article a d'abord paru …". Self-reference and a publishing verb, per the pack."""
    pattern = _editorial_pattern(lex)
    if pattern is None:
        return
    for sentence in doc.sentences:
        if len(sentence.words) <= 30 and pattern.search(sentence.text):
            yield sentence.start, sentence.end, "editorial_note"


@lru_cache(maxsize=32)
def _editorial_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    if not lex.self_reference or not lex.publishing_verbs:
        return None
    dets = alternation(lex.self_reference)
    nouns = alternation(lex.self_reference_nouns)
    ref = rf"\b(?:{dets})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{nouns})\b"
    verb = r"\b(?:" + "|".join(re.escape(v) for v in lex.publishing_verbs) + r")\w*"
    return re.compile(rf"{ref}[^.!?]{{0,80}}?{verb}|{verb}[^.!?]{{0,80}}?{ref}", re.IGNORECASE)


def related_links(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A related-article label with the headline it links: "Lesen Sie auch: …",
    "À lire aussi | …", "Read more – …"; after a separator anywhere on a line, or at the
    start of a line before a capitalised word. Reported to the end of the line."""
    pattern = _related_pattern(lex)
    if pattern is not None:
        for m in pattern.finditer(doc.text):
            _, end = line_bounds(doc.text, m.start(), m.end())
            yield m.start(), end, "related_links"
    # … or with no label at all: a line opened by an arrow before a headline of its own
    # ("→ Coastal towns bet on heritage", "» Zweiter Scheunenbrand im Kreis"), a link
    # however the site words it
    for m in _ARROW_LINK_RE.finditer(doc.text):
        headline = m.group("headline")
        if 3 <= len(headline.split()) <= ARROW_LINK_WORDS and headline[:1].isupper():
            yield m.start(), m.start() + len(m.group().rstrip()), "related_links"


ARROW_LINK_WORDS = 16  # a longer line after an arrow is a list item of prose
# an arrow opening a line, then a headline without a sentence's end ("» Zweiter …")
_ARROW_LINK_RE = re.compile(
    r"^[^\S\n]*[→►▸▶»›➔➜][^\S\n]*(?P<headline>[^\n\r]*[^\s.!?:;,])[^\S\n]*$", re.MULTILINE
)


@lru_cache(maxsize=32)
def _related_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    labels = [
        r"\s+".join(re.escape(w) for w in s.words) + r"\w*"
        for s in lex.stems.get("related_links", ())
        if len(s.words) >= 2 or len(s.words[0]) >= 6
    ]
    if not labels:
        return None
    alt = "|".join(sorted(labels, key=len, reverse=True))
    cap = "[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ0-9„“«\"']"
    return re.compile(
        rf"(?:(?<![\w-])(?=[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ])(?i:{alt})[ \t]*(?:[:|–—»›>.]|[ \t]-)[ \t]*(?={cap})"
        rf"|(?:^|(?<=[.!?»“\"] ))[ \t]*(?=[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ])(?i:{alt})[ \t]+(?={cap}))",
        re.MULTILINE,
    )


LABEL_CHARS = 60  # a label line is short
EVERYDAY_LABEL_WORD = 5.0  # Zipf of the words an ad label may hold besides its own
LABEL_KINDS = (
    "related_links",
    "share_widgets",
    "ads",
    "navigation",
    "comment_section",
    "social_follow",
    "text_to_speech",
    "newsletter",
    "paywall_appeal",
    "app_promo",
)


def labels(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A short line that is nothing but an interface label: "Werbung", "Read Next",
    "Sur le même sujet :", "Mehr…", "Teilen". Every word belongs to one stem of a widget
    kind (a stem covering the line), give or take arrows, colons and a count."""
    for line in re.finditer(r"[^\n\r]+", doc.text):
        body = line.group().strip()
        if len(body) > LABEL_CHARS:
            continue
        plain = words_of(body)
        if not 1 <= len(plain) <= 4 or re.search(r"[.!?]\s*\S", body):
            continue
        found = [
            kind
            for kind, stem in lex.index.get(plain[0][:INDEX_PREFIX], ())
            if kind in LABEL_KINDS and _covers(stem, plain)
        ]
        if not found:
            # an advertising word among the language's everyday words only: "Weiter nach
            # der Werbung", "Back after the advert"
            hits = lex.kind_hits(match_words(body, plain))
            everyday = [w for w in plain if zipf(w.lower(), lex.lang) >= EVERYDAY_LABEL_WORD]
            if hits.get("ads") and len(everyday) >= len(plain) - hits["ads"]:
                found = ["ads"]
        if found:
            start = line.start() + (len(line.group()) - len(line.group().lstrip()))
            yield start, start + len(body), min(found, key=LABEL_KINDS.index)


def _covers(stem: Stem, words: list[str]) -> bool:
    return len(stem.words) == len(words) and stem.matches_at(words, 0)


def audio_credits(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """An audio player's credit on its own short line: "Narrated by Jane Roe", "Gesprochen
    von künstlicher Intelligenz", "Lu par une voix de synthèse"."""
    if not lex.audio_credit_openers:
        return
    opener = alternation(lex.audio_credit_openers)
    pattern = re.compile(rf"^[ \t]*(?:{opener})\b[^\n\r]{{2,80}}$", re.IGNORECASE | re.MULTILINE)
    for m in pattern.finditer(doc.text):
        if len(words_of(m.group())) <= AUDIO_CREDIT_WORDS:
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            yield start, m.start() + len(m.group().rstrip()), "text_to_speech"


AUDIO_CREDIT_WORDS = 8


def tracking(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    for pattern in lex.tracking:
        for m in pattern.finditer(doc.text):
            yield (*short_line_or(doc.text, m.start(), m.end()), "tracking")
