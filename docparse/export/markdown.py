"""Export to Markdown: clean CommonMark that the text reader parses back into an equal outline.

Headings by level (``#`` title, ``##`` section, ``###`` topic, ``####`` track), directions as
a list with bold titles, tables as GFM pipe tables.
"""

from __future__ import annotations

import regex

from docparse.model.document import (
    Direction,
    Document,
    LabelledField,
    ListItem,
    Paragraph,
    Section,
    Table,
    Topic,
    Track,
)

_SPECIAL = regex.compile(r"([\\`*_\[\]<>|])")
_LINE_START = regex.compile(r"^([#>+=]|-(?=\s))")
_ORDERED_START = regex.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def escape(text: str) -> str:
    """Return `text` with the characters that Markdown would read as syntax escaped."""
    return str(_SPECIAL.sub(r"\\\1", text))


def _escape_line(text: str) -> str:
    escaped = _LINE_START.sub(r"\\\1", escape(text))
    return str(_ORDERED_START.sub(r"\1\\\2", escaped))


def to_markdown(document: Document) -> str:
    """Return the document as CommonMark text ending in a newline."""
    out: list[str] = []
    if document.label:
        out.append(_escape_line(document.label))
    if document.toc_title:
        out.append(_escape_line(document.toc_title))
    if document.toc:
        out.append("\n".join(_toc_line(e.label or e.number, e.title, e.page) for e in document.toc))
    if document.title:
        out.append(f"# {escape(document.title)}")
    out.extend(_paragraphs(document.notes))
    out.extend(_table(t) for t in document.tables)
    for section in document.sections:
        out.extend(_section(section))
    return "\n\n".join(part for part in out if part) + "\n"


def _toc_line(label: str | None, title: str, page: int | None) -> str:
    head = f"{label} {escape(title)}" if label else escape(title)
    return f"{head}.....{page}" if page is not None else head


def _paragraphs(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    return [_escape_line(p.text) for p in paragraphs]


def _heading(level: int, label: str | None, title: str | None) -> str:
    text = " ".join(part for part in (label, escape(title or "")) if part)
    return f"{'#' * level} {text}".rstrip()


def _section(section: Section) -> list[str]:
    out = _content(section)
    if section.title is not None or section.label is not None:
        out.insert(0, _heading(2, section.label, section.title))
    for topic in section.topics:
        out.extend([_heading(3, topic.label, topic.title), *_content(topic)])
        for track in topic.tracks:
            out.extend([_heading(4, track.marker or None, track.title), *_content(track)])
    return out


def _content(node: Section | Topic | Track) -> list[str]:
    # Fields come after the directions: a field followed by a numbered list would take the
    # list as its items when parsed back.
    out = _paragraphs(node.description)
    if node.directions_marker and not node.marker_in_description:
        # Without directions, paragraphs after the marker are description too: put the marker
        # first so that the description keeps its order when parsed back.
        out.insert(len(out) if node.directions else 0, f"{escape(node.directions_marker)}：")
    if node.directions:
        out.append("\n".join(_direction(d, 0) for d in node.directions))
    out.extend(_paragraphs(node.notes))
    out.extend(_paragraphs(node.unplaced))
    out.extend(_field(f) for f in node.fields)
    out.extend(_table(t) for t in node.tables)
    return out


_LIST_MARKER = regex.compile(r"^(?:\d{1,9}[.)]|[-*+])$")


def _marker(label: str | None) -> tuple[str, int]:
    """Return the list marker to write for `label`, and the indent its nested items need.

    A label that is no CommonMark list marker (`（1）`, `1.1`, `①`) goes inside a `-` item, so
    that the list, and the nesting under it, survive a round trip.
    """
    if label is None:
        return "-", 2
    if _LIST_MARKER.match(label):
        return label, len(label) + 1
    return f"- {label}", 2


def _direction(direction: Direction, indent: int) -> str:
    text = direction.text
    title = direction.title
    rendered = f"**{escape(title)}**{escape(text[len(title) :])}" if title and text.startswith(title) else escape(text)
    marker, offset = _marker(direction.label)
    lines = [f"{' ' * indent}{marker} {rendered}".rstrip()]
    lines.extend(_direction(child, indent + offset) for child in direction.children)
    return "\n".join(lines)


def _field(field: LabelledField) -> str:
    head = f"**{escape(field.label)}**：{escape(field.text)}".rstrip()
    if not field.marker:
        return "\n\n".join([head, *(["\n".join(_list_items(field.items, 0))] if field.items else [])])
    # A field written as a list item keeps its items nested under it.
    marker, offset = _marker(field.marker)
    lines = [f"{marker} {head}", *_list_items(field.items, offset)]
    return "\n".join(lines)


def _list_items(items: tuple[ListItem, ...], indent: int) -> list[str]:
    lines: list[str] = []
    for item in items:
        marker, offset = _marker(item.label)
        lines.append(f"{' ' * indent}{marker} {_escape_line(item.text)}".rstrip())
        lines.extend(_list_items(item.children, indent + offset))
    return lines


def _table(table: Table) -> str:
    if not table.rows:
        return ""
    width = max(len(row) for row in table.rows)
    rows = [list(row) + [""] * (width - len(row)) for row in table.rows]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(escape(c).replace("\n", " ") for c in cells) + " |"

    return "\n".join([line(rows[0]), "| " + " | ".join("---" for _ in range(width)) + " |", *map(line, rows[1:])])
