"""Scan throughput and start-up cost (issue 2's performance targets).

Times: `tqcheck --help` and a rule-only scan of one seed as subprocesses (start-up
included), then in-process scans of the seeds and of a 1 MB synthetic corpus
made from seed paragraphs shuffled at a fixed seed. Prints words per second.

    .venv/bin/python bench/scan_speed.py [--select FL] [--mb 1]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def best_of(n: int, func) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return min(times)


def synthetic_corpus(folder: Path, megabytes: float) -> list[Path]:
    rng = random.Random(13)
    paragraphs = [p for s in SEEDS for p in s.read_text(encoding="utf-8").split("\n") if p.strip()]
    files, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        body = "\n\n".join(rng.choice(paragraphs) for _ in range(40)) + "\n"
        path = folder / f"doc{i:04d}.de.txt"
        path.write_text(body, encoding="utf-8")
        files.append(path)
        size += len(body.encode("utf-8"))
        i += 1
    return files


def scan_in_process(paths: list[Path], select: list[str]) -> tuple[float, int]:
    from tqcheck import engine, inputs, registry
    from tqcheck.config import Config

    cfg = Config(select=select, lang="de").validate()
    checks = registry.select(registry.all_checks(), cfg.select, cfg.ignore)
    jobs = inputs.pair_jobs(paths, None, None)
    start = time.perf_counter()
    result = engine.run(jobs, cfg, checks)
    return time.perf_counter() - start, sum(d.words for d in result.documents)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--select", action="append", default=[])
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    exe = [sys.executable, "-m", "tqcheck"]
    help_s = best_of(3, lambda: subprocess.run([*exe, "--help"], capture_output=True, check=True))
    one_seed = [*exe, "scan", str(SEEDS[-1]), "--isolated", "--exit-zero", "--lang", "de"]
    one_s = best_of(3, lambda: subprocess.run(one_seed, capture_output=True, check=True))
    print(f"tqcheck --help                    {help_s:6.3f} s")
    print(f"scan one seed (subprocess)        {one_s:6.3f} s")
    secs, words = scan_in_process(SEEDS, args.select)
    print(
        f"scan seeds in process             {secs:6.3f} s  {words:>8} words  {words / secs:10.0f} words/s"
    )
    with tempfile.TemporaryDirectory() as tmp:
        files = synthetic_corpus(Path(tmp), args.mb)
        secs, words = scan_in_process(files, args.select)
        mb = sum(f.stat().st_size for f in files) / 1e6
        print(
            f"scan {mb:.1f} MB synthetic ({len(files)} files) {secs:6.3f} s  {words:>8} words  {words / secs:10.0f} words/s"
        )


if __name__ == "__main__":
    main()
