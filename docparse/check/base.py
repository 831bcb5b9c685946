"""Check stage, shared parts: the `Check` record, document walkers and the document-order key."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from docparse.diagnostics import RULES_BY_NAME
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Direction, Document, Section, Topic, Track
from docparse.model.provenance import Provenance

Unit = Section | Topic | Track
"""An outline node: a heading and what sits under it (sections hold content before their topics)."""


@dataclass(frozen=True, slots=True)
class Check:
    """One check: a function of the document and the names of the rules it can emit."""

    rules: tuple[str, ...]
    run: Callable[[Document], Iterable[Diagnostic]]

    def __post_init__(self) -> None:
        unknown = [name for name in self.rules if name not in RULES_BY_NAME]
        if unknown:
            raise ValueError(f"check {self.run.__name__} names unknown rules {unknown}")


def iter_units(document: Document) -> Iterator[Unit]:
    """Yield every section, sub-section, topic and track in document order (a parent before its children)."""
    yield from document.iter_nodes()


def kind(unit: Unit) -> str:
    """Return "section", "topic" or "track"."""
    return "section" if isinstance(unit, Section) else "topic" if isinstance(unit, Topic) else "track"


def label(unit: Unit) -> str | None:
    """Return the numbering of a heading as printed (the bullet of a track), if any."""
    return unit.marker if isinstance(unit, Track) else unit.label or unit.number


def has_content(unit: Unit) -> bool:
    """Return whether anything sits under the heading (for a section: before its topics)."""
    return bool(unit.description or unit.directions_marker is not None or unit.directions or unit.fields or unit.notes)


def heading(unit: Unit) -> str:
    """Return a unit's heading as it reads in a message."""
    return quote(label(unit), unit.title)


def iter_directions(directions: tuple[Direction, ...]) -> Iterator[Direction]:
    """Yield every direction, children after their parent, in document order."""
    for direction in directions:
        yield direction
        yield from iter_directions(direction.children)


def quote(number: str | None, title: str | None) -> str:
    """Return a heading as it reads in a message: `` `1.2 深度学习框架技术` ``."""
    text = " ".join(part for part in (number, title) if part)
    return f"`{text}`" if text else "an untitled heading"


def order_key(provenance: Provenance) -> tuple[int, int, float, float]:
    """Return a sort key that puts positions in document order; no position sorts first.

    Text formats sort by line, DOCX by paragraph index, PDF by page then top then left.
    """
    if provenance.line_start is not None:
        return (1, provenance.line_start, 0.0, 0.0)
    if provenance.paragraph_start is not None:
        return (1, provenance.paragraph_start, 0.0, 0.0)
    if provenance.regions:
        region = provenance.regions[0]
        return (1, region.page, region.bbox.top, region.bbox.x0)
    return (0, 0, 0.0, 0.0)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Return the diagnostics in document order (stable: findings at one position keep their order)."""
    return sorted(diagnostics, key=lambda diagnostic: order_key(diagnostic.provenance))
