"""Page furniture left in article text: widgets, credits, metadata, comment threads.

All phrases and patterns are language-pack data (``[furniture]`` and
``[furniture_patterns]`` in ``resources/langs/<lang>*.toml``); this module only
knows *where* to look: short lines and short sentences, where furniture lives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check
from tqcheck.text.langpack import LangPack, load_pack

SHORT_LINE_WORDS = 20
PHRASE_KINDS = {
    "text_to_speech": "text-to-speech note",
    "comment_form": "comment form",
    "newsletter": "newsletter appeal",
    "cookie_consent": "cookie notice",
    "paywall_appeal": "paywall or support appeal",
    "related_links": "related-links line",
    "share_widgets": "share widget",
    "navigation": "navigation link",
    "ads": "advertising label",
    "reporting_credit": "reporting credit",
}
COMMENT_KINDS = ("comment_section",)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(re.findall(r"\w+", self.text))


def lines_of(doc: Document) -> list[Line]:
    """Non-blank lines with their offsets, leading and trailing space trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+", doc.text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + raw.index(stripped[0])
            out.append(Line(start, start + len(stripped), stripped))
    return out


def _packs(lang: str) -> list[LangPack]:
    """The document's own pack, then English: scraped English widgets survive translation."""
    own = load_pack(lang)
    return [own] if lang == "en" else [own, load_pack("en")]


@lru_cache(maxsize=32)
def _phrase_regex(lang: str, kinds: tuple[str, ...]) -> re.Pattern[str] | None:
    alternatives: list[str] = []
    for pack in _packs(lang):
        for kind in kinds:
            for phrase in pack.get("furniture", kind, []):
                alternatives.append(f"(?P<{kind}_{len(alternatives)}>{_phrase_pattern(phrase)})")
    if not alternatives:
        return None
    return re.compile(r"^\W{0,3}(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _phrase_pattern(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())


@lru_cache(maxsize=32)
def _whole_lines(lang: str) -> frozenset[str]:
    return frozenset(
        _norm(p) for pack in _packs(lang) for p in pack.get("furniture", "whole_line_only", [])
    )


@lru_cache(maxsize=64)
def _patterns(lang: str, kind: str) -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(p, re.IGNORECASE | re.MULTILINE)
        for pack in _packs(lang)
        for p in pack.get("furniture_patterns", kind, [])
    )


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s).strip().lower()


def _kind_of(match: re.Match[str]) -> str:
    name = match.lastgroup or ""
    return name.rsplit("_", 1)[0]


def _candidates(doc: Document) -> list[Line]:
    """Short lines, plus short sentences inside longer lines (furniture glued to prose)."""
    lines = [ln for ln in lines_of(doc) if ln.words <= SHORT_LINE_WORDS]
    starts = {ln.start for ln in lines}
    for s in doc.sentences:
        if s.start not in starts and len(s.words) <= SHORT_LINE_WORDS:
            lines.append(Line(s.start, s.end, s.text))
    return sorted(lines, key=lambda ln: ln.start)


@check(
    code="FL003",
    name="page-furniture",
    category=Category.FLUENCY,
    severity=Severity.MAJOR,
)
def page_furniture(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Website furniture was scraped and translated along with the article.

    What it finds:
    Short lines or sentences that are text-to-speech notes, comment forms,
    newsletter, cookie and paywall appeals, related-link lines, share widgets,
    navigation, advertising labels, reporting credits, and tracking residue.
    The phrase lists and patterns are per language (dozens of real-world
    wordings each); English lists also apply to every language, since
    untranslated widgets survive in translated pages.

    Why it matters:
    Furniture is not article text: published as part of a translation it tells
    the reader the text was scraped and machine-processed.

    Example:
    "Drücken Sie Play, um diesen Artikel anzuhören" -> delete the line
    """
    phrases = _phrase_regex(doc.lang, tuple(PHRASE_KINDS))
    whole = _whole_lines(doc.lang)
    reported: list[tuple[int, int]] = []
    for line in _candidates(doc):
        if any(s <= line.start < e for s, e in reported):
            continue
        m = phrases.match(line.text) if phrases else None
        kind = PHRASE_KINDS[_kind_of(m)] if m else None
        if kind is None and _norm(line.text) in whole:
            kind = "page widget label"
        if kind is None:
            continue
        reported.append((line.start, line.end))
        yield ctx.finding(
            line.start, line.end, f"page furniture left in the text: {kind}", suggestion=""
        )
    for pattern in _patterns(doc.lang, "tracking"):
        for m in pattern.finditer(doc.text):
            if not any(s <= m.start() < e for s, e in reported):
                reported.append(m.span())
                yield ctx.finding(
                    *_line_span(doc.text, m.start(), m.end()),
                    "page furniture left in the text: tracking residue",
                    suggestion="",
                )


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to its whole line when the line is short, else keep the match."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end]
    if len(re.findall(r"\w+", line)) <= SHORT_LINE_WORDS:
        lead = len(line) - len(line.lstrip())
        return line_start + lead, line_start + len(line.rstrip())
    return start, end


def _pattern_findings(
    doc: Document,
    ctx: Context,
    kind: str,
    message: str,
    max_words: int | None = None,
    whole_short_line: bool = False,
) -> Iterator[Finding]:
    seen: set[int] = set()
    for pattern in _patterns(doc.lang, kind):
        for m in pattern.finditer(doc.text):
            if not m.group().strip() or m.start() in seen:
                continue
            start, end = m.span()
            while start < end and doc.text[start].isspace():
                start += 1
            while end > start and doc.text[end - 1].isspace():
                end -= 1
            if max_words is not None:
                line_start, line_end = _line_span(doc.text, start, end)
                if len(re.findall(r"\w+", doc.text[line_start:line_end])) > max_words:
                    continue
            if whole_short_line:
                start, end = _caption_span(doc.text, start, end)
            seen.add(m.start())
            yield ctx.finding(start, end, message, suggestion="")


def _caption_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A credit on a short line without sentence punctuation takes the caption with it."""
    line_start, line_end = _line_span(text, start, end)
    line = text[line_start:line_end]
    if (line_start, line_end) != (start, end) and not re.search(r"[.!?]\s", line):
        return line_start, line_end
    return start, end


@check(
    code="FL004",
    name="photo-credit-in-text",
    category=Category.FLUENCY,
    severity=Severity.MAJOR,
)
def photo_credit_in_text(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A photo caption or credit is glued into the article text.

    What it finds:
    Credit patterns per language: "Foto: Name/dpa", "Poolfoto von … über Getty
    Images", "Photo by … via Getty Images", "© AFP", "Crédit photo : …".

    Why it matters:
    Captions and credits belong to images; scraped into the text they interrupt
    sentences and are often mistranslated ("über" for "via").

    Example:
    "Bundeskanzler Olaf Scholz Poolfoto von Kai Pfaffenbach/AFP über Getty Images"
    -> delete the caption
    """
    yield from _pattern_findings(
        doc, ctx, "photo_credit", "photo credit left in the text", whole_short_line=True
    )


@check(
    code="FL005",
    name="site-name-in-headline",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def site_name_in_headline(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A website or brand name is appended to a headline.

    What it finds:
    A short line ending in a separator and a news brand ("… – POLITICO",
    "… | ZEIT ONLINE", "… - Le Monde"), from the language packs' brand lists.

    Why it matters:
    The HTML title's site suffix is not part of the headline; left in, it
    shows the text was scraped.

    Example:
    "Westmächte wetteifern um ein Sicherheitsversprechen – POLITICO" -> drop " – POLITICO"
    """
    yield from _pattern_findings(
        doc, ctx, "site_suffix", "site name appended to a headline", max_words=25
    )


@check(
    code="FL006",
    name="scraped-metadata-line",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def scraped_metadata_line(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Scraped metadata (date stamps, reading times, update notes) stands in the text.

    What it finds:
    Metadata the scraper or CMS put in front of or into the article: "date
    2024-12", "Stand: 03.12.2024, 14:05 Uhr", "Lesezeit: 4 Min.", "Updated 3
    hours ago", "Publié le 3 décembre", per the language packs' patterns.

    Why it matters:
    Metadata is not article text; machine translation translates it anyway, and
    it then reads as a broken first sentence.

    Example:
    " date 2024-12 Die von Russland angegriffene Ukraine …" -> drop "date 2024-12"
    """
    yield from _pattern_findings(doc, ctx, "metadata_line", "scraped metadata in the text")


@check(
    code="FL007",
    name="reader-comments-in-text",
    category=Category.FLUENCY,
    severity=Severity.MAJOR,
)
def reader_comments_in_text(doc: Document, ctx: Context) -> Iterator[Finding]:
    """The reader comment section was scraped along with the article.

    What it finds:
    The start of a comment thread: a comment count line ("4 Kommentare",
    "12 comments"), a comment-section heading, or reply lines ("• @Name:").
    Reported once, at the first such line, with the size of what follows.

    Why it matters:
    Reader comments are not part of the article; translated and published with
    it they put other people's words under the publisher's name.

    Example:
    "4 Kommentare" followed by reader posts -> cut the text before the thread
    """
    starts: list[tuple[int, int]] = []
    for kind in ("comment_count", "reader_reply"):
        for pattern in _patterns(doc.lang, kind):
            m = pattern.search(doc.text)
            if m and m.group().strip():
                starts.append(m.span())
    phrases = _phrase_regex(doc.lang, COMMENT_KINDS)
    if phrases:
        for line in lines_of(doc):
            m = phrases.match(line.text)
            if m and line.words <= 6 and not re.search(r"[^\W\d_]", line.text[m.end() :]):
                starts.append((line.start, line.end))
                break
    if not starts:
        return
    start, end = min(starts)
    start, end = _line_span(doc.text, start, end)
    rest = doc.text[start:]
    n_lines = sum(1 for ln in rest.splitlines() if ln.strip())
    yield ctx.finding(
        start,
        end,
        f"reader comment section starts here ({n_lines} non-empty lines follow)",
        suggestion="",
    )
