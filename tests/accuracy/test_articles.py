"""The whole accuracy family on invented English/German and English/French articles:
sentences dropped, added, reordered and changed in meaning, numbers and polarity
changed. Each defect is found by the rule that owns it, nothing is reported on an
intact sentence (AC001 may also flag a sentence whose number changed: embeddings
sometimes see that), and a faithful translation gets no finding at all."""

from __future__ import annotations

import pytest

from tests.accuracy.articles import (
    ADDED_DE,
    ADDED_FR,
    DE_TRAM,
    EN_MUSEUM,
    EN_TRAM,
    FR_MUSEUM,
    join,
)
from tests.conftest import make_doc
from tqcheck import registry
from tqcheck.config import Config
from tqcheck.engine import check_document

ACCURACY = registry.select(registry.all_checks(), ["AC"])


def findings(source: list[str], target: list[str], lang: str, resources):
    doc = make_doc(join(target), lang, join(source))
    result = check_document(doc, ACCURACY, Config(), resources)
    assert not result.errors, result.errors
    for f in result.findings:
        assert doc.text[f.start : f.end] == f.text
    return result.findings


def german_variant() -> list[str]:
    de = list(DE_TRAM)
    de[1] = (  # changed in meaning: an airport and a shopping centre, not the hospital
        "Die Linie soll den Flughafen mit einem Einkaufszentrum im Westen verbinden, "
        "sagte ein Sprecher."
    )
    de[2] = de[2].replace("März", "Mai")  # March -> May
    de[6] = de[6].replace("mehr als", "weniger als")  # more than -> fewer than
    de[9], de[10] = de[10], de[9]  # reordered
    de.insert(8, ADDED_DE)  # added
    del de[4]  # dropped: the mayor's sentence
    return de


def french_variant() -> list[str]:
    fr = list(FR_MUSEUM)
    fr[1] = "Le bâtiment, une ancienne gare, sera démoli l'année prochaine."  # changed
    fr[3] = fr[3].replace("18", "81")  # 18 million -> 81 million
    fr[5] = "L'entrée ne sera pas gratuite pour les visiteurs de moins de 18 ans."  # negated
    fr[7], fr[9] = fr[9], fr[7]  # reordered
    del fr[10]  # dropped: the opening ceremony
    fr.insert(4, ADDED_FR)  # added
    return fr


@pytest.mark.parametrize(
    ("source", "target", "lang"),
    [(EN_TRAM, DE_TRAM, "de"), (EN_MUSEUM, FR_MUSEUM, "fr")],
    ids=["en-de", "en-fr"],
)
def test_faithful_translation_has_no_accuracy_finding(source, target, lang, resources) -> None:
    assert findings(source, target, lang, resources) == []


def check_variant(found, owned: set[tuple[str, str]], defective: set[str]) -> None:
    """Every owned (rule, text) is found; anything else is AC001 on a defective sentence."""
    pairs = {(f.rule, f.text) for f in found}
    assert owned <= pairs, owned - pairs
    extra = pairs - owned
    assert all(rule == "AC001" and text in defective for rule, text in extra), extra
    assert len(found) == len(pairs)  # nothing reported twice


def test_german_article_defects_are_found_by_their_rules(resources) -> None:
    de = german_variant()
    # The changed German sentence (similarity 0.41, robust z -3.8) is below AC001's limit of
    # -5.0, set on the MQM data where findings at -3.5 were as often false as true: AC001
    # reports gross errors only. The French one (z -6.7) is still required.
    owned = {
        ("AC005", "Mai"),
        ("AC006", "weniger als"),
        ("AC003", ADDED_DE),
        ("AC002", ""),
    }
    check_variant(findings(EN_TRAM, de, "de", resources), owned, {de[1], de[2], de[5]})


def test_german_omission_names_the_missing_sentence(resources) -> None:
    (omission,) = [
        f for f in findings(EN_TRAM, german_variant(), "de", resources) if f.rule == "AC002"
    ]
    assert EN_TRAM[4] in omission.message
    text = join(german_variant())
    assert omission.start == text.index(DE_TRAM[3]) + len(DE_TRAM[3])  # after the previous one


def test_french_article_defects_are_found_by_their_rules(resources) -> None:
    fr = french_variant()
    owned = {
        ("AC001", fr[1]),
        ("AC005", "81 millions"),
        ("AC006", "ne sera pas"),
        ("AC003", ADDED_FR),
        ("AC002", ""),
    }
    found = findings(EN_MUSEUM, fr, "fr", resources)
    check_variant(found, owned, {fr[3], fr[6]})
    (omission,) = [f for f in found if f.rule == "AC002"]
    assert EN_MUSEUM[10] in omission.message


def test_without_a_model_the_rule_checks_still_run(lexical) -> None:
    """model = "none": AC001-AC003 are skipped (by the engine), the rest still judge."""
    rules = registry.select(registry.all_checks(), ["AC005", "AC006"])
    doc = make_doc(join(german_variant()), "de", join(EN_TRAM))
    result = check_document(doc, rules, Config(model="none"), lexical)
    assert {(f.rule, f.text) for f in result.findings} == {
        ("AC005", "Mai"),
        ("AC006", "weniger als"),
    }
