"""CLDR country names (Babel) for the source-name checks, and the checks without Babel."""

from __future__ import annotations

import builtins
import sys

import pytest

from tqcheck.model import Document
from tqcheck.names import countries
from tqcheck.names.countries import named
from tqcheck.names.source import missing_names
from tqcheck.names.text import fold


def test_country_name_and_adjective_across_languages() -> None:
    code = countries.by_name("en")["denmark"]
    assert countries.countries("fr")[code].names == {"danemark"}
    assert "danois" in countries.countries("fr")[code].languages
    assert countries.named(["ungarische"], "de") == {countries.by_name("en")["hungary"]}
    assert countries.shares_stem("schwedischen", "schwedisch")
    assert not countries.shares_stem("schwer", "schwedisch")


def test_the_source_checks_run_without_babel(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_babel(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "babel" or name.startswith("babel."):
            raise ImportError("no babel here")
        return real_import(name, *args, **kwargs)

    _clear_name_caches()
    monkeypatch.delitem(sys.modules, "babel", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_babel)
    try:
        assert countries.countries("de") == {}
        assert countries.named(["griechische"], "de") == set()
        src = Document("s", "The mayor of Lisbon, Ana Terzieva, opened the bridge.", "en")
        doc = Document("t", "Der Bürgermeister eröffnete die Brücke.", "de", source=src)
        assert [m.name for m in missing_names(doc, None, None)]  # still reports what it can
    finally:
        monkeypatch.undo()
        # every cache filled without Babel goes, or later tests read its empty tables
        _clear_name_caches()


def _clear_name_caches() -> None:
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("tqcheck.names"):
            for obj in list(vars(module).values()):
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


@pytest.mark.parametrize(
    ("word", "lang", "code"),
    [
        ("Greenlandic", "en", "GL"),
        ("Icelandic", "en", "IS"),
        ("islandais", "fr", "IS"),
        # a short name takes a place adjective's ending, its last letter shared or not
        ("Malians", "en", "ML"),
        ("tchadiennes", "fr", "TD"),
        ("Iranians", "en", "IR"),
    ],
)
def test_an_adjective_written_on_a_country_name_names_it(word: str, lang: str, code: str) -> None:
    assert code in named([fold(word)], lang)


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("Berliner", "de"),
        ("Hamburger", "en"),
        ("Irisation", "fr"),
        ("Chadwick", "en"),
        ("Omaha", "en"),
    ],
)
def test_a_word_on_a_city_or_no_country_names_none(word: str, lang: str) -> None:
    assert named([fold(word)], lang) == set()


@pytest.mark.parametrize(
    ("code", "lang", "has", "lacks"),
    [
        ("GB", "en", {"united kingdom", "kingdom"}, {"united"}),
        ("US", "en", {"united states"}, {"united"}),
        ("GB", "de", {"vereinigtes konigreich"}, {"vereinigte"}),
        ("FR", "fr", {"france"}, set()),
    ],
)
def test_a_country_arrives_by_its_full_name_or_its_own_words(
    code: str, lang: str, has: set[str], lacks: set[str]
) -> None:
    forms = countries.name_forms(code, lang)
    assert has <= forms
    assert not lacks & forms
