"""Which files a folder scan takes: supported types, not hidden, not excluded, not ignored."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tqcheck.inputs import discover


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for rel in (
        "content/news.de.md",
        "content/docs/guide.de.md",
        "content/drafts/wip.de.md",
        "build/news.de.html",
        "node_modules/pkg/readme.md",
        "content/notes.log.txt",
        "content/keep.log.txt",
        ".cache/old.de.txt",
    ):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Ein Satz.\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".gitignore").write_text("build/\nnode_modules\n*.log.txt\n", encoding="utf-8")
    (root / "content" / ".gitignore").write_text("!keep.log.txt\ndrafts/\n", encoding="utf-8")
    return root


def names(files: list[Path], root: Path) -> list[str]:
    return sorted(f.relative_to(root).as_posix() for f in files)


def test_gitignored_files_and_folders_are_left_out(repo: Path) -> None:
    files, errors = discover([repo], [], [])
    assert not errors
    assert names(files, repo) == [
        "content/docs/guide.de.md",
        "content/keep.log.txt",  # re-included by the deeper .gitignore
        "content/news.de.md",
    ]


def test_walking_a_subfolder_still_honours_the_repository_root(repo: Path) -> None:
    files, _ = discover([repo / "content"], [], [])
    assert "drafts/wip.de.md" not in names(files, repo / "content")
    assert "notes.log.txt" not in names(files, repo / "content")


def test_without_gitignore_everything_supported_but_hidden_is_taken(repo: Path) -> None:
    files, _ = discover([repo], [], [], gitignore=False)
    assert "build/news.de.html" in names(files, repo)
    assert "node_modules/pkg/readme.md" in names(files, repo)
    assert ".cache/old.de.txt" not in names(files, repo)


@pytest.mark.parametrize("pattern", ["docs", "docs/", "content/docs", "*/docs"])
def test_exclude_names_a_folder(repo: Path, pattern: str) -> None:
    files, _ = discover([repo], [], [pattern])
    assert names(files, repo) == ["content/keep.log.txt", "content/news.de.md"]


def test_agrees_with_git_where_git_is_installed(repo: Path) -> None:
    git = subprocess.run(["git", "--version"], capture_output=True)
    if git.returncode != 0:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    listed = subprocess.run(
        ["git", "-C", str(repo), "ls-files", "--others", "--exclude-standard"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    wanted = sorted(  # tqcheck also leaves out hidden entries, which git lists
        p for p in listed if p.endswith((".md", ".txt", ".html")) and not p.startswith(".")
    )
    files, _ = discover([repo], [], [])
    assert names(files, repo) == wanted


def test_symlinked_folders_are_followed_once_and_loops_end(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.de.txt").write_text("Ein Satz.\n", encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "linked").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(root, target_is_directory=True)
    files, errors = discover([root], [], [], gitignore=False)
    assert not errors
    assert [f.name for f in files] == ["a.de.txt"]


def test_what_cannot_be_read_is_reported(tmp_path: Path) -> None:
    import os

    root = tmp_path / "root"
    root.mkdir()
    (root / "gone.de.txt").symlink_to(tmp_path / "nowhere.de.txt")
    (root / "ok.de.txt").write_text("Ein Satz.\n", encoding="utf-8")
    locked = root / "locked"
    locked.mkdir()
    (locked / "b.de.txt").write_text("Ein Satz.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        files, errors = discover([root], [], [], gitignore=False)
        can_enter = os.access(locked, os.R_OK | os.X_OK)  # root may enter anyway
    finally:
        locked.chmod(0o755)
    messages = {Path(e.path).name: e.message for e in errors}
    assert messages["gone.de.txt"] == "a link to nothing (dangling)"
    assert can_enter or "cannot enter folder" in messages["locked"]
    assert "ok.de.txt" in [f.name for f in files]
