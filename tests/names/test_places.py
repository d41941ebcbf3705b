"""Cities and their other names (GeoNames, tqcheck/names/places.tsv.gz) for the
source-name checks."""

from __future__ import annotations

from tqcheck.names.places import city_forms, is_city, places


def test_the_table_holds_the_world_s_cities_folded() -> None:
    table = places()
    assert len(table.names) > 10_000
    assert all(name == name.lower() for names in table.names[:50] for name in names)


def test_a_city_is_a_name_where_it_is_no_everyday_word() -> None:
    assert is_city("Seattle", "en") and is_city("Seattle", "de")
    assert is_city("Gdansk", "fr")
    assert is_city("London", "en")  # frequent, but big
    # far more frequent in one language than in the others: a word there
    assert not is_city("Bath", "en") and is_city("Bath", "de")
    assert not is_city("Reading", "en")
    assert not is_city("Halle", "de")
    # a city frequent in its own country's language counts only when big
    assert not is_city("Frankfurt", "de") and is_city("Frankfurt", "en")
    assert not is_city("Tischlampe", "de") and not is_city("Quorvex", "en")


def test_a_city_s_other_names_are_its_forms() -> None:
    assert "breslau" in city_forms("Wroclaw")
    assert "wroclaw" in city_forms("Breslau")
    assert "munchen" in city_forms("Munich")
    assert city_forms("Tischlampe") == frozenset()
