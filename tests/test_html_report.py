"""The HTML report, opened in a real browser (headless Chromium).

With ``CI`` set, a missing Chromium fails the test (``.ci/run`` installs Debian's
``chromium``); elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SEEDS

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("Chromium is not installed (.ci/run installs Debian's chromium)")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


def browse(tmp_path: Path, url: str, *extra: str) -> str:
    run = subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    from typer.testing import CliRunner

    from tqcheck.cli import app

    out = tmp_path_factory.mktemp("report")
    runner = CliRunner()
    common = ["scan", str(SEEDS), "--isolated", "--model", "none", "--no-cache", "--exit-zero"]
    html = runner.invoke(app, [*common, "--format", "html", "--output", str(out / "r.html")])
    assert html.exit_code == 0, html.output
    data = runner.invoke(app, [*common, "--format", "json"])
    return out / "r.html", json.loads(data.stdout)


def shown(dom: str) -> int:
    m = re.search(r'id="shown-count">(\d+)<', dom)
    assert m, "no finding count in the rendered page"
    return int(m.group(1))


def test_rendered_counts_match_the_json_report(reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, data = reports
    dom = browse(tmp_path, page.as_uri(), "--dump-dom")
    assert 'data-filters="ready"' in dom  # the filter script ran
    total = sum(len(d["findings"]) for d in data["documents"])
    assert total > 0
    assert shown(dom) == total
    assert f'id="total-count">{total}<' in dom


def test_fragment_filter_hides_other_findings(reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, data = reports
    rules = [f["rule"] for d in data["documents"] for f in d["findings"]]
    rule = max(set(rules), key=rules.count)
    dom = browse(tmp_path, f"{page.as_uri()}#rule={rule}", "--dump-dom")
    assert shown(dom) == rules.count(rule) < len(rules)
    majors = sum(f["severity"] == "major" for d in data["documents"] for f in d["findings"])
    dom = browse(tmp_path, f"{page.as_uri()}#hide=minor,critical", "--dump-dom")
    assert shown(dom) == majors


def test_screenshot_at_1280_by_800(reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _ = reports
    shot = tmp_path / "report.png"
    browse(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1280,800")
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (1280, 800)
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


def test_report_fetches_nothing(reports) -> None:  # type: ignore[no-untyped-def]
    page, _ = reports
    text = page.read_text(encoding="utf-8")
    assert "default-src 'none'" in text
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", text)
