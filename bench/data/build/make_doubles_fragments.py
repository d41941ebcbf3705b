#!/usr/bin/env python3
"""Build bench/data/doubles.jsonl and bench/data/fragments.jsonl (tqcheck eval format).

Stdlib only, deterministic (random.Random(20261206) only fixes the output order).

Inputs
------
* hand-made raw files in bench/data/raw/: doubles_*.txt and fragments_*.txt
* carrier sentences from ../shared/benchmarks (human references and their English sources);
  override the location with TQCHECK_SHARED_BENCHMARKS.

Raw line formats (``#`` starts a comment line, blank lines are ignored)
-----------------------------------------------------------------------
Own sentences (files ``*_own_<lang>.txt``; ``*_probe_<lang>.txt`` with ``probe:`` origins are
sentences written later, after the rules, to probe their gaps: always in the tuning half)::

    @ own:<slug>                      starts an origin group (3-6 rows each)
    E <sentence with ⟦der der⟧>       doubles: error span
    G <sentence with ⟦die die⟧>       doubles: grammatical double (negative)
    F <sentence with ⟦the new rules⟧> fragments: foreign fragment (error)
    N <sentence with ⟦Team|loan⟧ …>   fragments: kept material (negative), kind after ``|``

Carrier edits (files ``*_carriers*.txt``), fields separated by `` || ``::

    DBL <carrier> || <old> || <new with ⟦w w⟧>      double a word: first <old> -> <new>
    ERR <carrier> || <context with ⟦w w⟧>           an existing real doubled-word error
    GRM <carrier> || <context with ⟦w w⟧>           an existing real grammatical double
    FRG <carrier> || <old> || <new with ⟦source stretch⟧>
                                                    replace a stretch of the reference with the
                                                    corresponding stretch of the other side; the
                                                    bracketed text must occur in that other side
                                                    (FRG~ skips that check for adapted stretches)
    KEEP <carrier> || <context with ⟦x|kind⟧ …>      existing kept material (negative row)

  Optional trailing fields: ``cut: <substring>`` uses only that substring of the carrier
  (paragraph carriers), ``scut: <substring>`` the same for the source side, and
  ``neg: <text>|<kind>; …`` marks kept material elsewhere in an error row.

Carrier ids: ``dinu:<newstest2017 line>``, ``ted:talk.N/<seg>``, ``sxs:<doc>/<seg>``,
``enfr:<doc>/<seg>``; the target is the reference (de/fr); append ``@en`` to use the English
source as the target (its source is then the reference).

Each family accepts only its own line types (doubles: DBL/ERR/GRM, E/G; fragments: FRG/KEEP,
F/N). In fragment files the ``<old>`` and KEEP contexts must occur exactly once in the carrier,
and ``neg:`` texts are taken at their first whole-word occurrence outside the error span.

Validation (the run fails on any problem): ``target[start:end] == text`` for every span, unique
ids and targets, no overlapping spans; doubles are exact doubles; a fragment is 2-10 words, starts
and ends on word boundaries, carries the foreign-fragment label, and no fragment text (case-folded)
is used twice; negative rows have kept-material spans of a known kind. The report prints counts
per language and kind and checks the set's minimum row counts.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import splits

SEED = 20261206
HERE = Path(__file__).resolve().parent
DATA = HERE.parent
RAW = DATA / "raw"
REPO = DATA.parent.parent
SHARED = Path(os.environ.get("TQCHECK_SHARED_BENCHMARKS", REPO.parent / "shared" / "benchmarks"))

OPEN, CLOSE = "⟦", "⟧"
KINDS = {
    "name": "kept_name",
    "title": "title",
    "loan": "loanword",
    "quote": "quotation",
    "slogan": "slogan",
}
DUP = {"category": "Fluency/Duplication", "severity": "Minor", "kind": "doubled_word"}
FRAG = {
    "category": "Accuracy/Source language fragment",
    "severity": "Major",
    "kind": "foreign_fragment",
}


# --------------------------------------------------------------------------- detokenising
_ELIS = re.compile(
    r"\b([LlDdNnSsJjCcMmTt]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu|"
    r"[Aa]ujourd|[Pp]resqu)(['’]) (?=\w)"
)


def _pair_quotes(s: str) -> str:
    parts = s.split(' " ')
    out = parts[0]
    for i, p in enumerate(parts[1:]):
        out += (' "' if i % 2 == 0 else '" ') + p
    return out


def _detok_common(s: str) -> str:
    s = re.sub(r"\s+", " ", s.replace("\u200b", "")).strip()
    s = re.sub(r'^" ', '"', s)
    s = re.sub(r' "$', '"', s)
    s = _pair_quotes(s)
    s = re.sub(r" ([,.)\]])", r"\1", s)
    s = re.sub(r"([(\[]) ", r"\1", s)
    return s


_ABBR = {
    "ex",
    "cf",
    "p",
    "pp",
    "env",
    "vol",
    "no",
    "n°",
    "etc",
    "e.g",
    "i.e",
    "vs",
    "St",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "M",
}


def _tidy(s: str) -> str:
    """Repairs shared by both sides: URLs split at '/', brackets split from the word they
    belong to ('[e] n cas'), sentences glued without a space ('closed.In'), and sentence
    starts left in lower case inside a multi-sentence segment."""
    s = re.sub(
        r"\b(https?) ?: / / ((?:[^\s/]+(?: / )?)+(?: /(?=[.)\s]|$))?)",
        lambda m: m.group(1) + "://" + re.sub(r" ?/ ?", "/", m.group(2)),
        s,
    )
    s = re.sub(r"\[(\w)\] (\w)", r"[\1]\2", s)
    s = re.sub(r"(?<=[a-z%)\d])\.(?=[A-Z][a-z])", ". ", s)
    s = re.sub(r"(?<=[a-z%)])\.(?=[a-z] [a-z])", ". ", s)

    def cap(m):
        word = m.group(1)
        if word.rstrip(".").split("(")[-1] in _ABBR or re.search(r"\w\.\w", word):
            return m.group(0)
        return m.group(1) + m.group(2) + m.group(3).upper()

    s = re.sub(r"(\S+[.!?][»”\"]?)( )([a-zàâäéèêëîïôöûüç])", cap, s)
    return s


def detok_fr(s: str) -> str:
    """Tokenised WMT21 French: join elisions and , . ) but keep the French space before : ; ! ?"""
    s = _detok_common(_ELIS.sub(r"\1\2", s))
    s = s.replace(" ’ ", "’")
    s = _tidy(s)
    return s[:1].upper() + s[1:]


def detok_en(s: str) -> str:
    s = re.sub(r" (['’]) ?(s|re|ve|ll|d|m|t)\b", r"\1\2", s)
    s = re.sub(r"n (['’])t\b", r"n\1t", s)
    s = re.sub(r"(?<=s) (['’]) (?=\w)", r"\1 ", s)  # plural possessive: "students ’ data"
    s = _detok_common(s)
    s = re.sub(r"([“‘]) (.+?) ([”’])", r"\1\2\3", s)  # “ Excluded ” -> “Excluded”
    s = re.sub(r" ([:;!?%])", r"\1", s)
    s = re.sub(r"\bi\b(?![.-])", "I", s)
    s = s.replace(" – associated", "–associated")  # "COVID-19 – associated"
    s = _tidy(s)
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------- carriers
def load_carriers() -> dict:
    """key -> dict(de|fr=reference, en=source, origin, lang)."""
    car: dict[str, dict] = {}

    def rows(rel):
        with open(SHARED / rel, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)

    for r in rows("wmt-mqm-ende/ted2021_ende.jsonl"):
        if r["is_human_translation"]:
            car[f"ted:{r['doc']}/{r['doc_seg']}"] = {
                "ref": r["target"],
                "en": r["source"],
                "lang": "de",
                "origin": f"doc:{r['doc']}",
                "src_id": r["id"],
            }
    for r in rows("wmt-mqm-ende/generalmt2023_sxs_ende.jsonl"):
        if r["is_human_translation"]:
            car.setdefault(
                f"sxs:{r['doc']}/{r['doc_seg']}",
                {
                    "ref": r["target"],
                    "en": r["source"],
                    "lang": "de",
                    "origin": f"doc:{r['doc']}",
                    "src_id": r["unit_id"],
                },
            )
    for r in rows("terminology-ende/dinu2019_wmt17_ende.jsonl"):
        n = r["newstest2017_line"]
        car.setdefault(
            f"dinu:{n}",
            {
                "ref": r["target"],
                "en": r["source"],
                "lang": "de",
                "origin": f"ref:newstest2017/{n}",
                "src_id": r["id"],
            },
        )
    for r in rows("terminology-enfr/wmt21_dev_enfr.jsonl"):
        if r["target_kind"] == "reference":
            car[f"enfr:{r['doc']}/{r['seg_id']}"] = {
                "ref": detok_fr(r["target"]),
                "en": detok_en(r["source"]),
                "lang": "fr",
                "origin": f"doc:{r['doc']}",
                "src_id": r["id"],
            }
    return car


# --------------------------------------------------------------------------- parsing helpers
class RawError(Exception):
    pass


def unmark(s: str):
    """'a ⟦b|kind⟧ c' -> ('a b c', [(start, end, text, kind|None), ...])"""
    out, spans, i = [], [], 0
    pos = 0
    while True:
        j = s.find(OPEN, i)
        if j < 0:
            out.append(s[i:])
            break
        k = s.find(CLOSE, j)
        if k < 0:
            raise RawError(f"unclosed {OPEN} in {s!r}")
        out.append(s[i:j])
        pos = sum(len(x) for x in out)
        inner = s[j + 1 : k]
        kind = None
        if "|" in inner:
            inner, kind = inner.rsplit("|", 1)
        out.append(inner)
        spans.append((pos, pos + len(inner), inner, kind))
        i = k + 1
    text = "".join(out)
    if OPEN in text or CLOSE in text:
        raise RawError(f"nested marks in {s!r}")
    return text, spans


def neg_kind(k: str | None) -> str:
    if k is None:
        raise RawError("negative span without kind")
    if k not in KINDS:
        raise RawError(f"unknown kind {k!r}")
    return KINDS[k]


def find_once(hay: str, needle: str, what: str) -> int:
    i = hay.find(needle)
    if i < 0:
        raise RawError(f"{what}: {needle!r} not found in {hay!r}")
    return i


def parse_opts(fields):
    opts = {}
    rest = []
    for f in fields:
        m = re.match(r"^(cut|scut|neg):\s*(.*)$", f)
        if m:
            opts[m.group(1)] = m.group(2)
        else:
            rest.append(f)
    return rest, opts


def extra_negs(target: str, spec: str | None, taken):
    negs = []
    if not spec:
        return negs
    for item in spec.split(";"):
        item = item.strip()
        if not item:
            continue
        text, kind = item.rsplit("|", 1)
        find_once(target, text, "neg")
        i = None
        for m in re.finditer(re.escape(text), target):
            a, b = m.start(), m.end()
            if any(a < e and s < b for (s, e) in taken):
                continue  # inside the error span: look further on
            if (a and target[a - 1].isalnum()) or (b < len(target) and target[b].isalnum()):
                continue  # part of a longer word
            i = a
            break
        if i is None:
            raise RawError(f"neg {text!r}: no whole-word occurrence outside the error span")
        negs.append({"kind": neg_kind(kind), "start": i, "end": i + len(text), "text": text})
    return negs


# --------------------------------------------------------------------------- builders
def carrier_sides(car, key):
    side = "ref"
    if key.endswith("@en"):
        key, side = key[:-3], "en"
    if key not in car:
        raise RawError(f"unknown carrier {key}")
    c = car[key]
    if side == "ref":
        return key, c, c["ref"], c["lang"], c["en"], "en"
    return key, c, c["en"], "en", c["ref"], c["lang"]


CARRIER_TYPES = {"doubles": ("DBL", "ERR", "GRM"), "fragments": ("FRG", "FRG~", "KEEP")}
OWN_TYPES = {"doubles": ("E", "G"), "fragments": ("F", "N")}


def find_anchor(hay: str, needle: str, what: str, unique: bool) -> int:
    i = find_once(hay, needle, what)
    if unique and hay.count(needle) > 1:
        raise RawError(f"{what}: {needle!r} occurs {hay.count(needle)} times in {hay!r}")
    return i


def build_from_carrier(line, car, used, family):
    head, *fields = [f.strip() for f in line.split(" || ")]
    typ, key = head.split(None, 1)
    if typ not in CARRIER_TYPES[family]:
        raise RawError(f"{typ} lines do not belong in {family} files")
    uniq = family == "fragments"  # (the doubles rows were built with first-match anchors)
    fields, opts = parse_opts(fields)
    ckey, c, target, lang, source, source_lang = carrier_sides(car, key.strip())
    use_key = (ckey, lang)
    if use_key in used:
        raise RawError(f"carrier {key} used twice")
    used.add(use_key)
    if "cut" in opts:
        find_once(target, opts["cut"], "cut")
        target = opts["cut"]
    if "scut" in opts:
        find_once(source, opts["scut"], "scut")
        source = opts["scut"]
    row = {
        "origin": c["origin"],
        "lang": lang,
        "carrier": c["src_id"] + ("" if lang != "en" else "#source"),
    }
    errors, negs = [], []
    fragment_typ = typ.rstrip("~")
    if typ in ("DBL", "FRG", "FRG~"):
        if len(fields) != 2:
            raise RawError(f"{typ} needs old || new: {line}")
        old, new = fields
        new_plain, spans = unmark(new)
        if len(spans) != 1:
            raise RawError(f"{typ} needs exactly one marked span: {line}")
        if spans[0][3] is not None:
            raise RawError(f"{typ}: the error span takes no kind; use neg: for kept material")
        i = find_anchor(target, old, typ, uniq)
        target = target[:i] + new_plain + target[i + len(old) :]
        s, e, text, _ = spans[0]
        s, e = s + i, e + i
        if fragment_typ == "FRG" and typ == "FRG":
            if text.lower() not in source.lower():
                raise RawError(f"fragment {text!r} not in source {source!r}")
        errors.append(dict((DUP if typ == "DBL" else FRAG), start=s, end=e, text=text))
    elif typ in ("ERR", "GRM", "KEEP"):
        if len(fields) != 1:
            raise RawError(f"{typ} needs one context field: {line}")
        ctx_plain, spans = unmark(fields[0])
        if not spans:
            raise RawError(f"{typ} without a marked span: {line}")
        i = find_anchor(target, ctx_plain, typ, uniq)
        for s, e, text, kind in spans:
            if typ == "ERR":
                errors.append(dict(DUP, start=s + i, end=e + i, text=text))
            elif typ == "GRM":
                negs.append(
                    {"kind": "grammatical_double", "start": s + i, "end": e + i, "text": text}
                )
            else:
                negs.append({"kind": neg_kind(kind), "start": s + i, "end": e + i, "text": text})
    else:
        raise RawError(f"unknown type {typ}")
    negs += extra_negs(target, opts.get("neg"), [(x["start"], x["end"]) for x in errors])
    row.update(target=target, errors=errors, negatives=sorted(negs, key=lambda x: x["start"]))
    if family == "fragments":
        row["source"], row["source_lang"] = source, source_lang
    return row


def build_own(lang, origin, typ, text):
    plain, spans = unmark(text)
    if not spans:
        raise RawError(f"no marked span: {text}")
    errors, negs = [], []
    for s, e, t, kind in spans:
        if typ == "E":
            errors.append(dict(DUP, start=s, end=e, text=t))
        elif typ == "G":
            negs.append({"kind": "grammatical_double", "start": s, "end": e, "text": t})
        elif typ == "F":
            if kind is None:
                errors.append(dict(FRAG, start=s, end=e, text=t))
            else:  # kept material inside an error row
                negs.append({"kind": neg_kind(kind), "start": s, "end": e, "text": t})
        elif typ == "N":
            negs.append({"kind": neg_kind(kind), "start": s, "end": e, "text": t})
        else:
            raise RawError(f"unknown type {typ}")
    if typ == "F" and not errors:
        raise RawError(f"fragment row without fragment: {text}")
    return {"origin": origin, "lang": lang, "target": plain, "errors": errors, "negatives": negs}


def read_raw(family, car, used):
    rows = []
    files = sorted(RAW.glob(f"{family}_*.txt"))
    if not files:
        raise SystemExit(f"no raw files {RAW}/{family}_*.txt")
    for path in files:
        m = re.search(r"_(own|probe)_(de|fr|en)\.txt$", path.name)
        own_lang = m.group(2) if m else None
        prefix = f"{m.group(1)}:" if m else ""
        origin = None
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                if own_lang:
                    if line.startswith("@"):
                        origin = line[1:].strip()
                        if not origin.startswith(prefix):
                            raise RawError(f"origin must start with {prefix}")
                        continue
                    if origin is None:
                        raise RawError("row before any @ origin line")
                    typ, text = line.split(" ", 1)
                    if typ not in OWN_TYPES[family]:
                        raise RawError(f"{typ} lines do not belong in {family} files")
                    row = build_own(own_lang, origin, typ, text.strip())
                else:
                    row = build_from_carrier(line, car, used, family)
            except (RawError, ValueError) as exc:
                raise SystemExit(f"{path.name}:{n}: {exc}") from None
            row["_where"] = f"{path.name}:{n}"
            rows.append(row)
    return rows


# --------------------------------------------------------------------------- validation
WORD = re.compile(r"\w+", re.UNICODE)


NEG_KINDS = set(KINDS.values())


def check_fragment_row(r, seen):
    """Fragment-family rules: an error row carries foreign-fragment spans of 2-10 words on word
    boundaries, each text used once in the whole file; a negative row has no error and at least
    one kept-material span of a known kind."""
    p = []
    t = r["target"]
    if r["lang"] not in ("de", "fr", "en"):
        p.append(f"{r['id']}: unknown lang {r['lang']!r}")
    if "source" in r and r.get("source_lang") in (None, r["lang"]):
        p.append(f"{r['id']}: source_lang {r.get('source_lang')!r} for a {r['lang']} target")
    if not r["errors"] and not r["negatives"]:
        p.append(f"{r['id']}: neither an error nor a negative span")
    for sp in r["errors"]:
        if any(sp.get(k) != v for k, v in FRAG.items()):
            p.append(f"{r['id']}: error span is not a foreign fragment {sp}")
        n = len(WORD.findall(sp["text"]))
        if not 2 <= n <= 10 or sp["text"][-1] in ",.;:!?" or sp["text"][0] in ",.;:":
            p.append(f"{r['id']}: fragment length/punct {sp['text']!r}")
        a, b = sp["start"], sp["end"]
        if (a and t[a - 1].isalnum()) or (b < len(t) and t[b].isalnum()):
            p.append(f"{r['id']}: fragment {sp['text']!r} cuts a word")
        key = sp["text"].casefold()
        if key in seen:
            p.append(f"{r['id']}: fragment text {sp['text']!r} also in {seen[key]}")
        seen[key] = r["id"]
    for sp in r["negatives"]:
        if sp["kind"] not in NEG_KINDS:
            p.append(f"{r['id']}: unknown negative kind {sp['kind']!r}")
    return p


def check_rows(family, rows):
    problems = []
    seen_fragments: dict = {}
    ids = Counter(r["id"] for r in rows)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    targets = Counter((r["lang"], r["target"]) for r in rows)
    problems += [f"duplicate target {t[1][:60]!r}" for t, n in targets.items() if n > 1]
    for r in rows:
        for sp in r["errors"] + r["negatives"]:
            if r["target"][sp["start"] : sp["end"]] != sp["text"]:
                problems.append(f"{r['id']}: span mismatch {sp}")
            if sp["text"] != sp["text"].strip() or not sp["text"]:
                problems.append(f"{r['id']}: span has outer whitespace {sp['text']!r}")
        if family == "doubles":
            for sp in r["errors"] + r["negatives"]:
                w = sp["text"].split()
                if len(w) != 2 or w[0].lower() != w[1].lower():
                    problems.append(f"{r['id']}: not an exact double {sp['text']!r}")
        else:
            problems += check_fragment_row(r, seen_fragments)
        spans = sorted((s["start"], s["end"]) for s in r["errors"] + r["negatives"])
        for (_a, b), (c, _d) in itertools.pairwise(spans):
            if c < b:
                problems.append(f"{r['id']}: overlapping spans")
    return problems


# minimum row counts per (lang, row kind) for fragments.jsonl, and other targets of the set
FRAGMENT_MINIMUM = {
    ("de", "error"): 85,
    ("fr", "error"): 55,
    ("en", "error"): 25,
    ("de", "negative"): 85,
    ("fr", "negative"): 55,
    ("en", "negative"): 25,
}


def report_fragments(rows):
    lens = Counter()
    start = end = lower_mid = capital = 0
    for r in rows:
        for sp in r["errors"]:
            n = len(WORD.findall(sp["text"]))
            lens["2-3" if n <= 3 else "4-6" if n <= 6 else "7-10"] += 1
            before = r["target"][: sp["start"]].strip(" \"'„“«»(")
            after = r["target"][sp["end"] :].strip(" .!?\"'“”»)")
            start += not before
            end += not after
            if before and after and sp["text"][0].islower():
                lower_mid += 1
            capital += sp["text"][0].isupper()
    print(
        f"   fragment lengths (words): {dict(sorted(lens.items()))}; at sentence start: {start},"
        f" at sentence end: {end}; lower-case mid-sentence: {lower_mid};"
        f" capitalised first word: {capital}"
    )
    kinds = Counter(sp["kind"] for r in rows for sp in r["negatives"])
    print(f"   negative span kinds: {dict(sorted(kinds.items()))}")
    rowkinds = Counter((r["lang"], "error" if r["errors"] else "negative") for r in rows)
    origins = {r["origin"] for r in rows}
    short_rows = sum(
        1 for r in rows if any(len(WORD.findall(sp["text"])) <= 3 for sp in r["errors"])
    )
    short = []
    for key, need in FRAGMENT_MINIMUM.items():
        if rowkinds[key] < need:
            short.append(f"{key[0]} {key[1]} rows {rowkinds[key]} < {need}")
    if short_rows < 30:
        short.append(f"rows with a 2-3-word fragment {short_rows} < 30")
    if len(origins) < 50:
        short.append(f"origins {len(origins)} < 50")
    print(
        "   targets: "
        + ("all met" if not short else "BELOW: " + "; ".join(short))
        + f" (rows with a 2-3-word fragment: {short_rows}, origins: {len(origins)})"
    )


def finish(family, rows, rng):
    # stable ids from raw order, then a seeded shuffle of the output order
    counters = Counter()
    for r in rows:
        kind = "err" if r["errors"] else "neg"
        counters[(r["lang"], kind)] += 1
        r["id"] = f"{family}/{r['lang']}/{kind}/{counters[(r['lang'], kind)]:03d}"
    rng.shuffle(rows)
    order = [
        "id",
        "origin",
        "split",
        "lang",
        "target",
        "source",
        "source_lang",
        "errors",
        "negatives",
    ]
    out = []
    for r in rows:
        o = {k: r[k] for k in order if k in r}
        if "carrier" in r:
            o["carrier"] = r["carrier"]
        out.append(o)
    return out


def report(family, rows):
    print(f"== {family}.jsonl: {len(rows)} rows, {len({r['origin'] for r in rows})} origins")
    c = Counter()
    for r in rows:
        c[(r["lang"], "error" if r["errors"] else "negative")] += 1
        for sp in r["errors"]:
            c[(r["lang"], "span:" + sp["kind"])] += 1
        for sp in r["negatives"]:
            c[(r["lang"], "span:" + sp["kind"])] += 1
    for lang in ("de", "fr", "en"):
        items = ", ".join(f"{k[1]}={v}" for k, v in sorted(c.items()) if k[0] == lang)
        print(f"   {lang}: {items}")
    own = sum(1 for r in rows if r["origin"].startswith("own:"))
    print(f"   rows from benchmark carriers: {len(rows) - own}, own sentences: {own}")
    if family == "fragments":
        report_fragments(rows)


def main():
    car = load_carriers()
    used: set = set()
    rng = random.Random(SEED)
    ok = True
    for family in ("doubles", "fragments"):
        rows = read_raw(family, car, used)
        for r in rows:
            r.pop("_where")
        rows = finish(family, rows, rng)
        # later, independent batches written as eval rows (own2:…, own3:… origins)
        seen = {(r["lang"], r["target"]): r["origin"] for r in rows}
        batches = RAW.glob(f"{family}_[0-9]*.jsonl")  # by number: _2 … _9, _10
        for extra in sorted(batches, key=lambda p: int(p.stem.rsplit("_", 1)[1])):
            for line in extra.read_text(encoding="utf-8").splitlines():
                row = json.loads(line) if line else None
                if not row:
                    continue
                key = (row["lang"], row["target"])
                if seen.get(key, "").startswith("probe:"):
                    # a probe row would take this row into the tuning half
                    print(f"PROBLEM {family} a probe row repeats {row['id']}", file=sys.stderr)
                    ok = False
                if key not in seen:
                    seen[key] = row["origin"]
                    rows.append(row)
        split = splits.assign((r["lang"], r["origin"]) for r in rows)
        for r in rows:
            # probe: rows were written after the rules, to find their gaps: tuning only
            probe = r["origin"].startswith("probe:")
            r["split"] = "tune" if probe else split[(r["lang"], r["origin"])]
        problems = check_rows(family, rows)
        for p in problems:
            print("PROBLEM", family, p, file=sys.stderr)
        ok &= not problems
        with open(DATA / f"{family}.jsonl", "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        report(family, rows)
    if not ok:
        raise SystemExit("validation failed")
    print("all spans satisfy target[start:end] == text; ids unique")


if __name__ == "__main__":
    main()
