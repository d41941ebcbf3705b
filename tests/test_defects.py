"""One defect, one finding: overlapping findings of one defect are merged and scored once."""

from __future__ import annotations

import tqcheck.checks  # noqa: F401  (registers the rules)
from tqcheck import registry
from tqcheck.config import Config
from tqcheck.engine import defect_policy, merge_defects
from tqcheck.model import Category, Finding, Severity
from tqcheck.scanner import Scanner
from tqcheck.scoring import penalty_points


def finding(rule: str, start: int, end: int, severity: Severity = Severity.MAJOR) -> Finding:
    return Finding(
        rule,
        rule.lower(),
        Category.ACCURACY,
        severity,
        f"{rule} says",
        start,
        end,
        1,
        start + 1,
        "x" * (end - start),
    )


def test_every_rule_has_a_precedence_and_groups_name_known_rules() -> None:
    policy = defect_policy()
    codes = {spec.code for spec in registry.all_checks()}
    assert codes <= set(policy.rank), sorted(codes - set(policy.rank))
    for group in policy.groups:
        assert group <= codes, sorted(group - codes)


def test_overlapping_findings_of_one_defect_merge_into_the_specific_one() -> None:
    # a copied sentence (AC004) holding a source word (AC010): one defect
    merged = merge_defects([finding("AC010", 12, 18), finding("AC004", 0, 40)])
    assert [f.rule for f in merged] == ["AC004"]
    assert [(a.rule, a.start, a.end) for a in merged[0].also] == [("AC010", 12, 18)]


def test_unrelated_rules_overlapping_stay_apart() -> None:
    # a doubled word inside a copied sentence is another defect
    merged = merge_defects([finding("AC004", 0, 40), finding("FL002", 5, 12, Severity.MINOR)])
    assert sorted(f.rule for f in merged) == ["AC004", "FL002"]
    assert all(not f.also for f in merged)


def test_related_rules_apart_in_the_text_stay_apart() -> None:
    merged = merge_defects([finding("AC004", 0, 40), finding("AC010", 41, 45)])
    assert [f.rule for f in merged] == ["AC004", "AC010"]


def test_a_chain_merges_into_one_host() -> None:
    merged = merge_defects(
        [finding("FL015", 30, 31), finding("FL003", 0, 31), finding("FL022", 0, 10)]
    )
    assert [f.rule for f in merged] == ["FL003"]
    assert {a.rule for a in merged[0].also} == {"FL015", "FL022"}


def scan(text: str, lang: str, source: str, merge: bool = True):  # type: ignore[no-untyped-def]
    scanner = Scanner(
        model="none", merge_defects=merge, select=["AC004", "AC010", "FL008", "FL020"]
    )
    scanner.cache = False
    return scanner.scan_text(text, lang, source=source)


def test_german_untranslated_stretch_is_scored_once() -> None:
    source = "Officials said the state of emergency will last until October because of the floods."
    target = (
        "Die Behörden erklärten, der state of emergency werde wegen der Überschwemmungen bis "
        "Oktober dauern."
    )
    apart = scan(target, "de", source, merge=False)
    together = scan(target, "de", source)
    assert len(apart.findings) > len(together.findings) == 1
    (f,) = together.findings
    assert f.text == "state of emergency" and f.also
    weights = Config().weights()
    assert penalty_points(together.findings, weights) == 5  # the defect counted once
    assert penalty_points(apart.findings, weights) == 15


def test_french_copied_sentence_is_scored_once() -> None:
    source = (
        "The river burst its banks overnight. Residents of the lower town were evacuated by "
        "the fire brigade before dawn."
    )
    target = (
        "La rivière est sortie de son lit cette nuit. Residents of the lower town were "
        "evacuated by the fire brigade before dawn."
    )
    apart = scan(target, "fr", source, merge=False)
    together = scan(target, "fr", source)
    assert len(apart.findings) > len(together.findings) == 1
    assert together.findings[0].rule == "AC004"
    assert together.findings[0].to_dict()["also"]
