"""Issue 5's acceptance on the seeds, with the shipped names data (glossaries/names.tbx).

Skipped, with the reason, only while glossaries/names.tbx does not exist; the same
behaviour is tested on the test names data in tests/names/ meanwhile.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "glossaries" / "names.tbx"

pytestmark = pytest.mark.skipif(
    not SHIPPED.is_file(), reason="glossaries/names.tbx (the shipped names data) is not there yet"
)


def scan(prefix: str, profile: str = "kiew-traditional"):
    from tqcheck import registry
    from tqcheck.config import Config
    from tqcheck.engine import check_document
    from tqcheck.model import Document
    from tqcheck.resources_loader import Resources

    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    cfg = Config(names_profile=profile).validate()
    doc = Document(str(path), path.read_text(encoding="utf-8"), "de")
    specs = registry.select(registry.all_checks(), ["NM"])
    result = check_document(doc, specs, cfg, Resources(cfg))
    assert not result.errors, result.errors
    return result.findings


def has(findings, text: str, suggestion: str, rules: tuple[str, ...]) -> bool:
    return any(
        text in f.text and f.suggestion and suggestion in f.suggestion and f.rule in rules
        for f in findings
    )


def test_seed_004_corrupted_names() -> None:
    findings = scan("004")
    assert has(findings, "Scholes", "Scholz", ("NM001",)), findings
    assert has(findings, "Schales", "Scholz", ("NM001",)), findings
    assert has(findings, "Colin Kall", "Colin Kahl", ("NM001",)), findings


@pytest.mark.parametrize("profile", ["kiew-traditional", "kyjiw-ukrainian"])
def test_seed_000_russian_based_transliterations(profile: str) -> None:
    findings = scan("000", profile)
    assert has(findings, "Andrei Sibiga", "Andrij Sybiha", ("NM003",)), findings
    assert has(findings, "Wladimir Selenskij", "Wolodymyr Selenskyj", ("NM003",)), findings


def test_seed_002_english_transliteration() -> None:
    findings = [f for f in scan("002") if "Andrii" in f.text]
    assert findings and findings[0].rule == "NM003", findings
    assert "English" in findings[0].message and findings[0].suggestion == "Andrij Sybiha"


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_human_seeds_have_no_name_findings(prefix: str) -> None:
    assert scan(prefix) == []


def test_kyjiw_profile_reports_kiew() -> None:
    findings = scan("001", "kyjiw-ukrainian")
    assert findings and {f.rule for f in findings} == {"NM004"}
    assert all(f.text.startswith("Kiew") for f in findings)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_common_german_word_reported_as_a_name(prefix: str) -> None:
    from tqcheck.names.text import zipf

    for f in scan(prefix):
        for word in f.text.split():
            assert zipf(word.lower(), "de") < 4.0 or word in {"Kiew", "Wladimir"}, f
