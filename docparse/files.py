"""Finding calls on disk: the supported formats under a folder, less what is ignored or excluded.

`docparse check DIR` and `docparse convert DIR` walk folders the way ruff and black do: hidden
folders and the usual tool output (`.venv`, `node_modules`, `build`, …) are skipped, and so,
for `check`, is whatever a `.gitignore` ignores (`convert` reads them all: downloaded calls
are often git-ignored, and a conversion must not lose them). A file or folder named on the
command line is always taken, whatever the excludes and `.gitignore` say.

A walk stays inside its tree: a symbolic link (file or folder) is followed only when its
target is inside the folder walked, and a folder is entered once (a link back up the tree, a
loop, is not entered). Every link not followed is reported as a `Skipped` entry, never an
error that ends the walk. Names are kept as the OS gives them (undecodable bytes as
surrogates, so the file can still be opened); `escape_name` makes one fit for a line of output.
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


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder under the walked folder that was not taken, and why (one line)."""

    path: Path
    reason: str


def escape_name(name: str) -> str:
    """Return `name` (a path, a message) fit for one line of output: control characters, bidi controls
    and bytes that were not UTF-8 (surrogates from the OS) escaped as `\\n`, `\\u202e`, `\\xd6`.

    A file name may hold a newline: printed raw, it would forge a `docparse: ...` line.
    """
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in name)


def decoded_name(name: str) -> str:
    """Return a file name as text UTF-8 can hold: bytes the OS gave that were not UTF-8 as `\\xNN`."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(_escape(ch) if "\ud800" <= ch <= "\udfff" else ch for ch in name)
    return name


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode spells it
        return f"\\x{code - 0xDC00:02x}"
    return char.encode("unicode_escape").decode("ascii")


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


def iter_calls(root: Path, walk: Walk | None = None, skipped: list[Skipped] | None = None) -> Iterator[Path]:
    """Yield the supported files under `root`, sorted, less the excluded and git-ignored ones.

    The paths are spelled from `root` as given (`calls/a/x.md` for `calls`). Links out of
    `root` and loops are not followed: each supported file or folder left is added to `skipped`.
    """
    walk = walk or Walk()
    top = Path(os.path.realpath(root))
    tree = _Tree(top, root, skipped if skipped is not None else [])
    skip = {p.resolve() for p in walk.skip}
    # Each folder's .gitignore, with the folder it applies in (its patterns are relative to it),
    # from the repository's top down: a nearer .gitignore overrides a farther one, as in git.
    ignores: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
    if walk.gitignore:
        ignores = [(d, spec) for d in _folders_above(top) if (spec := _read_gitignore(d)) is not None]
        if ignores and _ignored(top, True, ignores):
            ignores = []  # a folder named on the command line is walked even if git ignores it
    tree.entered(top)
    for found in _walk(top, tree, walk.spec(), ignores, skip, walk.gitignore):
        yield root / found.relative_to(top)


@dataclass(slots=True)
class _Tree:
    """The walk's bounds: the real root, the folders entered (by device and inode), what was left."""

    top: Path
    root: Path
    skipped: list[Skipped]
    seen: set[tuple[int, int]] = field(default_factory=set)

    def entered(self, folder: Path) -> bool:
        """Record `folder` as walked; return False if it was walked already (a loop)."""
        try:
            info = os.stat(folder)
        except OSError:
            return False
        key = (info.st_dev, info.st_ino)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def inside(self, real: str) -> bool:
        top = str(self.top)
        return real == top or real.startswith(top.rstrip(os.sep) + os.sep)

    def leave(self, path: Path, reason: str) -> None:
        self.skipped.append(Skipped(self.root / path.relative_to(self.top), reason))


def _walk(
    folder: Path,
    tree: _Tree,
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
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
            is_link = entry.is_symlink()
        except OSError:  # a link loop (ELOOP) or a file gone since the listing
            is_dir = is_file = False
            is_link = True
        relative = path.relative_to(tree.top).as_posix() + ("/" if is_dir else "")
        if exclude.match_file(relative) or _ignored(path, is_dir, ignores):
            continue
        taken = is_dir or is_supported(path)
        if is_link and taken:
            real = os.path.realpath(path)
            if not is_dir and not is_file:
                tree.leave(path, f"a link that leads nowhere readable ({escape_name(real)}): not followed")
                continue
            if not tree.inside(real):
                tree.leave(path, f"a link out of {escape_name(str(tree.root))} (to {escape_name(real)}): not followed")
                continue
        if is_dir:
            if path in skip or Path(os.path.realpath(path)) in skip:
                continue
            if not tree.entered(path):
                tree.leave(path, "a link loop or a folder walked already: not entered")
                continue
            yield from _walk(path, tree, exclude, ignores, skip, gitignore)
        elif is_file and is_supported(path):
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
