"""The development sets of bench/data, both halves, per language: the figures of issues 10-11.

For each detector its labelled set is scanned with ``tqcheck eval``'s library (the same
code as the command) and split into the tuning and the held-out half (split by origin:
site, document, talk). Printed per half and language:

- furniture (FL003-FL007) on bench/data/furniture.jsonl: recall of the labelled lines,
  false findings per 1000 words on the error-free article rows (own articles and the
  human references of ../shared/benchmarks), labelled hard negatives hit;
- doubled words (FL002) on bench/data/doubles.jsonl: recall, grammatical doubles reported;
- foreign fragments (FL020) on bench/data/fragments.jsonl: recall, kept names and
  loanwords reported; and findings per 1000 words on the human references (WMT MQM
  German references and their English sources, joined into documents);
- issue 11's corruption sets (source names replaced or dropped, names outside the names
  data misspelled, a known person's role before a near miss of the surname, source words
  left untranslated, spelling slips, sentence case): recall
  per half and language, and findings per 1000 words on the human reference pairs with
  their sources (WMT MQM en->de references, the same reversed de->en, and the WMT21
  terminology en->fr references), one row per segment.

    .venv/bin/python bench/dev_sets.py [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mqm_data import BENCHMARKS, load  # noqa: E402

from tqcheck import registry  # noqa: E402
from tqcheck.config import Config  # noqa: E402
from tqcheck.evaluation import Row, Tally, evaluate, read_rows, scan_rows  # noqa: E402

DATA = ROOT / "bench" / "data"
# name: (file, rules, categories, preview rules included)
SETS: dict[str, tuple[str, str, tuple[str, ...], bool]] = {
    "furniture": (
        "furniture.jsonl",
        "FL003,FL004,FL005,FL006,FL007",
        ("Fluency/Page furniture",),
        False,
    ),
    "doubled words": ("doubles.jsonl", "FL002", ("Fluency/Duplication",), False),
    "foreign fragments": (
        "fragments.jsonl",
        "FL020",
        ("Accuracy/Source language fragment",),
        False,
    ),
    "source names": (
        "names_source.jsonl",
        "NM006",
        ("Accuracy/Mistranslation/Name", "Accuracy/Omission/Name"),
        True,
    ),
    "unknown names": (
        "names_unknown.jsonl",
        "NM001,NM002,NM003,NM007",
        ("Fluency/Spelling/Name",),
        True,
    ),
    "role evidence": (
        "names_roles.jsonl",
        "NM001,NM002,NM003,NM004,NM007",
        ("Fluency/Spelling/Name",),
        True,
    ),
    "source words": ("source_words.jsonl", "AC010", ("Accuracy/Untranslated text",), False),
    "spelling": ("spelling.jsonl", "FL021", ("Fluency/Spelling",), False),
    "end to end": (
        "e2e.jsonl",
        "FL,NM,GL",
        (
            "Fluency/Page furniture",
            "Fluency/Duplication",
            "Accuracy/Source language fragment",
            "Fluency/Spelling",
            "Fluency/Punctuation",
            "Fluency/Spelling/Capitalisation",
        ),
        False,
    ),
    "end to end with source": (
        "e2e_src.jsonl",
        "FL,NM,GL,AC",
        (
            "Accuracy/Mistranslation",
            "Accuracy/Omission",
            "Accuracy/Addition",
            "Accuracy/Untranslated text",
        ),
        False,
    ),
    "sentence case": (
        "sentence_case.jsonl",
        "FL013,FL022",
        ("Fluency/Spelling/Capitalisation",),
        False,
    ),
}
# Batches written blind after the rules and never tuned on, kept out of the split: each is
# reported as a half of its own (raw/blind_*.jsonl): "blind" (session 33), "blind21"
# (session 34).
BLIND: dict[str, tuple[tuple[str, str], ...]] = {
    "source names": (
        ("raw/blind_names_source_20.jsonl", "blind"),
        ("raw/blind_names_source_21.jsonl", "blind21"),
    ),
    # session 35: 30 more articles, written after the session's end-to-end rules
    "end to end": (("raw/blind_e2e_b35.jsonl", "blind"),),
}
BLIND_HALVES = ("blind", "blind21")
PAIR_SETS = ("source names", "unknown names", "source words", "spelling", "sentence case")
UNMARKED = DATA / "mqm_unmarked_errors.json"
TERMINOLOGY_ENFR = BENCHMARKS / "terminology-enfr" / "wmt21_dev_enfr.jsonl"


def human_reference_rows() -> list[Row]:
    """German human references and their English sources, one row per document."""
    units = load()
    docs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for unit in units.values():
        if unit["system"] in ("ref", "refA"):
            docs[(unit["dataset"], unit["doc"])].append(unit)
    rows = []
    for (dataset, doc), segs in sorted(docs.items()):
        segs.sort(key=lambda u: u["doc_seg"])
        for lang, side in (("de", "target"), ("en", "source")):
            text = "\n\n".join(u[side] for u in segs)
            rows.append(
                Row(
                    id=f"{dataset}/{doc}/{lang}",
                    target=text,
                    lang=lang,
                    errors=[],
                    meta={"lang": lang, "origin": doc},
                    clean_raters=1,
                )
            )
    return rows


def human_pair_rows() -> list[Row]:
    """Human reference segments with their sources: en->de and de->en (WMT MQM), en->fr
    (WMT21 terminology references, detokenised). Error-free rows, one per unique pair; the
    two TED references that copy their English source ("So here it is.") are left out."""
    rows: list[Row] = []
    seen: set[tuple[str, str]] = set()
    for unit in load().values():
        if unit["system"] not in ("ref", "refA") or (unit["source"], unit["target"]) in seen:
            continue
        if unit["source"].strip() == unit["target"].strip():
            continue  # a reference that copies its source is untranslated, not error-free
        seen.add((unit["source"], unit["target"]))
        for lang, src_lang, target, source in (
            ("de", "en", unit["target"], unit["source"]),
            ("en", "de", unit["source"], unit["target"]),
        ):
            rows.append(_pair(f"{unit['doc']}/{len(rows)}", lang, src_lang, target, source))
    if TERMINOLOGY_ENFR.is_file():
        for line in TERMINOLOGY_ENFR.open(encoding="utf-8"):
            r = json.loads(line)
            if r.get("target_kind") == "reference":
                target, source = _detokenised(r["target"]), _detokenised(r["source"])
                rows.append(_pair(r["id"], "fr", "en", target, source))
    return rows


def _detokenised(text: str) -> str:
    """The WMT21 terminology files are tokenised with sentence starts in lower case
    ("d' une mère , et ... . le 12 avril"): joined and capitalised again, as written."""
    text = re.sub(r" ([,.)\]])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r"(\b\w+['’]) (?=\w)", r"\1", text)
    return re.sub(r"(^|[.?!] +)(\w)", lambda m: m.group(1) + m.group(2).upper(), text)


def _pair(rid: str, lang: str, src_lang: str, target: str, source: str) -> Row:
    return Row(
        id=rid,
        target=target,
        lang=lang,
        errors=[],
        meta={"lang": lang, "origin": rid},
        clean_raters=1,
        source=source,
        source_lang=src_lang,
    )


def _checks(codes: str, preview: bool) -> tuple[Config, list]:
    cfg = Config(select=codes.split(","), preview=preview).validate()
    return cfg, registry.select(registry.all_checks(), cfg.select, preview=preview)


def _unmarked() -> set[tuple[str, str]]:
    """(rule, text) of the real errors in human text that no label marks, checked by hand."""
    return {(e["rule"], e["text"]) for e in json.loads(UNMARKED.read_text())["errors"]}


# A check that raised on a row found nothing there: its figures would be silently low, so
# every such error is kept, printed, and fails the run.
CHECK_ERRORS: list[str] = []


def figures(rows: list[Row], codes: str, categories: tuple[str, ...], preview: bool) -> dict:
    """Per half and language; each row scanned once. The findings on error-free rows are
    given raw and with the real errors of data/mqm_unmarked_errors.json set apart (the
    controls are human references and sources, which have a few)."""
    cfg, checks = _checks(codes, preview)
    rules = [c.code for c in checks]
    unmarked = _unmarked()
    tallies: dict[str, Tally] = defaultdict(Tally)
    real: dict[str, int] = defaultdict(int)
    for row, words, findings, errors in scan_rows(rows, checks, cfg):
        CHECK_ERRORS.extend(f"{row.id}: {e}" for e in errors)
        half = row.meta.get("split")
        n = sum((f.rule, row.target[f.start : f.end]) in unmarked for f in findings)
        for key in (f"{half}/all", f"{half}/{row.lang}"):
            tallies[key].add(row, words, findings, rules)
            if row.error_free:
                real[key] += n
    out = {}
    for half in ("tune", "heldout", *BLIND_HALVES):
        for lang in ("all", "de", "en", "fr"):
            key = f"{half}/{lang}"
            if key not in tallies:
                continue
            g = tallies[key].to_dict()
            cats = [g["categories"].get(c, {}) for c in categories]
            spans = sum(c.get("spans", 0) for c in cats)
            found = sum(c.get("found", 0) for c in cats)
            clean = g["error_free_words"]
            on_clean = sum(tallies[key].on_clean.values())
            out[key] = {
                "spans": spans,
                "recall": found / spans if spans else None,
                "error_free_words": clean,
                "per_1000_words_error_free": g["per_1000_words_error_free"],
                "real_errors_on_error_free": real[key],
                "per_1000_words_error_free_set_apart": (
                    round(1000 * (on_clean - real[key]) / clean, 3) if clean else None
                ),
                "negatives": g["negatives"],
                "negatives_hit": g["negatives_hit"],
            }
    return out


def on_pairs(pairs: list[Row], codes: str, preview: bool) -> dict[str, dict]:
    """Findings per 1000 words on the human pairs, raw and with the real errors the raters
    did not mark set apart (data/mqm_unmarked_errors.json, checked by hand)."""
    cfg, checks = _checks(codes, preview)
    unmarked = _unmarked()
    out = {}
    for lang in ("de", "en", "fr"):
        sub = [r for r in pairs if r.lang == lang]
        words = found = real = 0
        for row, n, findings, errors in scan_rows(sub, checks, cfg):
            CHECK_ERRORS.extend(f"{row.id}: {e}" for e in errors)
            words += n
            found += len(findings)
            real += sum((f.rule, row.target[f.start : f.end]) in unmarked for f in findings)
        out[lang] = {
            "words": words,
            "findings": found,
            "per_1000_words": round(1000 * found / words, 3) if words else None,
            "real_errors": real,
            "per_1000_words_set_apart": round(1000 * (found - real) / words, 3) if words else None,
        }
    return out


def on_twins(codes: str, preview: bool, with_source: bool = False) -> dict[str, dict]:
    """Findings per 1000 words on the untouched twins of the source-names set, per half,
    read without their source (with it for checks that compare): hand-written clean text dense with names nobody has
    heard of (mayors, curators, start-ups, institutions kept in their own language), a
    harder control for the target-only checks than the WMT references."""
    rows, problems = read_rows(DATA / SETS["source names"][0])
    assert not problems, problems
    cfg, checks = _checks(codes, preview)
    out = {}
    for half in ("tune", "heldout"):
        sub = [
            r if with_source else dataclasses.replace(r, source=None, source_lang=None)
            for r in rows
            if r.meta.get("split") == half and not r.errors
        ]
        words = found = 0
        for row, n, findings, errors in scan_rows(sub, checks, cfg):
            CHECK_ERRORS.extend(f"{row.id}: {e}" for e in errors)
            words += n
            found += len(findings)
        out[half] = {
            "words": words,
            "findings": found,
            "per_1000_words": round(1000 * found / words, 3) if words else None,
        }
    return out


def twin_rules() -> dict[str, dict]:
    """Every rule, preview ones too, on the untouched twins of the source-names set with
    their source: correct translations written by hand, so every finding is a false
    alarm, or a real slip of the writer. Per half: words, findings, findings by rule."""
    rows, problems = read_rows(DATA / SETS["source names"][0])
    assert problems == [], problems
    return {
        half: _by_rule([r for r in rows if r.meta.get("split") == half and not r.errors])
        for half in ("tune", "heldout")
    }


def _by_rule(rows: list[Row]) -> dict:
    """Every rule, preview ones too, over ``rows``: words, findings, findings by rule."""
    cfg, checks = _checks(",".join(spec.code for spec in registry.all_checks()), True)
    words = 0
    by_rule: Counter[str] = Counter()
    for row, n, findings, errors in scan_rows(rows, checks, cfg):
        CHECK_ERRORS.extend(f"{row.id}: {e}" for e in errors)
        words += n
        by_rule.update(f.rule for f in findings)
    return {
        "words": words,
        "findings": sum(by_rule.values()),
        "by_rule": dict(by_rule.most_common()),
    }


CLEAN_PAIRS = (
    "clean_pairs_1.jsonl",
    "clean_pairs_2.jsonl",
    "clean_pairs_3.jsonl",
    "clean_pairs_4.jsonl",
)


def clean_pairs() -> dict[str, dict]:
    """Every rule, preview ones too, on the correct translation pairs written to trip the
    checks (raw/clean_pairs_*.jsonl: names, figures, negations and quotations that a
    good translator renders differently; 240 pairs each): every finding is a false alarm.
    Per file: words, findings, findings by rule."""
    out = {}
    for name in CLEAN_PAIRS:
        rows = [
            Row(
                id=r["id"],
                target=r["target"],
                lang=r["lang"],
                errors=[],
                source=r["source"],
                source_lang=r["source_lang"],
                meta={"origin": r["origin"]},
            )
            for r in map(json.loads, (DATA / "raw" / name).read_text(encoding="utf-8").splitlines())
        ]
        out[name] = _by_rule(rows)
    return out


CLEAN_ARTICLES = ("articles_own.jsonl", "articles_quotes.jsonl", "articles_clean_35.jsonl")


def clean_articles() -> dict[str, dict]:
    """Every rule, preview ones too, on clean articles without a source, as a reader
    gets them: raw/articles_own.jsonl (78 articles, session 34) and
    raw/articles_quotes.jsonl (48 articles written by a helper in session 35 to look like
    page furniture without being any: quotations in each language's marks, speakers
    saying "we" and "you", reporters and agencies in the reporting clauses, news about
    newsletters, comments and cookies), read for tuning in session 35; and
    raw/articles_clean_35.jsonl (42 articles by another helper, session 35: live tickers,
    scores, Q&A, lists, legitimate doubles such as "had had", loanwords, foreign titles and
    names), never read: only its counts are looked at. Every finding is a false alarm or a
    slip of the writer. Per file: words, findings, findings by rule."""
    out = {}
    for name in CLEAN_ARTICLES:
        rows = [
            Row(id=r["id"], target=r["text"], lang=r["lang"], errors=[], meta={"origin": r["id"]})
            for r in map(json.loads, (DATA / "raw" / name).read_text(encoding="utf-8").splitlines())
        ]
        out[name] = _by_rule(rows)
    return out


def _fail_on_check_errors() -> None:
    """A check that failed on some rows makes the figures wrong: say so and exit 1."""
    if not CHECK_ERRORS:
        return
    print(f"\n{len(CHECK_ERRORS)} check errors: the figures above miss those rows", file=sys.stderr)
    for line in CHECK_ERRORS[:10]:
        print(f"  {line}", file=sys.stderr)
    raise SystemExit(1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    started = time.perf_counter()
    results: dict[str, dict] = {}
    for name, (file, codes, categories, preview) in SETS.items():
        rows, problems = read_rows(DATA / file)
        assert not problems, problems
        for extra, half in BLIND.get(name, ()):
            blind, problems = read_rows(DATA / extra)
            assert not problems, problems
            rows += [dataclasses.replace(r, meta={**r.meta, "split": half}) for r in blind]
        results[name] = figures(rows, codes, categories, preview)
    human = human_reference_rows() if BENCHMARKS.is_dir() else []
    if human:
        cfg = Config(select=["FL020"]).validate()
        checks = registry.select(registry.all_checks(), cfg.select)
        g = evaluate(human, checks, cfg)["groups"]["all"]
        results["foreign fragments"]["human references"] = {
            "words": g["words"],
            "findings": g["findings"],
            "per_1000_words": g["per_1000_words_error_free"],
        }
    pairs = human_pair_rows() if BENCHMARKS.is_dir() else []
    if pairs:
        for name in PAIR_SETS:
            _file, codes, _cats, preview = SETS[name]
            for lang, r in on_pairs(pairs, codes, preview).items():
                results[name][f"human pairs {lang}"] = r
    for name in ("unknown names", "foreign fragments", "source words"):
        _file, codes, _cats, preview = SETS[name]
        for half, r in on_twins(codes, preview, with_source=name == "source words").items():
            results[name][f"name twins {half}"] = r
    twins = twin_rules()
    pairs_clean = clean_pairs()
    articles = clean_articles()
    if args.json:
        print(
            json.dumps(
                {
                    **results,
                    "twins": twins,
                    "clean pairs": pairs_clean,
                    "clean articles": articles,
                    "check errors": CHECK_ERRORS,
                },
                indent=2,
            )
        )
        _fail_on_check_errors()
        return
    for name, res in results.items():
        print(f"\n{name}")
        print(
            f"  {'half/lang':14} {'spans':>6} {'recall':>7} {'clean words':>11} "
            f"{'per 1000w':>9} {'negatives hit':>14}"
        )
        for key, r in res.items():
            if key == "human references" or key.startswith(("human pairs", "name twins")):
                apart = ""
                if r.get("real_errors"):
                    apart = (
                        f" ({r['per_1000_words_set_apart']} with {r['real_errors']} real "
                        "errors set apart)"
                    )
                print(
                    f"  {key}: {r['findings']} findings in {r['words']} words = "
                    f"{r['per_1000_words']} per 1000 words{apart}"
                )
                continue
            rec = "-" if r["recall"] is None else f"{100 * r['recall']:.1f}%"
            per = (
                "-"
                if r["per_1000_words_error_free"] is None
                else (f"{r['per_1000_words_error_free']:.2f}")
            )
            apart = ""
            if r["real_errors_on_error_free"]:
                apart = (
                    f"  ({r['per_1000_words_error_free_set_apart']:.2f} per 1000w with "
                    f"{r['real_errors_on_error_free']} real errors set apart)"
                )
            print(
                f"  {key:14} {r['spans']:>6} {rec:>7} {r['error_free_words']:>11} {per:>9} "
                f"{r['negatives_hit']:>6} of {r['negatives']:<5}{apart}"
            )
    print("\nall rules on the source-names twins (correct translations, with source)")
    for half, r in twins.items():
        print(f"  {half}: {r['findings']} findings in {r['words']} words: {r['by_rule']}")
    print("\nall rules on correct translation pairs written to trip the checks (with source)")
    for name, r in pairs_clean.items():
        print(f"  {name}: {r['findings']} findings in {r['words']} words: {r['by_rule']}")
    print("\nall rules on clean articles (no source)")
    for name, r in articles.items():
        print(f"  {name}: {r['findings']} findings in {r['words']} words: {r['by_rule']}")
    print(f"\n({time.perf_counter() - started:.0f} s)")
    _fail_on_check_errors()


if __name__ == "__main__":
    main()
