"""Shared helpers for the term-base tests."""

from __future__ import annotations

import pytest


def termbase_content(base):  # everything but where it came from and the order of languages
    return [
        (
            c.id,
            c.subject,
            c.definition,
            c.source,
            c.note,
            c.extras,
            tuple(sorted(c.terms, key=lambda t: t.lang)),
        )
        for c in base
    ]


@pytest.fixture
def content():
    """What a round trip must keep: every concept field and every term."""
    return termbase_content
