"""BCP-47 language tags: the primary subtag is checked against ISO 639-1."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_TAG_RE = re.compile(
    r"^(?P<primary>[a-zA-Z]{2,3})(?:[-_](?P<rest>[A-Za-z0-9]{2,8}(?:[-_][A-Za-z0-9]{1,8})*))?$"
)


@lru_cache(maxsize=1)
def iso639_1() -> frozenset[str]:
    text = (resources.files("tqcheck.resources") / "iso639-1.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


def primary(tag: str) -> str:
    """The language subtag in lower case: ``de-AT`` -> ``de``."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()


def is_valid(tag: str) -> bool:
    m = _TAG_RE.match(tag.strip())
    return m is not None and m.group("primary").lower() in iso639_1()
