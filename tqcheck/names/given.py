"""Given names, as written ("Matthew", "Kerri", "Régine"): 9 800 first names of 32
Latin-script locales of Europe and the Americas, and their 14 300 surnames ("Meyer",
"Phelps", "Kowalski"), from Faker's person providers (MIT), built into ``given.txt.gz``
and ``surnames.txt.gz`` by ``bench/data/build/make_given_names.py``. Faker is
Copyright (c) 2012 Daniele Faraglia, under the MIT licence, whose notice travels with
the list (``given.LICENSE``).

Where a language capitalises its nouns, a capitalised word says little: "Glee Star
Matthew Morrison" is one run of capitals. A given name followed by another capitalised
word starts a person's name there, and that name must reach the translation on its own.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The list (about 2 ms to read)."""
    raw = (resources.files("tqcheck.names") / "given.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").split())


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The surnames (about 3 ms to read)."""
    raw = (resources.files("tqcheck.names") / "surnames.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").split())
