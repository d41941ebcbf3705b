"""Fluency checks against human MQM annotations (issue 3's detection benchmark).

Data: ../shared/benchmarks/wmt-mqm-ende/ (WMT21 TED, WMT23 general SxS; en→de,
professional raters). Each unique target segment is scanned as its own German
document with the fluency rules (page-furniture rules cannot fire on these
single segments). Reported:

- span recall per human category: a human span counts as found when a finding
  overlaps it (zero-width spans: a finding within one character);
- segment recall: the segment has a span of that category and at least one
  fluency finding overlaps any of that segment's spans of the category;
- false alarms: findings per 1000 words on segments no rater marked at all
  (for SxS, all three raters marked "no error");
- findings per 1000 words, by rule, on the human reference translations
  (rows with ``is_human_translation``), whatever the raters marked: what a
  clean human-written text costs in trust.

    .venv/bin/python bench/fluency_mqm.py [--limit N] [--select FL] [--preview]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from mqm_data import DATA, FILES, error_free, load, overlaps

HERE = Path(__file__).resolve().parent

CATEGORIES = (
    "Fluency/Punctuation",
    "Accuracy/Untranslated text",
    "Accuracy/Source language fragment",
    "Fluency/Spelling",
    "Fluency/Grammar",
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--select", action="append", default=None, help="rules (default: fluency)")
    ap.add_argument("--preview", action="store_true", help="also run preview rules")
    ap.add_argument("--show", default="", help="print this rule's findings on clean segments")
    ap.add_argument(
        "--show-human", action="store_true", help="print every finding on the human references"
    )
    args = ap.parse_args()

    from tqcheck import registry
    from tqcheck.config import Config
    from tqcheck.engine import check_document
    from tqcheck.model import Document
    from tqcheck.resources_loader import Resources

    select = [code for arg in args.select or ["fluency"] for code in arg.split(",")]
    cfg = Config(select=select, preview=args.preview).validate()
    checks = registry.select(registry.all_checks(), cfg.select)
    resources = Resources(cfg)
    units = load(args.limit)
    human = human_systems()
    unmarked = {
        (e["rule"], e["text"])
        for e in json.loads((HERE / "data" / "mqm_unmarked_errors.json").read_text())["errors"]
    }
    clean_true = human_true = 0

    span_total: Counter[str] = Counter()
    span_found: Counter[str] = Counter()
    seg_total: Counter[str] = Counter()
    seg_found: Counter[str] = Counter()
    clean_words = clean_findings = 0
    by_rule_clean: Counter[str] = Counter()
    by_rule_hit: dict[str, Counter[str]] = defaultdict(Counter)
    findings_total = findings_on_any_span = 0
    started = time.perf_counter()
    words_total = 0
    human_words = 0
    by_rule_human: Counter[str] = Counter()
    for unit in units.values():
        doc = Document("segment", unit["target"], "de")
        findings = check_document(doc, checks, cfg, resources).findings
        words_total += doc.word_count
        spans = unit["errors"]
        for f in findings:
            findings_total += 1
            hit = [e for e in spans if overlaps(f.start, f.end, e["start"], e["end"])]
            if hit:
                findings_on_any_span += 1
                for e in hit:
                    by_rule_hit[f.rule][e["category"]] += 1
        for cat in CATEGORIES:
            cat_spans = [e for e in spans if e["category"] == cat]
            if not cat_spans:
                continue
            seg_total[cat] += 1
            any_hit = False
            for e in cat_spans:
                span_total[cat] += 1
                if any(overlaps(f.start, f.end, e["start"], e["end"]) for f in findings):
                    span_found[cat] += 1
                    any_hit = True
            seg_found[cat] += any_hit
        if error_free(unit):
            clean_words += doc.word_count
            clean_findings += len(findings)
            by_rule_clean.update(f.rule for f in findings)
            clean_true += sum((f.rule, f.text) in unmarked for f in findings)
            for f in findings:
                if f.rule == args.show:
                    print(f"[clean] {f.rule} {f.text!r} :: {unit['target']}")
        if (unit["dataset"], unit["system"]) in human:
            human_words += doc.word_count
            by_rule_human.update(f.rule for f in findings)
            human_true += sum((f.rule, f.text) in unmarked for f in findings)
            if args.show_human:
                for f in findings:
                    print(f"[human] {f.rule} {f.text!r} :: {unit['target']}")
    elapsed = time.perf_counter() - started

    print(
        f"segments scanned: {len(units)}  words: {words_total}  "
        f"time: {elapsed:.1f} s  ({words_total / elapsed:,.0f} words/s)"
    )
    print(f"rules: {', '.join(c.code for c in checks)}")
    print("\nrecall against human spans (span level / segment level):")
    for cat in CATEGORIES:
        if span_total[cat]:
            print(
                f"  {cat:38s} spans {span_found[cat]:5d}/{span_total[cat]:<5d} "
                f"= {span_found[cat] / span_total[cat]:6.1%}   segments "
                f"{seg_found[cat]:4d}/{seg_total[cat]:<4d} = {seg_found[cat] / seg_total[cat]:6.1%}"
            )
    print(
        f"\nfindings overlapping some human span (any category): "
        f"{findings_on_any_span}/{findings_total} = "
        f"{findings_on_any_span / max(findings_total, 1):.1%}"
    )
    print(
        f"false alarms on error-free segments: {clean_findings} findings in {clean_words} words "
        f"= {1000 * clean_findings / max(clean_words, 1):.2f} per 1000 words"
    )
    print(f"  by rule: {dict(by_rule_clean.most_common())}")
    print(
        f"  of which real errors the raters did not mark (data/mqm_unmarked_errors.json): "
        f"{clean_true}; the rest = "
        f"{1000 * (clean_findings - clean_true) / max(clean_words, 1):.2f} per 1000 words"
    )
    print(
        f"human reference translations: {sum(by_rule_human.values())} findings in "
        f"{human_words} words = "
        f"{1000 * sum(by_rule_human.values()) / max(human_words, 1):.2f} per 1000 words"
    )
    per_k = {r: round(1000 * n / max(human_words, 1), 2) for r, n in by_rule_human.most_common()}
    print(f"  by rule, per 1000 words: {per_k}")
    rest = sum(by_rule_human.values()) - human_true
    print(
        f"  of which real errors the raters did not mark: {human_true}; the rest = "
        f"{1000 * rest / max(human_words, 1):.2f} per 1000 words"
    )
    print("which human categories each rule's findings overlap:")
    for rule, cats in sorted(by_rule_hit.items()):
        print(f"  {rule}: {dict(cats.most_common(4))}")


def human_systems() -> set[tuple[str, str]]:
    """(dataset, system) pairs of the human reference translations, from the rows'
    ``is_human_translation`` flag (``load`` keys units by ``base_system`` where present)."""
    found: set[tuple[str, str]] = set()
    for name in FILES:
        for line in (DATA / name).open(encoding="utf-8"):
            row = json.loads(line)
            if row.get("is_human_translation"):
                found.add((row["dataset"], row.get("base_system") or row["system"]))
    return found


if __name__ == "__main__":
    main()
