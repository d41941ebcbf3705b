"""Glossary cost: load time, and scan time with the shipped vs a 100 000-term glossary.

Issue 4's target: matching is one pass over the text (Aho-Corasick), so a
100 000-term glossary should cost little more per document than a small one.
The corpus is the 1 MB synthetic German corpus of bench/scan_speed.py (seed
paragraphs shuffled at a fixed seed); the glossary checks run alone (target-only
ones: GL002-GL005), so the figure is the glossary's own cost.

    .venv/bin/python bench/glossary_speed.py [--terms 100000] [--mb 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scan_speed import synthetic_corpus

from tqcheck.glossary import Concept, Status, Term, TermBase, load_termbases
from tqcheck.glossary.runtime import Glossary, shipped_paths
from tqcheck.glossary.tbx import write_tbx

SYLLABLES = "ka ri to mel sun dra vek lo pin gar tes bur nol fei zan ho mus quer wil ost".split()


def synthetic_termbase(n_terms: int, seed: int = 7) -> TermBase:
    """Concepts of four terms each (en, fr, two de of which one deprecated), pseudo-words."""
    rng = random.Random(seed)

    def word(parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts))

    concepts = []
    for i in range(n_terms // 4):
        de = word(3).capitalize() + word(2)
        terms = (
            Term(f"{word(2)} {word(3)}", "en", Status.PREFERRED),
            Term(f"{word(3)} {word(2)}", "fr", Status.PREFERRED),
            Term(de, "de", Status.PREFERRED),
            Term(de + word(1), "de", Status.DEPRECATED, note="synthetic"),
        )
        concepts.append(Concept(f"syn-{i}", terms, subject="synthetic", source="bench"))
    return TermBase(tuple(concepts), ("synthetic",), f"syn{n_terms}")


def timed(func):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def scan(files: list[Path], glossary_paths: list[Path]) -> tuple[float, int, int]:
    from tqcheck import engine, inputs, registry
    from tqcheck.config import Config

    cfg = Config(
        select=["GL002", "GL003", "GL004", "GL005"],
        lang="de",
        shipped_glossary=False,
        glossaries=[str(p) for p in glossary_paths],
    ).validate()
    checks = registry.select(registry.all_checks(), cfg.select, cfg.ignore)
    jobs = inputs.pair_jobs(files, None, None)
    secs, result = timed(lambda: engine.run(jobs, cfg, checks))
    words = sum(d.words for d in result.documents)
    return secs, words, sum(len(d.findings) for d in result.documents)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--terms", type=int, default=100_000)
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    shipped = shipped_paths() or [
        Path(__file__).resolve().parents[1] / "tests/glossary/data/mini.tbx"
    ]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "synthetic.tbx"
        write_tbx(synthetic_termbase(args.terms), big)
        files = synthetic_corpus(Path(tmp), args.mb)
        mb = sum(f.stat().st_size for f in files) / 1e6

        rows = []
        matching = []
        for label, paths in (("shipped", shipped), ("shipped + synthetic", [*shipped, big])):
            load_s, base = timed(lambda paths=paths: load_termbases(list(paths)))
            n_terms = sum(len(c.terms) for c in base)
            build_s, _ = timed(lambda base=base: Glossary(base).matcher("de"))
            cold, _words, _found = scan(files, paths)  # loads, builds the automaton, scans
            # then the best of three with the glossary in the process cache
            secs, words, found = min(scan(files, paths) for _ in range(3))
            rows.append((label, len(base), n_terms, load_s, build_s, cold, secs, words, found))
            matcher = Glossary(base).matcher("de")
            texts = [f.read_text(encoding="utf-8") for f in files]
            match_s = min(
                timed(lambda m=matcher, ts=texts: [m.find(t) for t in ts])[0] for _ in range(3)
            )
            matching.append((label, match_s))

    print(f"corpus: {mb:.1f} MB, {rows[0][7]} words, {len(files)} files; checks GL002-GL005")
    print(
        f"{'glossary':22} {'concepts':>8} {'terms':>7} {'load s':>7} {'build s':>8} "
        f"{'cold s':>7} {'scan s':>7} {'words/s':>9} {'findings':>8}"
    )
    for label, concepts, terms, load_s, build_s, cold, secs, words, found in rows:
        print(
            f"{label:22} {concepts:8d} {terms:7d} {load_s:7.2f} {build_s:8.2f} "
            f"{cold:7.2f} {secs:7.2f} {words / secs:9.0f} {found:8d}"
        )
    print("(load: parse the TBX files; build: the German automaton; cold: first scan in a")
    print(" process, load and build included; scan: a second scan with the glossary cached)")
    small, large = rows[0][6], rows[1][6]
    print(f"scan time ratio, glossary loaded (synthetic / shipped): {large / small:.2f}")
    print(f"scan time ratio, cold (synthetic / shipped): {rows[1][5] / rows[0][5]:.2f}")
    for label, match_s in matching:
        print(
            f"matching alone, {label}: {match_s:.2f} s ({match_s / len(files) * 1000:.1f} ms/doc)"
        )
    print(f"matching time ratio (synthetic / shipped): {matching[1][1] / matching[0][1]:.2f}")


if __name__ == "__main__":
    main()
