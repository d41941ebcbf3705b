from __future__ import annotations

from tqcheck.config import Config
from tqcheck.model import Category, Finding, Severity
from tqcheck.scoring import passes, penalty_points, score


def f(sev: Severity) -> Finding:
    return Finding("FL001", "x", Category.FLUENCY, sev, "m", 0, 1, 1, 1, "a")


W = Config().weights()


def test_weights_default_mqm() -> None:
    assert W == {Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}


def test_score_arithmetic() -> None:
    findings = [f(Severity.MINOR), f(Severity.MAJOR)]
    assert penalty_points(findings, W) == 6
    # 6 points on 200 words = 30 per 1000 -> 70
    assert score(findings, 200, W) == 70.0
    assert score([], 10, W) == 100.0
    assert score([f(Severity.CRITICAL)] * 10, 100, W) == 0.0  # floored at 0


def test_pass_rules() -> None:
    assert passes([], 100.0, 95, Severity.CRITICAL)
    assert not passes([], 94.9, 95, Severity.CRITICAL)
    assert not passes([f(Severity.CRITICAL)], 99.0, 95, Severity.CRITICAL)
    assert passes([f(Severity.MAJOR)], 99.0, 95, Severity.CRITICAL)
    assert not passes([f(Severity.MAJOR)], 99.0, 95, Severity.MAJOR)
    assert passes([f(Severity.CRITICAL)], 99.0, 95, None)


def test_custom_profile() -> None:
    cfg = Config(
        score_profile="lenient",
        score_profiles={"lenient": {"minor": 0.5, "major": 2, "critical": 10}},
    ).validate()
    assert cfg.weights()[Severity.MAJOR] == 2.0
