"""Content profiles: interface strings are not articles (rules off, a word-count floor)."""

from __future__ import annotations

import json
from pathlib import Path

COOKIE = "We use cookies to improve your experience. Accept all cookies?"
COOKIE_DE = "Wir verwenden Cookies, um Ihr Erlebnis zu verbessern. Alle Cookies akzeptieren?"


def po(entries: list[tuple[str, str]]) -> str:
    head = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
    return head + "".join(f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in entries)


def ui_file(tmp_path: Path) -> Path:
    """About 150 words of interface strings with one minor defect (a doubled word)."""
    entries = [
        (f"Open the settings page number {i} now", f"Die Einstellungsseite {i} jetzt öffnen")
        for i in range(24)
    ]
    entries.append(("Save the the file", "Die die Datei speichern"))
    path = tmp_path / "locale" / "de" / "LC_MESSAGES" / "app.po"
    path.parent.mkdir(parents=True)
    path.write_text(po(entries), encoding="utf-8")
    return path


def scan(cli, *args: object) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = cli("scan", *args, "--isolated", "--model", "none", "--no-cache", "-f", "json")
    return json.loads(result.stdout)


def test_a_small_ui_file_with_one_minor_finding_passes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (doc,) = scan(cli, ui_file(tmp_path))["documents"]
    assert doc["profile"] == "ui" and 120 <= doc["words"] <= 200
    assert [f["rule"] for f in doc["findings"]] == ["FL002"]
    assert doc["passed"] and doc["score"] == 99.0  # one point per 1000 words, the floor
    (as_article,) = scan(cli, ui_file(tmp_path / "b"), "--profile", "article")["documents"]
    assert not as_article["passed"] and as_article["score"] < 95


def test_ui_profile_leaves_out_furniture_rules(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "consent.de.po"
    path.write_text(po([(COOKIE, COOKIE_DE)]), encoding="utf-8")
    (ui,) = scan(cli, path)["documents"]
    assert not [f for f in ui["findings"] if f["rule"].startswith("FL00")]
    text = tmp_path / "consent.de.txt"
    text.write_text(COOKIE_DE + "\n", encoding="utf-8")
    (article,) = scan(cli, text)["documents"]
    assert article["profile"] == "article"


def test_profile_per_path_in_the_config(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ui_file(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tqcheck]\ncontent_profiles = {"**/LC_MESSAGES/*.po" = "article"}\n',
        encoding="utf-8",
    )
    result = cli("scan", tmp_path, "--model", "none", "--no-cache", "-f", "json")
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["profile"] == "article"


def test_unknown_profile_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("scan", ui_file(tmp_path), "--isolated", "--profile", "uii")
    assert result.exit_code == 2 and "did you mean 'ui'?" in result.output
