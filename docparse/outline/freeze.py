"""Freeze the outline stage's drafts into model nodes: roles, stable ids, direction titles, document order."""

from __future__ import annotations

from dataclasses import dataclass, field

from docparse.blocks import bold_lead, direction_title
from docparse.model.document import (
    Code,
    Direction,
    LabelledField,
    ListItem,
    Paragraph,
    Part,
    Section,
    SectionRole,
    Table,
    TocEntry,
    Topic,
    Track,
)
from docparse.outline.draft import DraftField, DraftItem, DraftNode, DraftPart, Strength
from docparse.vocab.families import Role
from docparse.vocab.lazy import lazy


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


def freeze_directions(items: list[DraftItem], parent_id: str, ids: IdMaker, sep: str = "/d") -> tuple[Direction, ...]:
    """Return frozen directions with ids `parent/d1`, `parent/d2`…, children `parent/d1.1`…."""
    out = []
    for index, item in enumerate(items, start=1):
        item_id = ids(f"{parent_id}{sep}{index}")
        title, body = direction_title(item.text, item.spans, has_children=bool(item.children))
        out.append(
            Direction(
                id=item_id,
                number=item.numbering.last,
                label=item.numbering.label,
                title=title,
                title_bold=title is not None and bold_lead(item.spans).strip().rstrip("：:").strip() == title,
                body=body,
                text=item.text,
                children=freeze_directions(item.children, item_id, ids, "."),
                provenance=item.provenance,
            )
        )
    return tuple(out)


def freeze_item(item: DraftItem) -> ListItem:
    """Return a frozen list item (not a direction), nested as drafted."""
    return ListItem(
        label=item.numbering.label,
        text=item.text,
        children=tuple(freeze_item(child) for child in item.children),
        provenance=item.provenance,
    )


def freeze_part(part: DraftPart) -> Part:
    if isinstance(part, DraftItem):
        return freeze_item(part)
    assert isinstance(part, Paragraph | Code | Table)
    return part


def freeze_field(draft: DraftField) -> LabelledField:
    """Return a frozen field with its parts in order (sub-fields frozen too)."""
    return LabelledField(
        marker=draft.marker,
        label=draft.label,
        colon=draft.colon,
        bold=("label+colon" if draft.bold_colon else "label") if draft.bold else None,
        text=draft.text,
        heading=draft.strength is Strength.HEADING,
        cell=draft.cell,
        items=tuple(freeze_field(p) if isinstance(p, DraftField) else freeze_part(p) for p in draft.parts),
        provenance=draft.provenance,
    )


@dataclass
class Content:
    """A node's content split into the model's slots, with the document order as references."""

    description: tuple[Part, ...]
    directions: tuple[Direction, ...]
    fields: tuple[LabelledField, ...]
    notes: tuple[Paragraph, ...]
    unplaced: tuple[Part, ...]
    order: tuple[str, ...]


def freeze_content(node: DraftNode, node_id: str, ids: IdMaker) -> Content:
    """Return the node's content by slot, and where each item stood."""
    description: list[Part] = []
    directions: list[DraftItem] = []
    fields: list[LabelledField] = []
    notes: list[Paragraph] = []
    unplaced: list[Part] = []
    order: list[str] = []
    for slot, item in node.content:
        if slot == "directions":
            assert isinstance(item, DraftItem)
            order.append(f"directions/{len(directions)}")
            directions.append(item)
        elif isinstance(item, DraftField):
            order.append(f"fields/{len(fields)}")
            fields.append(freeze_field(item))
        elif slot == "notes":
            assert isinstance(item, Paragraph)
            order.append(f"notes/{len(notes)}")
            notes.append(item)
        elif slot == "unplaced":
            order.append(f"unplaced/{len(unplaced)}")
            unplaced.append(freeze_part(item))
        else:
            order.append(f"description/{len(description)}")
            description.append(freeze_part(item))
    return Content(
        description=tuple(description),
        directions=freeze_directions(directions, node_id, ids),
        fields=tuple(fields),
        notes=tuple(notes),
        unplaced=tuple(unplaced),
        order=tuple(order),
    )


def freeze_preamble(root: DraftNode) -> tuple[Paragraph | ListItem | Code | Table | LabelledField, ...]:
    """Return the preamble's parts in order (directions of a preamble that is no topic read as items)."""
    out: list[Paragraph | ListItem | Code | Table | LabelledField] = [
        freeze_field(item) if isinstance(item, DraftField) else freeze_part(item) for _, item in root.content
    ]
    if root.directions_marker and not root.marker_in_description and root.marker_at is not None:
        # The preamble is no topic: its marker line is text where it stood.
        out.insert(root.marker_at, Paragraph(text=root.directions_marker, provenance=root.provenance))
    return tuple(out)


def _flatten(nodes: list[DraftNode]) -> list[DraftNode]:
    out: list[DraftNode] = []
    for node in nodes:
        out.append(node)
        out.extend(_flatten(node.children))
    return out


def freeze_track(node: DraftNode, track_id: str, ids: IdMaker) -> Track:
    content = freeze_content(node, track_id, ids)
    return Track(
        id=track_id,
        marker=node.numbering.label if node.numbering is not None else node.label or "",
        title=node.title or "",
        description=content.description,
        directions_marker=node.directions_marker,
        marker_in_description=node.marker_in_description,
        directions=content.directions,
        fields=content.fields,
        notes=content.notes,
        unplaced=content.unplaced,
        order=content.order,
        provenance=node.provenance,
    )


def _identifier(node: DraftNode) -> str | None:
    """Return the topic identifier: from a label (``A254-049``, ``No.236``) or an identifier field."""
    numbering = node.numbering
    if numbering is not None and numbering.family.role is Role.IDENTIFIER:
        return numbering.num if not numbering.value else numbering.label.rstrip("：:").strip()
    return node.identifier


def freeze_topic(node: DraftNode, parent: Section | None, parent_id: str, index: int, ids: IdMaker) -> Topic:
    numbering = node.numbering
    identifier = _identifier(node)
    number = numbering.number if numbering is not None else None
    if number is not None and numbering is not None and len(numbering.value) == 1 and parent and parent.number:
        wanted = f"{parent.number}.{number}"
    else:
        wanted = number or identifier or f"{parent_id}/{index}"
    topic_id = ids(wanted)
    content = freeze_content(node, topic_id, ids)
    tracks = tuple(
        freeze_track(child, ids(f"{topic_id}/t{i}"), ids) for i, child in enumerate(_flatten(node.children), start=1)
    )
    return Topic(
        id=topic_id,
        number=number,
        label=numbering.label if numbering is not None else identifier or node.label,
        identifier=identifier,
        title=node.title or "",
        description=content.description,
        directions_marker=node.directions_marker,
        marker_in_description=node.marker_in_description,
        directions=content.directions,
        fields=content.fields,
        notes=content.notes,
        unplaced=content.unplaced,
        order=content.order,
        tracks=tracks,
        provenance=node.provenance,
    )


def freeze_section(node: DraftNode | None, section_id: str, ids: IdMaker, children: list[DraftNode]) -> Section:
    """Return a section (an implicit one when `node` is None) holding `children` as sub-sections and topics."""
    numbering = node.numbering if node is not None else None
    shell = Section(
        id=section_id,
        number=numbering.number if numbering is not None and numbering.value else None,
        label=(numbering.label if numbering is not None else node.label) if node is not None else None,
        title=None,
    )
    sections: list[Section] = []
    topics: list[Topic] = []
    for child in children:
        if child.topic:
            topics.append(freeze_topic(child, shell, section_id, len(topics) + 1, ids))
        else:
            child_id = ids(_wanted(child, f"{section_id}/s{len(sections) + 1}", shell.number))
            sections.append(freeze_section(child, child_id, ids, child.children))
    if node is None:
        return Section(id=section_id, number=None, title=None, sections=tuple(sections), topics=tuple(topics))
    content = freeze_content(node, section_id, ids)
    return Section(
        id=section_id,
        number=shell.number,
        label=shell.label,
        role=node.role,
        title=_part_title(node),
        description=content.description,
        directions_marker=node.directions_marker,
        marker_in_description=node.marker_in_description,
        directions=content.directions,
        fields=content.fields,
        notes=content.notes,
        unplaced=content.unplaced,
        order=content.order,
        sections=tuple(sections),
        topics=tuple(topics),
        provenance=node.provenance,
    )


def _wanted(node: DraftNode, fallback: str, parent_number: str | None = None) -> str:
    """Return the id a node asks for: its number (under its parent's when it has one component)."""
    numbering = node.numbering
    if numbering is not None and numbering.number is not None and numbering.value:
        if parent_number is not None and len(numbering.path) == 1 and numbering.family.role is not Role.PART:
            return f"{parent_number}.{numbering.number}"
        return numbering.number
    return fallback


def freeze_sections(root: DraftNode, ids: IdMaker) -> tuple[Section, ...]:
    """Return the top-level sections: topics at the top are gathered into implicit sections."""
    sections: list[Section] = []
    run: list[DraftNode] = []

    def close_run() -> None:
        if run:
            sections.append(freeze_section(None, ids(f"s{len(sections) + 1}"), ids, list(run)))
            run.clear()

    for node in root.children:
        if node.topic:
            run.append(node)
            continue
        close_run()
        sections.append(freeze_section(node, ids(_wanted(node, f"s{len(sections) + 1}")), ids, node.children))
    close_run()
    return tuple(sections)


_NOT_WORD = lazy(r"[\W_]+")


def _part_title(node: DraftNode) -> str | None:
    """Return a node's title; a part that is its bare label alone (``附录一：`` over text) is named by that label.

    A topic that is only ``课题一`` is named so too: the label is all the heading the document gives the part.
    """
    if node.title is None and node.role is SectionRole.APPENDIX and node.label:
        return node.label.rstrip("：:").strip() or None
    return node.title


def _title_key(title: str) -> str:
    """Return a title as a TOC entry is matched with it: letters and digits, case folded (never empty)."""
    return "\0" + _NOT_WORD.sub("", title.casefold())


def link_toc(toc: list[TocEntry], sections: tuple[Section, ...]) -> tuple[TocEntry, ...]:
    """Return the TOC entries with `target` set to the id of the heading each points to."""
    by_number: dict[str, list[tuple[str, str]]] = {}
    by_title: dict[str, str] = {}
    for section in sections:
        nodes: list[Section | Topic] = [*section.iter_sections()]
        nodes += [t for s in section.iter_sections() for t in s.topics]
        for node in nodes:
            if node.number is not None:
                by_number.setdefault(node.number, []).append((node.id, _title_key(node.title or "")))
            if node.title:
                by_title.setdefault(node.title, node.id)
                by_title.setdefault(_title_key(node.title), node.id)
    linked = []
    for entry in toc:
        if entry.number:
            # A number printed twice (two `1.10.1` headings, both in the TOC): the title decides.
            found = by_number.get(entry.number, [])
            key = _title_key(entry.title)
            target = next((node_id for node_id, title in found if title == key), found[0][0] if found else None)
        else:
            # An index may spell a title otherwise ("FIlecoin", code marks dropped): letters and digits decide.
            target = by_title.get(entry.title) or by_title.get(_title_key(entry.title))
        linked.append(
            TocEntry(
                number=entry.number,
                label=entry.label,
                title=entry.title,
                page=entry.page,
                page_label=entry.page_label,
                level=entry.level,
                target=target,
                provenance=entry.provenance,
            )
        )
    return tuple(linked)
