"""Name-corruption benchmark (issue 5): precision and recall per kind of corruption.

Clean text: the human reference translations of ../shared/benchmarks/wmt-mqm-ende/
(WMT21 TED, WMT23 news; en→de), rebuilt into documents by ``doc_seg``, each with its
English source. The seeds are never used.

Corpora, all built at a fixed seed (``--rounds`` corrupted copies of every document):

- known: each clean document gets two invented sentences naming a person and a
  place of the names data ("Olaf Scholz sagte am Dienstag in Vilnius …", "Später
  bekräftigte Scholz …"); one of the three name words is corrupted: a letter
  swapped, dropped or doubled (expected NM001), or, for a Ukrainian name, a
  Russian-based spelling or the English one (expected NM003);
- lone: each clean document gets one sentence naming a person's surname or a place of
  the names data once, corrupted (swap, drop, double): no first name, no correct
  mention elsewhere, so only the lone rule (a rare word one letter off) can find it;
- repeated: each clean document gets three invented sentences naming an invented
  person three times ("Halvorsen"), one mention corrupted (expected NM002);
- source: each clean document with its source gets an invented sentence pair naming an
  invented person in both ("Finance chief Maren Halvorsen said …"), the target's
  surname corrupted (expected NM005).

A corruption counts as found when an NM finding overlaps it. Precision counts every
NM finding of a corrupted document that overlaps no corruption as a false alarm,
also the findings the clean document already had ("all"), and then without those
("new"). Also reported: NM findings per 1000 words on the clean documents, and speed.

    .venv/bin/python bench/names_corruption.py [--seed 5] [--names glossaries/names.tbx]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from mqm_data import BENCHMARKS

ROOT = Path(__file__).resolve().parent.parent
BENCH = BENCHMARKS / "wmt-mqm-ende"
SURNAMES = [
    "Halvorsen",
    "Brandstätter",
    "Nieminen",
    "Oyelaran",
    "Kowalczyk",
    "Vasconcelos",
    "Lindqvist",
    "Marchetti",
    "Abernathy",
    "Rautenberg",
    "Szczepanik",
    "Fitzgerald",
    "Okonkwo",
    "Thorvaldsen",
    "Castellanos",
    "Wojciechowski",
    "Delacroix",
    "Hollander",
]
FIRST = ["Maren", "Tobias", "Ilse", "Jonas", "Greta", "Anton", "Lena", "Paulo", "Sanna"]
KNOWN_TEMPLATES = (
    "{full} sagte am Dienstag in {place}, die Gespräche würden fortgesetzt. ",
    "Später bekräftigte {last} diese Position vor Journalisten.",
)
LONE = "Am Abend äußerte sich auch {word} zu den Plänen."
REPEATED = (
    "Die Ökonomin {first} {last} hat die Zahlen geprüft. ",
    "Nach Angaben von {last} sind sie belastbar. ",
    "Man werde die Lage weiter beobachten, sagte {last} am Abend.",
)
SOURCE_PAIR = (
    "Finance chief {first} {last} said the figures were sound.",
    "Finanzchefin {first} {last} sagte, die Zahlen seien solide.",
)
KINDS = ("swap", "drop", "double", "translit-ru", "translit-en")


def human_documents() -> list[tuple[str, str, str]]:
    docs: dict[str, dict[int, tuple[str, str]]] = defaultdict(dict)
    for path in sorted(BENCH.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row["is_human_translation"]:
                docs[row["doc"]][row["doc_seg"]] = (row["source"], row["target"])
    out = []
    for name, segs in sorted(docs.items()):
        ordered = [segs[k] for k in sorted(segs)]
        out.append((name, "\n\n".join(s for s, _ in ordered), "\n\n".join(t for _, t in ordered)))
    return out


# -- corruptions ------------------------------------------------------------------------
def swap(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def drop(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def double(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    return word[:i] + word[i] + word[i:]


def russian(word: str) -> str:
    """Russian-based German spelling of a Ukrainian-based one (dpa vs older usage)."""
    w = re.sub(r"yj$", "ij", word)
    w = re.sub(r"iw$", "ow", w)
    w = re.sub(r"(?<![cCsS])h", "g", w)
    return w.replace("y", "i")


def corrupt(word: str, kind: str, rng: random.Random) -> str:
    """A letter swapped, dropped or doubled (in the last part of "Kramp-Karrenbauer")."""
    head, hyphen, tail = word.rpartition("-")
    for _ in range(50):
        new = {"swap": swap, "drop": drop, "double": double}[kind](tail, rng)
        if new != tail:
            return head + hyphen + new
    return word


# -- corpora ----------------------------------------------------------------------------
def known_corpus(docs, data, rng: random.Random):
    from tqcheck.names.data import is_ukrainian, kind

    persons, places = [], []
    for c in data.base.concepts:
        de, en = c.preferred("de"), c.preferred("en")
        if de is None or en is None:
            continue
        ws = de.text.split()
        if kind(c) == "person" and len(ws) == 2 and len(ws[1]) >= 5:
            persons.append((c, ws, en.text.split()))
        elif kind(c) == "place" and len(ws) == 1 and len(ws[0]) >= 5 and not de.profile:
            places.append((c, ws, en.text.split()))
    out = []
    for name, _src, tgt in docs:
        kind_ = rng.choice(KINDS)
        pool = persons + places
        if kind_.startswith("translit"):
            pool = [
                p
                for p in pool
                if is_ukrainian(p[0])
                and (russian(p[1][-1]) != p[1][-1] if kind_ == "translit-ru" else p[1] != p[2])
            ]
        concept, de, en = rng.choice(pool)
        person = (
            (concept, de, en)
            if len(de) == 2
            else rng.choice([p for p in persons if not is_ukrainian(p[0])])
        )
        place = (concept, de, en) if len(de) == 1 else rng.choice(places)
        full = " ".join(person[1])
        text = tgt + "\n\n" + KNOWN_TEMPLATES[0].format(full=full, place=place[1][0])
        text += KNOWN_TEMPLATES[1].format(last=person[1][-1])
        base = len(tgt) + 2
        spans = {
            "full": (base + len(full) - len(person[1][-1]), base + len(full)),
            "place": (
                text.index(place[1][0], base),
                text.index(place[1][0], base) + len(place[1][0]),
            ),
        }
        later = text.index(person[1][-1], spans["place"][1])
        spans["last"] = (later, later + len(person[1][-1]))
        slot = "place" if len(de) == 1 else rng.choice(["full", "last"])
        if kind_ == "translit-en" and len(de) == 2 and de[-1] == en[-1]:
            slot = "first"  # "Andrii Sybiha": only the first name differs
            spans["first"] = (base, base + len(de[0]))
        start, end = spans[slot]
        word = text[start:end]
        if kind_ == "translit-ru":
            new = russian(word)
        elif kind_ == "translit-en":
            new = en[0] if slot == "first" else (en[-1] if len(de) == 2 else en[0])
        else:
            new = corrupt(word, kind_, rng)
        out.append(
            (
                name,
                kind_,
                text,
                None,
                tgt,
                [(start, start + len(new))],
                text[:start] + new + text[end:],
            )
        )
    return out


def lone_corpus(docs, data, rng: random.Random):
    """One surname or place mention alone: only a rare word one letter off can be reported."""
    from tqcheck.names.data import kind

    words = []
    for c in data.base.concepts:
        de = c.preferred("de")
        if de is None or de.profile:
            continue
        last = de.text.split()[-1]
        if len(last) >= 6 and kind(c) in ("person", "place") and last[0].isupper():
            words.append(last)
    out = []
    for name, _src, tgt in docs:
        kind_ = rng.choice(KINDS[:3])
        word = rng.choice(words)
        text = tgt + "\n\n" + LONE.format(word=word)
        start = text.rindex(word)
        new = corrupt(word, kind_, rng)
        corrupted = text[:start] + new + text[start + len(word) :]
        out.append((name, kind_, text, None, tgt, [(start, start + len(new))], corrupted))
    return out


def repeated_corpus(docs, rng: random.Random):
    out = []
    for name, _src, tgt in docs:
        kind_ = rng.choice(KINDS[:3])
        first, last = rng.choice(FIRST), rng.choice(SURNAMES)
        extra = "".join(t.format(first=first, last=last) for t in REPEATED)
        text = tgt + "\n\n" + extra
        mentions = [m.start() for m in re.finditer(last, text[len(tgt) :])]
        start = len(tgt) + mentions[rng.randrange(1, len(mentions))]
        new = corrupt(last, kind_, rng)
        corrupted = text[:start] + new + text[start + len(last) :]
        out.append((name, kind_, text, None, tgt, [(start, start + len(new))], corrupted))
    return out


def source_corpus(docs, rng: random.Random):
    out = []
    for name, src, tgt in docs:
        kind_ = rng.choice(KINDS[:3])
        first, last = rng.choice(FIRST), rng.choice(SURNAMES)
        source = src + "\n\n" + SOURCE_PAIR[0].format(first=first, last=last)
        text = tgt + "\n\n" + SOURCE_PAIR[1].format(first=first, last=last)
        start = text.rindex(last)
        new = corrupt(last, kind_, rng)
        corrupted = text[:start] + new + text[start + len(last) :]
        out.append((name, kind_, text, source, src, [(start, start + len(new))], corrupted))
    return out


# -- scoring ----------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--names", default=str(ROOT / "glossaries" / "names.tbx"))
    ap.add_argument("--rounds", type=int, default=4, help="corrupted copies of each document")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    from tqcheck import registry
    from tqcheck.config import Config
    from tqcheck.engine import check_document
    from tqcheck.model import Document
    from tqcheck.resources_loader import Resources

    specs = registry.select(registry.all_checks(), ["NM"])  # registers the names provider
    t0 = time.perf_counter()
    cfg = Config(names=[args.names], shipped_names=False)
    resources = Resources(cfg)
    data = resources.get("names")
    data.index("de")
    data.matcher("de")
    load_time = time.perf_counter() - t0
    docs = human_documents()
    rng = random.Random(args.seed)
    words = seconds = 0.0

    def run(text: str, source: str | None):
        nonlocal words, seconds
        src = Document("s.en.txt", source, "en") if source else None
        doc = Document("t.de.txt", text, "de", source=src)
        started = time.perf_counter()
        result = check_document(doc, specs, cfg, resources)
        seconds += time.perf_counter() - started
        words += result.words
        return result

    clean_words, clean = 0, Counter()
    for name, src, tgt in docs:
        result = run(tgt, src)
        clean_words += result.words
        clean.update(f.rule for f in result.findings)
        for f in result.findings if args.verbose else ():
            print("clean", name, f.rule, repr(f.text), "->", f.suggestion)
    print(f"names data: {len(data.base)} entries, indexes built in {load_time:.2f} s")
    print(
        f"clean human references: {len(docs)} documents, {clean_words} words, "
        f"{sum(clean.values())} NM findings = {1000 * sum(clean.values()) / clean_words:.2f} "
        f"per 1000 words {dict(sorted(clean.items()))}"
    )
    rounds = range(args.rounds)
    corpora = {
        "known": [x for _ in rounds for x in known_corpus(docs, data, rng)],
        "lone": [x for _ in rounds for x in lone_corpus(docs, data, rng)],
        "repeated": [x for _ in rounds for x in repeated_corpus(docs, rng)],
        "source": [x for _ in rounds for x in source_corpus(docs, rng)],
    }
    print("\ncorpus    kind          n  found  recall  prec(all)  prec(new)  rules of hits")
    for corpus, items in corpora.items():
        stats: dict[str, Counter[str]] = defaultdict(Counter)
        rules: dict[str, Counter[str]] = defaultdict(Counter)
        for name, kind_, text, source, _orig, spans, corrupted in items:
            before = {(f.rule, f.text) for f in run(text, source).findings}
            after = run(corrupted, source).findings
            hit = [f for f in after if any(f.start < e and s < f.end for s, e in spans)]
            other = [f for f in after if f not in hit]
            new_false = [f for f in other if (f.rule, f.text) not in before]
            s = stats[kind_]
            s["n"] += 1
            s["found"] += bool(hit)
            s["tp"] += len(hit)
            s["fp"] += len(other)
            s["fp_new"] += len(new_false)
            rules[kind_].update(f.rule for f in hit)
            if args.verbose and (not hit or new_false):
                word = corrupted[spans[0][0] : spans[0][1]]
                print(
                    f"  {corpus} {kind_} {name}: {word!r} hit={[f.rule for f in hit]} "
                    f"false={[(f.rule, f.text) for f in new_false]}"
                )
        for kind_, s in sorted(stats.items()):
            recall = s["found"] / s["n"]
            p_all = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 0.0
            p_new = s["tp"] / (s["tp"] + s["fp_new"]) if s["tp"] + s["fp_new"] else 0.0
            print(
                f"{corpus:<9} {kind_:<12} {s['n']:>3} {s['found']:>6}  {recall:6.2f}  "
                f"{p_all:9.2f}  {p_new:9.2f}  {dict(rules[kind_])}"
            )
    print(
        f"\nspeed: {words:.0f} words in {seconds:.2f} s = {words / seconds:,.0f} words/s (NM checks)"
    )


if __name__ == "__main__":
    main()
