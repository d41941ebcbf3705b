#!/usr/bin/env python3
"""Build five corruption sets (tqcheck eval format) from human reference translations.

Stdlib only, deterministic: ``random.Random(20261207)`` seeds one generator per set, and every
random decision is drawn before any filtering, so editing a raw file changes only its own rows.

Outputs (bench/data/)
---------------------
* ``names_source.jsonl``   segment rows with source: a name found identically in source and target
  is replaced in the target by another real name of the same type (``name_replaced``) or dropped
  from it (``name_dropped``, zero-width span at the deletion point).
* ``names_unknown.jsonl``  document rows (5-40 segments joined with blank lines), target only: one
  mention of a person or place name misspelled by one edit; kind ``name_misspelled_<first|later|
  lone>/<in_data|out_of_data>`` (whether the name is in glossaries/names.tbx).
* ``source_words.jsonl``   segment rows with source: 1-3 common source-language words left in the
  translation in place of the words they translate (hand-made: raw/corrupt_source_words.txt).
* ``spelling.jsonl``       segments or short paragraphs, target only: one letter inserted, deleted
  or two adjacent letters transposed in one content word of 5+ letters.
* ``sentence_case.jsonl``  paragraphs of 2-4 sentences, target only: one sentence starting in lower
  case (span: its first word) or written all in lower case (span: the sentence).

Every set has as many untouched rows of the same carriers (``errors: []``) as it has corrupted
rows (names_unknown: every document once); names_source controls mark the name as a ``kept_name``
negative.

Carriers (../shared/benchmarks, override with TQCHECK_SHARED_BENCHMARKS): the human references
(and their English sources) of wmt-mqm-ende (``is_human_translation``), terminology-ende/
dinu2019_wmt17_ende.jsonl and terminology-enfr/wmt21_dev_enfr.jsonl (detokenised as in
make_doubles_fragments.py). English targets are the English sources, with the reference as
source. wmt25_track1_ende.jsonl (non-commercial) is never read. Carrier keys: ``ted:talk.N/<seg>``,
``sxs:<doc>/<seg>``, ``dinu:<newstest2017 line>``, ``enfr:<doc>/<seg>``; ``@en`` = English side.
Origins: ``doc:<benchmark doc>``; newstest2017 lines are grouped by line // 20
(``doc:newstest2017/<n // 20>``).

Hand-made raw files (bench/data/raw/)
-------------------------------------
* ``corrupt_names.tsv``       names found identically in source and reference, typed by hand
  (person with gender, city, country, region, org, company, media, team, product).
* ``corrupt_name_pool.tsv``   per-language replacement countries and regions with their article class.
* ``corrupt_source_words.txt`` ``SW <carrier> || <old> || <new with ⟦source words⟧>``.
* ``corrupt_reject.tsv``      ``<set> <TAB> <lang> <TAB> <word>``: generated forms judged to be real
  words of the language (typos, misspellings) or carrier words not to corrupt; never produced.
* ``names_source_<N>.jsonl``  independent batches of names_source rows written by hand as eval rows
  (origins ``nown<N>:<lang>-<genre>-<k>``, each corrupted pair with its correct twin), by writers
  who had not read the rules; appended as they are and split by origin like the rest.
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_doubles_fragments as mdf  # noqa: E402  (carrier loading and detokenising)
import splits  # noqa: E402

SEED = 20261207
DATA = HERE.parent
RAW = DATA / "raw"
REPO = DATA.parent.parent
SHARED = mdf.SHARED
TBX = REPO / "glossaries" / "names.tbx"
SETS = ["names_source", "names_unknown", "source_words", "spelling", "sentence_case"]
OPEN, CLOSE = "⟦", "⟧"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

LOWER = "a-zß-öø-ÿœæ"
UPPER = "A-ZÀ-ÖØ-Þ"
WORD_RE = re.compile(rf"[{UPPER}{LOWER}]+")


class BuildError(Exception):
    pass


def wb(s: str) -> str:
    """Regex for s as a whole word (no letter, digit or hyphen on either side)."""
    return r"(?<![\w-])" + re.escape(s) + r"(?![\w-])"


def occurs(hay: str, s: str) -> bool:
    return re.search(wb(s), hay) is not None


# --------------------------------------------------------------------------- carriers
def load_carriers() -> dict:
    car = mdf.load_carriers()
    for key, c in car.items():
        if key.startswith("dinu:"):
            c["origin"] = f"doc:newstest2017/{int(key[5:]) // 20}"
    return car


def side(car: dict, key: str):
    """carrier key (``…@en`` for the English side) -> (target, lang, source, source_lang, origin)."""
    if key.endswith("@en"):
        c = car[key[:-3]]
        return c["en"], "en", c["ref"], c["lang"], c["origin"]
    c = car[key]
    return c["ref"], c["lang"], c["en"], "en", c["origin"]


def seg_no(key: str) -> int:
    return int(key.rsplit("/", 1)[1]) if "/" in key else int(key.split(":")[1])


def documents(car: dict) -> dict:
    """benchmark document -> carrier keys in order (newstest2017: blocks of line // 20)."""
    docs: dict[str, list[str]] = defaultdict(list)
    for key in car:
        if key.startswith("dinu:"):
            docs[f"newstest2017/{int(key[5:]) // 20}"].append(key)
        else:
            docs[key.split(":", 1)[1].rsplit("/", 1)[0]].append(key)
    for keys in docs.values():
        keys.sort(key=seg_no)
    return dict(sorted(docs.items()))


def vocabularies() -> dict[str, Counter]:
    """Lower-cased word counts per language over every text of the three benchmark files used
    (all systems' outputs too): the words a typo must not turn into; "lower": words written in
    lower case (common words, whatever the language)."""
    voc: dict[str, Counter] = {
        "de": Counter(),
        "en": Counter(),
        "fr": Counter(),
        "lower": Counter(),
    }

    def add(lang, text):
        words = WORD_RE.findall(text)
        voc[lang].update(w.lower() for w in words)
        voc["lower"].update(w for w in words if w.islower())

    for rel, tl in (
        ("wmt-mqm-ende/ted2021_ende.jsonl", "de"),
        ("wmt-mqm-ende/generalmt2023_sxs_ende.jsonl", "de"),
        ("terminology-ende/dinu2019_wmt17_ende.jsonl", "de"),
        ("terminology-enfr/wmt21_dev_enfr.jsonl", "fr"),
    ):
        seen = set()
        with open(SHARED / rel, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                for lang, text in ((tl, r["target"]), ("en", r["source"])):
                    if (lang, text) not in seen:
                        seen.add((lang, text))
                        add(lang, mdf.detok_fr(text) if lang == "fr" else text)
    return voc


# --------------------------------------------------------------------------- names data
def load_tbx() -> list[dict]:
    """names.tbx -> [{id, type, gender, terms: {lang: [(term, status, short)]}}]"""
    out = []
    for e in ET.parse(TBX).getroot().iter("termEntry"):
        sf = e.find("descrip[@type='subjectField']")
        g = e.find("descrip[@type='x-gender']")
        terms: dict[str, list] = {}
        for ls in e.findall("langSet"):
            lst = []
            for tig in ls.findall("tig"):
                st = tig.find("termNote[@type='administrativeStatus']")
                tt = tig.find("termNote[@type='termType']")
                lst.append(
                    (
                        tig.find("term").text,
                        (st.text if st is not None else "").split("-")[0],
                        tt is not None and tt.text == "shortForm",
                    )
                )
            terms[ls.get(XML_LANG)] = lst
        out.append(
            {
                "id": e.get("id"),
                "type": sf.text if sf is not None else "",
                "gender": g.text[0] if g is not None else "x",
                "terms": terms,
            }
        )
    return out


class NamesData:
    """What names.tbx knows: its terms (any status), and whether a name is in it."""

    def __init__(self, entries):
        self.entries = entries
        self.all_terms = set()  # every term, deprecated ones too
        self.ok_terms = set()  # preferred / admitted terms
        self.ok_tokens = set()  # their words of 3+ letters
        for e in entries:
            for lst in e["terms"].values():
                for term, status, _short in lst:
                    self.all_terms.add(term)
                    for tok in re.split(r"[\s-]+", term):
                        self.all_terms.add(tok)
                    if status != "deprecatedTerm":
                        self.ok_terms.add(term)
                        self.ok_tokens.update(
                            t for t in re.split(r"\s+", term) if len(t) >= 3 and t[0].isupper()
                        )

    def has(self, name: str, word: str) -> bool:
        return name in self.ok_terms or word in self.ok_terms or word in self.ok_tokens


# places of names.tbx that are cities (used as replacement cities; per language form)
TBX_CITIES = {
    "place-kyiv",
    "place-kharkiv",
    "place-lviv",
    "place-odesa",
    "place-dnipro",
    "place-mykolaiv",
    "place-kherson",
    "place-donetsk",
    "place-luhansk",
    "place-bakhmut",
    "place-mariupol",
    "place-kramatorsk",
    "place-chernihiv",
    "place-sumy",
    "place-poltava",
    "place-vinnytsia",
    "place-zhytomyr",
    "place-uzhhorod",
    "place-irpin",
    "place-melitopol",
    "place-rivne",
    "place-ternopil",
    "place-cherkasy",
    "place-sevastopol",
    "place-simferopol",
    "place-moscow",
    "place-saint-petersburg",
    "place-kursk",
    "place-belgorod",
    "place-voronezh",
    "place-krasnodar",
    "place-kaliningrad",
    "place-minsk",
    "place-vilnius",
    "place-madrid",
    "place-bucharest",
    "place-warsaw",
    "place-brussels",
    "place-munich",
    "place-berlin",
    "place-paris",
    "place-london",
    "place-rome",
    "place-helsinki",
    "place-riga",
    "place-tallinn",
    "place-ankara",
    "place-istanbul",
    "place-budapest",
    "place-geneva",
    "place-jeddah",
    "place-riyadh",
    "place-anchorage",
    "place-wiesbaden",
    "place-beijing",
}


def read_tsv(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def load_name_table() -> dict[str, dict]:
    table = {}
    for f in read_tsv(RAW / "corrupt_names.tsv"):
        name, typ = f[0], f[1]
        sub = f[2] if len(f) > 2 else ""
        if name in table:
            raise BuildError(f"corrupt_names.tsv: {name!r} twice")
        table[name] = {"type": typ, "sub": sub}
    return table


def load_pool() -> dict:
    pool: dict[tuple, list] = defaultdict(list)
    for lang, typ, cls, name in read_tsv(RAW / "corrupt_name_pool.tsv"):
        pool[(lang, typ, cls)].append(name)
    return pool


def load_rejects() -> dict[tuple, set]:
    rej: dict[tuple, set] = defaultdict(set)
    path = RAW / "corrupt_reject.tsv"
    if path.is_file():
        for s, lang, word in read_tsv(path):
            rej[(s, lang)].add(word)
    return rej


# --------------------------------------------------------------------------- rows
def error(category: str, severity: str, start: int, end: int, text: str, kind: str) -> dict:
    return {
        "category": category,
        "severity": severity,
        "start": start,
        "end": end,
        "text": text,
        "kind": kind,
    }


def make_row(
    rid, origin, lang, target, errors, source=None, source_lang=None, negatives=None, carrier=None
) -> dict:
    r = {"id": rid, "origin": origin, "lang": lang, "target": target}
    if source is not None:
        r["source"] = source
        r["source_lang"] = source_lang
    r["errors"] = errors
    if negatives:
        r["negatives"] = negatives
    if carrier:
        r["carrier"] = carrier
    return r


def pick(items: list, r: float):
    """A choice by a random number drawn beforehand (so filtering never shifts the stream)."""
    return items[min(int(r * len(items)), len(items) - 1)] if items else None


def numbered(rows: list[dict], prefix: str, lang: str, part: str, start: int = 1) -> None:
    for i, r in enumerate(rows, start):
        r["id"] = f"{prefix}/{lang}/{part}/{i:03d}"


# --------------------------------------------------------------------------- 1. names_source
TITLES = {
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Sir",
    "Herr",
    "Frau",
    "M.",
    "Mme",
    "Monsieur",
    "Madame",
    "Prof.",
    "Professor",
}
ARTICLES = {
    "the",
    "The",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "Der",
    "Die",
    "Das",
    "le",
    "la",
    "les",
    "Le",
    "La",
    "Les",
}
VOWEL_START = re.compile(r"^[AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜaeiouy]")
FR_ELIDED = re.compile(r"(?:^|[\s(«\"])(?:[dDlLjJnNsScC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]$")
FR_FULL = re.compile(r"(?:^|[\s(«\"])(?:de|De|le|Le|la|La|que|Que|ne|se|je|ce|du|au|Du|Au)\s$")
N_REPLACED = {"de": 80, "fr": 45, "en": 55}
N_DROPPED = {"de": 80, "fr": 45, "en": 55}
NAME_CAP = 3  # uses of one name per language and kind
EN_FROM = {"de": 40, "fr": 15}  # English rows per kind by source language


def shape(name: str) -> str:
    if " " in name:
        return "multi"
    if sum(ch.isupper() for ch in name) >= 2 and len(name) <= 7:
        return "acronym"
    return "single"


class NameFinder:
    """Table names in a target that stand identically in its source."""

    def __init__(self, table: dict):
        self.table = table
        alts = sorted(table, key=len, reverse=True)
        self.rx = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alts)) + r")(?![\w-])")

    def find(self, target: str, source: str, lang: str) -> list[tuple[int, int, str]]:
        out = []
        for m in self.rx.finditer(target):
            a, b, name = m.start(), m.end(), m.group()
            if not occurs(source, name) or len(re.findall(wb(name), target)) != 1:
                continue
            if len(re.findall(wb(name), source)) != 1:
                continue
            pm = re.search(r"(\S+) $", target[:a])
            if pm and pm.group(1)[:1].isupper() and pm.group(1) not in TITLES:
                if occurs(source, pm.group(1) + " " + name):
                    continue  # part of a longer name that the table does not hold
                initial = re.search(r"(?:^|[.!?:\"“„«(]\s*)$", target[: pm.start()])
                if lang != "de" and not initial:
                    continue  # a capitalised word before it: part of a longer name
            nm = re.match(r" ([A-ZÀ-Þ][\w'’-]*)", target[b:])
            if nm and (lang != "de" or occurs(source, name + " " + nm.group(1))):
                continue  # a capitalised word after it: part of a longer name, or a modifier
            if nm and lang == "de":
                continue  # German: a name before a noun ("Kempinski Hotel") is a modifier
            out.append((a, b, name))
        return out


def build_pools(table, found, tbx_entries, pool_file) -> dict:
    """(lang, type, class) -> replacement names. class: person gender+form, country/region class,
    org subtype; organisations etc. also under class '*'."""
    P: dict[tuple, list] = defaultdict(list)

    def add(key, name):
        if name not in P[key]:
            P[key].append(name)

    for name, info in table.items():
        langs = {"en"} | found.get(name, set())
        for L in sorted(langs):
            t = info["type"]
            if t == "person":
                form = "full" if " " in name else "short"
                add((L, "person", info["sub"] + form), name)
            elif t == "city":
                add((L, "city", ""), name)
            elif t in ("org", "company", "media", "team", "product"):
                add((L, t, info["sub"] + ":" + shape(name)), name)
                add((L, t, "*:" + shape(name)), name)
    for e in tbx_entries:
        for L in ("de", "en", "fr"):
            terms = e["terms"].get(L, [])
            pref = [t for t, st, _ in terms if st == "preferredTerm"]
            short = [t for t, st, sh in terms if sh and st == "admittedTerm"]
            if e["type"] == "person":
                if pref and " " in pref[0] and not pref[0].islower():
                    add((L, "person", e["gender"] + "full"), pref[0])
                if short:
                    add((L, "person", e["gender"] + "short"), short[0])
            elif e["id"] in TBX_CITIES and pref:
                add((L, "city", ""), pref[0])
    for (L, t, cls), names in pool_file.items():
        for n in names:
            add((L, t, cls), n)
    for key in P:
        P[key].sort()
    return P


DE_ARTICLE = re.compile(r"(?:^|\s)(?:[dD]er|[dD]ie|[dD]as|[dD]em|[dD]en|[dD]es)\s$")


def replacement_class(lang, name, info, pool_file, prefix) -> list[tuple]:
    t, sub = info["type"], info["sub"]
    if t == "person":
        form = "full" if " " in name else "short"
        genders = ["m", "f"] if sub == "x" else [sub]
        return [(lang, "person", g + form) for g in genders]
    if t == "city":
        return [(lang, "city", "")]
    if t == "country":
        classes = [
            cls
            for (L, tt, cls), names in sorted(pool_file.items())
            if L == lang and tt == "country" and name in names
        ]
        if lang == "de":
            arts = [c for c in classes if c.endswith("-art")]
            classes = arts if DE_ARTICLE.search(prefix) else [c for c in classes if c == "n"]
        return [(lang, "country", c) for c in classes[:1]]
    if t == "region":
        return [(lang, "region", sub)]
    return [(lang, t, sub + ":" + shape(name)), (lang, t, "*:" + shape(name))]


def choose_replacement(P, classes, name, target, source, a, lang, r) -> str | None:
    toks = {w.lower() for w in re.split(r"[\s-]+", name)}
    low_t, low_s = target.lower(), source.lower()
    prefix = target[:a]
    for key in classes:
        cands = []
        for c in P.get(key, []):
            if c == name or toks & {w.lower() for w in re.split(r"[\s-]+", c)}:
                continue
            if c.lower() in low_t or c.lower() in low_s:
                continue
            if lang == "fr":
                if FR_ELIDED.search(prefix) and not VOWEL_START.match(c):
                    continue
                if FR_FULL.search(prefix) and VOWEL_START.match(c):
                    continue
            cands.append(c)
        if len(cands) >= 2 or (cands and key == classes[-1]):
            return pick(cands, r)
    return None


def drop_name(target: str, a: int, b: int, info: dict, lang: str):
    """Delete the name (with an honorific before it, an article before a non-person name and an
    English possessive after it) -> (new target, deletion point) or None."""
    if target[b : b + 2] in ("'s", "’s"):
        b += 2
    elif target[b : b + 1] in ("'", "’") and not target[b + 1 : b + 2].isalnum():
        b += 1
    if target[b:].startswith(" ("):
        return None  # "National Basketball Association (NBA)": the name would stay
    pm = re.search(r"(\S+) $", target[:a])
    if pm and pm.group(1) in TITLES:
        a = pm.start()
    elif pm and info["type"] != "person" and pm.group(1) in ARTICLES:
        a = pm.start()
    elif lang == "fr" and info["type"] != "person" and re.search(r"(?:^|\s)[lL]['’]$", target[:a]):
        a -= 2
    before, after = target[:a], target[b:]
    if before.endswith("(") and after.startswith(")"):
        return None  # "Research and Surveillance Centre (RSC)": a restatement, not an omission
    if before.strip() == "" or not re.search(r"\w", after):
        return (
            None  # name at the start, or nothing after it: a sentence-case problem, not an omission
        )
    if before.endswith(" ") and after.startswith(" "):
        after = after[1:]
    elif before.endswith(" ") and re.match(r"[,.)\]]" if lang == "fr" else r"[,.;:!?)\]]", after):
        before = before[:-1]
    new = before + after
    if "  " in new and "  " not in target:
        return None
    return new, len(before)


def build_names_source(rng, car, table, tbx_entries, pool_file):
    finder = NameFinder(table)
    found: dict[str, set] = defaultdict(set)
    occ: dict[str, list] = {}
    for key in sorted(car):
        for sk in (key, key + "@en"):
            t, lang, s, _sl, _o = side(car, sk)
            o = finder.find(t, s, lang)
            if o:
                occ[sk] = o
                for _a, _b, name in o:
                    found[name].add(car[key]["lang"])
    P = build_pools(table, found, tbx_entries, pool_file)
    keys = sorted(occ)
    rng.shuffle(keys)
    draws = {k: (rng.random(), rng.random()) for k in keys}
    rows: dict[tuple, list] = defaultdict(list)
    used_car, used_text = set(), set()
    name_uses: Counter = Counter()
    # reference sides first (de, fr), then English sides: from the en-de carriers left, and (the
    # French carriers with names being few) from en-fr carriers whose French side is used too
    order = [k for k in keys if not k.endswith("@en")] + [k for k in keys if k.endswith("@en")]
    en_from: Counter = Counter()
    for sk in order:
        base = sk.removesuffix("@en")
        t, lang, s, sl, origin = side(car, sk)
        if (base in used_car and not (lang == "en" and sl == "fr")) or t in used_text:
            continue
        r_occ, r_rep = draws[sk]
        a, b, name = pick(occ[sk], r_occ)
        info = table[name]
        n_rep, n_drop = len(rows[(lang, "name_replaced")]), len(rows[(lang, "name_dropped")])
        prefs = (
            ["name_replaced", "name_dropped"]
            if n_rep <= n_drop
            else ["name_dropped", "name_replaced"]
        )
        done = False
        for kind in prefs:
            quota = (N_REPLACED if kind == "name_replaced" else N_DROPPED)[lang]
            if len(rows[(lang, kind)]) >= quota or name_uses[(lang, kind, name)] >= NAME_CAP:
                continue
            if lang == "en" and en_from[(kind, sl)] >= EN_FROM[sl]:
                continue
            if kind == "name_replaced":
                classes = replacement_class(lang, name, info, pool_file, t[:a])
                new_name = choose_replacement(P, classes, name, t, s, a, lang, r_rep)
                if not new_name:
                    continue
                new = t[:a] + new_name + t[b:]
                err = error(
                    "Accuracy/Mistranslation/Name", "Major", a, a + len(new_name), new_name, kind
                )
            else:
                d = drop_name(t, a, b, info, lang)
                if not d:
                    continue
                new, p = d
                err = error("Accuracy/Omission/Name", "Major", p, p, "", kind)
            neg = [{"kind": "kept_name", "start": a, "end": b, "text": name}]
            rows[(lang, kind)].append(
                (
                    make_row("", origin, lang, new, [err], s, sl, carrier=sk),
                    make_row("", origin, lang, t, [], s, sl, negatives=neg, carrier=sk),
                )
            )
            name_uses[(lang, kind, name)] += 1
            en_from[(kind, sl)] += lang == "en"
            used_car.add(base)
            used_text.add(t)
            done = True
            break
        if not done:
            continue
    out = []
    for lang in ("de", "fr", "en"):
        ctl = []
        for kind in ("name_replaced", "name_dropped"):
            errs = [e for e, _c in rows[(lang, kind)]]
            numbered(errs, "names_source", lang, kind.removeprefix("name_"))
            out += errs
            ctl += [c for _e, c in rows[(lang, kind)]]
        numbered(ctl, "names_source", lang, "ctl")
        out += ctl
    return out


# --------------------------------------------------------------------------- 2. names_unknown
NEIGH = {
    "a": "es",
    "e": "aiw",
    "i": "eyo",
    "o": "uai",
    "u": "oi",
    "y": "i",
    "c": "ksz",
    "k": "cg",
    "g": "kh",
    "s": "zc",
    "z": "s",
    "m": "n",
    "n": "m",
    "t": "dr",
    "d": "t",
    "b": "pv",
    "p": "b",
    "v": "wf",
    "w": "v",
    "f": "v",
    "r": "t",
    "l": "k",
    "h": "g",
    "j": "h",
    "x": "c",
}
EDIT_KINDS = ["drop", "double", "swap", "neighbour"]
MAX_PER_DOC = 3
N_UNKNOWN = {  # rows per language and position
    "de": {"lone": 40, "first": 30, "later": 30},
    "en": {"lone": 40, "first": 30, "later": 30},
    "fr": {"lone": 25, "first": 10, "later": 10},
}


def name_edits(word: str) -> dict[str, list[str]]:
    """One-edit misspellings of a name, never touching its first letter."""
    out: dict[str, list[str]] = {k: [] for k in EDIT_KINDS}
    n = len(word)
    for i in range(1, n):
        c = word[i]
        if word[i - 1] != c and (i + 1 == n or word[i + 1] != c):
            out["drop"].append(word[:i] + word[i + 1 :])  # never "Phillip" -> "Philip"
        if word[i - 1] != c and (i + 1 == n or word[i + 1] != c):
            out["double"].append(word[: i + 1] + c + word[i + 1 :])
        if i + 1 < n and word[i + 1] != c:
            out["swap"].append(word[:i] + word[i + 1] + c + word[i + 2 :])
        for d in NEIGH.get(c, ""):
            if (i + 1 == n or word[i + 1] != d) and word[i - 1] != d:
                out["neighbour"].append(word[:i] + d + word[i + 1 :])
    return out


def chunk(keys: list[str], size: int = 40, least: int = 5) -> list[list[str]]:
    if len(keys) < least:
        return []
    k = math.ceil(len(keys) / size)
    step = math.ceil(len(keys) / k)
    parts = [keys[i : i + step] for i in range(0, len(keys), step)]
    return [p for p in parts if len(p) >= least]


def doc_units(car: dict) -> list[dict]:
    """Documents of 5-40 segments: TED talks and WMT21 terminology documents cut into near-equal
    parts of at most 40 segments, newstest2017 blocks (line // 20) and WMT23 documents with 5+
    segments; each on the reference side and on the English side."""
    units = []
    for doc, keys in documents(car).items():
        for i, part in enumerate(chunk(keys), 1):
            origin = car[part[0]]["origin"]
            for sk in ("ref", "en"):
                lang = car[part[0]]["lang"] if sk == "ref" else "en"
                text = "\n\n".join(car[k][sk] for k in part)
                units.append(
                    {
                        "doc": f"{doc}#{i}",
                        "lang": lang,
                        "origin": origin,
                        "target": text,
                        "n": len(part),
                        "carrier": f"{part[0]}..{part[-1]}" + ("@en" if sk == "en" else ""),
                    }
                )
    return units


def build_names_unknown(rng, car, table, nd: NamesData, vocab, rejects):
    units = doc_units(car)
    known: dict[str, tuple[str, str]] = {}  # name -> (type, name)
    for name, info in table.items():
        if info["type"] in ("person", "city", "country", "region"):
            known[name] = "person" if info["type"] == "person" else "place"
    for e in nd.entries:
        if e["type"] in ("person", "place"):
            for lst in e["terms"].values():
                for term, status, _s in lst:
                    if status != "deprecatedTerm":
                        known.setdefault(term, e["type"])
    rx = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(map(re.escape, sorted(known, key=len, reverse=True)))
        + r")(?![\w-])"
    )
    all_vocab = set().union(*(vocab[x] for x in ("de", "en", "fr")))
    table_words = {w for n in table for w in n.split()}
    tbx_low = {t.lower() for t in nd.all_terms}
    forbidden = rejects[("names_unknown", "*")]

    def valid(word, new, text_words):
        low = new.lower()
        return (
            low not in all_vocab
            and low not in tbx_low
            and new not in table_words
            and new not in text_words
            and new not in forbidden
        )

    cands = []
    for u in units:
        words: dict[str, dict] = {}
        t = u["target"]
        for m in rx.finditer(t):
            name = m.group()
            word = name.split()[-1]
            if re.match(r" [A-ZÀ-Þ]", t[m.end() :]):
                continue  # part of a longer name ("Costa Adeje", "Kempinski Bristol Hotel")
            pm = re.search(r"(\S+) $", t[: m.start()])
            if u["lang"] != "de" and pm and pm.group(1)[:1].isupper() and pm.group(1) not in TITLES:
                if not re.search(r"(?:^|[.!?:\"“„«(]\s*)$", t[: pm.start()]):
                    continue  # a capitalised word before it: a longer name than the one found
            if not re.fullmatch(rf"[{UPPER}][{LOWER}]{{3,}}", word) or vocab["lower"][word.lower()]:
                continue  # not a plain name word, or also a common word ("States", "Bush")
            words.setdefault(word, {"name": name, "type": known[name]})
        for word, w in sorted(words.items()):
            ments = [
                (m.start(), m.end())
                for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", u["target"])
            ]
            gen = re.findall(rf"(?<!\w){re.escape(word)}s(?!\w)", u["target"])
            if not ments:
                continue
            cands.append((u, word, w["name"], w["type"], ments, len(ments) + len(gen)))
    rng.shuffle(cands)
    draws = [(rng.random(), rng.random(), rng.random()) for _ in cands]
    per_doc: Counter = Counter()
    pos_count: Counter = Counter()
    rows: dict[str, list] = defaultdict(list)
    used = set()
    for (u, word, name, _typ, ments, n_ment), (r_pos, r_kind, r_edit) in zip(
        cands, draws, strict=True
    ):
        key = (u["doc"], u["lang"])
        if per_doc[key] >= MAX_PER_DOC or (key, word) in used:
            continue
        quota = N_UNKNOWN[u["lang"]]
        if n_ment == 1:
            pos, (a, b) = "lone", ments[0]
        elif len(ments) < 2:
            continue
        else:
            first_ok = pos_count[(u["lang"], "first")] <= pos_count[(u["lang"], "later")]
            pos = (
                "first"
                if first_ok and pos_count[(u["lang"], "first")] < quota["first"]
                else "later"
            )
            a, b = ments[0] if pos == "first" else pick(ments[1:], r_pos)
        if pos_count[(u["lang"], pos)] >= quota[pos]:
            continue
        text_words = set(WORD_RE.findall(u["target"]))
        edits = name_edits(word)
        k0 = int(r_kind * len(EDIT_KINDS))
        new = None
        for j in range(len(EDIT_KINDS)):
            options = [
                x
                for x in edits[EDIT_KINDS[(k0 + j) % len(EDIT_KINDS)]]
                if valid(word, x, text_words)
            ]
            if options:
                new = pick(options, r_edit)
                break
        if not new:
            continue
        t = u["target"]
        target = t[:a] + new + t[b:]
        data = "in_data" if nd.has(name, word) else "out_of_data"
        kind = f"name_misspelled_{pos}/{data}"
        rows[u["lang"]].append(
            make_row(
                "",
                u["origin"],
                u["lang"],
                target,
                [error("Fluency/Spelling/Name", "Major", a, a + len(new), new, kind)],
                carrier=u["carrier"],
            )
        )
        per_doc[key] += 1
        pos_count[(u["lang"], pos)] += 1
        used.add((key, word))
    out = []
    for lang in ("de", "fr", "en"):
        errs = sorted(rows[lang], key=lambda r: r["errors"][0]["kind"])
        for i, r in enumerate(errs, 1):
            r["id"] = (
                f"names_unknown/{lang}/{r['errors'][0]['kind'].split('/')[0].removeprefix('name_misspelled_')}/{i:03d}"
            )
        out += errs
        docs_used = {r["carrier"] for r in errs}
        ctl = [
            make_row("", u["origin"], u["lang"], u["target"], [], carrier=u["carrier"])
            for u in units
            if u["lang"] == lang and u["carrier"] in docs_used
        ]
        numbered(ctl, "names_unknown", lang, "ctl")
        out += ctl
    return out


# --------------------------------------------------------------------------- 4. spelling
STOP = {
    "en": set(
        """about above after again against along although among another around because before
        behind being below between beyond could during either every might never other others should
        since their there these those though through throughout under until upon where whether which
        while whose within without would yourself itself himself herself themselves ourselves
        something anything everything nothing someone anyone everyone however therefore still often
        rather quite shall cannot towards toward already almost always maybe perhaps really whom
        first there's they're we're you're what's that's""".split()
    ),
    "de": set(
        """aller alles allem allen andere anderen anderer anderes anderem bereits damit dabei
        dafür dagegen daher damals danach darauf darüber darum davon dazu denen derer deren dessen
        diese diesem diesen dieser dieses durch einem einen einer eines etwas gegen haben hatte
        hatten immer indem jedoch jeder jedem jeden jedes jetzt keine keinen keiner keines keinem
        können könnte könnten meine meinen meiner müssen musste mussten schon seine seinem seinen
        seiner seines selbst sondern sowie unter unsere unserer unseren unserem viele vielen während
        welche welcher welches welchen welchem werden wieder wurde wurden würde würden zwischen über
        einige einigen allerdings sowohl obwohl trotz wegen bevor nachdem seitdem weder sodass
        deshalb deswegen ebenfalls ebenso außerdem zudem sogar bisher ihrer ihren ihrem ihres
        solche solchen solcher derzeit dürfen dürfte sollen sollte sollten wollen wollte wollten
        wenig weniger darf kann nicht mehrere ihnen""".split()
    ),
    "fr": set(
        """alors aussi autre autres avant avait avaient avons cette celle celles celui ceux
        chaque comme comment contre depuis elles encore entre étaient était leurs lorsque même
        mêmes notre parce pendant peuvent pourquoi quand quelle quelles quelque quelques quels
        selon toute toutes votre ainsi après auprès aucun aucune beaucoup certains certaines
        desquels duquel laquelle lequel lesquels lesquelles moins parmi plusieurs presque
        seulement souvent toujours tandis cependant néanmoins pourtant également surtout seront
        serait seraient avoir ayant étant aurait auront aurons pourrait pourraient doivent
        devrait devraient""".split()
    ),
}
KEYBOARD = {
    "de": ["qwertzuiopü", "asdfghjklöä", "yxcvbnm"],
    "en": ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
    "fr": ["azertyuiop", "qsdfghjklm", "wxcvbn"],
}
TYPO_KINDS = ["typo_insert", "typo_delete", "typo_transpose"]
N_SPELLING = {"de": 111, "fr": 111, "en": 111}
FR_ELISION = re.compile(r"^(?:[lLdDjJnNsScCmMtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]")


def key_neighbours(lang: str, ch: str) -> str:
    rows = KEYBOARD[lang]
    for r, row in enumerate(rows):
        i = row.find(ch)
        if i >= 0:
            out = row[max(0, i - 1) : i] + row[i + 1 : i + 2]
            for rr in (r - 1, r + 1):
                if 0 <= rr < len(rows):
                    out += rows[rr][i : i + 1]
            return out
    return ""


def typo_edits(word: str, lang: str) -> dict[str, list[str]]:
    """One-keystroke slips inside a word (its first letter stays)."""
    out: dict[str, list[str]] = {k: [] for k in TYPO_KINDS}
    n = len(word)
    for i in range(1, n + 1):
        prev = word[i - 1].lower()
        for ch in dict.fromkeys(prev + key_neighbours(lang, prev)):
            out["typo_insert"].append(word[:i] + ch + word[i:])
    for i in range(1, n):
        out["typo_delete"].append(word[:i] + word[i + 1 :])
        if i + 1 < n and word[i] != word[i + 1]:
            out["typo_transpose"].append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    for k in out:
        out[k] = list(dict.fromkeys(x for x in out[k] if x != word))
    return out


def content_words(
    text: str, lang: str, source: str, vocab, banned: set
) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(rf"[{UPPER}{LOWER}]+(?:['’-][{UPPER}{LOWER}]+)*", text):
        a, w = m.start(), m.group()
        if lang == "fr":
            e = FR_ELISION.match(w)
            if e:
                a, w = a + e.end(), w[e.end() :]
        if not re.fullmatch(rf"[{UPPER}{LOWER}]{{5,}}", w) or w.lower() in STOP[lang]:
            continue
        if text[a + len(w) : a + len(w) + 1] in "-'’" and a + len(w) < len(text):
            continue
        if text[a - 1 : a] in "-'’" and a > 0 and lang != "fr":
            continue
        if vocab[lang][w.lower()] < 3 or w in banned or w.lower() in banned:
            continue
        if w[0].isupper():
            if lang != "de" or sum(ch.isupper() for ch in w) > 1:
                continue  # names, acronyms, sentence starts
            if re.search(r"(?:^|[.!?:\"„“«(]\s*)$", text[:a]) or occurs(source, w):
                continue  # German: a noun at a sentence start may be a name; same word in the source
        out.append((a, a + len(w), w))
    return out


def segment_carriers(car: dict, lang: str, min_len=40, max_len=700) -> list[str]:
    keys = []
    for key in sorted(car):
        for sk in (key, key + "@en"):
            t, L, *_ = side(car, sk)
            if L == lang and min_len <= len(t) <= max_len:
                keys.append(sk)
    return keys


def build_spelling(rng, car, table, nd, vocab, rejects):
    banned = {w for n in table for w in n.split()} | nd.all_terms
    out = []
    for lang in ("de", "fr", "en"):
        keys = segment_carriers(car, lang)
        rng.shuffle(keys)
        draws = [(rng.random(), rng.random()) for _ in keys]
        rej = rejects[("spelling", lang)] | rejects[("spelling", "*")]
        rows, ctl, seen = [], [], set()
        for sk, (r_word, r_edit) in zip(keys, draws, strict=True):
            if len(rows) >= N_SPELLING[lang]:
                break
            t, L, s, _sl, origin = side(car, sk)
            if t in seen:
                continue
            kind = TYPO_KINDS[len(rows) % 3]
            options = []
            for a, b, w in content_words(t, lang, s, vocab, banned | rej):
                edits = [
                    x
                    for x in typo_edits(w, lang)[kind]
                    if vocab[lang][x.lower()] == 0 and x not in rej and x.lower() not in rej
                ]
                if edits:
                    options.append((a, b, w, edits))
            if not options:
                continue
            a, b, w, edits = pick(options, r_word)
            new = pick(edits, r_edit)
            seen.add(t)
            rows.append(
                make_row(
                    "",
                    origin,
                    L,
                    t[:a] + new + t[b:],
                    [error("Fluency/Spelling", "Minor", a, a + len(new), new, kind)],
                    carrier=sk,
                )
            )
            ctl.append(make_row("", origin, L, t, [], carrier=sk))
        for kind in TYPO_KINDS:
            part = [r for r in rows if r["errors"][0]["kind"] == kind]
            numbered(part, "spelling", lang, kind.removeprefix("typo_"))
            out += part
        numbered(ctl, "spelling", lang, "ctl")
        out += ctl
    return out


# --------------------------------------------------------------------------- 5. sentence_case
ABBR = {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Prof",
    "Sgt",
    "Gen",
    "Lt",
    "Col",
    "Jr",
    "Sr",
    "vs",
    "etc",
    "z",
    "B",
    "bzw",
    "ca",
    "Nr",
    "Abs",
    "Hr",
    "Fr",
    "M",
    "Mme",
    "Mlle",
    "No",
    "p",
    "pp",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Inc",
    "Ltd",
    "Co",
    "Corp",
    "Wm",
    "Ave",
    "Blvd",
    "Bros",
    "approx",
    "Art",
    "Vol",
    "vol",
    "ex",
    "env",
    "cf",
    "Mio",
    "Mrd",
    "Str",
    "usw",
}
N_CASE = {"de": 66, "fr": 66, "en": 66}
CASE_KINDS = ["lowercase_start", "all_lowercase"]
SENT_END = re.compile(r"[.!?][\"»”’)]?$")


def sentence_spans(text: str) -> list[tuple[int, int]] | None:
    """Sentences of a paragraph, split after . ! ? before a capital (not after an abbreviation,
    an initial or a number); None if a sentence does not end in . ! ?"""
    spans, start = [], 0
    for m in re.finditer(r"[.!?][\"»”’)]?( +)(?=[\"„«“(]?[A-ZÀ-Þ])", text):
        end = m.start(1)
        if text[m.start()] == ".":
            w = re.search(r"(\S*)\.[\"»”’)]?$", text[:end]).group(1).lstrip('("„«“')
            if w in ABBR or re.fullmatch(r"[A-ZÀ-Þ]|\d+|(?:\w\.)+\w?", w):
                continue
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    if any(not SENT_END.search(text[a:b]) or b - a < 15 for a, b in spans):
        return None
    return spans


def paragraphs(car: dict, lang: str) -> list[dict]:
    """Paragraphs of 2-4 sentences: multi-sentence segments, and two consecutive segments of a
    document joined with a space."""
    out = []
    docs = documents(car)
    for keys in docs.values():
        for sk_side in ("ref", "en"):
            if (lang == "en") != (sk_side == "en") or (
                sk_side == "ref" and car[keys[0]]["lang"] != lang
            ):
                continue
            suffix = "@en" if sk_side == "en" else ""
            for k in keys:
                t = car[k][sk_side]
                sp = sentence_spans(t)
                if sp and 2 <= len(sp) <= 4 and len(t) <= 900:
                    out.append(
                        {
                            "carrier": k + suffix,
                            "target": t,
                            "spans": sp,
                            "origin": car[k]["origin"],
                        }
                    )
            for k1, k2 in zip(keys[0::2], keys[1::2], strict=False):
                if seg_no(k2) != seg_no(k1) + 1:
                    continue
                t1, t2 = car[k1][sk_side], car[k2][sk_side]
                if sentence_spans(t1) is None or sentence_spans(t2) is None:
                    continue
                t = t1 + " " + t2
                sp = sentence_spans(t)
                if sp and 2 <= len(sp) <= 4 and len(t) <= 900:
                    out.append(
                        {
                            "carrier": f"{k1}+{k2}{suffix}",
                            "target": t,
                            "spans": sp,
                            "origin": car[k1]["origin"],
                        }
                    )
    seen, uniq = set(), []
    for p in out:
        if p["target"] not in seen:
            seen.add(p["target"])
            uniq.append(p)
    return uniq


def first_word(text: str, a: int) -> tuple[int, int] | None:
    m = re.match(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text[a:])
    return (a, a + m.end()) if m else None


def build_sentence_case(rng, car):
    out = []
    for lang in ("de", "fr", "en"):
        paras = paragraphs(car, lang)
        rng.shuffle(paras)
        draws = [rng.random() for _ in paras]
        rows, ctl = [], []
        for p, r_sent in zip(paras, draws, strict=True):
            if len(rows) >= N_CASE[lang]:
                break
            t = p["target"]
            kind = CASE_KINDS[len(rows) % 2]
            options = []
            for a, b in p["spans"]:
                fw = first_word(t, a)
                if not fw or not t[a].isupper() or re.search(r":\s*$", t[:a]):
                    continue
                word = t[fw[0] : fw[1]]
                if sum(ch.isupper() for ch in word) > 1:
                    continue  # acronyms, "McDonald's"
                if kind == "lowercase_start":
                    options.append(
                        (fw[0], fw[1], t[a].lower() + word[1:], t[:a] + t[a].lower() + t[a + 1 :])
                    )
                else:
                    s = t[a:b]
                    low = s.lower()
                    if (
                        len(low) != len(s)
                        or sum(x != y for x, y in zip(s, low, strict=True)) < 2
                        or len(s.split()) < 4
                    ):
                        continue
                    options.append((a, b, low, t[:a] + low + t[b:]))
            if not options:
                continue
            a, b, text, new = pick(options, r_sent)
            rows.append(
                make_row(
                    "",
                    p["origin"],
                    lang,
                    new,
                    [error("Fluency/Spelling/Capitalisation", "Minor", a, b, text, kind)],
                    carrier=p["carrier"],
                )
            )
            ctl.append(make_row("", p["origin"], lang, t, [], carrier=p["carrier"]))
        for kind in CASE_KINDS:
            part = [r for r in rows if r["errors"][0]["kind"] == kind]
            numbered(part, "sentence_case", lang, kind)
            out += part
        numbered(ctl, "sentence_case", lang, "ctl")
        out += ctl
    return out


# --------------------------------------------------------------------------- 3. source_words
def unmark(s: str) -> tuple[str, list[tuple[int, int, str]]]:
    out, spans, i = "", [], 0
    while True:
        j = s.find(OPEN, i)
        if j < 0:
            return out + s[i:], spans
        k = s.find(CLOSE, j)
        if k < 0:
            raise BuildError(f"unclosed {OPEN} in {s!r}")
        out += s[i:j]
        spans.append((len(out), len(out) + k - j - 1, s[j + 1 : k]))
        out += s[j + 1 : k]
        i = k + 1


def build_source_words(rng, car):
    rows, ctl, used = [], [], set()
    path = RAW / "corrupt_source_words.txt"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path.name}:{n}"
        head, *fields = [f.strip() for f in line.split(" || ")]
        typ, sk = head.split(None, 1)
        if typ != "SW" or len(fields) != 2:
            raise BuildError(f"{where}: expected 'SW <carrier> || <old> || <new>'")
        if sk.removesuffix("@en") not in car:
            raise BuildError(f"{where}: unknown carrier {sk}")
        if sk in used:
            raise BuildError(f"{where}: carrier {sk} used twice")
        used.add(sk)
        t, lang, s, sl, origin = side(car, sk)
        old, (new, spans) = fields[0], unmark(fields[1])
        if t.count(old) != 1:
            raise BuildError(f"{where}: {old!r} occurs {t.count(old)} times in {sk}")
        if len(spans) != 1:
            raise BuildError(f"{where}: one ⟦…⟧ span expected")
        a0, b0, text = spans[0]
        words = text.split()
        if not 1 <= len(words) <= 3:
            raise BuildError(f"{where}: 1-3 source words expected, got {text!r}")
        if not re.search(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", s, re.I) and not all(
            re.search(wb(w), s, re.I) for w in words
        ):
            raise BuildError(f"{where}: {text!r} is not in the source of {sk}")
        if occurs(t, text):
            raise BuildError(f"{where}: {text!r} already stands in the target")
        i = t.index(old)
        target = t[:i] + new + t[i + len(old) :]
        a, b = i + a0, i + b0
        rows.append(
            make_row(
                "",
                origin,
                lang,
                target,
                [error("Accuracy/Untranslated text", "Major", a, b, text, "source_words")],
                s,
                sl,
                carrier=sk,
            )
        )
        ctl.append(make_row("", origin, lang, t, [], s, sl, carrier=sk))
    out = []
    for lang in ("de", "fr", "en"):
        part = [r for r in rows if r["lang"] == lang]
        numbered(part, "source_words", lang, "err")
        c = [r for r in ctl if r["lang"] == lang]
        numbered(c, "source_words", lang, "ctl")
        out += part + c
    return out


# --------------------------------------------------------------------------- checks, report
MINIMA = {
    # (file, lang or "*", kind prefix or "*") -> least number of rows
    ("names_source", "*", "name_replaced"): 150,
    ("names_source", "*", "name_dropped"): 150,
    ("names_source", "de", "name_replaced"): 60,
    ("names_source", "de", "name_dropped"): 60,
    ("names_source", "fr", "name_replaced"): 40,
    ("names_source", "fr", "name_dropped"): 40,
    ("names_source", "en", "name_replaced"): 40,
    ("names_source", "en", "name_dropped"): 40,
    ("names_unknown", "*", "name_misspelled"): 150,
    ("names_unknown", "*", "name_misspelled_first"): 1,
    ("names_unknown", "*", "name_misspelled_later"): 1,
    ("names_unknown", "*", "name_misspelled_lone"): 1,
    ("names_unknown", "de", "name_misspelled"): 1,
    ("names_unknown", "fr", "name_misspelled"): 1,
    ("names_unknown", "en", "name_misspelled"): 1,
    ("source_words", "*", "source_words"): 160,
    ("source_words", "de", "source_words"): 70,
    ("source_words", "fr", "source_words"): 50,
    ("source_words", "en", "source_words"): 40,
    ("spelling", "*", "typo"): 300,
    ("spelling", "de", "typo"): 100,
    ("spelling", "fr", "typo"): 100,
    ("spelling", "en", "typo"): 100,
    ("sentence_case", "*", "*"): 150,
    ("sentence_case", "de", "*"): 50,
    ("sentence_case", "fr", "*"): 50,
    ("sentence_case", "en", "*"): 50,
}
KINDS = {
    "names_source": {"name_replaced", "name_dropped"},
    "names_unknown": {
        f"name_misspelled_{p}/{d}"
        for p in ("first", "later", "lone")
        for d in ("in_data", "out_of_data")
    },
    "source_words": {"source_words"},
    "spelling": set(TYPO_KINDS),
    "sentence_case": set(CASE_KINDS),
}


def check(sets: dict[str, list[dict]]) -> list[str]:
    problems = []
    ids = Counter(r["id"] for rows in sets.values() for r in rows)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    for name, rows in sets.items():
        n_err = n_ctl = 0
        texts = Counter(r["target"] for r in rows if r["errors"])
        problems += [
            f"{name}: the same corrupted target twice: {t[:60]!r}"
            for t, n in texts.items()
            if n > 1
        ]
        ctl_texts = {r["target"] for r in rows if not r["errors"]}
        for r in rows:
            t = r["target"]
            if r["lang"] not in ("de", "fr", "en"):
                problems.append(f"{r['id']}: lang {r['lang']!r}")
            if ("source" in r) != (name in ("names_source", "source_words")):
                problems.append(f"{r['id']}: source present/absent against the set's kind")
            if ("source" in r and r.get("source_lang") not in ("de", "fr", "en")) or r.get(
                "source_lang"
            ) == r["lang"]:
                problems.append(f"{r['id']}: bad source_lang")
            if len(r["errors"]) > 1:
                problems.append(f"{r['id']}: more than one error")
            for sp in r["errors"] + r.get("negatives", []):
                if (
                    not (0 <= sp["start"] <= sp["end"] <= len(t))
                    or t[sp["start"] : sp["end"]] != sp["text"]
                ):
                    problems.append(f"{r['id']}: span {sp['start']}-{sp['end']} != {sp['text']!r}")
            for e in r["errors"]:
                if e["kind"] not in KINDS[name]:
                    problems.append(f"{r['id']}: kind {e['kind']!r}")
                if (e["start"] == e["end"]) != (e["kind"] == "name_dropped"):
                    problems.append(f"{r['id']}: zero-width span only for name_dropped")
                if t in ctl_texts:
                    problems.append(f"{r['id']}: corrupted target equals a control")
            if r["errors"]:
                n_err += 1
            else:
                n_ctl += 1
        if name == "names_unknown":
            if n_ctl < 60:
                problems.append(f"{name}: {n_ctl} control documents (< 60)")
            for r in rows:
                n_seg = r["target"].count("\n\n") + 1
                if not 5 <= n_seg <= 40:
                    problems.append(f"{r['id']}: {n_seg} segments")
        elif n_ctl < n_err:
            problems.append(f"{name}: {n_ctl} controls for {n_err} corrupted rows")
    for (name, lang, kind), least in MINIMA.items():
        n = sum(
            1
            for r in sets[name]
            for e in r["errors"]
            if (lang == "*" or r["lang"] == lang) and (kind == "*" or e["kind"].startswith(kind))
        )
        if n < least:
            problems.append(f"{name}: {n} rows of {lang}/{kind} (< {least})")
    return problems


def report(sets: dict[str, list[dict]]) -> None:
    for name, rows in sets.items():
        c = Counter(
            (r["lang"], r["errors"][0]["kind"] if r["errors"] else "(control)") for r in rows
        )
        n_err = sum(1 for r in rows if r["errors"])
        print(f"{name}.jsonl: {len(rows)} rows, {n_err} corrupted, {len(rows) - n_err} controls")
        for lang in ("de", "fr", "en"):
            parts = [f"{k} {n}" for (L, k), n in sorted(c.items()) if L == lang]
            print(f"  {lang}: " + ", ".join(parts))


def main() -> None:
    master = random.Random(SEED)
    rngs = {name: random.Random(master.getrandbits(64)) for name in SETS}
    car = load_carriers()
    table = load_name_table()
    tbx_entries = load_tbx()
    nd = NamesData(tbx_entries)
    pool = load_pool()
    vocab = vocabularies()
    rejects = load_rejects()
    sets = {
        "names_source": build_names_source(rngs["names_source"], car, table, tbx_entries, pool),
        "names_unknown": build_names_unknown(rngs["names_unknown"], car, table, nd, vocab, rejects),
        "source_words": build_source_words(rngs["source_words"], car),
        "spelling": build_spelling(rngs["spelling"], car, table, nd, vocab, rejects),
        "sentence_case": build_sentence_case(rngs["sentence_case"], car),
    }
    batches = RAW.glob("names_source_[0-9]*.jsonl")  # by number: _1 … _9, _10
    for batch in sorted(batches, key=lambda p: int(p.stem.rsplit("_", 1)[1])):
        lines = batch.read_text(encoding="utf-8").splitlines()
        sets["names_source"] += [json.loads(line) for line in lines if line.strip()]
    for rows in sets.values():
        split = splits.assign((r["lang"], r["origin"]) for r in rows)
        for r in rows:
            r["split"] = split[(r["lang"], r["origin"])]
    problems = check(sets)
    for p in problems:
        print("PROBLEM", p, file=sys.stderr)
    for name, rows in sets.items():
        with open(DATA / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    report(sets)
    if problems:
        raise SystemExit(f"validation failed: {len(problems)} problems")
    print("all spans satisfy target[start:end] == text; ids unique; minimum counts met")


if __name__ == "__main__":
    main()
