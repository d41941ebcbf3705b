"""Negation and polarity words that do not survive translation, from per-language lists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.checks.accuracy.common import alignment, paired, quote, target_span
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.numbers import extract, is_ordinal
from tqcheck.registry import check
from tqcheck.text.frequency import zipf
from tqcheck.text.langpack import load_pack

LOWER, UPPER = ("at_least", "more_than"), ("at_most", "less_than")
OPPOSITES = {**{c: UPPER for c in LOWER}, **{c: LOWER for c in UPPER}}
LABELS = {
    "negation": "a negation",
    "no_longer": "“no longer”",
    "at_least": "a lower bound",
    "more_than": "a lower bound",
    "at_most": "an upper bound",
    "less_than": "an upper bound",
}
IMPLIES = {"no_longer": "negation"}  # "nicht mehr" also negates
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class Cue:
    cls: str
    strong: bool
    text: str
    start: int
    end: int


@lru_cache(maxsize=32)
def _cue_table(lang: str) -> tuple[re.Pattern[str] | None, dict[str, list[tuple[str, bool]]]]:
    """One longest-first alternation of every cue phrase, and phrase -> (class, strong)."""
    meaning: dict[str, list[tuple[str, bool]]] = {}
    for cls, lists in load_pack(lang).section("polarity").items():
        for strength in ("strong", "weak"):
            for phrase in lists.get(strength, ()):
                key = phrase.lower().replace("’", "'")
                meaning.setdefault(key, []).append((cls, strength == "strong"))
    if not meaning:
        return None, meaning
    stops = tuple(load_pack(lang).get("polarity_gaps", "stops", ()))
    parts = [_phrase_regex(p, stops) for p in sorted(meaning, key=len, reverse=True)]
    # a look-ahead for the characters a cue can start with, so the alternation of some
    # 170 phrases is tried only there (a phrase opening with an apostrophe may start
    # with the space before it)
    first = {p[0] for p in meaning if p}
    space = r"|\s" if "'" in first else ""
    guard = "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "]" + space + ")"
    return re.compile(guard + "(?:" + "|".join(parts) + ")"), meaning


SHORT_GAP = 4  # words a cue's gap may hold ("ne … plus") …
LONG_GAP = 8  # … and before a closer of two words ("not … any more", "no … any longer")


def _phrase_regex(phrase: str, stops: tuple[str, ...] = ()) -> str:
    """A cue phrase as a regex: "…" is a gap of up to four words ("ne … plus"), none of
    them a word of ``stops`` (French "que": "ne s'est rendue qu'un jour plus tard" is
    "ne … que", then "plus tard"); a part ending in an apostrophe is glued to the next
    word ("n'est … plus")."""
    parts = [p.strip() for p in phrase.split("…")]
    body = ""
    for i, part in enumerate(parts):
        # tokenised text splits clitics: "don 't", "n' ont"
        body += r"\s+".join(re.escape(w).replace("'", r"\s?'\s?") for w in part.split())
        if i < len(parts) - 1:
            stop = "".join(
                rf"(?!{re.escape(w)}\b)" if w[-1:].isalnum() else rf"(?!{re.escape(w)})"
                for w in stops
            )
            # up to four words, never , ; : — eight before a closer of two words, which
            # no other phrase shares ("not park right outside the door any more")
            reach = LONG_GAP if len(parts[i + 1].split()) > 1 else SHORT_GAP
            gap = rf"(?:\s+{stop}[^\s,;:]+){{0,{reach}}}?\s+"
            body += r"[^\s,;:]*" + gap if part.endswith("'") else gap
    lead = (
        ""
        if phrase.startswith(("'", "n't")) or not phrase[:1].isalnum()
        # a word start; after an elided word too: "d'au moins", "qu'au moins"
        else r"(?:(?<![\w'])|(?<=\b[dl]')|(?<=\bqu'))"
    )
    trail = "" if phrase.endswith("'") or not phrase[-1:].isalnum() else r"(?![\w])"
    return f"(?:{lead}{body}{trail})"


_TOKEN_RE = re.compile(r"\w+")
_NUMERO_RE = re.compile(r"\.?\s*\d")  # "No. 2", "No 10": a number's sign, no negation


@lru_cache(maxsize=32)
def _gate(lang: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """What a text must hold for a cue to start in it: the leading letters of a phrase's
    first word as a whole word (the phrase's pattern opens at a word start: "nicht",
    "n'" of "n'est … plus", "don" of "don't"), or, for phrases that may open inside a word
    ("n't", "'t"), their own pattern. Most segments of a bilingual file hold no cue, and
    one set lookup per word is far cheaper than the alternation of every phrase."""
    _pattern, meaning = _cue_table(lang)
    firsts: set[str] = set()
    leadless = []
    for phrase in meaning:
        if phrase.startswith(("'", "n't")) or not phrase[:1].isalnum():
            leadless.append(_phrase_regex(phrase))
            continue
        firsts.add(_TOKEN_RE.match(phrase).group())  # type: ignore[union-attr]
    return frozenset(firsts), re.compile("|".join(leadless)) if leadless else None


BOUNDS = frozenset(LOWER + UPPER)
# A bound quantifies only when a number follows within two words: "at least 20",
# "mehr als 8.000", "plus de 3 500"; "at least he tried", "any more than you know",
# "get up to all sorts of tricks" are not bounds.
_BOUND_GAP = re.compile(r"\s*(?:[^\s\d]+\s+){0,2}$")


def cues(text: str, lang: str, offset: int = 0) -> list[Cue]:
    """Polarity cues in ``text`` with offsets (+ ``offset``), strong and weak.

    A strong cue is demoted to weak when it is a compound prefix ("nicht-manuell",
    "non-stop") or, for a bound, when no number follows it. Words negated by an
    affix ("unhelpfully", "dislike", "ergebnislos") are weak negations.
    """
    pattern, meaning = _cue_table(lang)
    if pattern is None:
        return []
    norm = text.lower().replace("’", "'")
    numbers: list[int] | None = None
    out: list[Cue] = []
    for m in _cue_matches(pattern, norm, lang):
        key = re.sub(r"\s*'\s*", "'", re.sub(r"\s+", " ", m.group()))
        senses = meaning.get(key) or _wildcard_sense(key, meaning)
        prefix = bool(re.match(r"-\w", norm[m.end() :]))
        if key == "no" and text[m.start()].isupper() and _NUMERO_RE.match(text, m.end()):
            continue  # "reactor No. 2", "the No. 35 car": the abbreviation of numero
        for cls, strong in senses:
            if strong and cls in BOUNDS:
                if numbers is None:
                    # a rank is no quantity: "move up to fourth place", "up to 4th"
                    numbers = [q.start for q in extract(text, lang) if not is_ordinal(q.text, lang)]
                strong = any(q >= m.end() and _BOUND_GAP.match(norm[m.end() : q]) for q in numbers)
            out.append(
                Cue(
                    cls,
                    strong and not prefix,
                    text[m.start() : m.end()],
                    m.start() + offset,
                    m.end() + offset,
                )
            )
    emphatic = _emphatic(lang)
    if emphatic is not None:
        out = [_affirming(c, norm, offset, emphatic) for c in out]
    out.extend(_affix_negations(text, lang, offset))
    return out


_AFTER_CUE = re.compile(r"\s*([^\W\d_]+|[^\w\s])")


def _affirming(
    cue: Cue,
    norm: str,
    offset: int,
    emphatic: tuple[frozenset[str], frozenset[str], frozenset[str]],
) -> Cue:
    """A negated modal whose phrase closes on a degree word affirms: "I couldn't agree
    more", "we can't thank them enough", "it could not be better". Its negation is weak;
    "we couldn't find more evidence" (a noun after the degree word) keeps it strong."""
    modals, degree, closers = emphatic
    if cue.cls != "negation" or not cue.strong:
        return cue
    start, end = cue.start - offset, cue.end - offset
    before = re.search(r"(\w+)\s*$", norm[:start])
    glued = re.match(r"\w+", cue.text.lower())  # "cannot": the modal is the cue's own
    modal = glued.group() if glued and glued.group() != "not" else ""
    if not (modal[:-3] in modals or (before and before.group(1) in modals)):
        return cue
    words: list[str] = []
    pos = end
    while len(words) < 6 and (m := _AFTER_CUE.match(norm, pos)) is not None:
        words.append(m.group(1))
        pos = m.end()
    for k, word in enumerate(words[:5]):
        if not word[0].isalpha():
            return cue  # the clause ends before a degree word
        if word in degree:
            after = words[k + 1] if k + 1 < len(words) else "."
            if not after[0].isalpha() or after in closers:
                return Cue(cue.cls, False, cue.text, cue.start, cue.end)
            return cue
    return cue


@lru_cache(maxsize=16)
def _emphatic(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """The pack's ``[polarity_emphatic]``: modals, degree words, and the words that may
    follow the degree word as its phrase closes."""
    data = load_pack(lang).section("polarity_emphatic")
    if not data.get("modals"):
        return None
    return (
        frozenset(data.get("modals", ())),
        frozenset(data.get("degree", ())),
        frozenset(data.get("closers", ())),
    )


def _cue_matches(pattern: re.Pattern[str], norm: str, lang: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(norm)``, tried only where a cue can start: at a word that opens
    some phrase, or where a phrase that may open inside a word matches. The alternation
    of every phrase costs far more per position than a set lookup per word."""
    first_words, leadless = _gate(lang)
    starts = {m.start() for m in _TOKEN_RE.finditer(norm) if m.group() in first_words}
    if leadless is not None:
        pos = 0
        while pos <= len(norm) and (found := leadless.search(norm, pos)) is not None:
            starts.add(found.start())
            pos = found.start() + 1  # (search clamps a position past the end: stop there)
    end = 0
    for pos in sorted(starts):
        if pos < end:
            continue  # inside the last match: finditer goes on from its end
        m = pattern.match(norm, pos)
        if m is not None and m.end() > pos:
            end = m.end()
            yield m


def _affix_negations(text: str, lang: str, offset: int) -> list[Cue]:
    """Words negated by a prefix or suffix whose stem is a common word of the language and
    at least ``rarer_by`` Zipf points more frequent than the word (so "discover" and
    "important" are not "dis-cover" and "im-portant"; a hyphened prefix as in
    "non-manual" needs only a known stem): weak negations, so "dislike" -> "nicht
    mögen" is no added negation."""
    affixes = _affixes(lang)
    if affixes is None:
        return []
    prefixes, suffixes, min_stem, min_zipf, rarer_by = affixes
    out = []
    for m in _WORD_RE.finditer(text):
        word = m.group().lower()
        if not (word.startswith(prefixes) or word.endswith(suffixes)):
            continue  # most words neither start with a prefix nor end with a suffix
        hyphened = [word[len(p) :] for p in prefixes if p.endswith("-") and word.startswith(p)]
        stems = [word[len(p) :] for p in prefixes if word.startswith(p) and not p.endswith("-")]
        stems += [word[: -len(x)] for x in suffixes if word.endswith(x)]
        stems = [stem for stem in stems if len(stem) >= min_stem]
        known = max((zipf(stem, lang) for stem in stems), default=0.0)
        if any(zipf(stem, lang) >= min_zipf for stem in hyphened) or (
            known >= min_zipf and zipf(word, lang) <= known - rarer_by
        ):
            out.append(Cue("negation", False, m.group(), m.start() + offset, m.end() + offset))
    return out


@lru_cache(maxsize=16)
def _affixes(lang: str) -> tuple[tuple[str, ...], tuple[str, ...], int, float, float] | None:
    """The pack's ``[polarity_affixes]``, read once per language."""
    data = load_pack(lang).section("polarity_affixes")
    prefixes = tuple(data.get("prefixes", ()))
    suffixes = tuple(data.get("suffixes", ()))
    if not prefixes and not suffixes:
        return None
    return (
        prefixes,
        suffixes,
        int(data.get("min_stem", 4)),
        float(data.get("min_zipf", 2.5)),
        float(data.get("rarer_by", 1.0)),
    )


def _wildcard_sense(key: str, meaning: dict[str, list[tuple[str, bool]]]) -> list[tuple[str, bool]]:
    for phrase, senses in meaning.items():
        if "…" in phrase and re.fullmatch(_phrase_regex(phrase), key):
            return senses
    return []


def _classes(found: list[Cue]) -> dict[str, list[Cue]]:
    out: dict[str, list[Cue]] = {}
    for cue in found:
        out.setdefault(cue.cls, []).append(cue)
        if cue.cls in IMPLIES:
            out.setdefault(IMPLIES[cue.cls], []).append(cue)
    return out


@check(
    code="AC006",
    name="polarity-mismatch",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs={"source"},
)
def polarity_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Negation or a bound ("at least", "more than") is lost, added or reversed.

    What it finds:
    Per aligned sentence pair, polarity cues from each language's word lists
    (``[polarity.*]`` in ``<lang>.accuracy.toml``): negation (never/nie/jamais),
    "no longer" (nicht mehr, ne … plus), "at least"/"at most"
    (mindestens/höchstens) and "more than"/"less than". Reported: a bound
    reversed (source "at least", target "höchstens"); a strong cue in the
    source with no cue of its class in the target; a strong cue in the target
    with none in the source. Weak cues (fail, kaum, sans) only count as
    present, never trigger a finding. Needs no model.

    Why it matters:
    Sentence embeddings barely notice a dropped "not" or a swapped bound
    (measured AUC about 0.5), yet the meaning is reversed. Word lists are
    cheap and precise where they fire.

    Example:
    "at least 20 people" -> "höchstens 20 Menschen" -> "mindestens 20 Menschen"
    """
    if doc.source is None:
        return
    al = alignment(ctx)
    src_lang = doc.source.lang
    for k, link in paired(al):
        src_pieces, tgt_pieces = al.sides(link)
        src = _classes([c for p in src_pieces for c in cues(p.text, src_lang)])
        tgt = _classes([c for p in tgt_pieces for c in cues(p.text, doc.lang, p.start)])
        flipped: set[str] = set()
        for cls, opposites in OPPOSITES.items():
            if not _strong(src, cls) or any(c in tgt for c in OPPOSITES[opposites[0]]):
                continue  # the target keeps a bound of the source's direction
            turned = [c for o in opposites if o not in src for c in tgt.get(o, ()) if c.strong]
            if turned:
                s_cue = next(c for c in src[cls] if c.strong)
                flipped.update((cls, *opposites))
                yield ctx.finding(
                    turned[0].start,
                    turned[0].end,
                    f"{turned[0].text!r} sets {LABELS[turned[0].cls]} where the source's "
                    f"{s_cue.text!r} sets {LABELS[cls]}",
                )
        target_words = {w.lower() for p in tgt_pieces for w in _WORD_RE.findall(p.text)}
        for cls in src:
            if cls in flipped or cls in tgt or not _strong(src, cls):
                continue
            if cls in IMPLIES and _strong(tgt, IMPLIES[cls]) and _says_never(src, src_lang):
                continue  # "n'a plus jamais été inquiété" / "was never threatened"
            if (
                cls == "no_longer"
                and "negation" in tgt  # "not", or "unable", "without"
                and not target_words.isdisjoint(
                    load_pack(doc.lang).lower_set("polarity_gaps", "no_longer_with_negation")
                )
            ):
                continue  # "haben seit 2021 keinen Titel mehr" / "have not won since 2021"
            s_cue = next(c for c in src[cls] if c.strong)
            if s_cue.text.lower() in target_words:
                # kept verbatim: a quoted original ("No man is an island"), a name
                # ("Médecins Sans Frontières")
                continue
            start, end = target_span(al, k)
            yield ctx.finding(
                start,
                end,
                f"the source's {s_cue.text!r} ({LABELS.get(cls, cls)}) is not rendered here; "
                f"source: {quote(' '.join(p.text for p in src_pieces))}",
            )
        for cls in tgt:
            if cls in flipped or cls in src or not _strong(tgt, cls):
                continue
            if cls in IMPLIES and _strong(src, IMPLIES[cls]) and _says_never(tgt, doc.lang):
                continue  # "will never recover" / "werden sich nie mehr erholen"
            cue = next(c for c in tgt[cls] if c.strong)
            yield ctx.finding(
                cue.start,
                cue.end,
                f"{cue.text!r} adds {LABELS.get(cls, cls)} that the source does not have",
            )


def _says_never(classes: dict[str, list[Cue]], lang: str) -> bool:
    """The side's "no longer" comes with the language's "never" ("nie mehr", "n'a plus
    jamais"): a plain "never" on the other side renders it."""
    words = load_pack(lang).lower_set("polarity_gaps", "never")
    cues = [c for cls in ("no_longer", "negation") for c in classes.get(cls, ()) if c.strong]
    return any(w in words for c in cues for w in re.findall(r"\w+", c.text.lower()))


def _strong(classes: dict[str, list[Cue]], cls: str) -> bool:
    return any(c.strong for c in classes.get(cls, ()))
