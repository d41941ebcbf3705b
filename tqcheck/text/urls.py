"""Where a span of prose is really part of a URL, e-mail address or domain name."""

from __future__ import annotations


def in_url(text: str, start: int, end: int) -> bool:
    """A term inside a URL, e-mail address or domain ("www.nato.int") is not prose."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    chunk = text[lo:hi]
    return (
        "://" in chunk
        or "www." in chunk.lower()
        or "@" in chunk
        or (
            text[end : end + 1] == "."
            and text[end + 1 : end + 2].isalpha()
            and text[end + 1 : end + 2].islower()
        )
    )
