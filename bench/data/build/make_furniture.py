"""Build bench/data/furniture.jsonl: furniture lines from real sites placed in article text.

Inputs (see bench/data/README.md):
- raw/furniture_lines.jsonl and raw/furniture_lines_2.jsonl: furniture lines worded as 130
  real sites word them (site, lang, kind, placement), collected for this set in two
  batches from disjoint sites;
- raw/furniture_hard_negatives.jsonl: article sentences and short lines that look a bit like
  furniture and are not;
- host articles: raw/articles_own.jsonl (written for this set) and the human reference
  documents of ../shared/benchmarks (German WMT23/TED references, their English sources,
  the French WMT21 references detokenised).

Rows: one per (site, group of up to three of its lines) placed in one host article where
such lines stand on real pages; one per host article with two or three hard negatives
marked as ``negatives``; one per untouched host article. ``origin`` is the site (or the
negative's kind, or the host), and the split alternates over origins sorted by a hash,
per language and kind of origin, so each half has half of every language's sites.

    python bench/data/build/make_furniture.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
RAW = DATA / "raw"
sys.path.insert(0, str(DATA.parent))
sys.path.insert(0, str(HERE))
import splits  # noqa: E402
from mqm_data import BENCHMARKS  # noqa: E402

TOP_KINDS = {"byline", "metadata", "reading_time", "text_to_speech", "navigation", "ads"}
END_KINDS = {
    "newsletter",
    "paywall_appeal",
    "share_widgets",
    "social_follow",
    "comment_form",
    "comment_moderation",
    "comment_section",
    "cookie_consent",
    "app_promo",
    "editorial_note",
}
MAX_HOST_WORDS = 700


def read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def detok_fr(s: str) -> str:
    s = re.sub(r"\s+([,.)\]])", r"\1", s)
    s = re.sub(r"([(\[])\s+", r"\1", s)
    s = re.sub(r"\b([ldjmnstcqu]|qu|jusqu|lorsqu|puisqu)'\s+", r"\1'", s, flags=re.I)
    s = re.sub(r'"\s+(.*?)\s+"', r"« \1 »", s)
    s = s[:1].upper() + s[1:]
    return re.sub(r"([.!?] )([a-zàâéèêîôûç])", lambda m: m.group(1) + m.group(2).upper(), s)


def benchmark_hosts() -> list[dict]:
    hosts: list[dict] = []
    docs: dict[tuple[str, str], dict[int, tuple[str, str]]] = defaultdict(dict)
    for name in ("generalmt2023_sxs_ende.jsonl", "ted2021_ende.jsonl"):
        path = BENCHMARKS / "wmt-mqm-ende" / name
        for row in read_jsonl(path):
            if row["is_human_translation"]:
                docs[(row["dataset"], row["doc"])][row["doc_seg"]] = (row["target"], row["source"])
    for (dataset, doc), segs in sorted(docs.items()):
        keys = sorted(segs)
        step = 1 if "sxs" in dataset else 4
        for lang, side in (("de", 0), ("en", 1)):
            paras = [
                " ".join(segs[k][side] for k in keys[i : i + step])
                for i in range(0, len(keys), step)
            ]
            for n, chunk in enumerate(_chunks(paras)):
                hosts.append({"id": f"{doc}/{lang}/{n}", "lang": lang, "paras": chunk})
    fr_docs: dict[str, list[str]] = defaultdict(list)
    for row in read_jsonl(BENCHMARKS / "terminology-enfr" / "wmt21_dev_enfr.jsonl"):
        if row["target_kind"] == "reference":
            fr_docs[row["doc"]].append(detok_fr(row["target"]))
    for doc, sents in sorted(fr_docs.items()):
        paras = [" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)]
        for n, chunk in enumerate(_chunks(paras)):
            hosts.append({"id": f"{doc}/fr/{n}", "lang": "fr", "paras": chunk})
    return hosts


def _chunks(paras: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    words = 0
    for p in paras:
        if words > MAX_HOST_WORDS and len(out[-1]) >= 3:
            out.append([])
            words = 0
        out[-1].append(p)
        words += len(p.split())
    return [c for c in out if len(c) >= 3]


def own_hosts() -> list[dict]:
    hosts = []
    for row in read_jsonl(RAW / "articles_own.jsonl"):
        paras = [p.strip() for p in row["text"].split("\n\n") if p.strip()]
        hosts.append({"id": row["id"], "lang": row["lang"], "paras": paras})
    return hosts


def place(paras: list[str], items: list[dict], rng: random.Random) -> tuple[str, list[dict]]:
    """Put each item (text, kind, placement) where such lines stand on a page; return
    the text and the labelled spans."""
    blocks = [[p] for p in paras]  # each block: lines separated by "\n\n"
    glue: dict[int, list[dict]] = defaultdict(list)  # paragraph index -> glued items
    inserts: dict[int, list[dict]] = defaultdict(list)  # before block index
    suffix = None
    for item in items:
        kind, placement = item["kind"], item["placement"]
        if placement == "headline_suffix":
            suffix = item
        elif placement == "glued":
            glue[rng.randrange(1, len(paras))].append(item)
        elif kind in TOP_KINDS:
            # breadcrumbs, ad labels, players and stamps also stand above the headline
            inserts[rng.choice([0, 1, 1, 2])].append(item)
        elif kind in END_KINDS or (kind == "related_links" and rng.random() < 0.5):
            inserts[len(paras)].append(item)
        else:
            inserts[rng.randrange(1, len(paras))].append(item)
    pieces: list[str] = []
    spans: list[dict] = []
    pos = 0

    def add(text: str, item: dict | None) -> None:
        nonlocal pos
        if item is not None:
            spans.append({**item, "start": pos, "end": pos + len(text)})
        pieces.append(text)
        pos += len(text)

    for i, block in enumerate([*blocks, []]):
        for item in inserts.get(i, []):
            if pieces:
                add("\n\n", None)
            add(item["text"], item)
        if not block:
            continue
        if pieces:
            add("\n\n", None)
        add(block[0], None)
        if i == 0 and suffix is not None:  # the suffix ends the headline, the first line
            cut = block[0].find("\n")
            if cut != -1:
                pieces[-1] = block[0][:cut]
                pos -= len(block[0]) - cut
            add(suffix["text"] if suffix["text"][:1].isspace() else " " + suffix["text"], None)
            text = suffix["text"].strip()
            spans.append({**suffix, "start": pos - len(text), "end": pos})
            if cut != -1:
                add(block[0][cut:], None)
        for item in glue.get(i, []):
            add(" ", None)
            add(item["text"], item)
    return "".join(pieces), spans


def main() -> None:
    rng = random.Random(20261206)
    lines = read_jsonl(RAW / "furniture_lines.jsonl") + read_jsonl(RAW / "furniture_lines_2.jsonl")
    negatives = read_jsonl(RAW / "furniture_hard_negatives.jsonl")
    hosts = own_hosts() + benchmark_hosts()
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for h in hosts:
        by_lang[h["lang"]].append(h)
    origins: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        origins[line["lang"]].add(f"site:{line['site']}")
    for neg in negatives:
        origins[neg["lang"]].add(f"neg:{neg['kind']}")
    for h in hosts:
        origins[h["lang"]].add(f"host:{h['id']}")
    split = {
        o: sp
        for (_lang, o), sp in splits.assign(
            (lang, o) for lang, os_ in origins.items() for o in os_
        ).items()
    }
    rows: list[dict] = []
    per_site: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for line in lines:
        per_site[(line["lang"], line["site"])].append(line)
    for (lang, site), items in sorted(per_site.items()):
        rng.shuffle(items)
        # one headline suffix per page at most
        groups: list[list[dict]] = []
        for item in items:
            for g in groups:
                if len(g) < 3 and not (
                    item["placement"] == "headline_suffix"
                    and any(x["placement"] == "headline_suffix" for x in g)
                ):
                    g.append(item)
                    break
            else:
                groups.append([item])
        for n, group in enumerate(groups):
            # a site suffix ends a headline: only the articles written for this set have one
            titled = any(x["placement"] == "headline_suffix" for x in group)
            pool = [h for h in by_lang[lang] if h["id"].startswith("own-")] if titled else []
            host = rng.choice(pool or by_lang[lang])
            text, spans = place(host["paras"], group, rng)
            errors = []
            for s in spans:  # a caption line is furniture with its credit
                start, end = s["start"], s["end"]
                errors.append(
                    {
                        "category": "Fluency/Page furniture",
                        "severity": "Major",
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "kind": s["kind"],
                    }
                )
            origin = f"site:{site}"
            rows.append(
                {
                    "id": f"furniture/{lang}/{site}/{n}",
                    "origin": origin,
                    "split": split[origin],
                    "lang": lang,
                    "host": host["id"],
                    "target": text,
                    "errors": sorted(errors, key=lambda e: e["start"]),
                }
            )
    neg_by_kind: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for neg in negatives:
        neg_by_kind[(neg["lang"], neg["kind"])].append(neg)
    for (lang, kind), items in sorted(neg_by_kind.items()):
        for n in range(0, len(items), 3):
            host = rng.choice(by_lang[lang])
            group = [
                {
                    "text": x["text"],
                    "kind": kind,
                    "placement": "glued" if x.get("placement") == "in_paragraph" else "own_line",
                }
                for x in items[n : n + 3]
            ]
            text, spans = place(host["paras"], group, rng)
            origin = f"neg:{kind}"
            rows.append(
                {
                    "id": f"negatives/{lang}/{kind}/{n // 3}",
                    "origin": origin,
                    "split": split[origin],
                    "lang": lang,
                    "host": host["id"],
                    "target": text,
                    "errors": [],
                    "negatives": [
                        {
                            "kind": s["kind"],
                            "start": s["start"],
                            "end": s["end"],
                            "text": text[s["start"] : s["end"]],
                        }
                        for s in spans
                    ],
                }
            )
    for h in hosts:
        origin = f"host:{h['id']}"
        rows.append(
            {
                "id": f"clean/{h['id']}",
                "origin": origin,
                "split": split[origin],
                "lang": h["lang"],
                "target": "\n\n".join(h["paras"]),
                "errors": [],
            }
        )
    out = DATA / "furniture.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            for e in row["errors"] + row.get("negatives", []):
                assert row["target"][e["start"] : e["end"]] == e["text"], (row["id"], e)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for row in rows:
        counts[(row["lang"], row["split"], row["id"].split("/")[0])] += 1
    spans_n: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        spans_n[(row["lang"], row["split"])] += len(row["errors"])
    for key in sorted(counts):
        print(*key, counts[key])
    for key in sorted(spans_n):
        print("furniture spans", *key, spans_n[key])
    print("rows", len(rows), "->", out)


if __name__ == "__main__":
    main()
