"""Cities and their other names (GeoNames, tqcheck/names/places.tsv.gz) for the
source-name checks."""

from __future__ import annotations

from tqcheck.model import Document
from tqcheck.names.places import city_forms, is_city, is_city_name, places
from tqcheck.names.text import parts


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
    # a city frequent in its own country's language counts only when big, or when its
    # name ends as place names do (names.toml [place_endings]): "Göttingen", "Frankfurt"
    assert not is_city("Essen", "de") and is_city("Essen", "en")
    assert is_city("Göttingen", "de") and is_city("Frankfurt", "de")
    # a town under 50 000 counts only where no dictionary of the language holds the word
    assert is_city("Tettnang", "de") and not is_city("Morden", "de")
    assert not is_city("Tischlampe", "de") and not is_city("Quorvex", "en")


def test_a_city_s_other_names_are_its_forms() -> None:
    assert "breslau" in city_forms("Wroclaw")
    assert "wroclaw" in city_forms("Breslau")
    assert "munchen" in city_forms("Munich")
    assert city_forms("Tischlampe") == frozenset()


def test_names_of_two_words_are_a_city_s_own_names_only() -> None:
    assert is_city_name(["Los", "Angeles"]) and is_city_name(["New", "York", "City"])
    assert is_city_name(["New", "Jersey"])  # the states of the United States too
    assert not is_city_name(["White", "House"])  # one of Casablanca's alternate names
    assert not is_city_name(["Angeles"])
    assert is_city("Nebraska", "fr")


def test_a_name_after_an_elided_article_is_a_capitalised_part() -> None:
    doc = Document(path="x", lang="fr", text="Le gouverneur de l'Oregon a signé d'autres lois.")
    assert [p.text for p in parts(doc)] == ["Le", "Oregon"]
    assert [p.start for p in parts(doc)][1] == doc.text.index("Oregon")
