"""End-to-end on the seed articles: what a reviewer finds, and quiet on human text.

The seeds are examples of kinds of defects; the fixtures hold the invented
cases that prove each check catches the kind. These tests pin the behaviour on
real scraped articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck import registry
from tqcheck.config import Config
from tqcheck.engine import run
from tqcheck.inputs import Job

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def fluency_findings(name: str) -> list[tuple[str, str]]:
    cfg = Config(select=["fluency"]).validate()
    checks = registry.select(registry.all_checks(), cfg.select)
    result = run([Job(next(SEEDS.glob(f"{name}_*.txt")))], cfg, checks)
    doc = result.documents[0]
    assert not doc.errors and doc.target_lang == "de"
    text = Path(doc.path).read_text(encoding="utf-8")
    for f in doc.findings:
        assert text[f.start : f.end] == f.text
    return [(f.rule, f.text) for f in doc.findings]


def test_seed_004_machine_translation_defects_found() -> None:
    found = fluency_findings("004")
    expected = [
        ("FL003", "Drücken Sie Play, um diesen Artikel anzuhören"),
        ("FL003", "Gesprochen von künstlicher Intelligenz."),
        ("FL003", "Schreibe einen Kommentar"),
        (
            "FL003",
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
        ),
        ("FL004", "Bundeskanzler Olaf Scholz Poolfoto von Kai Pfaffenbach/AFP über Getty Images"),
        ("FL005", "– POLITICO"),
        ("FL009", "„"),
        ("FL001", " ."),
        ("FL013", ". sagte"),
        ("FL014", "Am"),
        ("FL019", "Umbrella"),
    ]
    for item in expected:
        assert item in found, item


def test_seed_004_doubled_opener_span() -> None:
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    second = text.index("„Es ist sehr weit")
    cfg = Config(select=["FL009"]).validate()
    result = run(
        [Job(next(SEEDS.glob("004_*.txt")))], cfg, registry.select(registry.all_checks(), ["FL009"])
    )
    assert [(f.start, f.end) for f in result.documents[0].findings] == [(second, second + 1)]


@pytest.mark.parametrize("name", ["001", "003"])
def test_human_written_seeds_are_quiet(name: str) -> None:
    found = fluency_findings(name)
    assert len(found) <= 2, found
    allowed = {"FL006", "FL010"}  # the scraped date header; straight quotes, once per document
    assert {rule for rule, _ in found} <= allowed, found
    assert sum(rule == "FL010" for rule, _ in found) <= 1


def test_seed_002_scrape_boilerplate_found() -> None:
    found = fluency_findings("002")
    assert ("FL003", "piwik no script img") in found
    assert ("FL003", "Mehr zum Thema") in found
    assert ("FL007", "4 Kommentare") in found


def test_seed_002_paywall_block_found() -> None:
    found = fluency_findings("002")
    assert any(rule == "FL003" and "unterstützen" in text for rule, text in found)
    # the English quotation in a reader comment is a marked quotation, not untranslated text
    assert not [f for f in found if f[0] == "FL008"]


def test_seed_000_related_link_line_found() -> None:
    found = fluency_findings("000")
    assert any(rule == "FL003" and text.startswith("Mehr zum Thema") for rule, text in found)
