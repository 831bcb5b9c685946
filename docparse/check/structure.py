"""Check stage, structure rules (DP105, DP2xx): empty topics, sections, directions and titles."""

from __future__ import annotations

from collections.abc import Iterator

from docparse.check.base import Check, has_content, heading, iter_directions, iter_units, kind, label
from docparse.diagnostics import make_diagnostic
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Document, Section, Topic


def no_outline(document: Document) -> Iterator[Diagnostic]:
    """Report a document in which no section or topic heading was recognised."""
    if not any(section.topics or section.title is not None or section.label for section in document.sections):
        yield make_diagnostic("no-outline", "no section or topic heading was recognised; the text is all in notes")


def empty_units(document: Document) -> Iterator[Diagnostic]:
    """Report topics and tracks with nothing under their heading.

    A unit whose only content is a directions marker is reported by DP202 instead.
    """
    for unit in iter_units(document):
        if isinstance(unit, Section) or has_content(unit) or (isinstance(unit, Topic) and unit.tracks):
            continue
        yield make_diagnostic(
            "empty-topic",
            f"{kind(unit)} {heading(unit)} has no description, directions, tracks or fields",
            unit.provenance,
            node=unit.id,
        )


def empty_sections(document: Document) -> Iterator[Diagnostic]:
    """Report titled sections with no topic, sub-section or content of their own under the heading."""
    for unit in iter_units(document):
        if not isinstance(unit, Section):
            continue
        section = unit
        if section.title is None or section.topics or section.sections or has_content(section):
            continue
        yield make_diagnostic(
            "empty-section", f"section {heading(section)} has no topics", section.provenance, node=section.id
        )


def markers_without_list(document: Document) -> Iterator[Diagnostic]:
    """Report a directions marker that no list item follows."""
    for unit in iter_units(document):
        if unit.directions_marker is not None and not unit.directions:
            yield make_diagnostic(
                "marker-without-list",
                f"`{unit.directions_marker}` under {heading(unit)} is followed by no list item",
                unit.provenance,
                node=unit.id,
            )


def empty_directions(document: Document) -> Iterator[Diagnostic]:
    """Report directions that have a label but neither text nor nested items."""
    for unit in iter_units(document):
        for direction in iter_directions(unit.directions):
            if not direction.text.strip() and not direction.children:
                yield make_diagnostic(
                    "empty-direction",
                    f"direction `{direction.label}` of {heading(unit)} has no text",
                    direction.provenance,
                    node=direction.id,
                )


def empty_titles(document: Document) -> Iterator[Diagnostic]:
    """Report section, topic and track headings whose title is empty (an implicit section has none)."""
    for unit in iter_units(document):
        if unit.title is not None and not unit.title.strip():
            yield make_diagnostic(
                "empty-heading-title",
                f"{kind(unit)} heading `{label(unit) or ''}` has no title",
                unit.provenance,
                node=unit.id,
            )


CHECKS = (
    Check(("no-outline",), no_outline),
    Check(("empty-topic",), empty_units),
    Check(("empty-section",), empty_sections),
    Check(("marker-without-list",), markers_without_list),
    Check(("empty-direction",), empty_directions),
    Check(("empty-heading-title",), empty_titles),
)
