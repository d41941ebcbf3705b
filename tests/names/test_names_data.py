"""The names data: loading, indexes, Russian-based variants, profiles, config."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.names.conftest import TEST_NAMES
from tqcheck.config import Config, ConfigError, from_mapping
from tqcheck.names.data import canonical, is_ukrainian, kind, short_form
from tqcheck.names.runtime import load_names, names_paths, provide
from tqcheck.names.similarity import russian_variants


def test_loaded_once_per_process(names) -> None:
    assert load_names([TEST_NAMES]) is names
    assert names.fingerprint != "none"
    assert "kiew-traditional" in names.profiles() and "kyjiw-ukrainian" in names.profiles()


def test_kinds_and_ukrainian(names) -> None:
    scholz = names.by_id["person-olaf-scholz"]
    sybiha = names.by_id["person-andrii-sybiha"]  # Ukrainian by its Russian-based form
    zelensky = names.by_id["person-volodymyr-zelensky"]  # by x-country
    assert kind(scholz) == "person" and kind(names.by_id["place-kyiv"]) == "place"
    assert not is_ukrainian(scholz)
    assert is_ukrainian(sybiha) and is_ukrainian(zelensky)
    assert not is_ukrainian(names.by_id["person-vladimir-putin"])


def test_canonical_follows_the_profile(names) -> None:
    kyiv = names.by_id["place-kyiv"]
    assert canonical(kyiv, "de", "kiew-traditional").text == "Kiew"
    assert canonical(kyiv, "de", "kyjiw-ukrainian").text == "Kyjiw"
    assert canonical(kyiv, "en", "kiew-traditional").text == "Kyiv"  # no profile in English
    assert short_form(names.by_id["person-olaf-scholz"], "de", None) == "Scholz"


def test_index(names) -> None:
    idx = names.index("de")
    assert "scholz" in idx.approved and "selenskyj" in idx.approved
    assert "andrii" in idx.foreign  # English first name of Sybiha
    assert "wolodymyr" not in idx.foreign
    assert "sibiga" in idx.russian and "selenskij" in idx.russian
    assert "charkow" in idx.russian  # derived, besides being listed
    assert "olaf" in idx.first_names
    assert all(len(w) >= 4 for w in idx.vocab)


@pytest.mark.parametrize(
    ("ukrainian", "russian"),
    [
        ("Sybiha", "sibiga"),
        ("Selenskyj", "selenskij"),
        ("Charkiw", "charkow"),
        ("Andrij", "andrei"),
        ("Wolodymyr", "wladimir"),
        ("Lwiw", "lwow"),
    ],
)
def test_russian_variants(ukrainian: str, russian: str) -> None:
    assert russian in russian_variants(ukrainian)
    assert ukrainian.lower() not in russian_variants(ukrainian)


def test_provider_without_data(tmp_path: Path) -> None:
    cfg = Config(shipped_names=False)
    assert names_paths(cfg) == []
    data, reason = provide(cfg)
    assert data is None and "names.tbx" in reason


def test_provider_with_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tbx"
    bad.write_text("<martif><text><body>", encoding="utf-8")
    data, reason = provide(Config(shipped_names=False, names=[str(bad)]))
    assert data is None and "bad.tbx" in reason


def test_config_keys(tmp_path: Path) -> None:
    (tmp_path / "n.tbx").write_bytes(TEST_NAMES.read_bytes())
    cfg = from_mapping(
        {"names": ["n.tbx"], "shipped_names": False, "names_profile": "kyjiw-ukrainian"},
        str(tmp_path / "tqcheck.toml"),
    ).validate()
    assert cfg.names == [str((tmp_path / "n.tbx").resolve())]
    with pytest.raises(ConfigError, match="unknown names_profile 'kyiv'"):
        Config(names=[str(TEST_NAMES)], shipped_names=False, names_profile="kyiv").validate()
    with pytest.raises(ConfigError, match="no such names file"):
        Config(names=[str(tmp_path / "missing.tbx")], shipped_names=False).validate()
    with pytest.raises(ConfigError, match="shipped_names must be a bool"):
        from_mapping({"shipped_names": "yes"}, "x.toml")
    assert Config().names_profile == "none"  # Kiew and Kyjiw are both correct; a mix is not
    Config(names=[str(TEST_NAMES)], shipped_names=False, names_profile="none").validate()
