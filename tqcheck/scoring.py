"""MQM-style quality score: penalty points per 1000 words, subtracted from 100."""

from __future__ import annotations

from collections.abc import Iterable

from tqcheck.model import Finding, Severity


def penalty_points(findings: Iterable[Finding], weights: dict[Severity, float]) -> float:
    return sum(weights[f.severity] for f in findings)


def score(findings: list[Finding], words: int, weights: dict[Severity, float]) -> float:
    """100 − points per 1000 words, floored at 0; a text of no words scores by one word."""
    per_thousand = penalty_points(findings, weights) * 1000.0 / max(words, 1)
    return round(max(0.0, 100.0 - per_thousand), 2)


def passes(
    findings: list[Finding], doc_score: float, threshold: float, fail_on: Severity | None
) -> bool:
    """Pass when the score meets the threshold and no finding reaches ``fail_on``."""
    if doc_score < threshold:
        return False
    return fail_on is None or all(f.severity < fail_on for f in findings)
