"""NM001, NM003, NM004 on the seeds and on the hard cases, with the test names data."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def found(findings) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.text, f.suggestion) for f in findings]


def test_seed_004_corrupted_names(scan) -> None:
    assert found(scan(seed("004"))) == [
        ("NM001", "Colin Kall", "Colin Kahl"),
        ("NM001", "Olaf Scholes", "Olaf Scholz"),
        ("NM001", "Schales", "Scholz"),
    ]


def test_seed_000_russian_based_forms(scan) -> None:
    got = found(scan(seed("000")))
    assert ("NM003", "Andrei Sibiga", "Andrij Sybiha") in got
    assert ("NM003", "Wladimir Selenskij", "Wolodymyr Selenskyj") in got
    assert ("NM003", "Sibigas", "Sybihas") in got  # the genitive ending is kept
    assert {rule for rule, _t, _s in got} == {"NM003"}


def test_seed_002_english_transliteration(scan) -> None:
    findings = scan(seed("002"))
    andrii = [f for f in findings if f.text == "Andrii Sybiha"]
    assert len(andrii) == 1 and andrii[0].rule == "NM003"
    assert "English transliteration" in andrii[0].message
    assert andrii[0].suggestion == "Andrij Sybiha"


@pytest.mark.parametrize("prefix", ["001", "003"])
@pytest.mark.parametrize("profile", ["kiew-traditional", "none"])
def test_human_seeds_have_no_name_findings(scan, prefix: str, profile: str) -> None:
    assert scan(seed(prefix), profile=profile) == []


def test_kyjiw_profile_reports_kiew_with_its_ending(scan) -> None:
    got = found(scan(seed("003"), profile="kyjiw-ukrainian"))
    assert ("NM004", "Kiew", "Kyjiw") in got
    assert ("NM004", "Kiewer", "Kyjiwer") in got
    assert {rule for rule, _t, _s in got} == {"NM004"}


def test_russian_forms_reported_under_either_profile(scan) -> None:
    for profile in ("kiew-traditional", "kyjiw-ukrainian", "none"):
        got = found(scan("Selenskij sprach in Charkow.", profile=profile))
        assert ("NM003", "Selenskij", "Selenskyj") in got
        assert ("NM003", "Charkow", "Charkiw") in got


def test_lowercase_word_is_no_name(scan) -> None:
    assert scan("Der Hügel war kahl, und Colin Kahl schwieg.") == []


def test_lone_near_miss_needs_a_rare_word_one_letter_off(scan) -> None:
    assert found(scan("Am Montag sprach Stoltenbreg vor der Presse.")) == [
        ("NM001", "Stoltenbreg", "Stoltenberg")
    ]
    assert scan("Am Montag sprach Stoltenbrug vor der Presse.") == []  # two edits, alone


def test_another_first_name_is_another_person(scan) -> None:
    assert scan("Der Autor Martin Stoltenbreg schrieb ein Buch.") == []


def test_common_words_and_nouns_never_reported(scan) -> None:
    text = (
        "Die Schale lag auf dem Tisch. Schulen und Scholle, die Kohle und der Kahn. "
        "Rutsche, Ruten und Ruder. Scholz sagte nichts dazu."
    )
    assert scan(text) == []


def test_profile_none_reports_only_a_mix(scan) -> None:
    assert scan("Kiew und Kiew.", profile="none") == []
    got = found(scan("Kiew, Kiew und Kyjiw.", profile="none"))
    assert got == [("NM004", "Kyjiw", "Kiew")]


def test_foreign_form_of_a_place(scan) -> None:
    got = found(scan("Die Delegation reiste nach Kyiv."))
    assert got == [("NM003", "Kyiv", "Kiew")]
    got = found(scan("Die Delegation reiste nach Kyiv.", profile="kyjiw-ukrainian"))
    assert got == [("NM003", "Kyiv", "Kyjiw")]


def test_english_and_french_texts(scan) -> None:
    assert found(scan("Chancellor Olaf Scholtz met Colin Kahl.", lang="en")) == [
        ("NM001", "Olaf Scholtz", "Olaf Scholz")
    ]
    assert found(scan("Le président Wolodymyr Zelensky était à Kyiv.", lang="fr")) == [
        ("NM003", "Wolodymyr Zelensky", "Volodymyr Zelensky")
    ]


def test_nothing_without_names_data(scan) -> None:
    assert scan(seed("004"), select="NM001", data=False) == []
