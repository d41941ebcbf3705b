"""The architecture contract: layers point down only, and only formats/ imports Rich.

The contracts live in pyproject.toml ([tool.importlinter]); import-linter reads the real
import graph, lazy imports inside functions included (type-only imports are left out).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint(config: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the dev extra: pip install -e '.[dev]'"
    return subprocess.run(
        [exe, "--no-cache", "--config", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_layer_and_rich_contracts_are_kept() -> None:
    result = _lint(ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "model -> text -> readers" in result.stdout
    assert "0 broken" in result.stdout


def _toml(data: dict) -> str:
    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return '"' + str(v).replace('"', '\\"') + '"'

    out = ["[tool.importlinter]"]
    out += [f"{k} = {value(v)}" for k, v in data.items() if k != "contracts"]
    for contract in data["contracts"]:
        out.append("[[tool.importlinter.contracts]]")
        out += [f"{k} = {value(v)}" for k, v in contract.items()]
    return "\n".join(out) + "\n"


def test_the_contract_catches_an_upward_import(tmp_path: Path) -> None:
    """The same contract with model placed above text must fail: text imports the model.
    (So the passing test above is a real check, not a contract that sees no edges.)"""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    layers = next(c for c in data["contracts"] if c["id"] == "layers")
    order = layers["layers"]
    i, j = order.index("tqcheck.text"), order.index("tqcheck.model")
    order[i], order[j] = order[j], order[i]
    data["contracts"] = [layers]
    config = tmp_path / "swapped.toml"
    config.write_text(_toml(data))
    result = _lint(config)
    assert result.returncode != 0
    assert "tqcheck.text" in result.stdout and "BROKEN" in result.stdout
