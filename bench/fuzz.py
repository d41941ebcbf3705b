#!/usr/bin/env python3
"""The property tests of tests/test_fuzz.py run long, and the cost of random text by size.

    .venv/bin/python bench/fuzz.py [--examples 1000] [--seed 1]

1. Each property (segmentation, every check on any text, every check with a source, every
   reader) runs ``--examples`` random examples (hypothesis, not derandomized: new inputs
   each seed). A failure prints hypothesis's shrunk example: make it a regression case in
   tests/test_fuzz.py.
2. Growth: random text from the same alphabet at 2, 8 and 32 KB through every check; the
   seconds per KB should stay flat (a quadratic check would grow 4x per step).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _configure() -> argparse.Namespace:
    """The long run's settings go in through the environment, before the tests import."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ["TQCHECK_FUZZ_EXAMPLES"] = str(args.examples)
    os.environ["TQCHECK_FUZZ_RANDOM"] = "1"
    random.seed(args.seed)
    return args


ARGS = _configure()

from tests import test_fuzz  # noqa: E402
from tqcheck.engine import check_document  # noqa: E402
from tqcheck.model import Document  # noqa: E402
from tqcheck.readers import READERS  # noqa: E402


def run_properties(examples: int) -> list[tuple[str, str]]:
    failures: list[tuple[str, str]] = []
    props = {
        "segmentation": test_fuzz.test_segmentation_covers_the_text,
        "checks on any text": test_fuzz.test_every_check_on_any_text,
        "checks with a source": test_fuzz.test_every_check_with_a_source,
        **{
            f"reader {r.name}": (lambda r=r: test_fuzz.test_every_reader_on_any_text(r))
            for r in READERS
        },
    }
    for name, prop in props.items():
        t0 = time.perf_counter()
        try:
            prop()
            outcome = "ok"
        except Exception as exc:  # a property failed: hypothesis has shrunk the example
            outcome = f"FAILED: {exc!r}"[:300]
            failures.append((name, outcome))
        print(f"{name:<24} {examples:>6} examples {time.perf_counter() - t0:7.1f} s  {outcome}")
    return failures


def growth(seed: int) -> list[tuple[int, float]]:
    rng = random.Random(seed)
    rows = []
    for kb in (2, 8, 32):
        words = []
        size = 0
        while size < kb * 1024:
            word = "".join(rng.choice(test_fuzz.ALPHABET) for _ in range(rng.randint(1, 9)))
            words.append(word)
            size += len(word) + 1
        text = " ".join(words)
        doc = Document("growth.txt", text, "de")
        t0 = time.perf_counter()
        check_document(doc, test_fuzz.CHECKS, test_fuzz.CONFIG, test_fuzz.RESOURCES)
        seconds = time.perf_counter() - t0
        rows.append((kb, seconds / kb))
        print(f"random text {kb:>3} KB: {seconds:6.2f} s, {1000 * seconds / kb:6.1f} ms per KB")
    return rows


def main() -> int:
    failures = run_properties(ARGS.examples)
    rows = growth(ARGS.seed)
    ratio = rows[-1][1] / rows[0][1] if rows[0][1] else 0.0
    print(f"cost per KB at 32 KB / at 2 KB: {ratio:.2f} (linear ~1, quadratic ~16)")
    print(f"{len(failures)} properties failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
