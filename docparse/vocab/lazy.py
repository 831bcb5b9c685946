"""Patterns of the vocabulary floor compiled on first use: one definition each, no start-up cost.

`regex` parses and compiles a pattern in Python: the floor's ~80 patterns took a third of a
small conversion's start-up, and half of them are never tried on a short text. `lazy(...)`
is the table's one definition; the object it returns compiles on its first use and then answers
every method from the compiled pattern itself (the bound methods are kept on the object, so a
hot loop pays no indirection after the first call).
"""

from __future__ import annotations

from typing import Any, cast

import regex

# The methods a caller uses in a loop: kept on the object once compiled, so that a lookup finds
# the compiled pattern's own bound method without passing through `__getattr__`.
_METHODS = (
    "match",
    "fullmatch",
    "search",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
)


class _Lazy:
    """A `regex` pattern that compiles on first use; `.pattern` is its source, read without compiling."""

    def __init__(self, source: str, flags: int) -> None:
        self.pattern = source
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    def compiled(self) -> regex.Pattern[str]:
        """Return the compiled pattern, compiling it (and keeping its methods here) the first time."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = regex.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Reached only for a name not set on the object: a method before the first compile, or a
        # rarer attribute (flags, groupindex, scanner, partial matching through `match`).
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Lazy, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy(source: str, flags: int = 0) -> regex.Pattern[str]:
    """Return `regex.compile(source, flags)` as an object that compiles on its first use."""
    return cast("regex.Pattern[str]", _Lazy(source, flags))


def compiled(lazy: regex.Pattern[str]) -> regex.Pattern[str]:
    """Return the compiled pattern behind `lazy` (a `lazy(...)` or an already compiled one)."""
    if isinstance(lazy, _Lazy):
        return lazy.compiled()
    return lazy
