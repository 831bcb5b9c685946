"""Finding calls on disk: the supported formats under a folder, less what is ignored or excluded.

`docparse check DIR` and `docparse convert DIR` walk folders the way ruff and black do: hidden
folders and the usual tool output (`.venv`, `node_modules`, `build`, …) are skipped, and so,
for `check`, is whatever a `.gitignore` ignores (`convert` reads them all: downloaded calls
are often git-ignored, and a conversion must not lose them). A file or folder named on the
command line is always taken, whatever the excludes and `.gitignore` say.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docparse.formats import INPUT_SUFFIXES  # the one list of the call formats read

if TYPE_CHECKING:  # pathspec is imported when a folder is walked, not by a command given files
    import pathspec

# Folders that never hold calls to lint: environments, caches and build output.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".*",
    "__pycache__",
    "__pypackages__",
    "node_modules",
    "venv",
    "build",
    "dist",
    "site-packages",
    "*.egg-info",
)


def is_supported(path: Path) -> bool:
    """Return whether `path` has the suffix of a format docparse reads."""
    return path.suffix.lower() in INPUT_SUFFIXES


@dataclass(frozen=True, slots=True)
class Walk:
    """How to walk a folder: gitignore-style `exclude` patterns, and whether to read `.gitignore` files."""

    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    gitignore: bool = True
    skip: tuple[Path, ...] = field(default=())
    """Folders (resolved) not to enter, e.g. the output folder of a conversion."""

    def spec(self) -> pathspec.GitIgnoreSpec:
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(self.exclude)


def iter_calls(root: Path, walk: Walk | None = None) -> Iterator[Path]:
    """Yield the supported files under `root`, sorted, less the excluded and git-ignored ones.

    The paths are spelled from `root` as given (`calls/a/x.md` for `calls`).
    """
    walk = walk or Walk()
    top = root.resolve()
    skip = {p.resolve() for p in walk.skip}
    # Each folder's .gitignore, with the folder it applies in (its patterns are relative to it),
    # from the repository's top down: a nearer .gitignore overrides a farther one, as in git.
    ignores: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
    if walk.gitignore:
        ignores = [(d, spec) for d in _folders_above(top) if (spec := _read_gitignore(d)) is not None]
        if ignores and _ignored(top, True, ignores):
            ignores = []  # a folder named on the command line is walked even if git ignores it
    for found in _walk(top, top, walk.spec(), ignores, skip, walk.gitignore):
        yield root / found.relative_to(top)


def _walk(
    folder: Path,
    top: Path,
    exclude: pathspec.GitIgnoreSpec,
    ignores: list[tuple[Path, pathspec.GitIgnoreSpec]],
    skip: set[Path],
    gitignore: bool,
) -> Iterator[Path]:
    if gitignore and (own := _read_gitignore(folder)) is not None:
        ignores = [*ignores, (folder, own)]
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = folder / entry.name
        is_dir = entry.is_dir()
        relative = path.relative_to(top).as_posix() + ("/" if is_dir else "")
        if exclude.match_file(relative) or _ignored(path, is_dir, ignores):
            continue
        if is_dir:
            if path in skip or path.resolve() in skip:
                continue
            yield from _walk(path, top, exclude, ignores, skip, gitignore)
        elif entry.is_file() and is_supported(path):
            yield path


def _ignored(path: Path, is_dir: bool, ignores: Sequence[tuple[Path, pathspec.GitIgnoreSpec]]) -> bool:
    """Return whether the .gitignore files, outermost first, leave `path` ignored."""
    verdict = False
    for folder, spec in ignores:
        relative = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
        result = spec.check_file(relative)
        if result.include is not None:
            verdict = result.include
    return verdict


def _read_gitignore(folder: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _folders_above(top: Path) -> list[Path]:
    """Return the folders from the repository's top (the one holding `.git`) down to `top`'s parent."""
    if (top / ".git").exists():
        return []  # `top` is the repository's top: its own .gitignore is read on the way down
    chain: list[Path] = []
    for folder in top.parents:
        chain.append(folder)
        if (folder / ".git").exists():
            return list(reversed(chain))
    return []  # not in a repository: only the .gitignore files inside `top` apply
