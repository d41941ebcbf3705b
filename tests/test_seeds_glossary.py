"""The shipped NATO term base on the seeds and on invented German/French sentences.

Issue 4's done-when: the NATO/Nato mix in seed 004, "Paragraph 5" and a feminine
title for Stoltenberg flagged, the human seeds quiet, inflected forms matched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck import registry
from tqcheck.config import Config
from tqcheck.engine import check_document, run
from tqcheck.inputs import Job
from tqcheck.model import Document
from tqcheck.resources_loader import Resources

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
pytestmark = pytest.mark.skipif(
    not (ROOT / "glossaries" / "nato.tbx").is_file(), reason="glossaries/nato.tbx missing"
)


def seed_findings(name: str, **config: object) -> list[tuple[str, str, str | None]]:
    cfg = Config(select=["GL"], **config).validate()  # type: ignore[arg-type]
    checks = registry.select(registry.all_checks(), cfg.select)
    result = run([Job(next(SEEDS.glob(f"{name}_*.txt")))], cfg, checks)
    doc = result.documents[0]
    assert not doc.errors
    return [(f.rule, f.text, f.suggestion) for f in doc.findings]


def findings(text: str, lang: str, source: str | None = None, **config: object):
    cfg = Config(select=["GL"], **config).validate()  # type: ignore[arg-type]
    src = Document("src.en.txt", source, "en") if source else None
    doc = Document(f"doc.{lang}.txt", text, lang, source=src)
    checks = registry.select(registry.all_checks(), cfg.select)
    return check_document(doc, checks, cfg, Resources(cfg)).findings


@pytest.mark.parametrize("profile", [None, "nato-caps"])
def test_seed_004_nato_nato_mix_reported(profile: str | None) -> None:
    found = seed_findings("004", glossary_profile=profile)
    assert ("GL004", "Nato", "NATO") in found
    assert all(rule == "GL004" and text == "Nato" for rule, text, _ in found)


def test_seed_004_under_the_other_profile_every_caps_form_is_reported() -> None:
    found = seed_findings("004", glossary_profile="nato-title")
    assert len([f for f in found if f[1].startswith("NATO")]) >= 15


@pytest.mark.parametrize("name", ["000", "001", "003"])
def test_human_and_clean_seeds_have_no_glossary_findings(name: str) -> None:
    assert seed_findings(name) == []


def test_paragraph_5_for_article_5_is_deprecated() -> None:
    found = findings(
        "Die Ukraine hofft auf den Schutz durch Paragraph 5 des Nordatlantikvertrags.", "de"
    )
    assert [(f.rule, f.text, f.suggestion) for f in found] == [
        ("GL002", "Paragraph 5", "Artikel 5")
    ]


def test_feminine_title_for_stoltenberg_is_flagged() -> None:
    found = findings("NATO-Generalsekretärin Jens Stoltenberg traf die Verbündeten.", "de")
    assert ("GL005", "Generalsekretärin") in [(f.rule, f.text) for f in found]
    assert not findings("NATO-Generalsekretär Jens Stoltenberg traf die Verbündeten.", "de")


def test_french_nato_for_otan_is_deprecated() -> None:
    found = findings("Les ministres de la NATO se réunissent à Bruxelles.", "fr")
    assert [(f.rule, f.suggestion) for f in found] == [("GL002", "OTAN")]


@pytest.mark.parametrize(
    "source, target, lang",
    [
        (
            "The allies discussed Article 5 at the summit.",
            "Die Verbündeten erörterten beim Gipfeltreffen den Artikel 5.",
            "de",
        ),
        (
            "The Secretary General spoke about the eastern flank.",
            "Der Generalsekretär sprach über die Sicherung der NATO-Ostflanke.",
            "de",
        ),
        (
            "The allies discussed Article 5 at the summit.",
            "Les Alliés ont évoqué l'article 5 lors du sommet.",
            "fr",
        ),
    ],
)
def test_inflected_and_compound_renderings_satisfy_the_source(
    source: str, target: str, lang: str
) -> None:
    assert findings(target, lang, source=source) == []


@pytest.mark.parametrize(
    "source, target, lang, expected",
    [
        (
            "Allies reaffirmed Article 5.",
            "Die Verbündeten bekräftigten die Beistandsklausel.",
            "de",
            "Artikel 5",
        ),
        ("The North Atlantic Council met today.", "Der Rat tagte heute.", "de", "Nordatlantikrat"),
        (
            "The North Atlantic Council met today.",
            "Le Conseil s'est réuni aujourd'hui.",
            "fr",
            "Conseil de l'Atlantique Nord",
        ),
    ],
)
def test_source_term_without_its_target_term_is_reported(
    source: str, target: str, lang: str, expected: str
) -> None:
    found = findings(target, lang, source=source)
    assert [(f.rule, f.suggestion) for f in found] == [("GL001", expected)]


@pytest.mark.parametrize(
    "source, target, lang",
    [
        (
            "Under Secretary of Defense Colin Kahl spoke.",
            "Unterstaatssekretär Colin Kahl sprach.",
            "de",
        ),
        (
            "Under Secretary of Defense Colin Kahl spoke.",
            "Le sous-secrétaire à la Défense Colin Kahl a parlé.",
            "fr",
        ),
    ],
)
def test_a_longer_title_is_not_read_as_the_term_inside_it(
    source: str, target: str, lang: str
) -> None:
    assert findings(target, lang, source=source) == []
