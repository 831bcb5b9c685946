"""`docparse check`, in-place suppression: `<!-- docparse: ignore DP301 -->` comments in a call.

A Markdown, text or HTML call can carry an HTML comment that turns findings off, as ruff's
`noqa`: ``<!-- docparse: ignore DP301 -->`` on a finding's line, or on the line above it,
hides the listed codes (prefixes: ``DP3`` is every 3xx rule) for that finding;
``<!-- docparse: ignore-file DP211 -->`` anywhere hides them in the whole file. The comments
are markup: the readers drop them (as `markup`), so they change nothing in the outline.
DP100 (the file could not be read) is never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from docparse.model.diagnostic import Diagnostic

_COMMENT = regex.compile(
    r"<!--\s*docparse:\s*ignore(?P<file>-file)?\s+(?P<codes>DP\d{0,3}(?:\s*,\s*DP\d{0,3})*)\s*,?\s*-->",
    regex.IGNORECASE,
)
_MARK = b"docparse:"


@dataclass(frozen=True, slots=True)
class Suppressions:
    """The code prefixes a file's comments turn off: in the whole file, and by line (1-based)."""

    file: tuple[str, ...] = ()
    lines: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def hides(self, diagnostic: Diagnostic) -> bool:
        """Return whether a comment of the file turns `diagnostic` off."""
        code = diagnostic.code
        if code == "DP100":
            return False
        if code.startswith(self.file) and self.file:
            return True
        line = diagnostic.provenance.line_start
        if line is None:
            return False
        return any(code.startswith(prefix) for at in (line, line - 1) for prefix in self.lines.get(at, ()))


NONE = Suppressions()


def suppressions(data: bytes) -> Suppressions:
    """Return the suppressions of a call's bytes (its comments are ASCII in any encoding docparse reads)."""
    if _MARK not in data.lower():
        return NONE
    text = data.decode("utf-8", "replace")
    whole: list[str] = []
    lines: dict[int, tuple[str, ...]] = {}
    for found in _COMMENT.finditer(text):
        codes = tuple(code.strip().upper() for code in found.group("codes").split(","))
        if found.group("file"):
            whole.extend(codes)
        else:
            line = text.count("\n", 0, found.start()) + 1
            lines[line] = (*lines.get(line, ()), *codes)
    return Suppressions(tuple(whole), lines)
