"""The furniture fixtures test the detector, not its word lists.

- No FL003-FL007 fixture line is a language-pack entry (case and spacing ignored), and no
  pack entry of 15 characters or more stands in a fixture text: a list that contains its
  test measures nothing.
- Every kind of furniture has fixtures worded as at least three different sites word it,
  in at least two languages.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from importlib import resources
from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
RULES = ("FL003", "FL004", "FL005", "FL006", "FL007")


def pack_strings() -> set[str]:
    out: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            out.add(" ".join(value.lower().split()))

    folder = resources.files("tqcheck.resources") / "langs"
    for path in folder.iterdir():
        if path.name.endswith(".toml"):
            walk(tomllib.loads(path.read_text(encoding="utf-8")))
    walk(tomllib.loads((resources.files("tqcheck.resources") / "furniture.toml").read_text()))
    return out


def cases() -> list[tuple[str, dict]]:
    out = []
    for rule in RULES:
        data = yaml.safe_load((FIXTURES / f"{rule}.yml").read_text(encoding="utf-8"))
        out.extend((rule, case) for case in data["cases"])
    return out


def test_no_fixture_line_is_a_pack_entry() -> None:
    entries = pack_strings()
    long_entries = {e for e in entries if len(e) >= 15}
    for rule, case in cases():
        for exp in case.get("expect", []):
            line = " ".join(exp["text"].lower().split())
            assert line.strip(" .:!|–-") not in entries, (rule, case["name"], line)
        text = " ".join(case["target"].lower().split())
        hits = [e for e in long_entries if e in text]
        assert not hits, (rule, case["name"], hits)


def test_every_kind_has_three_sites_in_two_languages() -> None:
    sites: dict[str, set[str]] = defaultdict(set)
    langs: dict[str, set[str]] = defaultdict(set)
    for _rule, case in cases():
        if "kind" in case:
            sites[case["kind"]].add(case["site"])
            langs[case["kind"]].add(case["lang"])
    assert len(sites) >= 15
    thin = {k: sorted(v) for k, v in sites.items() if len(v) < 3 or len(langs[k]) < 2}
    assert not thin, thin
