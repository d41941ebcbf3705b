"""The spelling word lists in the disk cache answer as pyspellchecker itself does."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tqcheck.text import cache, spell


@pytest.fixture
def table_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    monkeypatch.setattr(spell, "_TABLES", cache.ProcessLocal())
    spell.nearest.cache_clear()
    yield tmp_path / "c"
    spell.nearest.cache_clear()


def _words(lang: str) -> list[str]:
    """Listed words, each also with one letter dropped, swapped, doubled or changed
    (mostly unknown words with known neighbours), and odd input."""
    rng = random.Random(11)
    listed = sorted(spell.speller(lang).word_frequency.dictionary)[::997][:150]
    out = list(listed)
    for w in listed:
        if len(w) > 3:
            i = rng.randrange(1, len(w) - 1)
            out += [w[:i] + w[i + 1 :], w[:i] + w[i + 1] + w[i] + w[i + 2 :], w[:i] + w[i] + w[i:]]
            out.append(w[:i] + rng.choice("aeioußéx") + w[i + 1 :])
    odd = ["1990", "3,5", "1e5", "nan", "NaN", "+inf", "-Infinity", " nan", "inf1", "٣", "1_000"]
    return [*out, *odd, "-", "x" * 60, "Straße", "ÉTÉ", "l'homme", "e-mail", ""]


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_the_cached_table_answers_as_pyspellchecker(table_cache: Path, lang: str) -> None:
    checker = spell.speller(lang)
    words = _words(lang)
    for word in words:
        low = word.lower()
        assert spell.known(word, lang) == bool(checker.known([low])), word
        table = spell._table(lang)
        assert table is not None
        assert table.candidates(low) == checker.candidates(low), word
    assert any(
        p.name.startswith("speller-") and p.suffix == ".sqlite" for p in table_cache.iterdir()
    )


def test_nearest_is_the_same_with_the_cache_off(
    table_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = ["Regirung", "gouvernemnt", "goverment", "Bürgermeisetr", "haus", "qqqq"]
    cached = [spell.nearest(w, lang) for w in words for lang in ("de", "en", "fr")]
    assert spell._TABLES  # the table answered
    spell.nearest.cache_clear()
    spell.neighbours.cache_clear()
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    monkeypatch.setattr(spell, "_TABLES", cache.ProcessLocal())
    assert [spell.nearest(w, lang) for w in words for lang in ("de", "en", "fr")] == cached
    assert spell._TABLES == {"de": None, "en": None, "fr": None}  # pyspellchecker answered
    assert cached[0] is not None and cached[0][0] == "regierung"  # "Regirung", German


def test_the_fallback_query_answers_alike(
    table_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without SQLite's JSON functions the words go as bound parameters, in chunks."""
    table = spell._table("de")
    assert table is not None
    words = [
        *spell._edits("regirung", table.letters),
        *spell._edits("bürgermeisetr", table.letters),
    ]
    words += ["haus", "\udcff", "2024"]
    assert len(set(words)) > spell._CHUNK  # more than one chunk
    expected = table.known(words)
    assert "regierung" in expected and "haus" in expected
    monkeypatch.setattr(spell, "_KNOWN_JSON", "SELECT no_such_function(?)")
    assert table.known(words) == expected


def test_a_table_without_its_words_is_built_again(
    table_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    assert spell.known("Haus", "de")
    (path,) = [p for p in table_cache.iterdir() if p.name.startswith("speller-")]
    path.unlink()
    conn = sqlite3.connect(path)  # a file with the meta table only: damaged
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [("letters", "ab"), ("longest", "3")])
    conn.commit()
    conn.close()
    path.chmod(0o600)
    monkeypatch.setattr(spell, "_TABLES", cache.ProcessLocal())
    assert spell.known("Haus", "de")  # from the table built again
    table = spell._table("de")
    assert table is not None and table.longest > 3


def test_a_table_without_its_settings_leaves_the_answer_to_pyspellchecker(
    table_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    assert spell.known("Haus", "de")
    (path,) = [p for p in table_cache.iterdir() if p.name.startswith("speller-")]
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM meta WHERE key = 'longest'")
    conn.commit()
    conn.close()
    monkeypatch.setattr(spell, "_TABLES", cache.ProcessLocal())
    assert spell._table("de") is None
    assert spell.known("Haus", "de") and not spell.known("Hausx", "de")
