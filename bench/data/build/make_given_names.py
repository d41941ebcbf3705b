#!/usr/bin/env python3
"""Build tqcheck/names/given.txt.gz and surnames.txt.gz: given names and surnames of the
Latin-script locales of Europe and the Americas, one per line, as written ("Matthew",
"Kerri", "Régine", "Małgorzata"; "Meyer", "Phelps", "Kowalski").

The source is the ``faker`` package (MIT): its person providers hold each locale's
common first names and surnames. Only a maintainer runs this (``pip install faker`` first); the scan
reads the built file. The locales are those whose names reach German, French and English
news; Faker's locale-free ``en`` provider is left out on purpose: it holds every name the
US social-security lists ever saw, "China", "Star" and "Berlin" among them. Kept: words
that start with a capital and are letters only (a hyphen inside allowed, "Jean-Luc"),
every character below U+0530. Deterministic: sorted, duplicates dropped.

    .venv/bin/python bench/data/build/make_given_names.py
"""

from __future__ import annotations

import gzip
import importlib
import importlib.metadata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "tqcheck" / "names" / "given.txt.gz"
SURNAMES = ROOT / "tqcheck" / "names" / "surnames.txt.gz"
LOCALES = (
    "en_US en_GB en_IE de_DE de_AT de_CH fr_FR fr_CH fr_BE it_IT es_ES es_MX es_AR pl_PL "
    "nl_NL pt_PT pt_BR sv_SE da_DK no_NO fi_FI cs_CZ sk_SK hu_HU ro_RO hr_HR sl_SI tr_TR "
    "el_GR lt_LT lv_LV et_EE"
).split()
FIELDS = ("first_names", "first_names_male", "first_names_female")
SURNAME_FIELDS = ("last_names", "last_names_male", "last_names_female")


def _names(value: object) -> Iterable[object]:
    """A provider field's names: a list, a tuple, or a dict of name -> weight."""
    if isinstance(value, dict):
        return value.keys()
    if isinstance(value, (list, tuple, set, frozenset)):
        return value
    return ()  # a property computed at run time: no data of its own


def _kept(name: object) -> bool:
    return (
        isinstance(name, str)
        and name[:1].isupper()
        and name.replace("-", "").isalpha()
        and max(name) < "\u0530"
    )


def _collect(fields: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for field in fields:
            names |= {n for n in _names(getattr(provider, field, None)) if _kept(n)}  # type: ignore[misc]
    return names


def _write(path: Path, names: set[str]) -> None:
    data = "".join(f"{n}\n" for n in sorted(names)).encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0))


def main() -> None:
    names = _collect(FIELDS)
    _write(OUT, names)
    surnames = _collect(SURNAME_FIELDS)
    _write(SURNAMES, surnames)
    # the MIT notice travels with the list
    dist = importlib.metadata.distribution("faker")
    notice = next(f for f in dist.files or () if f.name.upper().startswith("LICENSE"))
    (OUT.parent / "given.LICENSE").write_text(notice.read_text(encoding="utf-8"), encoding="utf-8")
    print(
        f"{len(names)} given names from {len(LOCALES)} locales -> {OUT} ({OUT.stat().st_size} bytes)"
    )
    print(f"{len(surnames)} surnames -> {SURNAMES} ({SURNAMES.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
