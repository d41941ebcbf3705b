"""Where the time goes, per rule: CPU seconds of each check over a corpus, in process.

Each check's function is wrapped with a CPU timer (``time.process_time``) around the
generator it returns, so a rule is charged for the findings it yields and for everything it
computes on the way, including shared per-document work it happens to be the first to ask
for (sentence splitting, the names analysis, the glossary matches): the table says which
rule paid, not which rule alone would cost that much. Rules are run in the registry's
order, as a scan runs them. The corpus is the synthetic one of ``scan_speed.py`` (seed
paragraphs shuffled at a fixed seed) unless files are given.

    .venv/bin/python bench/rule_costs.py [--mb 1] [--lang de] [--model none] [FILES...]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from scan_speed import synthetic_corpus  # noqa: E402

from tqcheck import engine, inputs, registry  # noqa: E402
from tqcheck.config import Config  # noqa: E402


def timed(specs: list[registry.CheckSpec], spent: dict[str, float]) -> list[registry.CheckSpec]:
    """The checks with their functions charged to ``spent`` (CPU seconds per rule)."""

    def wrap(spec: registry.CheckSpec) -> registry.CheckSpec:
        func = spec.func

        def run(doc, ctx) -> Iterator:  # type: ignore[no-untyped-def]
            start = time.process_time()
            try:
                yield from func(doc, ctx)
            finally:
                spent[spec.code] += time.process_time() - start

        return dataclasses.replace(spec, func=run)

    return [wrap(s) for s in specs]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--lang", default="de")
    ap.add_argument("--model", default=None, help="as tqcheck's --model ('none': rules only)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = args.files or synthetic_corpus(Path(tmp), args.mb)
        size = sum(f.stat().st_size for f in files) / 1e6
        cfg = Config(lang=args.lang, model=args.model).validate()
        spent: dict[str, float] = defaultdict(float)
        checks = timed(registry.select(registry.all_checks(), cfg.select, cfg.ignore), spent)
        jobs = inputs.pair_jobs(files, None, None)
        start = time.process_time()
        result = engine.run(jobs, cfg, checks)
        total = time.process_time() - start
    words = sum(d.words for d in result.documents)
    print(f"{len(files)} files, {size:.2f} MB, {words} words: {total:.2f} s CPU in the engine")
    print(f"{'rule':<7} {'CPU s':>7} {'share':>6}")
    for code, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{code:<7} {seconds:7.2f} {seconds / total:6.1%}")
    rest = total - sum(spent.values())
    print(f"{'other':<7} {rest:7.2f} {rest / total:6.1%}  (reading, merging, reports)")


if __name__ == "__main__":
    main()
