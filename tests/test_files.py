"""Finding calls under a folder: formats, .gitignore precedence, excludes."""

from __future__ import annotations

from pathlib import Path

from docparse.files import Walk, iter_calls


def _make(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x\n", encoding="utf-8")


def _found(root: Path, walk: Walk | None = None) -> list[str]:
    return [p.relative_to(root).as_posix() for p in iter_calls(root, walk)]


def test_only_supported_formats_sorted(tmp_path: Path) -> None:
    _make(tmp_path, "b.PDF", "a.md", "c.docx", "d.txt", "e.markdown", "f.doc", "g.py", "h.json", "i/j.md")
    assert _found(tmp_path) == ["a.md", "b.PDF", "c.docx", "d.txt", "e.markdown", "i/j.md"]


def test_a_nearer_gitignore_overrides_a_farther_one(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _make(tmp_path, "calls/a.md", "calls/keep/b.md", "calls/keep/c.md", "calls/keep/d.txt")
    (tmp_path / ".gitignore").write_text("*.md\n", encoding="utf-8")
    (tmp_path / "calls" / "keep" / ".gitignore").write_text("!b.md\n", encoding="utf-8")
    assert _found(tmp_path / "calls") == ["keep/b.md", "keep/d.txt"]
    assert _found(tmp_path / "calls", Walk(gitignore=False)) == ["a.md", "keep/b.md", "keep/c.md", "keep/d.txt"]


def test_anchored_patterns_and_the_git_top(tmp_path: Path) -> None:
    # Above the repository's top (the folder with .git) no .gitignore applies, even in an outer repository.
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*\n", encoding="utf-8")
    repo = tmp_path / "repo"
    _make(repo, "out/a.md", "calls/out/b.md", "calls/c.md")
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("/out/\n", encoding="utf-8")
    assert _found(repo) == ["calls/c.md", "calls/out/b.md"]
    assert _found(repo / "calls") == ["c.md", "out/b.md"]


def test_default_and_custom_excludes(tmp_path: Path) -> None:
    _make(tmp_path, ".venv/a.md", "node_modules/b.md", "build/c.md", "pkg.egg-info/d.txt", "docs/e.md", ".f.md")
    assert _found(tmp_path) == ["docs/e.md"]
    assert _found(tmp_path, Walk(exclude=("docs",))) == [
        ".f.md",
        ".venv/a.md",
        "build/c.md",
        "node_modules/b.md",
        "pkg.egg-info/d.txt",
    ]
    assert _found(tmp_path, Walk(skip=(tmp_path / "docs",))) == []
