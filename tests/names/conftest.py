from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TEST_NAMES = DATA / "names.tbx"


@pytest.fixture(scope="session")
def names():
    from tqcheck.names.runtime import load_names

    return load_names([TEST_NAMES])


@pytest.fixture
def scan():
    """Run the NM checks (or ``select``) on a text with the test names data only."""
    from tqcheck import registry
    from tqcheck.config import Config
    from tqcheck.engine import check_document
    from tqcheck.model import Document
    from tqcheck.resources_loader import Resources

    def run(text, lang="de", select="NM", source=None, profile="kiew-traditional", data=True):
        cfg = Config(
            names=[str(TEST_NAMES)] if data else [],
            shipped_names=False,
            names_profile=profile,
        )
        src = Document("s.txt", source, "en") if source is not None else None
        doc = Document("t.txt", text, lang, source=src)
        specs = registry.select(registry.all_checks(), [select])
        result = check_document(doc, specs, cfg, Resources(cfg))
        assert not result.errors, result.errors
        return result.findings

    return run
