"""Misspelled words (FL021) and sentences in lower case (FL022).

FL021 is a non-word check that earns its findings: a word is reported only when no
dictionary knows it, nothing says it is a name or a compound, the document does not use it
again and the source does not hold it, and a correction one edit away is much more frequent.
The dictionaries are pyspellchecker's (word frequencies per language, MIT) for the edit
candidates, and wordfreq's for what a known word is and how frequent a correction is.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from tqcheck.checks.fluency.fragments import foreign_languages
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity, Token
from tqcheck.names.text import compound_of_words, determiners
from tqcheck.registry import check
from tqcheck.text.frequency import zipf
from tqcheck.text.segment import elision
from tqcheck.text.spell import SPELL_LANGS, nearest

if TYPE_CHECKING:
    from tqcheck.text.langpack import LangPack

MIN_LETTERS = 5  # a shorter word has too many real words one edit away ("mimt", "mit")
SHORT_LETTERS = 4  # ... so a four-letter word must be unseen and its correction very common
SHORT_CORRECTION_MIN = 4.5
KNOWN = 3.0  # Zipf at which wordfreq alone vouches for a word (common typos reach 2.5)
FOREIGN_WORD = 4.0  # Zipf in another language from which a word is that language's ("stille")
CORRECTION_MIN = 3.0  # a correction is an everyday word ...
LONG_LETTERS = 9  # … but a long word no word list has seen ("phréatques") has few real
LONG_CORRECTION_MIN = 2.0  # neighbours: a learned word one edit away will do ("phréatiques")
MARGIN = 2.0  # ... a hundred times more frequent than what is written
_PART_RE = re.compile(r"[^\W\d_]+")
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")  # German adjective endings before a noun


@check(
    code="FL021",
    name="misspelled-word",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    languages=SPELL_LANGS,
)
def misspelled_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A word no dictionary knows, one edit away from a much more frequent word.

    What it finds:
    Letters dropped, doubled, swapped or mistyped in ordinary words:
    "Regirung", "Parlamment", "goverment". A word is reported only when
    wordfreq and pyspellchecker both do not know it, it is no name (in English
    and French a capitalised word; in German a capitalised word not after a
    determiner; any word of the names data or of the source text), no German
    compound of known words, the document does not write it a second time, and
    a correction one edit away is an everyday word at least a hundred times
    more frequent.

    Why it matters:
    Spelling slips are the first thing a reader notices and the easiest to
    fix; a plain dictionary lookup would drown them in names and compounds.

    Example:
    "Die Regirung beschloss das Gesetz." -> "Regierung"
    """
    lang = doc.lang.split("-")[0]
    compounding = bool(ctx.pack.get("repetition", "nouns_capitalised", False))
    counts = Counter(t.text for t in doc.tokens if t.is_word)
    source = _source_words(doc)
    for sentence in doc.sentences:
        words = sentence.words
        for i, token in enumerate(words):
            previous = words[i - 1].text if i else ""
            for start, part in _parts(token):
                if counts[part] > 1 or part.lower() in source:
                    continue
                if not _checkable(part, start == token.start, i == 0, previous, lang, ctx.pack):
                    continue
                correction = _correction(part, lang)
                if correction is None and compounding:
                    correction = _compound_correction(part, lang)
                if correction is None or _derived(part.lower(), correction.lower(), lang, ctx.pack):
                    continue
                yield ctx.finding(
                    start,
                    start + len(part),
                    f"misspelled word {part!r} (did you mean {correction!r}?)",
                    suggestion=correction,
                )


def _source_words(doc: Document) -> frozenset[str]:
    if doc.source is None:
        return frozenset()
    return frozenset(w.lower() for w in _PART_RE.findall(doc.source.text))


def _parts(token: Token) -> Iterator[tuple[int, str]]:
    """The token's words: its hyphen parts, a French word without its elided article
    ("l'opposition"); a part with an apostrophe inside is left alone ("couldn't",
    "Starmer's")."""
    pos = token.start
    for piece in token.text.split("-"):
        cut = elision(piece)
        word = piece[cut:]
        if word and _PART_RE.fullmatch(word):
            yield pos + cut, word
        pos += len(piece) + 1


def _checkable(
    word: str, first_part: bool, initial: bool, previous: str, lang: str, pack: LangPack
) -> bool:
    if len(word) < SHORT_LETTERS or word.isupper() or any(c.isupper() for c in word[1:]):
        return False  # too short, an acronym, or "iPhone"/"McDonald"
    seen = zipf(word.lower(), lang)
    if seen >= KNOWN or (len(word) < MIN_LETTERS and seen > 0):
        return False  # known; a short word must be unseen: "iage", not "sehn"
    if any(zipf(word.lower(), other) >= FOREIGN_WORD for other in foreign_languages(pack, lang)):
        return False  # a word of another language, in a name or a title: "santé" (FL020's)
    if word[0].isupper() and initial and first_part and seen > 0:
        return False  # a capital first word that wordfreq has seen is as likely a name: "Porro"
    if word[0].isupper() and not (initial and first_part):
        if not pack.get("repetition", "nouns_capitalised", False):
            return False  # a name
        adjective = previous.islower() and previous.endswith(_ADJ_ENDINGS)
        counted = previous[:1].isdigit()
        if previous.lower() not in determiners(lang) and not adjective and not counted:
            return False  # German: a noun follows a determiner, an adjective or a figure
    if compound_of_words(word, lang):
        return False
    # a noun compound's first part before a hyphen, with its linking s: "Ungleichheits-Skala"
    linked = word[0].isupper() and word.endswith("s")
    return not (linked and zipf(word[:-1].lower(), lang) >= KNOWN)


SWAP_KNOWN = 2.0  # Zipf of a noun whose feminine is written ("Ökologe" 2.0, "Ökologin" 1.3)


def _derived(word: str, correction: str, lang: str, pack: LangPack) -> bool:
    """A prefix or an ending of the language around a known word: "ungebogenen" is
    un-gebogen-en, "kalben" kalb-en; a rare word that is a regular form of a known one.
    Not when the correction keeps that known part and differs in the affix: "publishd"
    is publish-d, but "published" is the word ("donées"); nor when the ending only
    doubles the known word's last letter ("maladiee", "gravess")."""
    prefixes = ("", *pack.get("spelling", "prefixes", ()))
    suffixes = ("", *pack.get("spelling", "suffixes", ()))
    for ending, own in pack.get("spelling", "ending_swaps", ()):
        base = word[: len(word) - len(ending)] + own
        if word.endswith(ending) and len(base) >= 4 and zipf(base, lang) >= SWAP_KNOWN:
            if not correction.startswith(base):
                return True  # "ökologin" on "ökologe"
    for pre in prefixes:
        if not word.startswith(pre):
            continue
        stem = word[len(pre) :]
        for suf in suffixes:
            if (pre or suf) and stem.endswith(suf):
                base = stem[: len(stem) - len(suf)] if suf else stem
                if len(base) >= 3 and zipf(base, lang) >= KNOWN:
                    if not correction.startswith(pre + base):
                        return True
                    doubled = suf and base.endswith(suf[0])
                    if correction == pre + base and not doubled:
                        return True  # a regular ending on the word itself: "toxicités"
    return False


@lru_cache(maxsize=50_000)
def _correction(word: str, lang: str) -> str | None:
    """The most frequent dictionary word one edit away, if much more frequent."""
    low = word.lower()
    found = nearest(low, lang)  # None for a known word: its candidates are itself alone
    if found is None:
        return None
    best, best_zipf = found
    floor = CORRECTION_MIN if len(low) >= MIN_LETTERS else SHORT_CORRECTION_MIN
    if len(low) >= LONG_LETTERS and zipf(low, lang) == 0:
        floor = LONG_CORRECTION_MIN  # a long word nobody writes, a letter off a learned one
    if best_zipf < floor or best_zipf - zipf(low, lang) < MARGIN:
        return None
    return best[0].upper() + best[1:] if word[0].isupper() else best


COMPOUND_LETTERS = 10  # a shorter word is no compound worth splitting
MODIFIER_KNOWN = 3.5  # Zipf of a compound's first part ("Fachkräfte", "Rückhalte")
COMPOUND_SEEN = 2.0  # Zipf of the corrected compound: the language writes it


@lru_cache(maxsize=20_000)
def _compound_correction(word: str, lang: str) -> str | None:
    """A compound no word list has seen, whose head one edit away makes a compound the
    language writes: "Fachkräftemangle" -> "Fachkräftemangel", "Rückhaltebeken" ->
    "Rückhaltebecken" (the corrected whole must be seen, so a rare but right compound,
    whose head only looks like a slip, stays)."""
    low = word.lower()
    if len(low) < COMPOUND_LETTERS or zipf(low, lang) > 0:
        return None
    if any(zipf(low[: -len(e)], lang) > 0 for e in ("s", "es", "n", "en", "e", "er", "ern")):
        return None  # a case or plural ending on a word the language writes: "Sonnenschutzmittels"
    for cut in range(4, len(low) - 3):
        modifier, head = low[:cut], low[cut:]
        # with its linking element: "Fachkräfte-", "Rückhalte-" (Rückhalt), "Arbeits-"
        forms = [modifier] + [
            modifier[: -len(e)] for e in ("s", "e", "n", "en", "es") if modifier.endswith(e)
        ]
        if max(zipf(f, lang) for f in forms) < MODIFIER_KNOWN:
            continue
        found = nearest(head, lang)
        if found is None:
            continue
        fixed = modifier + found[0]
        if zipf(fixed, lang) >= COMPOUND_SEEN:
            return word[:cut] + found[0]
    return None


_LIST_RE = re.compile(r"^\s*(?:[-–—•*·▪►]|\d+[.)]|[a-z][.)])\s")


@check(
    code="FL022",
    name="lowercase-sentence",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def lowercase_sentence(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A sentence starts in lower case, or is written in lower case throughout.

    What it finds:
    A paragraph whose first word starts with a lower-case letter (not a list
    item, not after a line ending in a colon, not a word written so, like
    "iPhone", "eBay" or "de Gaulle", not a URL or a handle), and a sentence of
    four words or more without a single capital letter. In a bilingual file, a
    unit whose source starts in lower case too is a fragment or an interface
    string and left alone. A text of one sentence with no source (a segment
    cut from a talk, a subtitle, a translation-memory row) may continue the
    sentence before it: its first word is not reported when it is a
    coordinating word ("und seit Galileo …", the pack's continuations) or the
    source opens in lower case too or there is none; the whole-sentence test
    still applies. A lower-case word after a full stop is FL013's.

    Why it matters:
    Lost capitals come from machine translation of lower-cased input and from
    scraping; they read as careless and, in German, hide which words are nouns.

    Example:
    "die Minister trafen sich am Montag." -> "Die Minister …"
    """
    particles = ctx.pack.lower_set("repetition", "name_particles")
    unit_starts = [u.start for u in doc.units]
    items: list[tuple[int, int]] = []  # list items and lines after a colon: lower case is fine
    previous_end = -1
    for para in doc.paragraphs:
        before = doc.text[max(0, previous_end - 2) : para.start].rstrip()
        previous_end = para.end
        if _LIST_RE.match(para.text) or before.endswith(":"):
            items.append((para.start, para.end))
    lowered = [
        s
        for s in doc.sentences
        if len(s.words) >= 4
        and not any(c.isupper() for c in s.text)
        and not _inside(items, s.start)
        and not re.search(r"https?://|www\.|@\w", s.text)
    ]
    skip = {a for a, _b in items} | {s.start for s in lowered}
    # a lone segment may continue another one: when it opens with a coordinating word
    # ("und …", "and …"), or its source opens in lower case too, or it has no source
    lone = not doc.units and len(doc.sentences) == 1
    continuations = ctx.pack.lower_set("segment", "continuations")
    for para in doc.paragraphs:
        text = para.text
        m = re.match(r"[^\W\d_][\w'’-]*", text)
        if para.start in skip:
            continue  # a list item; or the whole sentence is reported below
        if lone and m and (m.group().lower() in continuations or not _source_capitalised(doc)):
            continue  # a segment continuing the one before it
        if _source_unit_lower(doc, unit_starts, para.start):
            continue  # the unit's source starts in lower case too: a fragment, a UI string
        if m and m.group().lower() in particles and _name_after(text[m.end() :]):
            continue  # "de Gaulle a dit …", "von der Leyen sagte …"
        if m and text[m.end() :].lstrip()[:1].isdigit():
            continue  # a label before a figure: "date 2024-12" (FL006), "page 3"
        if m and _lower_start(m.group()):
            yield ctx.finding(
                para.start + m.start(),
                para.start + m.end(),
                f"sentence starts in lower case: {m.group()!r}",
                suggestion=m.group()[0].upper() + m.group()[1:],
            )
    for sentence in lowered:
        yield ctx.finding(sentence.start, sentence.end, "sentence written in lower case throughout")


def _source_capitalised(doc: Document) -> bool:
    return doc.source is not None and _first_letter(doc.source.text).isupper()


def _first_letter(text: str) -> str:
    first = re.search(r"[^\W\d_]", text)
    return first.group() if first else ""


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """``pos`` lies in one of ``spans`` (in text order, not overlapping)."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and pos < spans[k][1]


def _source_unit_lower(doc: Document, starts: list[int], pos: int) -> bool:
    """The bilingual unit holding ``pos`` has a source that starts in lower case (units
    are in text order, ``starts`` their starts: a bisection, not a scan per paragraph)."""
    k = bisect.bisect_right(starts, pos) - 1
    if k < 0 or pos >= max(doc.units[k].end, doc.units[k].start + 1):
        return False
    return _first_letter(doc.units[k].source).islower()


def _name_after(rest: str) -> bool:
    """A capitalised word within the next three, after short particles: "der Leyen"."""
    for word in rest.split()[:3]:
        if word[:1].isupper():
            return True
        if len(word) > 3:
            return False
    return False


def _lower_start(word: str) -> bool:
    return word[0].islower() and not any(c.isupper() for c in word[1:])
