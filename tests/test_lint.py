"""The code base stays lint-clean, formatted and type-checked: CI runs these with the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "tqcheck", "tests", "bench"],
        ["ruff", "format", "--check", "tqcheck", "tests", "bench"],
        ["mypy", "tqcheck"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_is_clean(command: list[str]) -> None:
    exe = BIN / command[0]
    if not exe.exists():
        pytest.skip(f"{command[0]} is not installed (it comes with the dev extra)")
    result = subprocess.run([str(exe), *command[1:]], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
