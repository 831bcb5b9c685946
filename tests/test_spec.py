"""Spec cases: small calls and the outline they must give, read from spec/outline.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

import docparse
from docparse.model import Direction, Document, LabelledField, Topic, Track

SPEC = Path(__file__).parent / "spec" / "outline.txt"


def _cases() -> list[tuple[str, str, str]]:
    text = SPEC.read_text(encoding="utf-8")
    cases = []
    for chunk in text.split("\n=== ")[1:]:
        title, _, body = chunk.partition("\n")
        source, _, expected = body.partition("\n---\n")
        cases.append((title.strip(), source + "\n", expected.strip("\n")))
    return cases


def _direction(direction: Direction, indent: str) -> list[str]:
    lines = [f"{indent}direction {direction.label} {direction.title or '-'} | {direction.text}"]
    for child in direction.children:
        lines.extend(_direction(child, indent + "  "))
    return lines


def _field(field: LabelledField) -> str:
    text = field.text or f"({len(field.items)} items)"
    return f"field {field.label}: {text}"


def _unit(unit: Topic | Track, indent: str) -> list[str]:
    lines = [f"{indent}description {p.text}" for p in unit.description]
    lines += [f"{indent}{_field(f)}" for f in unit.fields]
    if unit.directions_marker:
        lines.append(f"{indent}marker {unit.directions_marker}")
    for direction in unit.directions:
        lines.extend(_direction(direction, indent))
    lines += [f"{indent}note {p.text}" for p in unit.notes]
    return lines


def summarize(document: Document) -> str:
    """Return the outline as the indented lines used by the spec file."""
    lines = [f"toc {e.label} {e.title} {e.page}" for e in document.toc]
    for section in document.sections:
        lines.append(f"section {section.number or '-'} {section.title or '-'}")
        lines += [f"  description {p.text}" for p in section.description]
        for topic in section.topics:
            lines.append(f"  topic {topic.id if topic.number else '-'} {topic.title}")
            lines.extend(_unit(topic, "    "))
            for track in topic.tracks:
                lines.append(f"    track {track.marker} {track.title}")
                lines.extend(_unit(track, "      "))
    lines += [f"unplaced {p.text}" for p in document.unplaced]
    return "\n".join(lines)


@pytest.mark.parametrize(("title", "source", "expected"), _cases(), ids=[c[0] for c in _cases()])
def test_spec(title: str, source: str, expected: str) -> None:
    assert summarize(docparse.parse_text(source)) == expected


@pytest.mark.parametrize(("title", "source", "expected"), _cases(), ids=[c[0] for c in _cases()])
def test_spec_survives_markdown_round_trip(title: str, source: str, expected: str) -> None:
    document = docparse.parse_text(source)
    again = docparse.parse_text(docparse.to_markdown(document))
    assert docparse.outline_data(again) == docparse.outline_data(document)
