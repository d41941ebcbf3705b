"""Source words carried into the translation untranslated (AC010)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.checks.accuracy.common import alignment, joined, paired
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.names.given import given_names, surnames
from tqcheck.names.places import is_place
from tqcheck.names.text import determiners, lang_tuple, word_before
from tqcheck.registry import check
from tqcheck.text.frequency import zipf
from tqcheck.text.spell import known

SOURCE_COMMON = 3.0  # Zipf: an everyday word of the source language ...
SOURCE_UNSEEN = 2.5  # (a word the target language never uses may be rarer) ...
SOURCE_NOUN = 3.5  # ... (a capitalised one, since rarer capitalised words are names) ...
TARGET_CAP = 4.2  # ... that the target language uses far less (English words reach
MARGIN = 1.4  # 4.0 in German web text) by this much: not a loanword ("Team", "Deal")
QUOTE_WORDS = 3  # a quotation this short may cite the original: "the word 'taxes'"
MIN_LETTERS = 3
BRACKET_REACH = 40  # characters between a bracket and the words it holds
GLOSS_WORDS = 4  # words of a bracketed original: "(employment tribunal)", not a clause
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
KNOWN_HERE = 2.5  # a capitalised word this frequent in an English or French target is a name
WINDOW = 200  # characters read before a word for its neighbours
_QUOTES = '"„“”«»'
NAME_RUN_MAX = 12  # words of a capitalised run searched for a name the source has


@check(
    code="AC010",
    name="untranslated-source-word",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs={"source"},
)
def untranslated_source_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A word of the aligned source stands untranslated in the translation.

    What it finds:
    A target word that is also a word of its aligned source sentence, an everyday
    word of the source language and rare in the target language (wordfreq: at
    least 1.5 Zipf points apart, so loanwords the target language uses, "Team",
    "online", are fine), written in lower case in the source (a capitalised
    source word is a name), outside quotation marks. Adjacent such words are one
    finding: "die taxes", "die new rules". Needs no model.

    Why it matters:
    Machine translation leaves source words it cannot place; a reader of the
    target language stumbles over them and loses their meaning.

    Example:
    source "The government wants to cut taxes." / target "Die Regierung will die
    taxes senken." -> translate "taxes"
    """
    if doc.source is None or doc.source.lang.split("-")[0] == doc.lang.split("-")[0]:
        return
    src_lang = doc.source.lang
    nouns = bool(ctx.pack.get("repetition", "nouns_capitalised", False))
    source_nouns = bool(
        ctx.resources.langpack(src_lang).get("repetition", "nouns_capitalised", False)
    )
    kept = _kept_name_words(doc.text, doc.source.text)
    inflections = tuple(ctx.pack.get("repetition", "adjective_inflections", ()))
    particles = ctx.pack.lower_set("repetition", "name_particles") | ctx.resources.langpack(
        src_lang
    ).lower_set("repetition", "name_particles")
    al = alignment(ctx)
    for _k, link in paired(al):
        src_pieces, tgt_pieces = al.sides(link)
        source = joined(src_pieces)
        # the source's common words: lower case, or any case where the source language
        # capitalises its nouns (German); a capitalised word elsewhere is a name
        lower_source = {
            m.group().lower(): m.group()[0].isupper()
            for m in _WORD_RE.finditer(source)
            if m.group()[0].islower() or source_nouns
        }
        for piece in tgt_pieces:
            run: list[tuple[int, int]] = []
            for m in _WORD_RE.finditer(piece.text):
                word = m.group()
                start, end = piece.start + m.start(), piece.start + m.end()
                if word[0].isupper() and not (nouns or source_nouns):
                    continue  # a capitalised word in English or French: a name or a title
                if word.isupper() and len(word) > 1:
                    continue  # an acronym: "MIT", "SPD"
                if (
                    word[0].isupper()
                    and not nouns
                    and not _sentence_start(piece.text, m.start())
                    and zipf(word.lower(), doc.lang) >= KNOWN_HERE
                ):
                    continue  # capitalised mid-sentence and known here: a name ("Dresden")
                # where nouns are capitalised, one in lower case after a determiner or an
                # inflected adjective is a source noun left ("ein observer")
                noun_slot = (
                    nouns
                    and word.islower()
                    and _noun_slot(piece.text, m.start(), doc.lang, inflections, lower_source)
                )
                if not _left(word, lower_source, src_lang, doc.lang, noun_slot):
                    continue  # (first: the cheap test, before the context is read)
                if word[0].isupper() and not nouns and word in surnames() | given_names():
                    continue  # a person the target writes capitalised: "Lanz said"
                if _in_address(piece.text, m) or _quoted(piece.text, m, lower_source):
                    continue
                if word[0].isupper() and _in_capital_run(piece.text, m):
                    continue  # "Regine Kunde", "Pistol Brace Rule": a name or a title
                if word[0].isupper() and word.lower() in kept:
                    continue  # "das Department": short for a name the text keeps whole
                if word[0].isupper() and (is_place(word) or _hyphen_name(piece.text, m)):
                    continue  # "in Göttingen", "Baden-Württemberg", "Oyelaran-Schütz"
                if word[0].isupper() and _street(word, piece.text, m, src_lang):
                    continue  # "on Hartmannstraße", "Straße der Nationen": an address
                if word[0].islower() and _inside_name(piece.text, m, source, particles, nouns):
                    continue  # "the Secours populaire", "van der Burgh", "Thiaroye-sur-Mer"
                if nouns and _hyphen_compound(piece.text, m, doc.lang):
                    continue  # "Fast-Food-Kette": a compound of the target language
                if run and doc.text[run[-1][1] : start].strip() == "":
                    run[-1] = (run[-1][0], end)
                else:
                    run.append((start, end))
            for start, end in run:
                if _glossed(doc.text, start, end):
                    continue
                text = doc.text[start:end]
                yield ctx.finding(
                    start,
                    end,
                    f"source word{'s' if ' ' in text else ''} left untranslated "
                    f"({src_lang}): {text!r}",
                )


_GLOSS_AFTER_RE = re.compile(r"\s*\(\s*[\"“„«‘]?[^\W\d_]")  # words, not "(721.2 million euros)"


def _glossed(text: str, start: int, end: int) -> bool:
    """The source words at ``start:end`` are kept on purpose and explained: a translation
    in brackets right after them ("the Hochzeitshaus (Wedding House)"), or they are the
    original in brackets after their translation ("un tribunal du travail (employment
    tribunal)")."""
    opened = text.rfind("(", max(0, start - BRACKET_REACH), start)
    closed = text.find(")", end, end + BRACKET_REACH)
    if (
        opened >= 0
        and closed >= 0
        and ")" not in text[opened:start]
        and "(" not in text[end:closed]
        and len(text[opened + 1 : closed].split()) <= GLOSS_WORDS
    ):
        return True  # "un tribunal du travail (employment tribunal)"
    return _GLOSS_AFTER_RE.match(text, end) is not None


def _noun_slot(
    text: str, start: int, lang: str, inflections: tuple[str, ...], source: dict[str, bool]
) -> bool:
    """The word at ``start`` stands where a noun goes: right after a determiner or an
    inflected adjective of the target ("ein observer", "eine kleine keyboard", "ein
    unbelievable Schock"); "viral gehen" and "online viral" (a source word before) are no
    such place."""
    word = word_before(text, start)
    if not word:
        return False
    return word.lower() in determiners(lang) or (
        word.islower()
        and len(word) > 3
        and word.endswith(inflections)
        and word.lower() not in source
    )


def _left(
    word: str, source_words: dict[str, bool], src_lang: str, lang: str, noun_slot: bool = False
) -> bool:
    low = word.lower()
    if len(low) < MIN_LETTERS or low not in source_words:
        return False
    there, here = zipf(low, src_lang), zipf(low, lang)
    if (
        noun_slot
        and word.islower()
        and not source_words[low]
        and there >= SOURCE_COMMON
        and here <= TARGET_CAP
        and not known(low, lang)
    ):
        # where the target capitalises its nouns, a loanword is written as one ("das
        # Keyboard"): a source word in lower case that the target's dictionary lacks so
        # was left ("ein observer", "die ransom"), however often its web text quotes it
        return True
    if here > TARGET_CAP or there - here < MARGIN:
        return False
    if not source_words[low]:
        # an everyday source word; or one the target language has never seen: "plummeted"
        return there >= SOURCE_COMMON or (here == 0 and there >= SOURCE_UNSEEN)
    # a capitalised source word: a frequent noun; a rarer one is a name ("Schönau")
    return there >= SOURCE_NOUN


_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le"})


def _kept_name_words(text: str, source: str) -> set[str]:
    """Words of the multi-word names the translation copies from the source as they are
    ("Minnesota Department of Natural Resources"): the text may use one of them alone
    for the name ("das Department erinnerte …")."""
    out: set[str] = set()
    run: list[re.Match[str]] = []

    def close() -> None:
        # the longest stretch of the run, two capitalised words or more, in the source
        # ("Das Minnesota Department …": the article is not part of the name)
        best: list[re.Match[str]] = []
        caps = [k for k, m in enumerate(run[:NAME_RUN_MAX]) if m.group()[0].isupper()]
        for a in caps:
            for b in reversed(caps):
                if b <= a or b - a + 1 <= len(best):
                    break
                if text[run[a].start() : run[b].end()] in source:
                    best = run[a : b + 1]
                    break
        out.update(m.group().lower() for m in best)
        run.clear()

    for m in _WORD_RE.finditer(text):
        joined = bool(run) and text[run[-1].end() : m.start()] in (" ", "\u00a0")
        capital = m.group()[0].isupper()
        if capital and (joined or not run):
            run.append(m)
        elif joined and m.group() in _CONNECTORS and run[-1].group()[0].isupper():
            run.append(m)
        else:
            close()
            if capital:
                run.append(m)
    close()
    return out


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \u00a0\"“„«'‘(")
    return not before or before[-1] in ".!?:\n"


def _in_capital_run(text: str, m: re.Match[str]) -> bool:
    """The word and a neighbour are both capitalised, mid-sentence, or joined by a
    connector ("University of Greifswald"): a name or a title."""
    lo = max(0, m.start() - WINDOW)  # bounded reads: no copy of the text before per word
    before = re.search(r"([^\W\d_][\w'’-]*)([ \u00a0])$", text[lo : m.start()])
    if before and before.group(1)[0].isupper():
        start = lo + before.start()
        ahead = text[max(0, start - WINDOW) : start].rstrip()
        if ahead and ahead[-1] not in ".!?:" and text[start - 1 : start] not in _QUOTES:
            return True
    # … or through a connector: "the University of Greifswald", "Banque de France"
    linked = _LINKED_RE.search(text[lo : m.start()])
    if linked and linked.group(1)[0].isupper() and linked.group(2).lower() in _CONNECTORS:
        return True
    after = re.compile(r"[ \u00a0]([^\W\d_])").match(text, m.end())
    return bool(after and after.group(1).isupper())


_LINKED_RE = re.compile(r"([^\W\d_][\w'’-]*)[ \u00a0]+([^\W\d_]+)[ \u00a0]+$")


def _street(word: str, text: str, m: re.Match[str], src_lang: str) -> bool:
    """A street or square of the source's language: a word with a street ending
    ("Maximilianstraße", "Kennedyplatz"), or a street word before an article and a
    capitalised name ("Straße der Nationen")."""
    endings = lang_tuple("street_endings", src_lang)
    if not endings:
        return False
    low = word.lower()
    if low.endswith(endings) and low not in endings:
        return True
    if low in endings:
        return bool(_STREET_NAME_RE.match(text, m.end()))
    # a name word after the street word and its article: "Nationen" of "Straße der Nationen"
    before = _STREET_BEFORE_RE.search(text[max(0, m.start() - WINDOW) : m.start()])
    return before is not None and before.group(1).lower() in endings


_STREET_NAME_RE = re.compile(r"[ \u00a0]+[^\W\d_]{2,3}[ \u00a0]+[^\W\d_]")  # " der N"
_STREET_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \u00a0]+[^\W\d_]{2,3}[ \u00a0]+$")


def _hyphenated(text: str, m: re.Match[str]) -> str:
    """The whole hyphenated word ``m`` stands in ("start-up" for "start")."""
    start, end = m.start(), m.end()
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return text[start:end]


def _hyphen_name(text: str, m: re.Match[str]) -> bool:
    """A capitalised piece of a hyphenated word whose other pieces are capitalised too: a
    double name ("Baden-Württemberg", "Oyelaran-Schütz", "Friedrichshain-Kreuzberg")."""
    pieces = [p for p in _hyphenated(text, m).split("-") if p]
    return len(pieces) > 1 and all(p[:1].isupper() for p in pieces)


def _inside_name(
    text: str, m: re.Match[str], source: str, particles: frozenset[str], nouns: bool
) -> bool:
    """A lower-case word inside a name: a piece of a hyphenated name ("Thiaroye-sur-Mer"),
    a particle between capitalised words ("van der Burgh"), or, where the target writes
    its nouns in lower case, a word of a name in sentence case that the translation
    copies whole from the source, opening on a capital mid-sentence ("the Pôle
    métropolitain du Genevois français", "the Secours populaire")."""
    word = m.group()
    whole = _hyphenated(text, m)
    if whole != word and whole[:1].isupper() and whole.split("-")[-1][:1].isupper():
        return True
    if word.lower() in particles:
        before = _NAME_BEFORE_RE.search(text[max(0, m.start() - WINDOW) : m.start()])
        after = _NAME_AFTER_RE.match(text, m.end())
        if before and before.group(1)[:1].isupper() and after and after.group(1).isupper():
            return True
    if nouns:
        return False
    # back over the lower-case words before it to the capitalised word opening the run
    lo = max(0, m.start() - WINDOW)
    run = list(_RUN_WORD_RE.finditer(text[lo : m.start()]))
    k = len(run)
    while k > 0 and run[k - 1].group()[:1].islower():
        k -= 1
    if k == 0:
        return False
    opener = run[k - 1]
    if opener.group().isupper():
        return False  # an acronym opens no name in sentence case: "CAS confirmed"
    if _sentence_start(text, lo + opener.start()):
        return False  # capitalised anyway
    phrase = text[lo + opener.start() : m.end()]
    return len(phrase.split()) <= NAME_RUN_MAX and phrase in source


# a capitalised word, maybe one more word, then spaces: what stands before a particle
_NAME_BEFORE_RE = re.compile(r"([^\W\d_][\w'’-]*)[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+)?$")
_NAME_AFTER_RE = re.compile(r"(?:[ \u00a0]+[^\W\d_]+)?[ \u00a0]+([^\W\d_])")
_RUN_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _hyphen_compound(text: str, m: re.Match[str], lang: str) -> bool:
    """A part of a hyphenated compound with a word of the target language."""
    parts = [p for p in _hyphenated(text, m).split("-") if p and p != m.group()]
    return any(zipf(p.lower(), lang) >= SOURCE_COMMON for p in parts)


def _in_address(text: str, m: re.Match[str]) -> bool:
    """Part of a URL, a path, a domain or an address: "www.cdc.gov/downloads"."""
    start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    end = len(text) if (e := text.find(" ", m.end())) == -1 else e
    token = text[start:end]
    spaced = text[max(0, start - 3) : end + 3]  # around the whole token
    if re.search(r"/\s|\s/", spaced):
        return True  # a URL written with spaces: "www.cdc.gov / downloads / …"
    return "/" in token or "@" in token or "www." in token or bool(re.search(r"\w\.\w", token))


def _quoted(text: str, m: re.Match[str], source_words: dict[str, bool]) -> bool:
    """Inside a short quotation citing the original ("the word 'taxes'"), or a quotation
    mostly in the source language; a translated quotation is checked like the rest."""
    before = text[: m.start()]
    if sum(before.count(q) for q in _QUOTES) % 2 == 0:
        return False
    opening = max(before.rfind(q) for q in _QUOTES)
    closing = [i for q in _QUOTES if (i := text.find(q, m.end())) != -1]
    quote = text[opening + 1 : min(closing) if closing else len(text)]
    words = [w.lower() for w in _WORD_RE.findall(quote)]
    kept = sum(w in source_words for w in words)
    return len(words) <= QUOTE_WORDS or kept * 2 >= len(words)
