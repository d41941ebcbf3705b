"""The JSON writer of the json, sarif, gitlab and eval reports: the bytes of
``json.dumps(..., ensure_ascii=False, indent=2)``, written in chunks."""

from __future__ import annotations

import io
import json
import random
from typing import Any

import pytest

from tqcheck.formats.json_report import dump

EDGES: list[Any] = [
    {},
    [],
    {"a": {}, "b": [], "c": [[]], "d": [{}]},
    {'quote " back \\ slash': "line\nbreak\ttab \u2028 \x01 é 😀"},
    {3: "int key", 2.5: "float key", None: "null key", True: "bool key"},
    [None, True, False, 0, -7, 2**80, 1.5, -0.0, 1e300, float("nan"), float("inf")],
    (1, ("nested", "tuple")),
    "just a string",
    42,
]


@pytest.mark.parametrize("obj", EDGES)
def test_edge_values_match_the_standard_library(obj: Any) -> None:
    out = io.StringIO()
    dump(obj, out)
    assert out.getvalue() == json.dumps(obj, ensure_ascii=False, indent=2)


def _random(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 4 or roll < 0.45:
        return rng.choice([None, True, False, 3, -1.25, "", "wört", 'a"b', 10**20])
    if roll < 0.7:
        return [_random(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {f"k{i}": _random(rng, depth + 1) for i in range(rng.randint(0, 4))}


def test_random_structures_match_the_standard_library() -> None:
    rng = random.Random(7)
    for _ in range(500):
        obj = _random(rng)
        out = io.StringIO()
        dump(obj, out)
        assert out.getvalue() == json.dumps(obj, ensure_ascii=False, indent=2)


class Writes(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def write(self, text: str) -> int:
        self.calls += 1
        return super().write(text)


def test_a_large_report_is_written_in_chunks_not_token_by_token() -> None:
    findings = [
        {"rule": "FL002", "start": i, "text": "ist ist", "tags": ["a", "b"]} for i in range(5000)
    ]
    report = {"documents": [{"path": f"d{j}.txt", "findings": findings[j::10]} for j in range(10)]}
    out = Writes()
    dump(report, out)
    assert out.getvalue() == json.dumps(report, ensure_ascii=False, indent=2)
    assert 1 < out.calls < 200  # about 64 K characters a write, not one per token
