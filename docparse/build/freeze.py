"""Freeze the builder's drafts into model nodes: roles by level, stable ids, direction titles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from docparse.blocks import Span
from docparse.build.draft import DraftItem, DraftNode
from docparse.model.document import Direction, LabelledField, ListItem, Paragraph, Section, TocEntry, Topic, Track
from docparse.segment import bold_lead

# A lead phrase before a colon is a direction title when it is short and holds no sentence
# punctuation ("工业质检/巡检场景关键技术：在训练…"), and the colon is not part of a URL.
COLON_TITLE = regex.compile(r"^(?P<title>[^：:，,。；;！？!?\n]{1,40}?)[ \t]*[：:](?!//)[ \t]*(?P<body>\S.*)$", regex.S)
# A short first sentence without commas, followed by more text, is a title written without
# bold ("机器学习与其他基础学科的交叉研究。例如对量子机器学习的探索。"); a direction that is one
# sentence has no title.
SENTENCE_TITLE = regex.compile(r"^(?P<title>[^：:，,。；;！？!?\n]{2,24})。(?P<body>\S.*)$", regex.S)
# Separators between a bold title and the body: dropped from the body's start.
_SEPARATORS = "：:。.，,、；; \t"


@dataclass
class IdMaker:
    """Hand out ids, making a repeated id unique (duplicate numbers must not break the model)."""

    used: set[str] = field(default_factory=set)

    def __call__(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self.used:
            n += 1
            candidate = f"{wanted}~{n}"
        self.used.add(candidate)
        return candidate


def split_title(text: str, spans: tuple[Span, ...]) -> tuple[str | None, str]:
    """Return the title (bold lead, or the phrase before a colon) and the body of an item."""
    lead = bold_lead(spans)
    title = lead.strip().rstrip("：:").strip()
    if title and text.startswith(lead.strip()):
        body = text[len(lead.strip()) :].lstrip()
        if body[:1] in _SEPARATORS:
            body = body[1:]
        return title, body.strip()
    for pattern in (COLON_TITLE, SENTENCE_TITLE):
        found = pattern.match(text)
        if found is not None:
            return found.group("title").strip(), found.group("body").strip()
    return None, text


def freeze_items(items: list[DraftItem], parent_id: str, ids: IdMaker, sep: str = "/d") -> tuple[Direction, ...]:
    """Return frozen directions with ids `parent/d1`, `parent/d2`…, children `parent/d1.1`…."""
    out = []
    for index, item in enumerate(items, start=1):
        item_id = ids(f"{parent_id}{sep}{index}")
        title, body = split_title(item.text, item.spans)
        out.append(
            Direction(
                id=item_id,
                number=item.numbering.last,
                label=item.numbering.label,
                title=title,
                body=body,
                text=item.text,
                children=freeze_items(item.children, item_id, ids, "."),
                provenance=item.provenance,
            )
        )
    return tuple(out)


def freeze_list_items(items: list[DraftItem]) -> tuple[ListItem, ...]:
    """Return frozen list items (the items of a labelled field), nested as drafted."""
    return tuple(
        ListItem(
            label=item.numbering.label,
            text=item.text,
            children=freeze_list_items(item.children),
            provenance=item.provenance,
        )
        for item in items
    )


def freeze_fields(node: DraftNode) -> tuple[tuple[LabelledField, ...], tuple[Paragraph, ...]]:
    """Return the node's fields, and the tentative ones that got no items as paragraphs."""
    fields: list[LabelledField] = []
    paragraphs: list[Paragraph] = []
    for draft in node.fields:
        if draft.tentative and not draft.items:
            paragraphs.append(Paragraph(text=draft.as_paragraph or draft.label, provenance=draft.provenance))
            continue
        fields.append(
            LabelledField(
                marker=draft.marker,
                label=draft.label,
                text=draft.text,
                items=freeze_list_items(draft.items),
                provenance=draft.provenance,
            )
        )
    return tuple(fields), tuple(paragraphs)


def _unit_fields(node: DraftNode, node_id: str, ids: IdMaker) -> dict[str, Any]:
    fields, loose = freeze_fields(node)
    return {
        "id": node_id,
        "title": node.title,
        "description": (*node.description, *loose),
        "directions_marker": node.directions_marker,
        "marker_in_description": node.marker_in_description,
        "directions": freeze_items(node.directions, node_id, ids),
        "fields": fields,
        "tables": tuple(node.tables),
        "notes": tuple(node.notes),
        "unplaced": tuple(node.unplaced),
        "provenance": node.provenance,
    }


def _flatten(nodes: list[DraftNode]) -> list[DraftNode]:
    out: list[DraftNode] = []
    for node in nodes:
        out.append(node)
        out.extend(_flatten(node.children))
    return out


def freeze_topic(node: DraftNode, section: Section | None, index: int, ids: IdMaker) -> Topic:
    numbering = node.numbering
    if numbering is not None and numbering.value:
        number = numbering.number
        if len(numbering.value) == 1 and section is not None and section.number is not None:
            wanted = f"{section.number}.{number}"
        else:
            wanted = str(number)
    else:
        number = None
        wanted = f"{section.id if section else 's1'}/{index}"
    topic_id = ids(wanted)
    tracks = []
    for track_index, child in enumerate(_flatten(node.children), start=1):
        track_id = ids(f"{topic_id}/t{track_index}")
        marker = child.numbering.label if child.numbering is not None else ""
        tracks.append(Track(marker=marker, **_unit_fields(child, track_id, ids)))
    return Topic(
        number=number,
        label=numbering.label if numbering else None,
        tracks=tuple(tracks),
        **_unit_fields(node, topic_id, ids),
    )


def freeze_sections(roots: list[DraftNode], ids: IdMaker) -> tuple[Section, ...]:
    """Return the sections: level-1 nodes are sections when the outline has two levels or more."""
    if not roots:
        return ()
    if not any(root.children for root in roots):
        section = Section(id=ids("s1"), number=None, title=None)
        topics = tuple(freeze_topic(node, section, i, ids) for i, node in enumerate(roots, start=1))
        return (section.model_copy(update={"topics": topics}),)
    sections = []
    for index, root in enumerate(roots, start=1):
        numbering = root.numbering
        number = numbering.number if numbering is not None and numbering.value else None
        section_id = ids(number or f"s{index}")
        section = Section(
            number=number,
            label=numbering.label if numbering else None,
            **{**_unit_fields(root, section_id, ids), "title": root.title},
        )
        topics = tuple(freeze_topic(child, section, i, ids) for i, child in enumerate(root.children, start=1))
        sections.append(section.model_copy(update={"topics": topics}))
    return tuple(sections)


def link_toc(toc: list[TocEntry], sections: tuple[Section, ...]) -> tuple[TocEntry, ...]:
    """Return the TOC entries with `target` set to the id of the heading each points to."""
    by_number: dict[str, str] = {}
    by_title: dict[str, str] = {}
    nodes: list[Section | Topic] = []
    for section in sections:
        nodes.append(section)
        nodes.extend(section.topics)
    for node in nodes:
        if node.number is not None:
            by_number.setdefault(node.number, node.id)
        if node.title:
            by_title.setdefault(node.title, node.id)
    linked = []
    for entry in toc:
        target = by_number.get(entry.number) if entry.number else by_title.get(entry.title)
        linked.append(entry.model_copy(update={"target": target}))
    return tuple(linked)
