"""Accuracy checks (AC…) against human MQM annotations (issue 6's detection benchmark).

Data: ../shared/benchmarks/wmt-mqm-ende/ (WMT21 TED talks, sentence segments;
WMT23 general SxS, news paragraphs; en→de, professional raters). The segments
of each (system, document) are rebuilt into one bilingual document whose units
are the segments, as tqcheck reads an XLIFF or TSV file: alignment runs by
unit, then by sentence inside each unit, and the semantic calibration sees the
whole document, as it would on a real article. Reported:

- recall on "Accuracy/Mistranslation" and "Accuracy/Addition" target spans:
  span level (a finding overlaps the span) and segment level (the segment has
  any AC finding);
- recall on "Accuracy/Omission" (source-side spans: SxS "Omission
  (Translation)" and "(Translation 2)", TED "Omission"): segment level only,
  since an omission has no target text for a finding to overlap;
- false alarms on error-free segments (no rater marked anything on either side):
  the share of such segments with a finding, and findings per 1000 words;
- recall of AC001 alone at fixed false-alarm rates, by sweeping its z limit;
- per rule: how many findings, and the share that falls on segments some rater
  gave an accuracy error (a precision proxy: raters mark at most five errors and
  SxS has only 92 segments all three raters called error-free);
- speed: sentence pairs per second of alignment plus embedding (the semantic
  part, embedding cache cleared per document) and of the whole AC family.

What segment-level data cannot show: a TED segment is one sentence, so an
omitted *clause* (all 14 TED omissions) is no omitted sentence for AC002, only a
length change AC007 may see; a SxS omission is found when a whole sentence of
the paragraph is dropped. Span recall for mistranslations is low by design: AC
rules report a sentence or a number, raters mark the words.

    .venv/bin/python bench/accuracy_mqm.py [--limit N] [--dataset ted|sxs] [--model NAME]
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter, defaultdict

from mqm_data import documents, error_free, load, overlaps

TARGET_CATEGORIES = ("Accuracy/Mistranslation", "Accuracy/Addition")
OMISSION = "Accuracy/Omission"
FA_RATES = (0.01, 0.02, 0.05, 0.10)
DATASETS = {"ted": ("ted2021_ende.jsonl",), "sxs": ("generalmt2023_sxs_ende.jsonl",)}


def build(segs: list[dict]):  # type: ignore[no-untyped-def]
    """One bilingual Document for a (system, document): a unit per segment."""
    from tqcheck.model import Document, Unit

    src_parts: list[str] = []
    tgt_parts: list[str] = []
    units = []
    ranges = []
    pos = 0
    for seg in segs:
        start = pos
        tgt_parts.append(seg["target"])
        pos += len(seg["target"])
        units.append(Unit(seg["source"], start, pos, str(seg["doc_seg"])))
        ranges.append((start, pos))
        pos += 2  # the blank line between segments
        src_parts.append(seg["source"])
    source = Document("source", "\n\n".join(src_parts), "en")
    doc = Document("target", "\n\n".join(tgt_parts), "de", source=source, units=tuple(units))
    return doc, ranges


def segment_of(ranges: list[tuple[int, int]], start: int) -> int:
    for i, (s, e) in enumerate(ranges):
        if s <= start <= e:
            return i
    return -1


def categories(seg: dict) -> set[str]:
    cats = {e["category"] for e in seg["errors"]}
    if any(e["category"].startswith(OMISSION) for e in seg["source_errors"]):
        cats.add(OMISSION)
    return cats


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="units to load")
    ap.add_argument("--dataset", choices=sorted(DATASETS), default=None)
    ap.add_argument("--model", default=None)
    ap.add_argument("--select", action="append", default=None)
    ap.add_argument("--warm-cache", action="store_true", help="keep embeddings across documents")
    args = ap.parse_args()

    from tqcheck import registry
    from tqcheck.align import document_alignment
    from tqcheck.checks.accuracy.semantic import scored_pairs
    from tqcheck.config import Config
    from tqcheck.embed import get_embedder
    from tqcheck.engine import check_document
    from tqcheck.resources_loader import Resources

    cfg = Config(select=args.select or ["accuracy"], model=args.model).validate()
    checks = registry.select(registry.all_checks(), cfg.select)
    resources = Resources(cfg)
    files = (
        DATASETS[args.dataset] if args.dataset else tuple(f for v in DATASETS.values() for f in v)
    )
    units = load(args.limit, files)
    docs = documents(units)
    t0 = time.perf_counter()
    embedder = get_embedder(args.model)
    embedder.prepare()
    load_time = time.perf_counter() - t0

    span_total: Counter[str] = Counter()
    span_found: Counter[str] = Counter()
    seg_total: Counter[str] = Counter()
    seg_found: Counter[str] = Counter()
    seg_found_by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    clean_segs = clean_flagged = clean_words = clean_findings = 0
    clean_by_rule: Counter[str] = Counter()
    # per rule: findings, and how many fall on a segment some rater gave an accuracy error
    rule_findings: Counter[str] = Counter()
    rule_on_accuracy: Counter[str] = Counter()
    words_total = pairs_total = 0
    align_time = check_time = 0.0
    # AC001 sweep: per segment the lowest z of its pairs (None: no judged pair)
    seg_min_z: list[tuple[float, set[str], bool]] = []
    for segs in docs.values():
        doc, ranges = build(segs)
        if not args.warm_cache:
            embedder._cache.clear()
        t = time.perf_counter()
        al = document_alignment(doc, resources)
        align_time += time.perf_counter() - t
        pairs_total += sum(1 for link in al.links if link.src and link.tgt)
        t = time.perf_counter()
        findings = check_document(doc, checks, cfg, resources).findings
        check_time += time.perf_counter() - t
        words_total += doc.word_count
        per_seg: dict[int, list] = defaultdict(list)
        for f in findings:
            per_seg[segment_of(ranges, f.start)].append(f)
        min_z: dict[int, float] = {}
        _calib, scored = scored_pairs(al, "en", "de")
        for k, _sim, z in scored:
            link = al.links[k]
            if not link.tgt:
                continue
            i = segment_of(ranges, al.target[link.tgt[0]].start)
            min_z[i] = min(min_z.get(i, 99.0), z)
        for i, seg in enumerate(segs):
            found = per_seg.get(i, [])
            s = ranges[i][0]
            cats = categories(seg)
            for cat in (*TARGET_CATEGORIES, OMISSION):
                if cat not in cats:
                    continue
                seg_total[cat] += 1
                seg_found[cat] += bool(found)
                for rule in {f.rule for f in found}:
                    seg_found_by_rule[cat][rule] += 1
                if cat == OMISSION:
                    continue
                for err in seg["errors"]:
                    if err["category"] != cat:
                        continue
                    span_total[cat] += 1
                    span_found[cat] += any(
                        overlaps(f.start - s, f.end - s, err["start"], err["end"]) for f in found
                    )
            accuracy = any(c.startswith("Accuracy/") or c == "Non-translation!" for c in cats)
            for f in found:
                rule_findings[f.rule] += 1
                rule_on_accuracy[f.rule] += accuracy
            clean = error_free(seg)
            seg_min_z.append((min_z.get(i, 99.0), cats, clean))
            if clean:
                clean_segs += 1
                clean_flagged += bool(found)
                clean_words += len(seg["target"].split())
                clean_findings += len(found)
                clean_by_rule.update(f.rule for f in found)

    print(
        f"documents: {len(docs)}  segments: {len(units)}  words: {words_total}  "
        f"aligned sentence pairs: {pairs_total}  model: {embedder.name} (load {load_time:.1f} s)"
    )
    print(f"rules: {', '.join(c.code for c in checks)}")
    print("\nrecall against human annotations (span level / segment level):")
    for cat in (*TARGET_CATEGORIES, OMISSION):
        if not seg_total[cat]:
            continue
        span = (
            f"spans {span_found[cat]:5d}/{span_total[cat]:<5d} = "
            f"{span_found[cat] / span_total[cat]:6.1%}"
            if span_total[cat]
            else f"{'spans: n/a (source side)':28s}"
        )
        print(
            f"  {cat:26s} {span}   segments {seg_found[cat]:4d}/{seg_total[cat]:<4d} = "
            f"{seg_found[cat] / seg_total[cat]:6.1%}   by rule: "
            f"{dict(seg_found_by_rule[cat].most_common(5))}"
        )
    print(
        f"\nfalse alarms on error-free segments: {clean_flagged}/{clean_segs} segments flagged "
        f"= {clean_flagged / max(clean_segs, 1):.1%}; {clean_findings} findings in "
        f"{clean_words} words = {1000 * clean_findings / max(clean_words, 1):.2f} per 1000 words"
    )
    print(f"  by rule: {dict(clean_by_rule.most_common())}")

    print("\nper rule: findings, share on a segment with an accuracy error (any rater):")
    for rule in sorted(rule_findings):
        n = rule_findings[rule]
        print(
            f"  {rule}: {n:4d} findings, {rule_on_accuracy[rule] / n:6.1%} on accuracy-error "
            f"segments, {clean_by_rule[rule]:3d} on error-free segments"
        )

    clean_z = sorted(z for z, _c, clean in seg_min_z if clean)
    print("\nAC001 alone, z limit swept (segment level; a segment's score is its lowest z):")
    for rate in FA_RATES:
        if not clean_z:
            break
        limit = clean_z[min(int(rate * len(clean_z)), len(clean_z) - 1)]
        parts = []
        for cat in (*TARGET_CATEGORIES, OMISSION):
            zs = [z for z, cats, _ in seg_min_z if cat in cats]
            if zs:
                hit = sum(z < limit for z in zs)
                parts.append(f"{cat.split('/')[-1]} {hit}/{len(zs)} = {hit / len(zs):.1%}")
        print(f"  false alarms {rate:4.0%} (z < {limit:5.2f}): " + "; ".join(parts))

    print(
        f"\nspeed: alignment + embedding {pairs_total / max(align_time, 1e-9):,.0f} sentence "
        f"pairs/s ({align_time:.1f} s{'' if args.warm_cache else ', cache cleared per document'});"
        f" all AC checks on aligned documents {words_total / max(check_time, 1e-9):,.0f} words/s"
        f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )


if __name__ == "__main__":
    main()
