from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqcheck import config as config_mod
from tqcheck.config import Config, ConfigError
from tqcheck.model import Severity
from tqcheck.registry import get


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_discovered_upward_and_applied(cli, tmp_path: Path) -> None:
    write(tmp_path / "tqcheck.toml", 'ignore = ["FL001"]\nthreshold = 80\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    write(sub / "t.de.txt", "Das sagte er .\n")
    cfg = config_mod.load(start=sub)
    assert cfg.ignore == ["FL001"] and cfg.threshold == 80
    result = cli("scan", sub, "-f", "json")
    assert json.loads(result.stdout)["summary"]["findings"] == 0
    # the CLI overrides the file
    result = cli("scan", sub, "-f", "json", "--select", "FL001")
    assert json.loads(result.stdout)["summary"]["findings"] == 0  # ignore still applies
    result = cli("scan", sub, "-f", "json", "--isolated")
    assert json.loads(result.stdout)["summary"]["findings"] == 1


def test_pyproject_section(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname="x"\n[tool.tqcheck]\nfail_on = "major"\n')
    assert config_mod.load(start=tmp_path).fail_on == "major"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selekt = ["FL"]\n', "unknown key 'selekt'"),
        ('select = ["ZZ001"]\n', "unknown rule selector"),
        ('threshold = "high"\n', "threshold must be a number"),
        ('fail_on = "sometimes"\n', "fail_on must be one of"),
        ("[severity]\nFL001 = 'fatal'\n", "unknown severity"),
        ('score_profile = "mine"\n', "unknown score_profile"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_config_errors_are_clear(cli, tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path / "tqcheck.toml", text)
    with pytest.raises(ConfigError, match=message):
        config_mod.load(start=tmp_path)
    write(tmp_path / "t.de.txt", "Text.\n")
    result = cli("scan", tmp_path / "t.de.txt")
    assert result.exit_code == 2
    assert message.split("'")[0] in result.output and "Traceback" not in result.output


def test_severity_overrides_most_specific_wins() -> None:
    spec = get("FL001")
    assert spec is not None
    cfg = Config(severity={"fluency": "major", "FL001": "critical"}).validate()
    assert cfg.severity_for(spec) is Severity.CRITICAL
    cfg = Config(severity={"FL": "major"}).validate()
    assert cfg.severity_for(spec) is Severity.MAJOR
    assert Config().severity_for(spec) is Severity.MINOR


def test_explicit_missing_config(cli, tmp_path: Path) -> None:
    write(tmp_path / "t.de.txt", "Text.\n")
    result = cli("scan", tmp_path / "t.de.txt", "--config", tmp_path / "nope.toml")
    assert result.exit_code == 2 and "config file not found" in result.output
