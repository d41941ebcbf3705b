"""The consonant skeleton that tells one name respelled from another name."""

from __future__ import annotations

import pytest

from tqcheck.names.similarity import skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Cyprien", "Zyprian"),  # a soft c is an s: French / German spellings of one name
        ("Cecile", "Sesile"),
        ("Toqajew", "Tokayev"),
    ],
)
def test_one_name_keeps_its_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Carla", "Zarla"),  # a hard c stays a k
        ("Merck", "Mercer"),
        ("Benhaddou", "Benhamou"),
    ],
)
def test_another_name_has_another_skeleton(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)
