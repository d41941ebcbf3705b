"""The disk cache of compiled language data: read back, rebuilt when damaged or foreign,
off on request, and never a reason to fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tqcheck.text import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    return tmp_path / "c"


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_second_load_reads_the_stored_entry(folder: Path) -> None:
    calls, build = counting({"haus": 3})
    assert cache.load_or_build("t", "k1", build) == {"haus": 3}
    assert cache.load_or_build("t", "k1", build) == {"haus": 3}
    assert len(calls) == 1
    (entry,) = folder.iterdir()
    assert entry.stat().st_mode & 0o777 == 0o600
    # another key (another library version, language) is another entry
    cache.load_or_build("t", "k2", build)
    assert len(calls) == 2


def test_a_damaged_entry_is_rebuilt_and_replaced(folder: Path) -> None:
    calls, build = counting([1, 2])
    cache.load_or_build("t", "k", build)
    (entry,) = folder.iterdir()
    entry.write_bytes(b"not a pickle")
    assert cache.load_or_build("t", "k", build) == [1, 2]
    assert cache.load_or_build("t", "k", build) == [1, 2]
    assert len(calls) == 2


def test_an_entry_others_may_write_is_not_read(folder: Path) -> None:
    calls, build = counting("x")
    cache.load_or_build("t", "k", build)
    (entry,) = folder.iterdir()
    os.chmod(entry, 0o666)
    cache.load_or_build("t", "k", build)
    assert len(calls) == 2


def test_off_builds_every_time_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    calls, build = counting(1)
    cache.load_or_build("t", "k", build)
    cache.load_or_build("t", "k", build)
    assert len(calls) == 2
    assert not any(tmp_path.rglob("*.pickle"))


def test_an_unwritable_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "sub"))
    calls, build = counting(7)
    assert cache.load_or_build("t", "k", build) == 7
    assert cache.load_or_build("t", "k", build) == 7
    assert len(calls) == 2


def test_a_parsed_term_base_comes_back_equal(folder: Path) -> None:
    from tqcheck.glossary.tbx import read_tbx

    path = next((Path(__file__).resolve().parent.parent / "glossaries").glob("*.tbx"))
    first = read_tbx(path)
    assert any(folder.iterdir())
    second = read_tbx(path)
    assert [c.id for c in second.concepts] == [c.id for c in first.concepts]
    assert second.fingerprint == first.fingerprint


def _shipped(name: str) -> Path:
    return Path(__file__).resolve().parent.parent / "glossaries" / name


def test_a_term_automaton_from_the_cache_finds_what_a_fresh_one_finds(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tqcheck.glossary.matcher import Matcher
    from tqcheck.glossary.tbx import read_tbx

    text = (
        "Die Nato stärkt ihre Ostflanke; der Nordatlantikrat tagte in Brüssel, "
        "und die Schnelle Eingreiftruppe übte an der Südostflanke."
    )
    base = read_tbx(next(_shipped(".").glob("nato*.tbx")))
    built = Matcher(base, "de")
    assert any(p.name.startswith("matcher-") for p in folder.iterdir())
    loaded = Matcher(base, "de")  # read back from the entry just written
    assert loaded.automaton is not built.automaton
    found = [(m.start, m.end, m.concept.id, m.term.text, m.exact) for m in loaded.find(text)]
    assert found == [(m.start, m.end, m.concept.id, m.term.text, m.exact) for m in built.find(text)]
    assert found  # the text holds terms
    # a loaded entry names the base's own objects, not copies
    own = {id(c) for c in base.concepts}
    assert all(id(m.concept) in own for m in loaded.find(text))
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    fresh = Matcher(base, "de")
    assert [(m.start, m.end, m.term.text) for m in fresh.find(text)] == [
        (m.start, m.end, m.term.text) for m in loaded.find(text)
    ]


def test_a_names_index_from_the_cache_equals_a_fresh_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tqcheck.glossary.tbx import read_tbx
    from tqcheck.names.data import NamesData

    base = read_tbx(_shipped("names.tbx"))

    def index(lang: str) -> dict[str, object]:
        idx = NamesData(base).index(lang)  # a new NamesData: no in-process memo
        return {
            "approved": {
                k: [(w.concept.id, w.term.text, w.index) for w in v]
                for k, v in idx.approved.items()
            },
            "deprecated": {
                k: [(w.concept.id, w.index) for w in v] for k, v in idx.deprecated.items()
            },
            "foreign": sorted(idx.foreign),
            "russian": sorted(idx.russian),
            "vocab": idx.vocab,
            "first": idx.first_names,
        }

    for lang in ("de", "fr"):
        first = index(lang)
        assert any(p.name.startswith("names-index-") for p in folder.iterdir())
        assert index(lang) == first  # read back
        monkeypatch.setenv(cache.CACHE_ENV, "off")
        assert index(lang) == first  # built without the cache
        monkeypatch.setenv(cache.CACHE_ENV, str(folder))
        assert first["approved"] and first["russian"]


def test_an_edit_to_the_building_code_is_a_new_entry(tmp_path: Path) -> None:
    import types

    module = types.ModuleType("m")
    source = tmp_path / "m.py"
    source.write_text("X = 1\n")
    module.__file__ = str(source)
    before = cache.source_key(module)
    source.write_text("X = 2\n")
    assert cache.source_key(module) != before
    # … and so is an edit to the data it reads, or another library version
    assert cache.source_key(module, data=("rules v1",)) != cache.source_key(
        module, data=("rules v2",)
    )
