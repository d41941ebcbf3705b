"""Meta-tests over the registry: every rule is well-formed, documented and has fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import tqcheck.checks  # noqa: F401  (registers every rule)
from tqcheck import registry
from tqcheck.model import Category

FIXTURES = Path(__file__).parent / "checks" / "fixtures"
SPECS = registry.all_checks()


def test_registry_is_not_empty() -> None:
    assert len(SPECS) >= 2


def test_codes_and_names_unique() -> None:
    assert len({s.code for s in SPECS}) == len(SPECS)
    assert len({s.name for s in SPECS}) == len(SPECS)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_prefix_matches_category(spec: registry.CheckSpec) -> None:
    assert spec.code[:2] == spec.category.prefix
    # input codes are errors about a file; the one input rule is about its directives
    assert spec.category is not Category.INPUT or "findings" in spec.needs


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_docs_have_sections(spec: registry.CheckSpec) -> None:
    sections = registry.doc_sections(spec.doc)
    assert sections["summary"], "a one-line summary"
    for name in registry.DOC_SECTIONS:
        assert sections.get(name), f"{spec.code} docs lack {name!r}"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_every_rule_has_passing_and_failing_fixtures_in_two_languages(
    spec: registry.CheckSpec,
) -> None:
    path = FIXTURES / f"{spec.code}.yml"
    assert path.is_file(), f"missing fixture file {path.name}"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert any(c.get("pass") for c in cases), "needs a case that must pass"
    assert any(c.get("expect") for c in cases), "needs a case that must fail"
    assert len({c["lang"] for c in cases}) >= 2, "needs cases in at least two languages"
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "case names unique"


def test_selectors() -> None:
    fl001 = registry.get("FL001")
    assert fl001 is not None
    for sel in ("FL001", "FL", "fl0", "space-before-punctuation", "fluency", "all"):
        assert registry.matches(fl001, sel), sel
    for sel in ("FL002", "NM", "doubled-word", "name"):
        assert not registry.matches(fl001, sel), sel


def test_select_and_ignore() -> None:
    chosen = registry.select(SPECS, select=["FL"], ignore=["doubled-word"])
    codes = {s.code for s in chosen}
    assert "FL001" in codes and "FL002" not in codes
    with pytest.raises(registry.RegistryError):
        registry.select(SPECS, select=["XX999"])


def test_bad_registration_rejected() -> None:
    from tqcheck.model import Severity

    with pytest.raises(registry.RegistryError):
        registry.check(
            code="NM001", name="x-y", category=Category.FLUENCY, severity=Severity.MINOR
        )(lambda d, c: [])
    with pytest.raises(registry.RegistryError):
        registry.check(
            code="FL999", name="Not_Kebab", category=Category.FLUENCY, severity=Severity.MINOR
        )(lambda d, c: [])
