"""Names of the source and what became of them in the target (NM005).

Names are read from the source without a trained model: runs of capitalised
words, minus words common in the source language (``wordfreq``: "Defense
Secretary", "Monday") unless the names data knows them, and minus a common word
at a sentence start. Each remaining word must reach the aligned target window
(``tqcheck.glossary.windows``) unchanged, declined, regularly respelled
("Kazakhstan" / "Kasachstan"), or in one of the target forms the names data
gives ("Zelensky" / "Selenskyj"). A word that does not, while a rare near miss
of it stands in the window ("Kahl" / "Kall"), is corruption.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from rapidfuzz.distance import Indel

from tqcheck.glossary.normalize import Word, words
from tqcheck.names.countries import (
    by_full_name,
    by_name,
    calendar_words,
    countries,
    name_forms,
    named,
    shares_stem,
)
from tqcheck.names.given import given_names
from tqcheck.names.places import TOWN, city_forms, is_city, is_city_name, population, regions
from tqcheck.names.similarity import edits, jaro_winkler, same_initial, skeleton
from tqcheck.names.text import (
    Part,
    compound_of_words,
    declined,
    derivation_stems,
    determiners,
    fold,
    lang_list,
    lang_set,
    lang_tuple,
    language_data,
    parts,
    word_before,
    zipf,
)
from tqcheck.text.langpack import load_pack
from tqcheck.text.spell import known
from tqcheck.text.spell import known as spell_known

if TYPE_CHECKING:
    from tqcheck.glossary.matcher import Match
    from tqcheck.glossary.model import Concept
    from tqcheck.glossary.windows import Window
    from tqcheck.model import Document
    from tqcheck.names.data import NamesData, NameWord

RARE = 3.0
WORD_FIRST = 0.5  # Zipf by which a declined match's word outruns the name: a word
INTERNATIONAL = 1.0  # Zipf difference between two languages within which a word travels
NAME_MAX = 5.0  # names are rarer than this (Paris, London sit just under it)
TRAVELS = 2.0  # Zipf in the other language from which a German capitalised word may be a name
# letters from which a capitalised word about as frequent in both languages is taken for a
# name where nouns are capitalised: shorter ones are as often nouns ("Aas", "Akt", "Tee")
TRAVELLING_LETTERS = 4
UNKNOWN = 2.0  # Zipf under which a word is known in neither language: a name ("Rebull")
UNKNOWN_LETTERS = 10  # longer unknown German words are compounds ("Aufstehzeiten")
UNDEFINED_LETTERS = 12  # a word no dictionary holds and this short is a name ("Lörrach")
SHORT_PART = 3.0  # … unless it splits into two words at least this frequent ("Eis|berge")
CITY_STEM = 4  # letters of a city's name its adjective keeps at least ("nant-aise") …
CITY_SHARE = 0.6  # … and this share of the name
COMPOUND_NAME = 4  # letters of a name a source compound opens on, at least ("Rhein|tal")
EVERYDAY_PLACE = 5.2  # Zipf of "Essen": a German city this frequent is a word first
ABBREVIATED_REACH = 80  # characters before a bracketed acronym searched for its name
ACRONYM_MAX = 6  # letters: longer all-capital words are shouting, not initialisms
ACRONYM_USED = 2.5  # Zipf from which a language writes an acronym ("NBA" fr 3.9, "USI" en 2.2)
ACRONYM_SHARED = 0.5  # share of letters from which two acronyms are one name translated
ACRONYM_TRAVELS = 3.0  # … and from which a missing one was dropped, not written out
ACRONYM_KNOWN = 2.0  # … or from which, with no name written out in its place either
NAMED_STEM = 4  # letters of the name before a place name's generic ending ("Peene|tal")
COUNTRY_WORD = 5  # letters of a word of a country's name an adjective is read on
EVERYDAY_FORM = 6.0  # Zipf from which a name's word is a function word of the language ("den")
FUNCTION_WORD = 5.5  # Zipf from which a lower-case word is a function word ("the", "of")
INTERNATIONAL_LETTERS = 4  # an acronym this long, as frequent in both languages, is a name
ACRONYM_WORD = 5.0  # an acronym this frequent is a word too ("US", "OR", "TV", "DU")
# … of three letters or more, only this frequent: "WHO", "DIE", "LES" are words (6 and
# more); a party or agency is written often, but less ("CDU" 5.2 in German, "SPD" 5.3)
ACRONYM_WORD_LONG = 5.8
INITIAL_NAME = 2.5  # a sentence's first word this rare is a name ("Gerdes announced …")
TITLE_CASE = 0.7  # share of capitalised longer words from which a sentence is a heading
NOUN_CAPITALISING = frozenset({"de", "lb"})


@dataclass(frozen=True)
class Altered:
    """A source name word missing from its target window, and its near miss there."""

    source: Part
    target: Part
    concept: Concept | None
    suggestion: str


def altered_names(doc: Document, data: NamesData | None, profile: str | None) -> list[Altered]:
    """Source name words whose target window holds a near miss instead of the name,
    on evidence: the name is one the names data knows, another word of the same
    source name stands right beside the near miss ("Colin Kall" for "Colin Kahl"),
    or the target spells the name right elsewhere."""
    assert doc.source is not None
    from tqcheck.glossary.windows import window

    src = doc.source
    known = _source_concepts(src, data)
    runs = _source_names(src, known)
    targets = [p for p in parts(doc) if len(p.text) >= 3]
    target_starts = [t.start for t in targets]
    accepted_anywhere = {fold(p.text) for run in runs for p, _check in run}
    out: list[Altered] = []
    seen: set[int] = set()
    written: frozenset[str] | None = None
    for run in runs:
        for name, check in run:
            if not check:
                continue
            concept = known.get(name.start)
            # … and a city's other names: "Brugge" is Bruges
            forms = _acceptable(name.text, src.lang, doc.lang, concept) | city_forms(name.text)
            win = window(doc, name.start)
            if win is None:
                continue
            here = _between(targets, target_starts, win.start, win.end)
            if any(_reads_as(t.text, forms, doc.lang) for t in here):
                continue
            near = [
                t
                for t in here
                if t.start not in seen
                and fold(t.text) not in accepted_anywhere
                and _near_miss(t, forms, doc.lang, data)
            ]
            if concept is None and near:
                # the target spells the name right elsewhere: asked only when a near miss
                # stands here, over the target's distinct words (a bilingual file is one
                # document: every word against every name was quadratic)
                if written is None:
                    written = _readings({t.text for t in targets}, doc.lang)
                elsewhere = not written.isdisjoint(forms)
                siblings = [o for o, _c in run if o is not name]
                near = [
                    t
                    for t in near
                    if elsewhere or _beside(t, siblings, targets, target_starts, doc.lang)
                ]
            if not near:
                continue
            best = max(near, key=lambda t: max(jaro_winkler(t.text, f) for f in forms))
            seen.add(best.start)
            suggestion = _suggest(best.text, name.text, concept, doc.lang, profile)
            out.append(Altered(name, best, concept, suggestion))
    return out


def _readings(words_: set[str], lang: str) -> frozenset[str]:
    """Every folded form the target's words read as (``_reads_as``), built once per
    document, so asking whether the target writes a name anywhere is one set lookup, not
    a pass over all its words."""
    return frozenset().union(*(_word_readings(w, lang) for w in words_))


def _beside(
    t: Part, siblings: list[Part], targets: list[Part], starts: list[int], lang: str
) -> bool:
    """A target word joined to ``t`` reads as another word of the same source name
    (``starts``: the targets' offsets, to find ``t`` by bisection: a bilingual file is
    one document, and a list search per near miss was quadratic)."""
    i = bisect.bisect_left(starts, t.start)
    around = []
    if i > 0 and t.joined and targets[i - 1].sentence == t.sentence:
        around.append(targets[i - 1])
    if i + 1 < len(targets) and targets[i + 1].joined and targets[i + 1].sentence == t.sentence:
        around.append(targets[i + 1])
    return any(fold(a.text) == fold(s.text) for a in around for s in siblings)


def _source_concepts(src: Document, data: NamesData | None) -> dict[int, Concept]:
    """Source word start -> the concept of the names data it belongs to."""
    if data is None:
        return {}
    out: dict[int, Concept] = {}
    for m in data.find_text(src.text, src.lang):
        # not as a compound's head: "Stellbrink" is no mention of a "Brink"
        if m.term.approved and not m.nested and not m.compound and not _word_first(m, src.lang):
            for w in words(m.text, m.start):
                out[w.start] = m.concept
    return out


def _word_first(m: Match, lang: str) -> bool:
    """A one-word match in another form than the name's ("Marine" for "Marin") that the
    language writes more often than the name itself: its own word, not the name declined."""
    if " " in m.text.strip() or fold(m.text) == fold(m.term.text):
        return False
    here = zipf(m.text.lower(), lang)
    return here >= RARE and here - zipf(m.term.text.lower(), lang) >= WORD_FIRST


_POSSESSIVE_RE = re.compile(r"['’]s$")


def _place_adjective_word(word: str, lang: str) -> bool:
    """A capitalised adjective made on a country, region or city: "Badische" (Baden),
    "Niedersächsischen" (Niedersachsen), "Westdeutsche", "Bayerischer"."""
    low = fold(word)
    stem = re.sub(r"(?:e|en|er|es|em)$", "", low)
    if stem == low or len(stem) < 4:
        return False
    if any(named([low[k:]], lang) for k in range(0, len(low) - 5)):
        return True  # "Deutsche", "Westdeutsche"
    if not stem.endswith("isch"):
        return False
    base = stem[: -len("isch")]
    return len(base) >= 3 and any(
        place.startswith(base) and len(base) >= 0.6 * len(place)
        for place in _places_by_opening(base[:3])
    )


@lru_cache(maxsize=64)
def _places_by_opening(opening: str) -> tuple[str, ...]:
    """The regions (folded) beginning with ``opening``."""
    return tuple(r for r in regions() if r.startswith(opening))


def _compound_on_acronym(source: str, start: int, window_text: str) -> bool:
    """The source name at ``start`` follows an acronym ("HM Coastguard") that opens a
    hyphenated compound of the target window ("HM-Küstenwache")."""
    m = re.search(r"(?<![\w-])([A-Z]{2,})\s+$", source[max(0, start - 12) : start])
    if m is None:
        return False
    return re.search(rf"(?<![\w-]){m.group(1)}-\w", window_text) is not None


def _region(word: str, lang: str) -> bool:
    """A region the places data knows, declined too: "Sachsen", "Brandenburgs",
    "Saxony's"."""
    return any(_bare_fold(b) in regions() for b, _e in declined(word, lang))


def _bare_fold(word: str) -> str:
    """The folded word without an English possessive: "Saxony's" -> "saxony"."""
    return fold(_POSSESSIVE_RE.sub("", word))


def _source_names(
    src: Document, known: dict[int, Concept], other: str | None = None
) -> list[list[tuple[Part, bool]]]:
    """Runs of joined capitalised words of the source ("Christian Lindner"), each word
    with whether it is a name to check (not a common word of the source language).
    Given the target language ``other``, a frequent word that travels (about as frequent
    there) is a name where the context says so: after an honorific ("Mrs. Clinton") or
    in a run whose every word is a name or travels ("Robin Williams"); alone it is as
    often a word the target language shares ("Phase", "Minister")."""
    level = float(language_data().get("source_common", {}).get(src.lang.split("-")[0], 4.0))
    honorifics = _honorifics(src.lang)
    exonyms = _exonyms(src.lang, other) if other is not None else {}
    runs: list[list[tuple[Part, bool]]] = []
    travelling: set[int] = set()
    previous: Part | None = None
    # a country is a name however frequent ("France", "Japan"): CLDR gives its name in
    # every language, so it is checked at a sentence start too
    country_names = {n for n, code in by_name(src.lang).items() if code.isalpha()}
    persons = _persons(src)
    for p in parts(src):
        if p.start in persons and not p.hyphen and persons[p.start]:
            previous = None  # a person's name starts a run of its own: "Glee Star | Matthew"
        frequency = max(zipf(b.lower(), src.lang) for b, _e in declined(p.text, src.lang))
        country = (
            fold(p.text) in country_names
            or fold(p.text) in regions()  # "Niedersachsen", however it reads as a compound
            or _city(p, src)
            or _german_place(p, src)
            or _capitalised_place(p, src)
            or bool(_place_adjective(p, src))
        )
        if (
            p.start not in known
            and p.start not in persons
            and p.initial
            and frequency >= RARE
            and not country
        ):
            previous = None
            continue  # "The", "Yesterday": capitalised for the sentence start
        # a common word is a word of the language's dictionary ("Defense", "Monday"), not a
        # name its news writes often ("Savoie", "Bretagne")
        common = frequency >= level
        if common and other is not None and not p.initial:
            if fold(p.text) in exonyms:
                common = False  # "Brazil" / "Brasilien": the names data says it is a name
            elif _travels(p.text, frequency, other):
                travelling.add(p.start)
        # a piece of a hyphenated word is checked only in a double name whose pieces
        # are all capitalised ("Fraser-Pryce"), where the language does not capitalise
        # its nouns anyway ("Selenskyj-Regierung")
        double_name = p.all_capitals and src.lang.split("-")[0] not in NOUN_CAPITALISING
        # … and a name made a modifier where nouns are lower case ("the Ditzingen-based
        # maker"; "Selenskyj-treu" is a German compound)
        double_name |= p.modifier_head and src.lang.split("-")[0] not in NOUN_CAPITALISING
        # … and a name after an Arabic article or particle: "al-Sharaa", "el-Sisi"
        double_name |= p.hyphen and bool(
            _ARABIC_ARTICLE.search(src.text[max(0, p.start - 4) : p.start])
        )
        # right after "Frau", "Professor": a name, even one that reads as a compound
        # ("Professorin Wendtland")
        titled = (
            word_before(src.text, p.start).lower() in honorifics
            and p.text.lower() not in honorifics
            and len(p.text) >= 3
        )
        # a unit after its quantity, not a year: "115 Fahrenheit" ("43 °C"), "95 Franken"
        # (francs, not Franconia); "the 2016 Summer Olympics" is a name
        unit = _after_quantity(src.text, p.start, src.lang) and p.start not in persons
        check = not unit and (
            p.start in known
            or p.start in persons
            or country
            or titled
            or not (
                len(p.text) < 3
                or (p.hyphen and not double_name)
                or common
                or compound_of_words(p.text, src.lang)
            )
        )
        if (
            previous is not None
            and (p.joined or (p.hyphen and p.start in persons))
            and p.sentence == previous.sentence
            # a possessive ends its name: "Poland's | Hubert Hurkacz"
            and not _POSSESSIVE_RE.search(previous.text)
        ):
            runs[-1].append((p, check))
        else:
            if (
                previous is not None
                and p.joined
                and len(runs[-1]) == 1
                and _POSSESSIVE_RE.search(previous.text)
            ):
                # a place's possessive before a name is rendered as often by an
                # adjective ("Poland's Hubert Hurkacz" / "der Pole Hubert Hurkacz"): the
                # name is checked on its own, the possessive not at all
                runs[-1] = [(previous, False)]
            runs.append([(p, check)])
        previous = p
    if not travelling:
        return runs
    out = []
    for run in runs:
        titled = word_before(src.text, run[0][0].start).lower() in honorifics
        named = len(run) > 1 and all(c or p.start in travelling for p, c in run)
        out.append([(p, c or (p.start in travelling and (titled or named))) for p, c in run])
    return out


_PERSONS: weakref.WeakKeyDictionary[Document, dict[int, bool]] = weakref.WeakKeyDictionary()


def _persons(src: Document) -> dict[int, bool]:
    """Where the language capitalises its nouns: the words of a person's name, by start,
    each with whether a name starts there. A given name (``tqcheck.names.given``), not
    after an article, followed by a capitalised word in its sentence starts one; the word
    after it and the pieces of its hyphenated surname belong to it ("Kerri
    Walsh-Jennings"). A given name right after another is a second given name ("Anna
    Maria Schulz"), not a second person."""
    if src in _PERSONS:
        return _PERSONS[src]  # asked by each reading of the source's names
    out: dict[int, bool] = {}
    _PERSONS[src] = out
    if src.lang.split("-")[0] not in NOUN_CAPITALISING:
        return out
    given = given_names()
    every = parts(src)
    for k, p in enumerate(every[:-1]):
        # a double given name is one: "Jens-Uwe", "Marie-Claire" (each piece a given name)
        last = k
        while (
            last + 1 < len(every)
            and every[last + 1].hyphen
            and src.text[every[last].end : every[last + 1].start] == "-"
        ):
            last += 1
        if p.hyphen and (
            last == k
            or (k and every[k - 1].hyphen and src.text[every[k - 1].end : p.start] == "-")
            or not all(q.text in given for q in every[k : last + 1])
        ):
            continue
        if last + 1 >= len(every):
            break
        after = every[last + 1]
        if (
            p.text not in given
            or p.after_det
            or len(p.text) < 3
            or not after.joined
            or after.sentence != p.sentence
        ):
            continue
        out.setdefault(p.start, not (k and every[k - 1].start in out and every[k - 1].joined))
        for q in every[k + 1 : last + 2]:
            out.setdefault(q.start, False)
        for piece in every[last + 2 :]:
            if not (piece.hyphen and not piece.joined and piece.sentence == p.sentence):
                break
            out.setdefault(piece.start, False)
    return out


@lru_cache(maxsize=16)
def _honorifics(lang: str) -> frozenset[str]:
    words = language_data().get("honorifics", {}).get(lang.split("-")[0], [])
    return frozenset(w.lower() for w in words)


def _travels(word: str, frequency: float, other: str) -> bool:
    """About as frequent in the target language: a name, not a word that gets translated."""
    return frequency < NAME_MAX and abs(frequency - zipf(word.lower(), other)) < INTERNATIONAL


def _acceptable(name: str, src_lang: str, lang: str, concept: Concept | None) -> set[str]:
    forms = {fold(b) for b, _e in declined(name, src_lang)}
    forms |= {respell(f, f"{src_lang}-{lang}") for f in list(forms)}
    if concept is not None:
        for term in concept.approved(lang):
            parts = [fold(w.text) for w in words(term.text)]
            # a name of several words arrives whole, or by its own words: "Den Haag" is
            # not in every German "den"
            # (nor by a letter: "U.K." would arrive by any "in" read as a feminine
            # ending; nor by a word several countries' names share: "United" is the
            # United States' too)
            forms |= {
                w
                for w in parts
                if len(parts) == 1
                or (zipf(w, lang) < EVERYDAY_FORM and len(w) > 1 and len(named([w], lang)) < 2)
            }
            if len(parts) > 1:
                forms.add(" ".join(parts))
    return forms


def _reads_as(word: str, forms: set[str] | frozenset[str], lang: str) -> bool:
    """Written as one of ``forms`` (folded), declined or derived ("Whistleblowerin")."""
    return not forms.isdisjoint(_word_readings(word, lang))


@lru_cache(maxsize=50_000)
def _word_readings(word: str, lang: str) -> frozenset[str]:
    """The folded forms a word reads as: its declined bases and the names it may be
    derived from."""
    return frozenset(fold(b) for b, _e in declined(word, lang)) | derivation_stems(word)


def _compound_ends_on(word: str, forms: set[str], lang: str) -> bool:
    """``word`` is a compound whose last part is one of ``forms`` (folded), of
    COMPOUND_NAME letters or more, after a first part of three letters or more."""
    return any(
        base.endswith(f) and len(f) >= COMPOUND_NAME and len(base) - len(f) >= 3
        for base in _word_readings(word, lang)
        for f in forms
    )


def _near_miss(
    t: Part, forms: set[str], lang: str, data: NamesData | None, after_det: bool = False
) -> bool:
    """``t`` is a rare near miss of one of ``forms``: not after a determiner, unless
    ``after_det`` (a name arriving: "les Étrusques" / "the Etruscans")."""
    if (
        (t.after_det and not after_det)
        or zipf(t.text.lower(), lang) >= RARE
        or compound_of_words(t.text, lang)
    ):
        return False
    if data is not None and fold(t.text) in data.index(lang).approved:
        return False  # another known name
    for form in forms:
        if not same_initial(t.text, form) or abs(len(t.text) - len(form)) > 2:
            continue
        n = edits(t.text, form)
        if (
            jaro_winkler(t.text, form) >= 0.82
            and n <= max(1, len(form) // 3)
            and (n == 1 or _same_sounds(t.text, form))
        ):
            return True
    return False


def _suggest(
    written: str, name: str, concept: Concept | None, lang: str, profile: str | None
) -> str:
    """The target-language form of the name word (from the data), else the source's."""
    if concept is not None:
        from tqcheck.names.data import canonical

        term = canonical(concept, lang, profile)
        if term is not None:
            return max((w.text for w in words(term.text)), key=lambda w: jaro_winkler(w, written))
    return name


@lru_cache(maxsize=16)
def _respeller(pair: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    rules = language_data().get("respelling", {}).get(pair, [])
    if not rules:
        return None
    pattern = re.compile("|".join(f"({p})" for p, _r in rules))
    return pattern, tuple(r for _p, r in rules)


@lru_cache(maxsize=50_000)
def respell(word: str, pair: str) -> str:
    """A folded source word in the target language's regular spelling of names, in one
    left-to-right pass: "kazakhstan" -> "kasachstan" (en-de)."""
    found = _respeller(pair)
    if found is None:
        return word
    pattern, replacements = found
    return pattern.sub(lambda m: replacements[(m.lastindex or 1) - 1], word)


@dataclass(frozen=True)
class Missing:
    """A source name none of whose words reaches the target window."""

    name: str  # the source name as written ("Angela Merkel")
    concept: Concept | None
    window: tuple[int, int]  # the target sentence(s) where it belongs
    replacement: tuple[int, int, str] | None  # the name standing in its place, if any


def missing_names(doc: Document, data: NamesData | None, profile: str | None) -> list[Missing]:
    """Source names that do not arrive: no word of the name (declined, respelled, in a
    target form of the names data, or an exonym) stands in the target window, nor one
    sentence either side, nor a near miss of it (that is NM005's). A capitalised rare
    word of the window that no source word accounts for is the name that replaced it."""
    assert doc.source is not None
    from tqcheck.glossary.windows import window

    src = doc.source
    known = _source_concepts(src, data)
    nouns = src.lang.split("-")[0] in NOUN_CAPITALISING
    # weak evidence (a word only rare, or only frequent in both languages) is reported
    # only as "replaced", when a rare name stands where the source name belongs
    weak: set[int] = set()
    with_article: set[int] = set()  # … and of these, words after an article
    # … and words only no dictionary holds ("Lörrach"): replaced by a one-word name only
    # ("Urknall" / "Big Bang" is a translation)
    undefined: set[int] = set()

    source_countries = by_name(src.lang)
    source_honorifics = _honorifics(src.lang)
    source_determiners = determiners(src.lang)

    persons = _persons(src)
    given = given_names()

    def strong(p: Part, in_run: bool) -> bool:
        return (
            p.start in known
            or p.start in persons  # "Kerri Walsh-Jennings": a given name and its surname
            # after "Frau", "Professor": a name, however it reads ("IW-Professor Voigtländer")
            or (nouns and word_before(src.text, p.start).lower() in source_honorifics)
            or fold(p.text) in source_countries
            or _region(p.text, src.lang)  # "Sachsen", "Bretagne", "Tyrol"
            or _city(p, src)
            or _german_place(p, src)
            or _capitalised_place(p, src)
            or bool(_place_adjective(p, src))
            or (not nouns and _bare_place(p, src))
            or (
                not _acronym(p.text)
                and (
                    not (nouns and _after_adjective(src.text, p.start))
                    # a short word only beside another name word: "Aly Raisman"
                    and (
                        _source_name_like(p, src.lang, doc.lang, nouns, short_ok=in_run)
                        # where nouns are lower case, a rare word after a determiner
                        # too: "the Aude", "the Perseus galaxy cluster"
                        or (
                            not nouns
                            and p.after_det
                            and _rare_word(p, src.lang)
                            # not the head of a list of capitalised words: "the
                            # Findable, Accessible, … principles"
                            and not re.match(r"\s*,\s*[^\W\d_]", src.text[p.end :])
                        )
                    )
                )
            )
        )

    def unknown(p: Part) -> bool:  # "sagte Rebull": known in neither language
        if not nouns and _not_a_word(p, src.lang):
            return True  # "Bretagne", "Hermès": no word of French
        if nouns and _unknown(p, src.lang, doc.lang):
            if not _speaker(p, src):
                weak.add(p.start)
            return True
        if nouns and _undefined(p, src.lang):
            if not _speaker(p, src):
                weak.add(p.start)
            undefined.add(p.start)
            return True
        if nouns and not p.after_det and population(p.text) >= TOWN:
            # a city however frequent in the language's news ("Weimar"): a name when
            # another name stands in its place ("Jena")
            weak.add(p.start)
            return True
        if nouns and p.after_det and _travelling_noun(p, src.lang, doc.lang):
            # after an article a German word is a noun, or a name used as one ("in einem
            # Jeep", "mit den Yankees"): reported only with a name after an article in
            # its place in the target ("in a Volkswagen")
            weak.add(p.start)
            with_article.add(p.start)
            return True
        return False

    runs = [
        [(p, check and (strong(p, len(run) > 1) or unknown(p))) for p, check in run]
        for run in _source_names(src, known, doc.lang)
    ]
    # a lone word at a sentence start is capitalised anyway: a name only if the data says
    # so or the source writes it capitalised mid-sentence too, and never in lower case
    inside = {p.text for p in parts(src) if not p.initial}
    lowered = {w.lower() for w in re.findall(r"\b[^\W\d_A-Z][\w'’-]*", src.text)}
    runs = [piece for run in runs for piece in _city_pieces(_city_run(run), src)]
    city_words = {run[k][0].start for run in runs for k in _city_indices(run)}
    # a heading in title case capitalises its common words ("Extended Virology Sampling")
    headings = _title_case(src)
    runs = [
        [(p, c and (p.sentence not in headings or p.start in known)) for p, c in run]
        for run in runs
    ]
    # a country named in several words ("Czech Republic", "United Kingdom"): CLDR gives
    # its names in the target language, so it is checked like a one-word country
    full_country_names = by_full_name(src.lang)
    countries_here = {
        p.start: full_country_names[" ".join(fold(q.text) for q, _c in run)]
        for run in runs
        if len(run) > 1 and " ".join(fold(q.text) for q, _c in run) in full_country_names
        for p, _c in run
    }
    runs = [[(p, c or p.start in countries_here) for p, c in run] for run in runs]
    # a name made of the language's own common words ("Homeland Security", "Assemblée
    # nationale") is translated, not carried over: weak evidence, like a rare word
    if not nouns:
        weak |= {
            p.start
            for run in runs
            if all(_own_word(q.text, src.lang, doc.lang) for q, _c in run)
            for p, _c in run
            if p.start not in known
            and p.start not in countries_here
            and not _bare_place(p, src)  # "in Somerset"
            and not _capitalised_place(p, src)  # "le tram de Liège"
        }
    # a name of two capitalised words or more, inside its sentence, of everyday words
    # ("National Basketball Association"): translated or kept, so gone is no evidence;
    # another such name in its place is ("la Harvard Kennedy School")
    multi: set[int] = set()
    if not nouns:
        for run in runs:
            if len(run) > 1 and not run[0][0].initial and not any(c for _p, c in run):
                multi |= {q.start for q, _c in run}
        runs = [
            [(q, c or q.start in multi) for q, c in run] if run[0][0].start in multi else run
            for run in runs
        ]
        weak |= multi
    else:
        # where nouns are capitalised, an adjective is capitalised only in a name, and a
        # place's adjective opens one: "die Badische Zeitung", "der Westdeutsche
        # Rundfunk" (not "das Schwarze Loch"); checked like a name of everyday words
        for run in runs:
            if (
                len(run) > 1
                and not run[0][0].initial
                and not any(c for _p, c in run)
                and _place_adjective_word(run[0][0].text, src.lang)
            ):
                multi |= {q.start for q, _c in run}
        runs = [
            [(q, c or q.start in multi) for q, c in run] if run[0][0].start in multi else run
            for run in runs
        ]
        weak |= multi
    runs = [
        run
        for run in runs
        if any(check for _p, check in run)
        and not (
            len(run) == 1
            and run[0][0].initial
            and run[0][0].start not in known
            and not source_countries.get(fold(run[0][0].text), "").isalpha()
            and not _city(run[0][0], src)
            and not _region(run[0][0].text, src.lang)  # "Brandenburgs Innenminister"
            and (
                (run[0][0].text not in inside and not _rare_initial(run[0][0], weak, src.lang))
                or run[0][0].text.lower() in lowered
            )
        )
    ]
    # famous names are frequent words ("Clinton", "Japan", "Yankees"): a capitalised word
    # about as frequent in both languages is checked too, but only reported as replaced,
    # with another name standing where it belongs
    checked = {p.start for run in runs for p, c in run if c}
    famous = [
        [(run[0][0], True)]
        for run in _source_names(src, known, doc.lang)
        if len(run) == 1
        and not nouns
        and run[0][0].start not in checked
        and _famous(run[0][0], src.text, src.lang, doc.lang)
        # a country's adjective arrives as the target's own ("German" / "deutsch"): CLDR's
        and not named([fold(run[0][0].text)], src.lang)
    ]
    # … and a sentence's first word that is such a name ("Snapchat is not the only
    # company"), unless the source also writes it in lower case: only ever "replaced",
    # by a famous name opening the target sentence ("Bitcoin ist nicht …")
    every = parts(src)
    opening = [
        [(p, True)]
        for k, p in enumerate(every)
        if p.initial
        and not nouns
        and p.start not in checked
        and p.start not in known
        and p.text.lower() not in lowered
        and not (k + 1 < len(every) and every[k + 1].joined and every[k + 1].sentence == p.sentence)
        and _famous(p, src.text, src.lang, doc.lang, initial=True)
    ]
    # (many words travel between English and French: "Mention your symptoms" /
    # "Indiquez vos symptômes"; the stand-in must travel too, being rare is not enough)
    openers = {run[0][0].start for run in opening}
    famed = openers | {run[0][0].start for run in famous}
    runs += famous + opening
    # a country is strong evidence: CLDR gives its name and adjective in the target
    # language ("Portugal" / "portugiesische"), so its absence is no paraphrase
    weak |= {
        run[0][0].start
        for run in famous + opening
        if run[0][0].start in openers or fold(run[0][0].text) not in source_countries
    }
    targets = [p for p in parts(doc) if len(p.text) >= 2]
    target_starts = [t.start for t in targets]
    # every capitalised word of the source, sentence starts too ("Regine Kunde vom …"):
    # a target word written as one of them is accounted for, no stand-in
    source_forms = {
        f for p in parts(src) for f in _acceptable(p.text, src.lang, doc.lang, known.get(p.start))
    } | {f for p in parts(src) for f in city_forms(p.text)}  # "München" for "Munich"
    exonyms = _exonyms(src.lang, doc.lang)
    adjective_endings = lang_tuple("adjective_endings", doc.lang)
    source_adjective_endings = lang_tuple("adjective_endings", src.lang)
    # … and the exonyms of the source's names: "Rhineland" for "Rheinland-Pfalz"
    source_forms |= {f for p in parts(src) for f in exonyms.get(_bare_fold(p.text), ())}
    # … and the words of those of several words: "Saxony" of "Lower Saxony" for
    # "Niedersachsen" is no stand-in
    source_forms |= {
        w for f in list(source_forms) if " " in f for w in f.split() if len(w) >= COUNTRY_WORD
    }
    target_honorifics = _honorifics(doc.lang)
    # a country of the target that no source word names, nor its adjective, stands in
    # for one that is gone ("Schweiz" for "Ukraine"; "Chine" after "Chinese" does not)
    sentence_starts = [s.start for s in src.sentences]
    source_words = [
        (w.start, max(bisect.bisect_right(sentence_starts, w.start) - 1, 0), fold(w.text))
        for w in words(src.text)
    ]  # (offset, sentence, folded word)
    accounted = named([w for _s, _n, w in source_words], src.lang)
    source_by_sentence: dict[int, list[tuple[int, str]]] = {}
    for start, n, w in source_words:
        source_by_sentence.setdefault(n, []).append((start, w))
    # a target word the source holds in any case is no stand-in ("Coronavirus" for the
    # source's "coronavirus")
    source_folded = {w for _s, _n, w in source_words}
    # where nouns are capitalised, a name opening a source compound, by its other names
    # ("Rheintal": the Rhine)
    compound_held: set[str] = set()
    if nouns:
        compound_openers = _exonym_openers(src.lang, doc.lang)
        for w in source_folded:
            for opener, other_names in compound_openers.get(w[:COMPOUND_NAME], ()):
                if w != opener and w.startswith(opener):
                    compound_held |= other_names
    target_countries = by_name(doc.lang)
    stand_in_countries = {
        name
        for name, code in target_countries.items()
        if code.isalpha() and code not in accounted  # a country, not a region ("Asie")
    } - source_forms
    target_table = countries(doc.lang)
    city_starts = _city_run_starts(targets, source_forms)
    language_names = _language_names(doc.lang)

    # the source's cities by all their names: their adjectives are no stand-ins either
    # ("Munich" / "Münchner Start-up")
    source_cities = {f for p in parts(src) if is_city(p.text, src.lang) for f in city_forms(p.text)}
    # … and every place of the source the places data knows, however small: a near miss
    # of one that is a place of its own is that other place ("Weinheim" for "Weilheim")
    source_places = {fold(p.text) for p in parts(src) if population(p.text) > 0}

    capitalising = doc.lang.split("-")[0] in NOUN_CAPITALISING  # "Deutsche Bahn": a noun's

    # the source's forms and words indexed for the questions asked of every target word
    # (a bilingual file is one document: a pass over all its source words per target
    # word was quadratic)
    forms_index = _FormIndex(source_forms)
    folded_by_stem: dict[str, set[str]] = {}
    for w in source_folded:
        folded_by_stem.setdefault(w[:CITY_STEM], set()).add(w)
    held: dict[str, bool] = {}

    def held_by_source(t: Part) -> bool:  # in any case or form: no stand-in
        if t.text not in held:
            held[t.text] = _held_by_source(t)
        return held[t.text]

    def _held_by_source(t: Part) -> bool:
        return (
            fold(t.text) in source_folded
            or _reads_as(t.text, source_forms, doc.lang)
            # a source name respelled or misspelled ("Kovalenko" / "Kowalenko"): that
            # name, not another one (a near miss is NM005's)
            or (forms_index.close(t.text) and not _other_city(t.text, source_forms, source_places))
            or (
                fold(t.text).endswith(adjective_endings)
                and any(shares_stem(fold(t.text), f) for f in source_cities)
            )
            # a country's adjective whose country the source names too ("Senegalese" for
            # "sénégalaise")
            or (not capitalising and bool(named([fold(t.text)], doc.lang) & accounted))
            # a city whose adjective the source writes ("la start-up lyonnaise" / "Lyon"),
            # in any of its names ("Münchner Start-up" / "Munich start-up")
            or (
                population(t.text) > 0
                and any(
                    _city_adjective(w, f)
                    for f in city_forms(t.text) | {fold(t.text)}
                    for w in folded_by_stem.get(f[:CITY_STEM], ())
                )
            )
            # a name the source holds as a compound's first part ("Rheintal" / "Rhine
            # Valley")
            or fold(t.text) in compound_held
        )

    def famous_here(t: Part, run: list[tuple[Part, bool]]) -> bool:
        # German word order moves a name to the front: "Clinton wants" / "Tusk dagegen will"
        moved = doc.lang.split("-")[0] in NOUN_CAPITALISING
        return _famous(t, doc.text, doc.lang, src.lang, initial=run[0][0].initial or moved)

    def arrives(
        p: Part, plain: list[str], here: list[Part], learned: list[str], window_text: str
    ) -> bool:
        """The source name word ``p`` stands in the window (its words ``plain``, its
        capitalised parts ``here``, its folded words ``learned``) in some form."""
        forms = _acceptable(p.text, src.lang, doc.lang, known.get(p.start))
        forms |= exonyms.get(_bare_fold(p.text), set())  # "Saxony's" / "Sachsen"
        for base, _ending in declined(p.text, src.lang):  # "Tiroler" / "Tyrolean"
            if base != p.text and _bare_fold(base) in regions():
                forms |= {_bare_fold(base)} | exonyms.get(_bare_fold(base), set())
        # a place the places data knows, for one it knows by none of the source place's
        # names, is another place ("Montreuil" / "Montrouge"), however small
        known_place = bool(city_forms(p.text)) and p.start not in known

        def other_place(word: str) -> bool:
            return (
                _other_city(word, forms, source_places)
                or (known_place and city_forms(word).isdisjoint(forms) and population(word) > 0)
                # a word of another country's name: "Vereinigten (Staaten)" is no
                # respelling of "Vereinigtes (Königreich)"
                or (code is not None and _other_country(word, code, doc.lang))
            )

        # the city of a place adjective: "Hamburger Anwalt" / "Hamburg lawyer"
        city = _place_adjective(p, src)
        if city:
            forms |= city_forms(city) | {fold(city)}
        # "Breslau" for "Wrocław", "Alep" for "Aleppo's" (its declined forms too)
        for base, _ending in declined(p.text, src.lang):
            # (not an alternative name that is a word of the target language: "Den" for
            # The Hague is the German article)
            forms |= {f for f in city_forms(base) if zipf(f, doc.lang) < EVERYDAY_FORM}
        adjectives: frozenset[str] = frozenset()
        places: frozenset[str] = frozenset()
        if (
            any(is_city(b, src.lang) for b, _e in declined(p.text, src.lang))  # "Munich's"
            or p.start in city_words
            or _region(p.text, src.lang)
        ):
            # a place's adjective arrives for it: "California officials" /
            # "kalifornische Beamte", "Berlin police" / "Berliner Polizei"
            # … in any of its names: "Munich start-up" / "Münchner Start-up"; an
            # adjective ends as one: "Bramstedt" is no adjective of "Bramsche"
            places = frozenset(_acceptable(p.text, src.lang, doc.lang, None)) | forms
        code = source_countries.get(fold(p.text)) or countries_here.get(p.start)
        if code is None:  # a country's adjective: "Greenlandic" / "Grönland-Eisbergs"
            codes = named([fold(p.text)], src.lang)
            code = next(iter(codes)) if len(codes) == 1 else None
            if code in target_table:
                forms |= name_forms(code, doc.lang) | target_table[code].languages
        elif code in target_table:
            forms |= name_forms(code, doc.lang)
            # its adjective arrives for it, unless the source sentence has its own
            # ("in France during French school holidays")
            sentence = [
                w for start, w in source_by_sentence.get(p.sentence, ()) if start != p.start
            ]
            if code not in named(sentence, src.lang):
                adjectives |= target_table[code].languages
                if p.start in countries_here:
                    # a country of several words, by an adjective on one of them: "New
                    # Zealand" / "néo-zélandaises"
                    adjectives |= {
                        piece
                        for n in name_forms(code, doc.lang)
                        for piece in re.split(r"[- ]", n)
                        if len(piece) >= COUNTRY_WORD
                    }
        return (
            any(_reads_as(w, forms, doc.lang) for w in plain)
            # a name of several words: "Black Forest" for "Schwarzwald"
            or any(" " in f and f" {f} " in window_text for f in forms)
            or any(
                shares_stem(piece, f)
                for w in plain
                for piece in fold(w).split("-")
                for f in adjectives
            )
            or any(
                shares_stem(fold(w), f)
                for w in plain
                if fold(w).endswith(adjective_endings)
                for f in places
            )
            # a near miss that names another city is that city ("Bielefeld" /
            # "Bitterfeld", "Göttingen" / "Tübingen"), no respelling
            or any(
                _near_miss(t, forms, doc.lang, data, after_det=True) and not other_place(t.text)
                for t in here
            )
            # a letter or two off, but not a language's name: "French" is no
            # respelling of "France" (the skeletons match)
            or any(
                _close(w, forms) and not other_place(w)
                for w in plain
                if fold(w) not in language_names
            )
            or any(_cognate(fold(p.text), w) for w in learned)
            # a word of the target's dictionary, no place, arriving as a lower-case word
            # derived from it: a common noun, translated ("Pollen" / "pollinate",
            # "Phallus" / "phallic")
            or (
                p.start not in known
                and p.start not in persons
                and fold(p.text) not in source_countries
                and population(p.text) == 0
                and spell_known(p.text.lower(), doc.lang)
                and any(_derivative(fold(p.text), fold(w)) for w in plain if w[:1].islower())
            )
            # a place's people or adjective in the source, the place in the target: "les
            # Lensois" / "Lens", "the Viennese" / "Wien"; a place of its own is no
            # adjective of another ("Schwerin" / "Schwerte")
            or (
                fold(p.text).endswith(source_adjective_endings)
                and population(p.text) == 0
                and any(
                    population(t.text) > 0 and _city_adjective(fold(p.text), fold(t.text))
                    for t in here
                )
            )
            # where nouns are capitalised, a compound ending on it: "Südsudan" for "South
            # Sudan", "Nordirland" for "Northern Ireland"
            or (capitalising and any(_compound_ends_on(w, forms, doc.lang) for w in plain))
            # a source place name made of a name and a generic ending arrives by the name:
            # "Peenetal" / "the Peene valley"
            or any(
                fold(p.text).endswith(ending)
                and len(p.text) - len(ending) >= NAMED_STEM
                and fold(p.text)[: -len(ending)] in learned
                for ending in source_name_endings
            )
        )

    every_word_capitalised = lang_tuple("name_capitalisation", doc.lang) == ("every",)
    target_calendar = calendar_words(doc.lang)  # "Monday": capitalised, no name
    source_name_endings = _name_endings(src.lang)

    doc_words: list[Word] = []
    doc_words_starts: list[int] = []
    doc_hyphenated: list[Word] = []
    doc_hyphenated_starts: list[int] = []

    def window_words(
        win: Window, run_words: list[str]
    ) -> tuple[int, int, list[Part], list[str], list[str]]:
        """The widened window's bounds, its capitalised parts, its words and its folded
        (learned) words."""
        lo, hi = _widened(doc, win.start, win.end)
        here = _between(targets, target_starts, lo, hi)
        # every word of the window, whatever its case: a source "name" written lower case
        # in the target was a common noun ("Pollen" / "pollen"); the document's words
        # are found once and each window takes its share (a bilingual file is one
        # document with thousands of windows)
        if not doc_words:
            doc_words.extend(words(doc.text))
            doc_words_starts.extend(w.start for w in doc_words)
            doc_hyphenated.extend(
                Word(m.group(), m.start(), m.end()) for m in _HYPHENATED_RE.finditer(doc.text)
            )
            doc_hyphenated_starts.extend(h.start for h in doc_hyphenated)
        plain = [w.text for w in _between(doc_words, doc_words_starts, lo, hi)]
        # … and its hyphenated words whole: "Pays-Bas" for "Netherlands", and a name
        # written with an apostrophe as the source writes it ("Festi'neuch")
        hyphenated = [h.text for h in _between(doc_hyphenated, doc_hyphenated_starts, lo, hi)]
        plain += hyphenated
        plain += [w for w in run_words if "'" in w and w in doc.text[lo:hi]]
        # a learned word's translation keeps its stem: "Seroepidemiology Unit" / "Unité
        # séro-épidémiologique" (hyphenated parts read as one word)
        learned = [fold(w) for w in plain] + [fold(h.replace("-", "")) for h in hyphenated]
        return lo, hi, here, plain, learned

    def orphans(found: list[Missing]) -> list[Missing]:
        """A rare name in the target that no source word accounts for, in the window of a
        source sentence with a capitalised word that does not arrive: that word was
        replaced ("Getriebehersteller Renk" / "gearbox maker Zahnwerk"), however the source's
        capitalisation reads."""
        taken = {m.replacement[0] for m in found if m.replacement}
        taken |= {q for m in found if m.replacement for q in range(*m.replacement[:2])}
        extra: list[Missing] = []
        every_src = parts(src)
        # a name reported replaced is done; one reported dropped becomes replaced when a
        # rare name stands in its place
        reported = {w for m in found if m.replacement for w in m.name.split()}
        # the source's folded words by sentence: a stand-in is compared with the words
        # of its own source sentence and its neighbours, not with every word of a
        # bilingual file (that was quadratic)
        src_starts = [p.start for p in every_src]
        for index, sentence in enumerate(src.sentences):
            win = window(doc, sentence.start)
            if win is None:
                continue
            nearby = {w for d in (-1, 0, 1) for _s, w in source_by_sentence.get(index + d, ())}
            home = _between(targets, target_starts, win.home[0], win.home[1])
            stand = [
                t
                for t in home
                if not t.initial
                and not _letter_compound(doc.text, t)  # "S-Bahn", "E-Auto"
                and t.start not in taken
                and _orphan_like(t, doc.lang)
                and _bare_fold(t.text) not in source_folded  # "NATO’s" for "NATO"
                # a translator's gloss in brackets: "(The Fisherwoman of …)"
                and not _in_brackets(doc.text, t.start)
                # the name inside a source compound: "Rhône" for "Rhonegletscher"; a
                # source word that sounds alike ("Cylons" / "Zylonen")
                and not any(
                    _bare_fold(t.text) in w or (len(w) >= 4 and _same_sounds(t.text, w))
                    for w in nearby
                )
                and not held_by_source(t)
                # "Battlestar Galactica" for "Kampfstern Galactica": a name translated
                and not _joined_to_held(t, home, held_by_source, target_honorifics)
            ]
            if not stand:
                continue
            _lo, _hi, here, plain, learned = window_words(win, [])
            window_text = " " + " ".join(fold(w) for w in plain) + " "
            gone = [
                p
                for p in _between(every_src, src_starts, sentence.start, sentence.end)
                if not p.initial
                and p.text not in reported  # its finding is made
                and p.text.lower() not in source_honorifics
                and (
                    population(p.text) > 0
                    or p.start in known
                    or fold(p.text) in source_countries
                    # rare, or no word; where nouns are capitalised, after an article no
                    # dictionary noun ("die Altertümer" is one, "die Bogestra" not)
                    or (
                        (
                            zipf(p.text.lower(), src.lang) < RARE
                            or not spell_known(p.text.lower(), src.lang)
                        )
                        and not (nouns and p.after_det and _in_dictionary(p.text, src.lang))
                    )
                )
                and not arrives(p, plain, here, learned, window_text)
            ]
            if not gone:
                continue
            t = stand[0]
            # the name-like one: no compound of words, the rarest ("Renk", not
            # "Rekordauftrag")
            p = min(
                gone,
                key=lambda q: (compound_of_words(q.text, src.lang), zipf(q.text.lower(), src.lang)),
            )
            taken.add(t.start)
            extra.append(Missing(p.text, known.get(p.start), win.home, (t.start, t.end, t.text)))
        return extra

    out: list[Missing] = []
    for run in runs:
        # a title is no part of the name: "Professor" arriving says nothing of "Voigtländer"
        names = [p for p, check in run if check and p.text.lower() not in source_honorifics]
        if not names or run[-1][0].text.lower() in source_honorifics:
            continue  # … nor a role before one: "Kuratorin Dr. | Ilse Brenner"
        win = window(doc, run[0][0].start)
        if win is None:
            continue  # the whole sentence is missing: AC002's finding
        lo, hi, here, plain, learned = window_words(win, [p.text for p, _c in run])
        # its initials arrive for a name of two words or more: "New Jersey" / "NJ"
        initials = "".join(p.text[0] for p, _c in run).upper() if len(run) > 1 else ""

        window_text = " " + " ".join(fold(w) for w in plain) + " "
        # a city's name of two words arrives by its own word, not its generic first one:
        # "Bad Kreuznach" is not in "Bad Dürkheim", "Sankt Petersburg" is in "St Petersburg"
        arriving = names[1:] if len(names) > 1 and 0 in _city_indices(run) else names
        # a name's everyday words arriving say nothing while its own ones do not: "Diehl
        # Defence" is not in "air defence system from Hensoldt"
        # (a person's name arrives by any of its words: "Roche" for "Donal Roche")
        # (… nor at a sentence's start, where a term is capitalised: "Turkey Coronavirus")
        own = [p for p in arriving if zipf(p.text.lower(), doc.lang) < RARE]
        if (
            own
            and len(own) < len(arriving)
            and not run[0][0].initial
            and not any(p.text in given for p, _c in run)
        ):
            arriving = own
        if nouns and all(p.start in multi for p in names):
            arriving = names[:1]  # "Badische Zeitung" arrives by "Badische"
        # a place in a name of several words is its own part: "Berlin Fashion Week" is not
        # in "Milan Fashion Week" (not a person's: "Paris Hilton")
        # (an article before the run is the whole name's: "der Berlin Fashion Week")
        placed = [p for p in arriving if p.start in city_words or is_city(p.text, src.lang)]
        if placed and len(placed) < len(arriving) and not any(p.text in given for p, _c in run):
            arriving = placed
        # … nor by its article: "Le Monde" is not in "Le Figaro"
        arriving = [p for p in arriving if p.text.lower() not in source_determiners] or arriving
        arrived = (
            (bool(initials) and initials in plain)
            or any(arrives(p, plain, here, learned, window_text) for p in arriving)
            # one word after an acronym, translated as a compound on it: "HM Coastguard"
            # / "HM-Küstenwache" (of several, the compound may be a title alone:
            # "WHO-Generaldirektor" for "WHO Director-General Tedros …")
            or (
                len(run) == 1
                and run[0][0].text not in given
                and _compound_on_acronym(src.text, run[0][0].start, doc.text[lo:hi])
            )
        )
        if (
            arrived
            and len(names) > 1
            and names[0].text in given
            and not arrives(names[-1], plain, here, learned, window_text)
        ):
            # a person's surname replaced while the first name stays: "Lukas
            # Brettschneider" / "Lukas Schneider" (the surname alone may stay, not this)
            stand = _after_first_name(
                names[0],
                here,
                held_by_source,
                load_pack(doc.lang).lower_set("repetition", "name_particles"),
            )
            if stand is not None:
                concept = next((known[p.start] for p in names if p.start in known), None)
                name = src.text[names[0].start : names[-1].end]
                out.append(Missing(name, concept, win.home, (stand.start, stand.end, stand.text)))
        elif (
            arrived
            and len(names) == 2
            and names[0].text in given
            and not arrives(names[0], plain, here, learned, window_text)
        ):
            # … and the first name replaced while the surname stays: "Peter Bosch" /
            # "Robert Bosch" (another given name right before the surname)
            stand = _first_name_before(names[-1], here, given, forms_of=names[0].text)
            if stand is not None:
                concept = next((known[p.start] for p in names if p.start in known), None)
                name = src.text[names[0].start : names[-1].end]
                out.append(Missing(name, concept, win.home, (stand.start, stand.end, stand.text)))
        if arrived:
            continue
        home = _between(targets, target_starts, win.start, win.end)
        # gone with no name at all in its place, where a name translated is capitalised
        # word by word: "the Federal Cartel Office" / "the competition authority" (French
        # capitalises a name's first word only: "l'Office fédéral des ententes")
        no_name_here = every_word_capitalised and not any(
            not t.initial and not held_by_source(t) and t.text.lower() not in target_calendar
            for t in home
        )
        other = src.lang if src.lang != doc.lang else "en"
        target_nouns = doc.lang.split("-")[0] in NOUN_CAPITALISING
        # the name without its title or a noun before it: "Wendtland", not "Professorin
        # Wendtland"; "Göttingen", not "Stadtwerke Göttingen"; a first name stays
        first = next(
            (
                q
                for q, c in run
                if q.text.lower() not in source_honorifics and (c or q.text in given)
            ),
            run[0][0],
        )
        # "Fraser-Pryce" keeps its hyphen; the words after the last checked one are no
        # part of it ("Tiroler | Skihersteller Alpenkante")
        end = max(names[-1].end, first.end)
        for q, _c in run:
            if q.start > end and src.text[end : q.start] == "-":
                end = q.end  # "Brandauer-Kessling"
        text = src.text[first.start : end]
        if all(p.start in multi for p in names) and nouns:
            # a German name of a place's adjective, translated word by word or dropped
            # ("Saxon Gymnastics Federation"), is no evidence; another one kept in German
            # in its place is ("Stuttgarter Zeitung" for "Badische Zeitung")
            stand_in = _kept_run(home, held_by_source, src.lang, doc.lang)
            if not stand_in:
                continue
        elif all(p.start in multi for p in names):
            # where the target capitalises its nouns, another name kept in the source's
            # language stands in ("John Lewis" for "Cole Brothers")
            stand_in = _foreign_run(
                home, held_by_source, doc.lang, source_determiners | determiners(doc.lang)
            ) or (
                _kept_run(home, held_by_source, src.lang, doc.lang, nouns_too=True)
                if target_nouns
                else []
            )
            if not stand_in and not no_name_here:
                continue
        elif all(p.start in with_article for p in names):
            stand_in = [
                t
                for t in home
                if not held_by_source(t) and _name_after_article(t, doc.lang, src.lang)
            ]
            if not stand_in:
                continue
        else:
            stand_in = [
                t
                for k, t in enumerate(home)
                if not held_by_source(t)
                # a title is no name: "Mgr Étienne …" stands for no "Tarbes"
                and t.text.lower() not in target_honorifics
                and (
                    (
                        _stand_in_like(t, doc.lang, other, target_nouns, data)
                        # German: a capitalised word after an inflected adjective is a noun
                        # ("ein tieffliegender Militärjet"), whatever its frequency
                        and not (target_nouns and _after_adjective(doc.text, t.start))
                        and (
                            not t.initial
                            or (k + 1 < len(home) and home[k + 1].joined)
                            # a sentence's first word for a sentence's first word: "Gerdes
                            # announced" / "Tsahkna hatte angekündigt", if it can only be a name
                            or (
                                run[0][0].initial
                                and _rare_name(t, doc.text, doc.lang, src.lang, initial=True)
                            )
                        )
                    )
                    # a famous name for a famous name, where the target capitalises its
                    # nouns too: "Clinton" / "Tusk", "Snapchat is" / "Bitcoin ist"
                    or (target_nouns and run[0][0].start in famed and famous_here(t, run))
                    # after "Frau", "Mme": a name, however rare ("Frau Kowalczyk")
                    or word_before(doc.text, t.start).lower() in target_honorifics
                    or fold(t.text) in stand_in_countries
                    # another city ("Helsinki" where the source had "Geretsried", "Sankt
                    # Petersburg" where it had "Los Angeles")
                    or (_city(t, doc) and fold(t.text) not in source_forms)
                    or t.start in city_starts
                )
            ]
        if len(names) > 1 and names[0].text in given:
            # a person's name gives way to a person: a given name, a title or a person the
            # names data knows ("Tobias Reuter" is no "Greifarme")
            stand_in = [t for t in stand_in if _person_like(t, home, doc, target_honorifics, data)]
        concept = next((known[p.start] for p in names if p.start in known), None)
        replacement = None
        # a word of a name the source holds is part of that name's translation, no stand-in:
        # "Landgericht Osnabrück" / "Osnabrück Regional Court" (but "Stuttgarter | Zeitung"
        # for "Badische Zeitung" is another name kept: its shared word is the point)
        if not (nouns and all(p.start in multi for p in names)):
            stand_in = [
                t
                for t in stand_in
                if not _joined_to_held(t, home, held_by_source, target_honorifics)
            ]
        if stand_in:  # the stand-in with the capitalised words joined to it: "Theresa May"
            stand_in = _ranked_stand_ins(stand_in, names, src, doc, win.start, win.end)
            k = home.index(stand_in[0])
            while (
                k > 0
                and home[k].joined
                and home[k - 1].sentence == home[k].sentence
                and _name_like(home[k - 1], doc.lang, other)
                and home[k - 1].text.lower() not in target_honorifics  # "Professor X": X
            ):
                k -= 1  # its first name too, opening the sentence: "Katie Zhu"
            j = k
            while (
                j + 1 < len(home)
                and home[j + 1].joined
                and home[j + 1].sentence == home[k].sentence
            ):
                j += 1
            replacement = (home[k].start, home[j].end, doc.text[home[k].start : home[j].end])
            if (j > k or home[k].joined) and all(p.start in undefined for p in names):
                continue
        elif nouns and all(p.start in multi for p in names):
            continue  # a German name of a place's adjective: only ever "replaced"
        if (
            all(p.start in weak for p in names)
            and not all(p.start in with_article or p.start in multi for p in names)
            and not (
                stand_in
                and (
                    (
                        _famous(stand_in[0], doc.text, doc.lang, src.lang, initial=True)
                        # … or one known in neither language ("Vitronic"); a rare word
                        # opening the sentence is as often a verb ("Indiquez vos …")
                        or (
                            _rare_name(stand_in[0], doc.text, doc.lang, src.lang, initial=True)
                            and _unknown(stand_in[0], doc.lang, src.lang)
                        )
                    )
                    if run[0][0].start in openers
                    else (target_nouns and famous_here(stand_in[0], run))
                    or (
                        _rare_name(
                            stand_in[0], doc.text, doc.lang, src.lang, initial=run[0][0].initial
                        )
                        # a sentence's first word of the dictionary for one: "Attisé par
                        # le mistral" / "Fanned by the mistral" (a participle, no name)
                        and not (
                            run[0][0].initial
                            and stand_in[0].initial
                            and spell_known(stand_in[0].text.lower(), doc.lang)
                        )
                    )
                )
            )
            # … or a list of names whose other members arrive: "TSMC, Samsung and Intel"
            # / "TSMC und Intel"
            and not (
                replacement is None
                and any(
                    arrives(q, plain, here, learned, window_text)
                    for q in _list_neighbours(run[0][0], run[-1][0], src)
                )
            )
        ):
            continue  # weak evidence: only a rare name standing in its place counts
        out.append(Missing(text, concept, win.home, replacement))
    if not capitalising:
        extra = orphans(out)
        upgraded = {m.name for m in extra}
        out = [m for m in out if m.replacement or m.name not in upgraded] + extra
    # one stand-in replaced one name: the other names it stood for were dropped ("Merkel
    # und Macron trafen Biden" / "Sie trafen Scholz": Scholz replaced one of them)
    # (a place for a place: "Litauen" replaced "Vilnius", not Merkel)
    by_stand_in: dict[tuple[int, int], list[int]] = {}
    for k, m in enumerate(out):
        if m.replacement is not None:
            by_stand_in.setdefault(m.replacement[:2], []).append(k)
    for (start, _end), ks in by_stand_in.items():
        if len(ks) > 1:
            place = _placelike(doc.text[start:_end], doc.lang)
            keep = next((k for k in ks if _placelike(out[k].name, src.lang) == place), ks[0])
            for k in ks:
                if k != keep:
                    out[k] = dataclasses.replace(out[k], replacement=None)
    return out + _missing_acronyms(doc, known)


def _placelike(name: str, lang: str) -> bool:
    """A place by the places data or CLDR's countries: "Vilnius", "Litauen"."""
    return population(name) > 0 or fold(name) in by_name(lang)


def _other_country(word: str, code: str, lang: str) -> bool:
    """``word``, or it less a declension ending of a letter or two, is a word of other
    territories' names in ``lang``, none of them ``code``."""
    low = fold(word)
    for form in (low, low[:-1], low[:-2]):
        codes = named([form], lang) if len(form) >= 3 else set()
        if codes:  # "Korea" is South Korea's too: no other country
            return code not in codes
    return False


def _list_neighbours(first: Part, last: Part, src: Document) -> list[Part]:
    """The names either side of a name in a list of its sentence, one word each, apart
    from it by a comma or a coordinator only ("TSMC, | Samsung | and Intel")."""
    every = parts(src)
    k, j = every.index(first), every.index(last)
    joiners = load_pack(src.lang).lower_set("repetition", "coordinators")
    out = []
    if k > 0 and every[k - 1].sentence == first.sentence and not every[k - 1].initial:
        if _list_gap(src.text[every[k - 1].end : first.start], joiners):
            out.append(every[k - 1])
    if j + 1 < len(every) and every[j + 1].sentence == last.sentence:
        if _list_gap(src.text[last.end : every[j + 1].start], joiners):
            out.append(every[j + 1])
    return out


def _list_gap(gap: str, joiners: frozenset[str]) -> bool:
    """A comma, or a list's coordinator ("and", "und", "et"), with a comma or not."""
    words_ = gap.replace(",", " ").split()
    return ("," in gap and not words_) or (len(words_) == 1 and words_[0].lower() in joiners)


def _ranked_stand_ins(
    stand_in: list[Part], names: list[Part], src: Document, doc: Document, lo: int, hi: int
) -> list[Part]:
    """The stand-ins, the likeliest first: a place for a place ("Stuttgart" / "Mannheim",
    not the "Bahn" of "S-Bahn"), then the one whose place in its sentence is nearest the
    source name's in its own."""
    place = any(population(p.text) > 0 or _city(p, src) or _place_adjective(p, src) for p in names)
    sentence = src.sentence_at(names[0].start)
    share = (
        (names[0].start - sentence.start) / max(sentence.end - sentence.start, 1)
        if sentence is not None
        else 0.0
    )

    def rank(t: Part) -> tuple[bool, float]:
        kind = place == (population(t.text) > 0 or _city(t, doc))
        return (not kind, abs((t.start - lo) / max(hi - lo, 1) - share))

    return sorted(stand_in, key=rank)


def _city_spans(texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every run of two words or more among ``texts`` (joined words) that
    is a city's name ("New York City", "Los Angeles")."""
    return [
        (i, j)
        for i in range(len(texts))
        for j in range(i + 2, len(texts) + 1)
        if is_city_name(texts[i:j])
    ]


def _city_indices(run: list[tuple[Part, bool]]) -> set[int]:
    """The positions in ``run`` of the words of a city's name of two words or more."""
    return {k for i, j in _city_spans([p.text for p, _c in run]) for k in range(i, j)}


def _city_run(run: list[tuple[Part, bool]]) -> list[tuple[Part, bool]]:
    """The words of a city's name of two words or more are checked, each frequent as it
    is ("New York City", "Los Angeles")."""
    marked = _city_indices(run)
    return [(p, c or k in marked) for k, (p, c) in enumerate(run)] if marked else run


def _city_pieces(run: list[tuple[Part, bool]], src: Document) -> list[list[tuple[Part, bool]]]:
    """A run that opens on a one-word city, cut after it: the city arrives or not on its
    own ("in London Gold gewann": "gold" arriving says nothing of "London"). A city
    after other capitalised words is a surname or a title's ("Charles Darwin")."""
    first = run[0][0]
    if len(run) < 2 or not _city(first, src) or 0 in _city_indices(run):
        return [run]
    return [[(first, True)], run[1:]]


def _city_run_starts(targets: list[Part], source_forms: set[str]) -> set[int]:
    """Where a city's name of two words or more that no source word accounts for begins
    among the target's joined capitalised words ("Sankt Petersburg")."""
    out: set[int] = set()
    run: list[Part] = []
    for t in [*targets, None]:
        if t is not None and run and t.joined and t.sentence == run[-1].sentence:
            run.append(t)
            continue
        for i, j in _city_spans([p.text for p in run]):
            if not all(fold(p.text) in source_forms for p in run[i:j]):
                out.add(run[i].start)
        run = [t] if t is not None else []
    return out


_ACRONYM_PIECE_RE = re.compile(r"(?<![\w-])[A-ZÄÖÜ]{2,}-$")


def _city(p: Part, doc: Document) -> bool:
    """A capitalised word of ``doc`` that names a city (GeoNames, ``places``). Where nouns
    are capitalised, not after a determiner or an adjective: "am westlichen Nilufer" is the
    Nile's bank, not the district of Bursa."""
    if not is_city(p.text, doc.lang):
        return False
    nouns = doc.lang.split("-")[0] in NOUN_CAPITALISING
    if nouns and p.hyphen and _ACRONYM_PIECE_RE.search(doc.text, max(0, p.start - 12), p.start):
        return False  # a compound's head after an acronym: "OP-Säle", "EU-Halle"
    # after a lower-case adjective only: a capitalised word before is a noun ("die
    # Stadtwerke Göttingen")
    return not (nouns and (p.after_det or _after_adjective(doc.text, p.start, lower_only=True)))


def _speaker(p: Part, doc: Document) -> bool:
    """A word right before or after a verb of saying (``names.toml`` ``speech_verbs``): a
    person, not a noun ("Kowalczyk sagte", "sagte Rebull", "Vöhringer zufolge")."""
    verbs = lang_set("speech_verbs", doc.lang)
    # the whole of a hyphenated name: "Schmidt-Knoop kündigte an"
    after = re.match(r"(?:-[^\W\d_]+)*\s+([^\W\d_]+)", doc.text[p.end :])
    start = re.search(r"(?:[^\W\d_]+-)*$", doc.text[max(0, p.start - 60) : p.start])
    before = p.start - (len(start.group()) if start else 0)
    return (after is not None and after.group(1) in verbs) or word_before(doc.text, before) in verbs


def _not_a_word(p: Part, lang: str) -> bool:
    """Where nouns are lower case: a capitalised word inside its sentence that the
    language's dictionary does not hold ("Bretagne", "Hermès", "Morvan")."""
    return (
        not p.initial
        and len(p.text) >= 3
        and not _acronym(p.text)
        and not known(p.text.lower(), lang)
        and not compound_of_words(p.text, lang)
    )


def _german_place(p: Part, doc: Document) -> bool:
    """Where nouns are capitalised: a city of 50 000 people or more right after a
    preposition that takes places bare ("in Chemnitz", "aus Bonn") or right after the
    noun it names ("Bistum Münster", "Polizei Bielefeld"), however frequent the word is
    in the language's news; after an article it is a noun ("in der Halle")."""
    if doc.lang.split("-")[0] not in NOUN_CAPITALISING:
        return False
    size = population(p.text)
    # a place the data does not know, by a place name's ending: "Furtwangen", "Wolfach"
    named_like = p.text.lower().endswith(_name_endings(doc.lang))
    if p.after_det or (size == 0 and not named_like):
        return False
    if zipf(p.text.lower(), doc.lang) >= EVERYDAY_PLACE:
        return False  # "bis Ende Juni", "beim Essen": a word first (Ende, Indonesia)
    before = re.search(r"([^\W\d_]+)\s+$", doc.text[max(0, p.start - 40) : p.start])
    if before is None:
        return False
    word = before.group(1)
    if size < TOWN:
        # a smaller place, rare as a word, right after such a preposition: "in Todtnau"
        return (
            word.lower() in lang_set("place_prepositions", doc.lang)
            and zipf(p.text.lower(), doc.lang) < RARE
        )
    if word.lower() in lang_set("place_prepositions", doc.lang):
        return True
    # a noun right before it: capitalised, not the sentence's first word
    word_start = max(0, p.start - 40) + before.start(1)
    return (
        word[:1].isupper() and not word.isupper() and word_start > doc.sentences[p.sentence].start
    )


def _place_adjective(p: Part, doc: Document) -> str:
    """Where nouns are capitalised: the city a capitalised adjective in "-er" names,
    right before a capitalised noun ("der Hamburger Anwalt", "an der Frankfurter Börse",
    "Bremer Polizei", "Münchner Start-up"), however common the word ("Hamburger" is a
    burger too); "" if none."""
    word = p.text
    if (
        doc.lang.split("-")[0] not in NOUN_CAPITALISING
        or len(word) < 6
        or not word.endswith("er")
        or not re.match(r"\s+[^\W\d_a-zäöüß]", doc.text[p.end :])
    ):
        return ""
    for base in (word[:-2], word[:-2] + "n", word[:-3] + "en", word[:-4]):
        if len(base) >= 4 and population(base) >= TOWN:
            return base
    return ""


def _capitalised_place(p: Part, doc: Document) -> bool:
    """Where nouns are lower case: a capitalised word inside its sentence, not after a
    determiner, that the places data knows as a city ("le tram de Liège", though "liège"
    is cork), or as any place right after a preposition that takes places bare ("réunie
    à Lourdes")."""
    if doc.lang.split("-")[0] in NOUN_CAPITALISING or p.initial or p.after_det:
        return False
    if _acronym(p.text) or fold(p.text) in _language_names(doc.lang):
        return False
    if p.text.lower() in calendar_words(doc.lang):
        return False  # "from March": a month
    size = population(p.text)
    return size >= TOWN or (size > 0 and _bare_place(p, doc))


def _bare_place(p: Part, doc: Document) -> bool:
    """Where nouns are lower case: a capitalised word inside its sentence right after a
    preposition that takes places bare ("in Somerset", "near Glastonbury"), not after a
    determiner, no language's name ("in Latin") and no adjective before its noun ("in
    Scandinavian countries")."""
    if p.initial or p.after_det or _acronym(p.text):
        return False
    if fold(p.text).endswith(lang_tuple("adjective_endings", doc.lang)) and re.match(
        r"\s+[^\W\d_A-Z]", doc.text[p.end :]
    ):
        return False
    before = re.search(r"([^\W\d_]+)\s+$", doc.text[max(0, p.start - 40) : p.start])
    if before is None or before.group(1).lower() not in lang_set("place_prepositions", doc.lang):
        return False
    return fold(p.text) not in _language_names(doc.lang)


@lru_cache(maxsize=8)
def _language_names(lang: str) -> frozenset[str]:
    """The language's names of languages, folded (CLDR): "latin", "anglais"."""
    return frozenset(n for c in countries(lang).values() for n in c.languages)


@lru_cache(maxsize=8)
def _name_endings(lang: str) -> tuple[str, ...]:
    """Endings of place and family names made of words, from the language pack
    ("-ingen", "-hausen")."""
    return tuple(load_pack(lang).get("repetition", "name_endings", ()))


def _missing_acronyms(doc: Document, known: dict[int, Concept]) -> list[Missing]:
    """Acronyms of the source ("CDU", "UNESCO", "NHS") that reach neither the target
    window nor one sentence either side, as written, declined, in another letter order
    ("NATO" / "OTAN") or in a target form of the names data. Another organisation's
    acronym standing in the window replaced it ("CDU" / "NPD"); the target language's own
    initials for it do not ("WHO" / "OMS", "COPD" / "MPOC"), nor two letters ("ILI" /
    "SG": too short to tell an organisation from initials). With no acronym in its place,
    one the target language writes as it is was dropped."""
    assert doc.source is not None
    from tqcheck.glossary.windows import window

    src = doc.source
    source_words = words(src.text)
    # in any case: "phe advice" in the source accounts for "PHE" in the target
    in_source = {w.text.lower() for w in source_words}
    source_folded_words = {fold(w.text) for w in source_words}
    target_nouns = doc.lang.split("-")[0] in NOUN_CAPITALISING  # nouns capitalised
    target_parts = list(parts(doc))
    part_starts = [t.start for t in target_parts]

    # the source's countries and cities, in the target's names: "Roumanie" for "Romania"
    # is no name written out
    places = named(list(source_folded_words), src.lang)
    cities = {f for p in parts(src) for f in city_forms(p.text)}

    def written_out(lo: int, hi: int) -> bool:  # a capitalised word the source lacks
        return any(
            not t.initial
            and t.text.lower() not in in_source
            and fold(t.text) not in cities
            and not (named([fold(t.text)], doc.lang) & places)
            for t in _between(target_parts, part_starts, lo, hi)
        )

    out: list[Missing] = []
    seen: set[tuple[str, tuple[int, int]]] = set()
    for k, w in enumerate(source_words):
        if not _acronym_name(w.text):
            continue
        # two letters are initials as often as a name, but not alone in brackets after a
        # name: a party, a club ("Céline Vanderborght (MR)"), checked against one there
        paired = len(w.text) == 2 and _bracketed(src.text, w.start, w.end)
        if len(w.text) < 3 and not paired:
            continue
        # in a run of words in capitals ("PRO TIPS FOR …") a word is shouted, not an acronym
        shouted = any(
            0 <= j < len(source_words) and source_words[j].text.isupper() for j in (k - 1, k + 1)
        )
        if _number_before(src.text, w.start):
            continue  # a unit or an era after its number: "8000 BCE", "40 GB", "5 PM"
        level = ACRONYM_WORD if shouted else ACRONYM_WORD_LONG
        if max(zipf(w.text.lower(), src.lang), zipf(w.text.lower(), doc.lang)) >= level:
            continue  # a word too ("WHO", "US", "IS" in a heading in capitals)
        win = window(doc, w.start)
        if win is None or (w.text, win.home) in seen:
            continue
        seen.add((w.text, win.home))
        lo, hi = _widened(doc, win.start, win.end)
        concept = known.get(w.start)
        forms = _acceptable(w.text, src.lang, doc.lang, concept)
        if any(
            _compatible(t.text, w.text) or fold(t.text) in forms for t in words(doc.text[lo:hi])
        ):
            continue
        others = [
            t
            for t in words(doc.text[win.start : win.end], win.start)
            if _acronym_name(t.text) and t.text.lower() not in in_source
        ]
        # an acronym the target language writes as it is ("FDA", "UNESCO") is kept by a
        # translation: another one in its place, of other letters, names another
        # organisation ("ATF", "WHO"), however common its word ("who")
        kept = _travels_as_acronym(w.text, src.lang, doc.lang)
        if paired:
            # only another bracketed acronym in its place tells: "(PS)" for "(MR)"
            others = [t for t in others if _bracketed(doc.text, t.start, t.end)]
            if not any(_few_shared(w.text, t.text) for t in others):
                continue
        stand_in = next(
            (
                t
                for t in others
                # the target's own initials, bracketed after the name they abbreviate, are
                # that name ("Programme alimentaire mondial (PAM)" for "WFP")
                if not (
                    _bracketed(doc.text, t.start, t.end)
                    and _initials_of_name_before(doc.text, t.start, t.text)
                )
                and (
                    _another_organisation(t.text, w.text, doc)
                    or (paired and _few_shared(w.text, t.text))
                    or (
                        kept
                        and len(t.text) >= 3
                        and not _in_capitals(doc.text, t.start, t.end)
                        and _few_shared(w.text, t.text)
                    )
                    or (
                        len(t.text) >= 3  # two letters are initials as often ("ILI" / "SG")
                        and _introduced(src.text, w.start, w.end)
                        and _bracketed(doc.text, t.start, t.end)
                    )
                )
            ),
            None,
        )
        # … or a rare capitalised word the source lacks, a name of its own, where no
        # acronym stands: "BAE Systems" / "Babcock", "LVMH" / "Kering" (a name written out
        # is made of the language's words: "Rouen University Hospital")
        named_in = (
            None
            if others
            else next(
                (
                    t
                    for t in _between(target_parts, part_starts, win.start, win.end)
                    if not t.initial
                    and not t.hyphen
                    and fold(t.text) not in source_folded_words
                    and zipf(t.text.lower(), doc.lang) < RARE
                    and not _acronym(t.text)
                    # where nouns are capitalised, no word of the language ("Impulsen")
                    and not (
                        target_nouns
                        and (spell_known(t.text, doc.lang) or compound_of_words(t.text, doc.lang))
                    )
                ),
                None,
            )
        )
        if named_in is not None and _spelled_out(w.text, doc.text[win.start : win.end]):
            named_in = None  # "Électricité de France" for "EDF"
        if stand_in is not None:
            replacement: tuple[int, int, str] | None = (stand_in.start, stand_in.end, stand_in.text)
        elif named_in is not None:
            replacement = (named_in.start, named_in.end, named_in.text)
        elif not others and (
            # where nouns are lower case, a name written out is capitalised ("the
            # Republican Party" for "GOP", "Nantes University Hospital" for "CHU"): with
            # none the source lacks, it was dropped
            (
                _travels_as_acronym(w.text, src.lang, doc.lang)
                and not (not target_nouns and written_out(win.start, win.end))
            )
            or _introduced(src.text, w.start, w.end)
            or (
                _kept_abroad(w.text, src.lang, doc.lang)
                and not target_nouns
                # not after a noun that says what it is ("the rail regulator ORR"): the
                # translation may keep the noun alone
                and not _described(src.text, w.start, src.lang)
                and not written_out(win.start, win.end)
            )
        ):
            # … or the source introduces it after its name in full, for later use: the
            # translation keeps it ("Commissariat à l'énergie atomique (CEA)")
            replacement = None
        else:
            continue  # written in the target language's initials, or maybe in words
        out.append(Missing(w.text, concept, win.home, replacement))
    return out


def _spelled_out(acronym: str, text: str) -> bool:
    """``text`` writes the acronym's name in full: the first letters of consecutive words,
    all of them or the longer ones only, are its letters ("Électricité de France" for
    "EDF", "Société nationale des chemins de fer français" for "SNCF")."""
    letters = fold(acronym).replace(" ", "")
    found = [fold(w.text) for w in words(text)]
    for keep_short in (True, False):
        heads = [w[0] for w in found if w and (keep_short or len(w) > 3)]
        if letters in "".join(heads):
            return True
    return False


def _introduced(text: str, start: int, end: int) -> bool:
    """The acronym at text[start:end] stands alone in brackets right after the name it
    abbreviates ("Office national des forêts (ONF)"; "Alexander Dobrindt (CSU)" is a
    party's label, no introduction)."""
    return _bracketed(text, start, end) and _abbreviates(
        text[max(0, start - ABBREVIATED_REACH) : start], text[start:end]
    )


def _abbreviates(before: str, acronym: str) -> bool:
    """The letters of ``acronym`` appear in order in the words ``before`` it, the first
    one opening a word: "Deutsche Forschungsgemeinschaft (DFG)", "Office national des
    forêts (ONF)"; "Alexander Dobrindt (CSU)" names no CSU."""
    text = fold(before)
    letters = [c for c in fold(acronym) if c.isalpha()]
    starts = [m.start() for m in re.finditer(r"\b[^\W\d_]", text)]
    for first in starts:
        if text[first] != letters[0]:
            continue
        k, at = 1, first + 1
        while k < len(letters):
            at = text.find(letters[k], at)
            if at < 0:
                break
            k, at = k + 1, at + 1
        if k == len(letters):
            return True
    return False


def _bracketed(text: str, start: int, end: int) -> bool:
    """The word at text[start:end] stands alone in brackets."""
    return bool(re.search(r"\(\s*$", text[max(0, start - 3) : start])) and bool(
        re.match(r"\s*\)", text[end : end + 3])
    )


def _initials_of_name_before(text: str, start: int, acronym: str) -> bool:
    """The words before the bracket at ``start`` give ``acronym``'s letters as their
    initials, in order, skipping words between ("World Health Organization (WHO)",
    "Organisation mondiale de la santé (OMS)"): the target's own initials for the name,
    no other organisation's."""
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 160) : start])
    initials = [fold(w[0]).upper() for w in before[-3 * len(acronym) :]]
    letters = [c for c in fold(acronym).upper() if c.isalpha()]
    k = len(letters) - 1
    for ch in reversed(initials):
        if k >= 0 and ch == letters[k]:
            k -= 1
    return k < 0


def _after_quantity(text: str, start: int, lang: str) -> bool:
    """A number that is no year, and a space, right before ``start``: "115 Fahrenheit",
    or with a word of measure between ("44 degrees Centigrade", "20 Grad Celsius")."""
    number = _number_right_before(text, start)
    if not number:
        m = re.search(r"(\w+)\s+$", text[max(0, start - 30) : start])
        if m and m.group(1).lower() in lang_set("measure_words", lang):
            number = _number_right_before(text, m.start(1) + max(0, start - 30))
    return bool(number) and not re.fullmatch(r"1\d{3}|20\d{2}", number)


def _number_before(text: str, start: int) -> bool:
    """A number (digits, maybe with separators) and a space right before ``start``."""
    return bool(_number_right_before(text, start))


def _number_right_before(text: str, start: int) -> str:
    """The number (digits, maybe with separators) followed by a space that ends right
    before ``start``, or ""."""
    m = re.search(r"(\d[\d.,]*)\s$", text[max(0, start - 20) : start])
    return m.group(1) if m else ""


def _another_organisation(stand_in: str, acronym: str, doc: Document) -> bool:
    """A target acronym that names another organisation, not the same one in the target
    language's initials: known in the source language too ("FDA", "NPD"; "OMS" is French
    only), no everyday word of the target, and sharing under half its letters with the
    source acronym (translated initials share the cognates: "FBC" / "FSC", "PPE" / "EPI")."""
    assert doc.source is not None
    low = stand_in.lower()
    # "WHO" in capitals is the organisation, though "who" is an everyday word (Zipf 6.3):
    # the same line as for the source's acronyms
    if (
        len(low) < 3
        or zipf(low, doc.source.lang) < ACRONYM_USED
        or zipf(low, doc.lang) >= ACRONYM_WORD_LONG
    ):
        return False
    if _international(acronym, doc) and _international(stand_in, doc):
        return True  # both written alike in both languages: "UNESCO" / "UNICEF"
    source, target = doc.source.lang, doc.lang
    ours = zipf(acronym.lower(), source) - zipf(acronym.lower(), target)
    theirs = zipf(low, target) - zipf(low, source)
    if ours > 0 and theirs > 0 and ours + theirs >= 2 * INTERNATIONAL:
        # each language's own initials for one thing: "PDG" / "CEO", "GDP" / "BIP" (each
        # more at home in its language, by a language's gap over the two)
        return False
    return _few_shared(acronym, stand_in)


def _few_shared(acronym: str, other: str) -> bool:
    """Two acronyms share under half their letters: another organisation's, not the same
    initials translated, which keep the cognates ("FBC" / "FSC", "PPE" / "EPI", "NATO" /
    "OTAN")."""
    a, b = list(acronym.upper()), other.upper()
    shared = 0
    for ch in b:
        if ch in a:
            a.remove(ch)
            shared += 1
    return shared < ACRONYM_SHARED * max(len(acronym), len(other))


def _in_capitals(text: str, start: int, end: int) -> bool:
    """The word at ``start``..``end`` stands beside another word in capitals: a heading
    or a shout ("WHO CARES"), not an acronym."""
    before = re.search(r"([^\W\d_]+)\W*$", text[max(0, start - 40) : start])
    after = re.match(r"\W*([^\W\d_]+)", text[end : end + 40])
    return any(
        m is not None and m.group(1).isupper() and len(m.group(1)) > 1 for m in (before, after)
    )


def _international(acronym: str, doc: Document) -> bool:
    """An acronym of four letters or more used about as often in both languages
    ("UNICEF", "NATO" is not: "OTAN"): no language's own initials, so another one in its
    place names another organisation. Three letters are too often a term's initials,
    translated letter by letter ("CMC" / "CFC", "PPE" / "EPI")."""
    assert doc.source is not None
    low = acronym.lower()
    if len(low) < INTERNATIONAL_LETTERS:
        return False
    here, there = zipf(low, doc.lang), zipf(low, doc.source.lang)
    return min(here, there) >= ACRONYM_USED and abs(here - there) < INTERNATIONAL


def _travels_as_acronym(word: str, src_lang: str, lang: str) -> bool:
    """Written as often in the target language as in the source ("CDU", "UNESCO", "VW"):
    gone without a stand-in, it was dropped; an acronym rarer in the target language
    ("GOP", "MP") is often written out in words there."""
    low = word.lower()
    there = zipf(low, lang)
    return there >= ACRONYM_TRAVELS and there >= zipf(low, src_lang) - INTERNATIONAL / 2


def _described(text: str, start: int, lang: str) -> bool:
    """The acronym at ``start`` stands right after a lower-case content word, its
    description ("the rail regulator ORR", "le syndicat CGT")."""
    before = word_before(text, start)
    return before.islower() and zipf(before, lang) < FUNCTION_WORD


def _kept_abroad(word: str, src_lang: str, lang: str) -> bool:
    """Known in the target language's text at all, and not much rarer there than its
    language's own words are ("SNCF", "CGT", "LVMH" in English news): kept where it is
    not written out as a name."""
    low = word.lower()
    there = zipf(low, lang)
    return there >= ACRONYM_KNOWN and there >= zipf(low, src_lang) - 2 * INTERNATIONAL


def _title_case(doc: Document) -> set[int]:
    """Sentences whose everyday words of four letters or more are mostly capitalised:
    headings (not where the language capitalises its nouns anyway). Rare capitalised
    words are left out of the count: names are capitalised in any sentence ("Pogačar
    won the stage ahead of Jonas Vingegaard" is no heading)."""
    out: set[int] = set()
    if doc.lang.split("-")[0] in NOUN_CAPITALISING:
        return out
    for n, sentence in enumerate(doc.sentences):
        long = [
            t.text
            for t in sentence.tokens
            if t.is_word
            and len(t.text) >= 4
            and (t.text.islower() or zipf(t.text.lower(), doc.lang) >= RARE)
        ]
        if len(long) >= 3 and sum(w[0].isupper() for w in long) >= TITLE_CASE * len(long):
            out.add(n)
    return out


_Spanned = TypeVar("_Spanned", Part, Word)


def _between(parts_: Sequence[_Spanned], starts: list[int], lo: int, hi: int) -> list[_Spanned]:
    """The parts or words (in order, ``starts`` their offsets) that lie within [lo, hi]."""
    first = bisect.bisect_left(starts, lo)
    last = bisect.bisect_right(starts, hi)
    return [t for t in parts_[first:last] if t.end <= hi]


_SPANS: weakref.WeakKeyDictionary[Document, tuple[list[tuple[int, int]], list[int]]] = (
    weakref.WeakKeyDictionary()
)


def _sentence_spans(doc: Document) -> tuple[list[tuple[int, int]], list[int]]:
    """The document's sentence spans and their ends (once per document, not per name)."""
    if doc not in _SPANS:
        spans = [(s.start, s.end) for s in doc.sentences]
        _SPANS[doc] = (spans, [e for _s, e in spans])
    return _SPANS[doc]


def _widened(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The window and one target sentence either side (sentence splits differ)."""
    sentences, ends = _sentence_spans(doc)
    i = bisect.bisect_right(ends, start) if sentences else 0  # the first ending after start
    i = i if i < len(sentences) else 0
    j = bisect.bisect_left(ends, end) if sentences else 0  # the first ending at or after end
    j = j if j < len(sentences) else len(sentences) - 1
    lo = sentences[max(i - 1, 0)][0] if sentences else start
    hi = sentences[min(j + 1, len(sentences) - 1)][1] if sentences else end
    return min(lo, start), max(hi, end)


def _acronym(word: str) -> bool:
    """NATO, NPIs, UKs, AfD: acronyms are translated as often as kept (OTAN, INP). At
    least half the letters are capitals: "McEvoy", "DiCaprio", "LeBron" are names."""
    capitals = sum(c.isupper() for c in word)
    return capitals >= 2 and 2 * capitals >= sum(c.isalpha() for c in word)


def _acronym_name(word: str) -> bool:
    """An acronym or initialism that stands for a name: "CDU", "UNESCO", "AfD", "NHS"; a
    plural ("GPs", "NPIs") is a common noun, translated with its own initials ("MG")."""
    if word.endswith("s") and word[:-1].isupper():
        return False
    return 2 <= len(word) <= ACRONYM_MAX and word.isalpha() and _acronym(word) and word[0].isupper()


def _compatible(word: str, acronym: str) -> bool:
    """``word`` writes ``acronym`` in the target: the same letters in another order (the
    target language's word order: "NATO" / "OTAN", "ECB" / "BCE") or with a letter more or
    less ("UN" / "UNO"), declined ("CDU's")."""
    if not word[:1].isupper() or len(word) > ACRONYM_MAX + 2:
        return False
    a, b = acronym.upper(), re.sub(r"['’]?s$", "", word).upper()
    if sorted(a) == sorted(b):
        return True
    return len(a) >= 2 and len(b) >= 2 and (a in b or b in a) and abs(len(a) - len(b)) <= 1


def _same_sounds(a: str, b: str) -> bool:
    """Spellings several letters apart that keep their consonants, or add one: one name
    ("Selenskyj" / "Zelenskyy", "Étrusques" / "Etruscans"); a consonant changed is another
    ("Benhamou" / "Benhaddou", "Belhadem" / "Belkacem")."""
    return Indel.distance(skeleton(a), skeleton(b)) <= 1


def _close(word: str, forms: set[str] | frozenset[str]) -> bool:
    """A target word one or two letters from a form of the name, however common: the name
    arrived in the target's spelling ("Mossul" / "Mosul", "Olympis" / "Olympics")."""
    low = fold(word)
    return len(low) >= 5 and any(
        (
            same_initial(low, f)
            and abs(len(low) - len(f)) <= 2
            and edits(low, f) <= max(1, len(f) // 4)
            and jaro_winkler(low, f) >= 0.88
            and (edits(low, f) == 1 or _same_sounds(low, f))
        )
        # the same sounds, the first letter too: "Toqajew" / "Tokayev", "Qassym" / "Kassym"
        or (len(skeleton(f)) >= 3 and skeleton(low) == skeleton(f))
        for f in forms
        if len(f) >= 5
    )


class _FormIndex:
    """Folded forms by first letter and by skeleton, for ``_close`` over many words."""

    def __init__(self, forms: set[str] | frozenset[str]) -> None:
        self.by_initial: dict[str, list[str]] = {}
        self.by_skeleton: dict[str, list[str]] = {}
        for f in forms:
            if len(f) < CLOSE_LETTERS:
                continue
            self.by_initial.setdefault(f[:1], []).append(f)
            if len(skeleton(f)) >= 3:
                self.by_skeleton.setdefault(skeleton(f), []).append(f)

    def close(self, word: str) -> bool:
        """``_close(word, forms)``, asked of the forms that can answer it."""
        low = fold(word)
        if len(low) < CLOSE_LETTERS:
            return False
        candidates = self.by_initial.get(low[:1], []) + self.by_skeleton.get(skeleton(low), [])
        return _close(word, frozenset(candidates))


CLOSE_LETTERS = 5  # a word this long may be a name a letter or two off (``_close``)
COGNATE_LETTERS = 7  # a source word this long may arrive translated on its stem …
COGNATE_SHARE = 0.75  # … sharing this much of the shorter word from its start
DERIVED_LETTERS = 5  # a dictionary word this long arrives as a word derived from it …
DERIVED_SHARE = 0.6  # … written on this much of it from its start
_ARABIC_ARTICLE = re.compile(r"(?:^|[\s(])(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu)[-‐]$")
_HYPHENATED_RE = re.compile(r"\w+(?:-\w+)+")


def _prefix_length(a: str, b: str) -> int:
    """How many letters two words share from their start."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _cognate(name: str, word: str) -> bool:
    """A folded target word that starts as the folded source word does, for most of the
    shorter one: a learned word translated ("seroepidemiology" / "seroepidemiologique",
    "oncology" / "oncologie"). Names are no learned words: a near miss of a name is
    NM005's, and two names rarely share seven letters from the start."""
    if len(name) < COGNATE_LETTERS or len(word) < COGNATE_LETTERS:
        return False
    n = _prefix_length(name, word)
    return n >= max(COGNATE_LETTERS, COGNATE_SHARE * min(len(name), len(word)))


def _derivative(name: str, word: str) -> bool:
    """A folded word written on most of a shorter folded word's letters from the start:
    "pollinate" on "pollen", "phallic" on "phallus" (a derivation, where ``_cognate``
    wants seven letters)."""
    if len(name) < DERIVED_LETTERS or len(word) < DERIVED_LETTERS:
        return False
    n = _prefix_length(name, word)
    return n >= max(DERIVED_LETTERS - 1, DERIVED_SHARE * len(name))


def _rare_initial(p: Part, weak: set[int], lang: str) -> bool:
    """A sentence's first word rare enough in the language to be a name ("Gerdes
    announced"); weak evidence (technical words are rare too: "Serology"), unless no
    dictionary of the language holds it."""
    if _acronym(p.text) or len(p.text) < 3:
        return _acronym(p.text)
    if zipf(p.text.lower(), lang) >= INITIAL_NAME:
        return False
    if (
        len(p.text) >= TRAVELLING_LETTERS
        and not known(p.text.lower(), lang)
        and not p.text.lower().endswith(tuple(lang_list("word_endings", lang)))
    ):
        return True  # no dictionary holds it either: a name ("Ohlendorf said …")
    weak.add(p.start)
    return True


def _foreign_run(
    home: list[Part],
    held_by_source: Callable[[Part], bool],
    lang: str,
    articles: frozenset[str] = frozenset(),
) -> list[Part]:
    """The first part of each run of two capitalised words or more inside its sentence,
    none of which the source holds, its ``articles`` aside: another multi-word name
    ("Harvard Kennedy School", "Le Figaro" for "Le Monde"). Only where the target does not
    capitalise its nouns."""
    if lang.split("-")[0] in NOUN_CAPITALISING:
        return []
    return [
        run[0]
        for run in _joined_runs(home)
        if len(run) > 1
        and not run[0].initial
        # words, not the pieces of one hyphenated word ("États-Unis", "Moyen-Orient")
        and not all(t.hyphen for t in run)
        # no everyday word of the language: "Le Bureau", "Grand Sceau" are translations
        and all(zipf(t.text.lower(), lang) < NAME_MAX for t in run)
        and not any(held_by_source(t) for t in run if t.text.lower() not in articles)
        and any(t.text.lower() not in articles for t in run)
    ]


def _joined_runs(home: list[Part]) -> list[list[Part]]:
    """``home`` cut into runs of capitalised words joined inside one sentence."""
    runs: list[list[Part]] = []
    for t in home:
        if runs and t.joined and t.sentence == runs[-1][-1].sentence:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _kept_run(
    home: list[Part],
    held_by_source: Callable[[Part], bool],
    src_lang: str,
    lang: str,
    nouns_too: bool = False,
) -> list[Part]:
    """The first part the source does not hold of each run of two capitalised words or
    more inside its sentence that keeps a word of the source's language, as the name of
    another body kept untranslated would ("Norddeutscher Rundfunk"). Only where the
    target does not capitalise its nouns, unless ``nouns_too``."""
    if lang.split("-")[0] in NOUN_CAPITALISING and not nouns_too:
        return []
    out: list[Part] = []
    for joined in _joined_runs(home):
        run = [t for t in joined if not t.initial]  # "The | Stuttgarter Zeitung"
        new = [t for t in run if not held_by_source(t)]
        if (
            len(run) > 1
            and new
            and any(
                zipf(t.text.lower(), src_lang) - zipf(t.text.lower(), lang) >= OWN_MARGIN
                for t in new
            )
        ):
            out.append(new[0])
    return out


def _travelling_noun(p: Part, lang: str, other: str) -> bool:
    """A capitalised word no compound of known words, about as frequent in the other
    language (names travel), and no everyday word: "Jeep", "Primark", "Yankees"."""
    if len(p.text) < TRAVELLING_LETTERS or compound_of_words(p.text, lang):
        return False
    here, there = zipf(p.text.lower(), lang), zipf(p.text.lower(), other)
    return there >= TRAVELS and abs(here - there) < INTERNATIONAL and here < NAME_MAX


def _name_after_article(t: Part, lang: str, other: str) -> bool:
    """Where nouns are not capitalised, a capitalised word after an article, inside the
    sentence, that reads as a name: rare, or a name that travels ("a Volkswagen", "the
    Tottenham"); "the Government" is an everyday word, "the Senate" does not travel."""
    if lang.split("-")[0] in NOUN_CAPITALISING or not t.after_det or t.initial:
        return False
    if t.hyphen or "-" in t.text or compound_of_words(t.text, lang):
        return False
    here = zipf(t.text.lower(), lang)
    if here >= NAME_MAX:
        return False
    return here < RARE or _travels(t.text, here, other)


def _rare_name(t: Part, text: str, lang: str, other: str, initial: bool = False) -> bool:
    """A stand-in that can only be a name: one word, no compound of known words, rare, or
    (where nouns are not capitalised) a lone word as frequent in the other language
    ("Tottenham", "Greece")."""
    if t.hyphen or t.after_det or "-" in t.text or compound_of_words(t.text, lang):
        return False
    if zipf(t.text.lower(), lang) < RARE:
        return True
    return lang.split("-")[0] not in NOUN_CAPITALISING and _famous(t, text, lang, other, initial)


def _after_adjective(text: str, start: int, lower_only: bool = False) -> bool:
    """German: a capitalised word after an inflected adjective is a noun ("schwarzes
    Loch", "das Schwarze Loch")."""
    m = re.search(r"(\w+)\s+$", text[:start])
    if (
        not m
        or len(m.group(1)) < 4
        or not m.group(1).lower().endswith(("e", "en", "er", "es", "em"))
    ):
        return False  # "es Snapchat", "zu Ende": a pronoun or particle is no adjective
    if m.group(1).islower():
        return True
    if lower_only:
        return False
    here, there = zipf(m.group(1).lower(), "de"), zipf(m.group(1).lower(), "en")
    # a capitalised word as frequent in English is a first name, not an adjective:
    # "Charles Darwin", "James Cook"; "das Schwarze Loch" stays a noun phrase
    return here >= RARE and not (there >= TRAVELS and abs(here - there) < INTERNATIONAL)


OWN_WORD = 3.5  # Zipf from which a word is a common word of its language …
OWN_MARGIN = 0.8  # … when the other language uses it this much less (names travel)


def _own_word(word: str, lang: str, other: str) -> bool:
    """A common word of ``lang`` that ``other`` does not share: "Security" (en 5.2, de
    4.1), not "York" (5.4, 4.9) nor "Harvard" (4.2, 3.7)."""
    if fold(word) in by_name(lang) or is_city(word, lang):
        return False
    here = zipf(word.lower(), lang)
    return (
        here >= OWN_WORD
        and here - zipf(word.lower(), other) >= OWN_MARGIN
        and known(word.lower(), lang)  # "Auvergne" is no word of French
    )


def _source_name_like(p: Part, lang: str, other: str, nouns: bool, short_ok: bool = False) -> bool:
    """A capitalised word taken for a name. Where the language capitalises its nouns
    (German), only a word about as frequent in the other language is: names travel,
    nouns ("Kuriosität", "Amtsenthebungsverfahren") do not."""
    if not nouns:
        return _name_like(p, lang, other)
    if p.after_det or compound_of_words(p.text, lang):
        return False
    if len(p.text) < TRAVELLING_LETTERS and not short_ok:
        return False
    here, there = zipf(p.text.lower(), lang), zipf(p.text.lower(), other)
    return there >= TRAVELS and abs(here - there) < INTERNATIONAL and here < NAME_MAX


def _stand_in_like(t: Part, lang: str, other: str, nouns: bool, data: NamesData | None) -> bool:
    """A target word that reads as a name standing where a source name belongs. Where the
    target capitalises its nouns (German), a word about as frequent in the other language
    is as often a cognate noun ("Pause", "Sauce", "Gold") as a name: it must be rare there
    too, unknown in both languages, or a name the names data knows."""
    if nouns:
        if (
            data is not None
            and _travelling_name_word(t.text, data.index(lang).approved.get(fold(t.text), []))
            and zipf(t.text.lower(), lang) < NAME_MAX  # not "Der" of "Der Spiegel"
        ):
            return True
        return _unknown(t, lang, other) or (
            _source_name_like(t, lang, other, nouns, short_ok=True)
            and zipf(t.text.lower(), lang) < RARE
        )
    return _source_name_like(t, lang, other, nouns, short_ok=True)


def _travelling_name_word(word: str, refs: list[NameWord]) -> bool:
    """A word of a known name that the name's other languages write too, or spell alike
    ("Merkel", "Selenskyj" / "Zelenskyy"): a generic word of a name is translated there
    ("Fluss Dnipro" / "Dnipro River"; "Meer" is no "mer") and stands for no name."""
    low, bones = fold(word), skeleton(word)
    return any(
        low == fold(w) or (len(bones) >= 3 and bones == skeleton(w))
        for ref in refs
        for term in ref.concept.terms
        if term.lang != ref.term.lang
        for w in term.text.split()
    )


def _famous(p: Part, text: str, lang: str, other: str, initial: bool = False) -> bool:
    """A lone capitalised word mid-sentence (not in a title like "World Champion", not
    after a colon or a determiner), frequent but about as frequent in the other language:
    names travel ("Clinton", "Tottenham"), words are translated. ``initial``: a sentence's
    first word counts too, where it stands for the source sentence's first word ("Hindes
    sagte" / "Trudeau said")."""
    if (p.initial and not initial) or p.after_det or len(p.text) < 3 or _acronym(p.text):
        return False
    if re.search(r"[:;\"“„«(]\s*$", text[max(0, p.start - 3) : p.start]):
        return False
    here = zipf(p.text.lower(), lang)
    return RARE <= here < NAME_MAX and _travels(p.text, here, other)


def _unknown(p: Part, lang: str, other: str) -> bool:
    """Known in neither language, short, no compound of known words: a name ("Rebull"),
    even after a word that looks like an adjective ("sagte Rebull")."""
    if p.after_det or not 4 <= len(p.text) <= UNKNOWN_LETTERS:
        return False
    low = p.text.lower()
    if zipf(low, lang) >= UNKNOWN or zipf(low, other) >= UNKNOWN:
        return False
    return not compound_of_words(p.text, lang)


def _undefined(p: Part, lang: str) -> bool:
    """Where nouns are capitalised: a word no dictionary of the language holds, in any
    of its declined forms, and no compound of its words: a place or a person ("in
    Lörrach", "Todtnau"), however often the language's news names it."""
    if p.after_det or not TRAVELLING_LETTERS <= len(p.text) <= UNDEFINED_LETTERS:
        return False  # a longer word no dictionary holds is a compound ("Tierarztpraxis")
    low = p.text.lower()
    if any(
        zipf(low[:k], lang) >= SHORT_PART and zipf(low[k:], lang) >= SHORT_PART
        for k in range(3, len(low) - 2)
    ):
        return False  # a short compound: "Eisberge", "Tierwohl"
    return not _in_dictionary(p.text, lang)


def _in_dictionary(word: str, lang: str) -> bool:
    """The dictionary holds the word in one of its declined forms, a plural's changed
    vowel given back too ("Altertümer" -> "altertum")."""
    vowels = language_data().get("plural_vowels", {}).get(lang.split("-")[0], {})
    for base, _ending in declined(word, lang):
        low = base.lower()
        at = max((low.rfind(v) for v in vowels), default=-1)
        if known(low, lang) or (
            at >= 0 and known(low[:at] + vowels[low[at]] + low[at + 1 :], lang)
        ):
            return True
    return False


def _city_adjective(word: str, city: str) -> bool:
    """A folded word written on a folded city name: "lyonnaise" on "lyon", "nantaise" on
    "nantes", "marseillais" on "marseille"."""
    return word != city and shares_stem(word, city, CITY_STEM, CITY_SHARE)


def _other_city(
    word: str, forms: set[str], places: set[str] | frozenset[str] = frozenset()
) -> bool:
    """``word`` names a city of 50 000 people or more by its own name, none of whose
    names is one of ``forms``; or any place the places data knows, when it is a near miss
    of one of the source's ``places`` ("Weinheim" for "Weilheim": two towns)."""
    size = population(word)
    if not city_forms(word).isdisjoint(forms):
        return False
    return size >= TOWN or (size > 0 and fold(word) not in places and _close(word, places))


def _joined_to_held(
    t: Part, home: list[Part], held_by_source: Callable[[Part], bool], titles: frozenset[str]
) -> bool:
    """A capitalised word joined, directly or through others, to one the source holds
    that is no first name or title ("Mia Vauquelin", "Professor Haverkamp" stand in)."""
    given = given_names()
    k = home.index(t)
    lo = k
    while lo > 0 and home[lo].joined and home[lo - 1].sentence == t.sentence:
        lo -= 1
    hi = k
    while hi + 1 < len(home) and home[hi + 1].joined and home[hi + 1].sentence == t.sentence:
        hi += 1
    return any(
        held_by_source(home[n]) and home[n].text not in given and home[n].text.lower() not in titles
        for n in range(lo, hi + 1)
        if n != k
    )


def _person_like(
    t: Part, home: list[Part], doc: Document, honorifics: frozenset[str], data: NamesData | None
) -> bool:
    """A target word that can stand for a person: a given name or the word right after
    one ("Franck Haise"), a word after a title ("Frau Kowalczyk"), or a person's name the
    names data knows."""
    given = given_names()
    k = home.index(t)
    if t.text in given or (k and t.joined and home[k - 1].text in given):
        return True
    if word_before(doc.text, t.start).lower() in honorifics:
        return True
    return data is not None and fold(t.text) in data.index(doc.lang).approved


def _after_first_name(
    first: Part, here: list[Part], held_by_source: Callable[[Part], bool], particles: frozenset[str]
) -> Part | None:
    """The capitalised word the target writes right after the source's first name (past a
    name particle: "Gaëlle Le Gall"), where it is no word the source holds: the surname
    that stands in for the source's."""
    for k, t in enumerate(here[:-1]):
        nxt = here[k + 1]
        if fold(t.text) == fold(first.text) and nxt.joined and nxt.sentence == t.sentence:
            if nxt.text.lower() in particles and k + 2 < len(here):
                after = here[k + 2]
                if after.joined and after.sentence == t.sentence:
                    nxt = after
            return None if held_by_source(nxt) else nxt
    return None


def _first_name_before(
    surname: Part, here: list[Part], given: frozenset[str], forms_of: str
) -> Part | None:
    """The given name the target writes right before the source's surname, where it is
    another given name than the source's (no respelling of it: "Michail" / "Mikhail")."""
    for k, t in enumerate(here[1:], 1):
        before = here[k - 1]
        if (
            fold(t.text) == fold(surname.text)
            and t.joined
            and before.sentence == t.sentence
            and before.text in given
            and not _close(before.text, {fold(forms_of)})
            and fold(before.text) != fold(forms_of)
        ):
            return before
    return None


def _letter_compound(text: str, t: Part) -> bool:
    """``t`` is a piece of a hyphenated word with a piece of one or two letters: a
    compound ("S-Bahn", "E-Auto"), no name of its own."""
    if not t.hyphen:
        return False
    lo = t.start
    while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "-"):
        lo -= 1
    hi = t.end
    while hi < len(text) and (text[hi].isalnum() or text[hi] == "-"):
        hi += 1
    return any(len(piece) <= 2 for piece in text[lo:hi].split("-"))


def _in_brackets(text: str, start: int) -> bool:
    """``start`` lies inside round brackets opened in its line."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return line.rfind("(") > line.rfind(")")


def _orphan_like(t: Part, lang: str) -> bool:
    """A capitalised word that can only be a name: rare in the language, no word of its
    dictionary, no compound of its words, no acronym (those are checked on their own)."""
    return (
        len(t.text) >= 4
        and not _acronym(_POSSESSIVE_RE.sub("", t.text))
        and zipf(t.text.lower(), lang) < RARE
        and not spell_known(t.text.lower(), lang)
        and not compound_of_words(t.text, lang)
    )


def _rare_word(p: Part, lang: str) -> bool:
    """Rare in the language and no compound of its words."""
    return zipf(p.text.lower(), lang) < RARE and not compound_of_words(p.text, lang)


def _name_like(t: Part, lang: str, other: str) -> bool:
    """A capitalised word that reads as a name: not after a determiner (a noun), no
    compound of common words, and rare in the language or about as frequent in another
    one (names travel: "Theresa", "May", "Macron"; nouns do not: "Montag")."""
    # after a determiner a noun, unless a name made a modifier: "the Ditzingen-based firm"
    if (t.after_det and not t.modifier_head) or compound_of_words(t.text, lang):
        return False
    # the word as written ("Biles" is rare, "bile" is not); its undeclined forms only when
    # the written one is unknown ("Merkels")
    here = zipf(t.text.lower(), lang) or max(
        zipf(b.lower(), lang) for b, _e in declined(t.text, lang)
    )
    if here >= NAME_MAX:
        return False  # a function or everyday word ("Am", "Die")
    return here < RARE or abs(here - zipf(t.text.lower(), other)) < INTERNATIONAL


@lru_cache(maxsize=16)
def _exonym_openers(src_lang: str, lang: str) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """The exonyms of ``src_lang`` names of at least COMPOUND_NAME letters, by their first
    COMPOUND_NAME letters: one lookup per source word for a compound it opens."""
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name, names in _exonyms(src_lang, lang).items():
        if len(name) >= COMPOUND_NAME:
            table.setdefault(name[:COMPOUND_NAME], []).append((name, frozenset(names)))
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=16)
def _exonyms(src_lang: str, lang: str) -> dict[str, set[str]]:
    """Folded source name -> folded target names (names.toml [exonyms]): Munich/München."""
    table = language_data().get("exonyms", {}).get(f"{src_lang}-{lang}", {})
    out: dict[str, set[str]] = {}
    for source, targets in table.items():
        out.setdefault(fold(source), set()).update(fold(t) for t in targets)
    # regions, states and landscapes: every name of a group for every other ([regions])
    for group in language_data().get("regions", {}).get("groups", []):
        folded = {fold(name) for name in group}
        for name in folded:
            out.setdefault(name, set()).update(folded - {name})
    return out
