from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

# The disk cache of compiled language data (tqcheck.text.cache) goes to a folder of this
# test session, never the user's ~/.cache, and is removed when the session ends (each run
# writes some 50 MB there; left behind, a thousand runs filled the disk).
if "TQCHECK_CACHE_DIR" not in os.environ:
    _CACHE_DIR = tempfile.mkdtemp(prefix="tqcheck-test-cache-")
    os.environ["TQCHECK_CACHE_DIR"] = _CACHE_DIR
    atexit.register(shutil.rmtree, _CACHE_DIR, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def cli():
    """Invoke the tqcheck CLI in-process; returns the click Result."""
    from tqcheck.cli import app

    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(app, [str(a) for a in args], env=env or {"NO_COLOR": "1"})

    return invoke


def make_doc(text: str, lang: str, source: str | None = None, source_lang: str = "en"):
    from tqcheck.model import Document

    src = Document("source.txt", source, source_lang) if source is not None else None
    return Document("target.txt", text, lang, source=src)
