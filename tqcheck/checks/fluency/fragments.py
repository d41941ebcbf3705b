"""Runs of foreign words inside target-language sentences (a phrase left untranslated)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from tqcheck.checks.fluency.untranslated import quoted_regions
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Sentence, Severity, Token
from tqcheck.names.places import is_place
from tqcheck.registry import check
from tqcheck.text.frequency import Lean, lean, zipf
from tqcheck.text.langpack import LangPack, load_pack
from tqcheck.text.spans import Spans

MIN_FOREIGN_WORDS = 2  # a fragment has at least two foreign words, one of them strong
MIN_LOCAL_WORDS = 2  # ... inside a sentence with local words (else FL008's business)
_MASK_RE = re.compile(r"https?://\S+|www\.\S+|(?<!\S)[^\s@]+@\S+|[#@]\w+")
_BREAK = frozenset("'’-‐")  # punctuation that does not end a run


@dataclass(frozen=True)
class FragmentLexicon:
    """What the pack says about foreign material in this language."""

    lang: str
    foreign: tuple[str, ...]
    loan_phrases: tuple[tuple[str, ...], ...]

    @cached_property
    def loan_index(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Loan phrases by their first word."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.loan_phrases:
            index.setdefault(phrase[0], []).append(phrase)
        return {k: tuple(v) for k, v in index.items()}

    @classmethod
    def of(cls, pack: LangPack, lang: str) -> FragmentLexicon:
        default = ("en",) if lang != "en" else ("de", "fr")
        foreign = tuple(pack.get("fragments", "foreign", default))
        phrases = tuple(tuple(p.lower().split()) for p in pack.get("fragments", "loan_phrases", ()))
        return cls(lang, tuple(f for f in foreign if f != lang), phrases)


@lru_cache(maxsize=32)
def _lexicon(pack: LangPack, lang: str) -> FragmentLexicon:
    return FragmentLexicon.of(pack, lang)


def foreign_languages(pack: LangPack, lang: str) -> tuple[str, ...]:
    """The languages whose words FL020 looks for in this language's text."""
    return _lexicon(pack, lang).foreign


@check(
    code="FL020",
    name="foreign-fragment",
    category=Category.FLUENCY,
    severity=Severity.MAJOR,
)
def foreign_fragment(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A phrase in another language is left inside a target-language sentence.

    What it finds:
    Runs of two or more words that lean to another language (English in German
    and French text; German or French in English text) by word frequency
    (wordfreq): at least one of them much more common there than in the target
    language, none of them a word of the target language, inside a sentence
    that also has target-language words. Left alone: quotations, words in
    title case (names and titles of works: "Lord of the Rings", "Human Rights
    Watch"), capitalised words the document repeats (names), established
    loanwords (common in the target language too: Team, Deal, online) and the
    pack's loan phrases (de facto, joie de vivre), URLs, hashtags and handles.
    Whole sentences in another language are FL008's.

    Why it matters:
    Machine translation passes through phrases it cannot place ("Die Regierung
    will the new rules bis Herbst verschieben"); the reader of the translation
    loses exactly that part of the meaning.

    Example:
    "Er sagte, the situation is under control, und reiste ab." -> translate
    "the situation is under control"
    """
    lexicon = _lexicon(ctx.pack, doc.lang)
    if not lexicon.foreign:
        return
    masked = [m.span() for m in _MASK_RE.finditer(doc.text)]
    names = _repeated_capitalised(doc)
    quotations = [q for q in quoted_regions(doc) if _foreign_quotation(doc, q, lexicon)]
    skipped = Spans(quotations + masked)
    strong = _strong_words(doc, lexicon)
    for sentence in doc.sentences:
        if not any(t.text.lower() in strong for t in sentence.tokens):
            continue  # no word that leans clearly to another language
        here = skipped.meeting(sentence.start, sentence.end)
        for start, end in _fragments(doc, sentence, lexicon, here, names):
            words = len(re.findall(r"\w+", doc.text[start:end]))
            yield ctx.finding(
                start,
                end,
                f"{words} words in another language inside {doc.lang} text: "
                f"{doc.text[start:end]!r}",
            )


def _strong_words(doc: Document, lexicon: FragmentLexicon) -> frozenset[str]:
    """The document's words (lower-cased) that lean clearly to another language; a
    number belongs to no language ("2023")."""
    words = {t.text.lower() for t in doc.tokens if t.is_word and not t.text[:1].isdigit()}
    return frozenset(w for w in words if lean(w, doc.lang, lexicon.foreign) is Lean.STRONG)


def _foreign_quotation(doc: Document, span: tuple[int, int], lexicon: FragmentLexicon) -> bool:
    """A quotation in another language as a whole (a quoted English sentence, a title)
    is kept material; a quotation that mixes in target-language words is not: its
    foreign run is a fragment like any other."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", doc.text[span[0] : span[1]])
    local = sum(lean(w.lower(), doc.lang, lexicon.foreign) is Lean.LOCAL for w in words)
    return local < MIN_LOCAL_WORDS


def _repeated_capitalised(doc: Document) -> frozenset[str]:
    """Capitalised words the document writes more than once not at a sentence start."""
    counts: Counter[str] = Counter()
    for sentence in doc.sentences:
        for t in sentence.words[1:]:
            if t.text[:1].isupper():
                counts[t.text] += 1
    return frozenset(w for w, n in counts.items() if n >= 2)


def _fragments(
    doc: Document,
    sentence: Sentence,
    lexicon: FragmentLexicon,
    masked: list[tuple[int, int]],
    names: frozenset[str],
) -> Iterator[tuple[int, int]]:
    tokens = sentence.tokens
    leans: list[Lean | None] = []  # None: punctuation (ends a run)
    first_word = True
    for t in tokens:
        if not t.is_word or t.text[0].isdigit():
            leans.append(None if t.text not in _BREAK else Lean.NEUTRAL)
            continue
        leans.append(_token_lean(t, first_word, doc.lang, lexicon, masked, names))
        first_word = False
    _clear_loan_phrases(tokens, leans, lexicon)
    local_words = sum(lv is Lean.LOCAL for lv in leans)
    i = 0
    while i < len(tokens):
        if leans[i] not in (Lean.STRONG, Lean.WEAK):
            i += 1
            continue
        j = i
        last = i
        while j < len(tokens) and leans[j] is not None and leans[j] is not Lean.LOCAL:
            if leans[j] in (Lean.STRONG, Lean.WEAK):
                last = j
            j += 1
        # a strong function word of the other language opening words both languages
        # share: "sont venus by public transport" (public, transport are French too)
        if last == i and leans[i] is Lean.STRONG and _function_word(tokens[i].text, lexicon):
            k = i + 1
            while (
                k < len(tokens)
                and leans[k] is Lean.NEUTRAL
                and tokens[k].is_word
                and tokens[k].text[:1].islower()
                and max((zipf(tokens[k].text, f) for f in lexicon.foreign), default=0.0)
                >= SHARED_WORD
            ):
                k += 1
            if k - i >= SHARED_RUN:
                last = k - 1
        run = [k for k in range(i, last + 1) if tokens[k].is_word]
        foreign = [k for k in run if leans[k] in (Lean.STRONG, Lean.WEAK)]
        if last > i and len(foreign) == 1 and _function_word(tokens[i].text, lexicon):
            foreign = run  # the shared words read in the function word's language
        german = _german_run(tokens, foreign)
        if (
            len(foreign) >= MIN_FOREIGN_WORDS
            and any(leans[k] is Lean.STRONG for k in foreign)
            and local_words >= MIN_LOCAL_WORDS
            and not _title(tokens, run, leans, i, last, german)
            and not (not german and _name_opens(tokens, i, leans))
            and not _particle_name(tokens, run, _particles(doc.lang, lexicon))
            and not (german and _placed_name(tokens, run))
            and not _joined_name(tokens, run)
        ):
            yield tokens[i].start, tokens[last].end
        i = j


SHARED_WORD = 3.0  # Zipf in the other language of a word both languages share
SHARED_RUN = 3  # … the function word and at least two of them
FUNCTION_ZIPF = 5.5  # a word this frequent in the other language is one of its function words


def _function_word(word: str, lexicon: FragmentLexicon) -> bool:
    return max((zipf(word.lower(), f) for f in lexicon.foreign), default=0.0) >= FUNCTION_ZIPF


def _particle_name(tokens: tuple[Token, ...], run: list[int], particles: frozenset[str]) -> bool:
    """A person's name with its particles: "Kerstin von der Decken", "de Moulins-Beaufort",
    "von der" before "Mühll". The run's lower-case words are one group of short words
    opened by a name particle, every other word is capitalised, and a capitalised word
    ends the run or follows it; "Licht am Ende des Tunnels" has two groups and opens none
    with a particle."""
    words = [tokens[k].text for k in run]
    after = run[-1] + 1
    if after < len(tokens) and tokens[after].is_word and _capital(tokens[after].text):
        words.append(tokens[after].text)
    low = [n for n, w in enumerate(words) if not _capital(w)]
    if not low or not _capital(words[-1]):
        return False
    if low != list(range(low[0], low[-1] + 1)) or words[low[0]].lower() not in particles:
        return False
    return all(len(words[n]) <= PARTICLE_LETTERS for n in low)


PARTICLE_LETTERS = 3  # "von", "der", "de", "la": a name's particles are short words


@lru_cache(maxsize=32)
def _particles(lang: str, lexicon: FragmentLexicon) -> frozenset[str]:
    """Name particles of the text's language and of the languages its fragments come from."""
    out: set[str] = set()
    for code in (lang, *lexicon.foreign):
        out |= load_pack(code).lower_set("repetition", "name_particles")
    return frozenset(out)


def _placed_name(tokens: tuple[Token, ...], run: list[int]) -> bool:
    """A German name with its place: capitalised words joined by short words only, the
    last a place ("Staatsoper Unter den Linden in Berlin", "Straße der Nationen in
    Chemnitz"); "Licht am Ende des Tunnels" names no place."""
    words = [tokens[k].text for k in run]
    if len(words) < 3 or not _capital(words[0]) or not is_place(words[-1]):
        return False
    return all(_capital(w) or len(w) <= PARTICLE_LETTERS for w in words)


def _joined_name(tokens: tuple[Token, ...], run: list[int]) -> bool:
    """Capitalised words joined by one group of short lower-case words, one of them rare in
    every language here (Zipf under NAME_ZIPF): a place's or a building's name ("Bruck an der Mur",
    "Rothenburg ob der Tauber", "Horten Arena in Klagenfurt"); "Stand der Technik" and
    "Licht am Ende des Tunnels" are words."""
    lo, hi = run[0], run[-1]
    # with the capitalised words either side, which may lean no way ("Bruck")
    while lo > 0 and tokens[lo - 1].is_word and _capital(tokens[lo - 1].text):
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].is_word and _capital(tokens[hi + 1].text):
        hi += 1
    words = [tokens[k].text for k in range(lo, hi + 1)]
    if len(words) < 3 or not (_capital(words[0]) and _capital(words[-1])):
        return False
    low = [n for n, w in enumerate(words) if not _capital(w)]
    if not low or low != list(range(low[0], low[-1] + 1)):
        return False
    if any(len(words[n]) > PARTICLE_LETTERS for n in low):
        return False
    return any(
        max(zipf(w.lower(), code) for code in _NAME_LANGS) < NAME_ZIPF for w in words if _capital(w)
    )


_NAME_LANGS = ("de", "en", "fr")
NAME_ZIPF = 4.0  # a capitalised word rarer than this in every language here is a name


def _name_opens(tokens: tuple[Token, ...], i: int, leans: list[Lean | None]) -> bool:
    """The run opens mid-sentence on a capital, in a language that writes its nouns in
    lower case: a name in sentence case, as French writes its institutions, papers and
    works ("the Secours populaire", "the Autorité des marchés financiers", "Le Dauphiné
    libéré"), not a phrase; a run opening its sentence, or after a colon, a quotation mark
    or a bracket, is capitalised anyway."""
    if not _capital(tokens[i].text):
        return False
    before = tokens[:i]
    if not any(t.is_word for t in before):
        return False
    return before[-1].is_word or before[-1].text in _BREAK


def _german_run(tokens: tuple[Token, ...], foreign: list[int]) -> bool:
    """Whether a run's foreign words are German, which capitalises its nouns."""
    words = [tokens[k].text.lower() for k in foreign]
    return sum(zipf(w, "de") >= max(zipf(w, "en"), zipf(w, "fr")) for w in words) * 2 > len(words)


def _token_lean(
    t: Token,
    first_word: bool,
    lang: str,
    lexicon: FragmentLexicon,
    masked: list[tuple[int, int]],
    names: frozenset[str],
) -> Lean:
    if any(s <= t.start < e for s, e in masked):
        return Lean.NEUTRAL
    word = t.text
    if word.isupper() and len(word) > 1:
        return Lean.NEUTRAL  # an acronym
    if word[0].isupper() and not first_word and word in names:
        return Lean.NEUTRAL  # a name the document repeats
    return lean(word.lower(), lang, lexicon.foreign)


def _clear_loan_phrases(
    tokens: tuple[Token, ...], leans: list[Lean | None], lexicon: FragmentLexicon
) -> None:
    """Words of an established loan phrase ("de facto", "joie de vivre") are neutral."""
    lowered = [t.text.lower() for t in tokens]
    for i, word in enumerate(lowered):
        for phrase in lexicon.loan_index.get(word, ()):
            n = len(phrase)
            if tuple(lowered[i : i + n]) == phrase:
                for k in range(i, i + n):
                    if leans[k] is not None:
                        leans[k] = Lean.NEUTRAL


def _title(
    tokens: tuple[Token, ...],
    run: list[int],
    leans: list[Lean | None],
    i: int,
    last: int,
    nouns_capitalised: bool,
) -> bool:
    """Title case: a name or a work ("Lord of the Rings", "Human Rights Watch"). The run
    (or a capitalised foreign word just before it) starts capitalised and every word of
    four letters or more is capitalised. In a language that capitalises its nouns
    (German), every word must be: "im Laufe des Jahres" is a phrase."""
    first = i
    if i > 0 and leans[i - 1] not in (None, Lean.LOCAL) and _capital(tokens[i - 1].text):
        first = i - 1
    if not _capital(tokens[first].text):
        return False
    content = [tokens[k].text for k in run if len(tokens[k].text) >= 4 or nouns_capitalised]
    if last + 1 < len(tokens) and leans[last + 1] not in (None, Lean.LOCAL):
        if _capital(tokens[last + 1].text):
            content.append(tokens[last + 1].text)
    return bool(content) and all(_capital(w) for w in content)


def _capital(word: str) -> bool:
    """Capitalised, also after an elided particle: "d'Oklahoma", "l'Elysée"."""
    return word[2:3].isupper() if word[1:2] in ("'", "’") else word[:1].isupper()
