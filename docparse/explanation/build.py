"""Explain stage: run the pipeline once with an observer, then say for each block what became of it and why.

Nothing here parses: the tokens, the rule trace and the drafts after each pass are the
pipeline's own (`docparse.pipeline.Observer`), and the roles are read off the frozen document
and the drafts by provenance (a block's provenance is the one its node or part carries).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from docparse.blocks import BlockKind
from docparse.explanation.model import Evidence, Explanation, Record, Role
from docparse.model.document import (
    Code,
    Direction,
    Document,
    LabelledField,
    ListItem,
    Paragraph,
    Part,
    Section,
    Table,
    Topic,
    Track,
)
from docparse.model.provenance import BBox, Provenance
from docparse.options import ParseOptions
from docparse.outline.analyse import Evidence as Gathered
from docparse.outline.analyse import gather
from docparse.outline.draft import DraftField, DraftItem, DraftNode, DraftPart
from docparse.outline.state import Outline
from docparse.pipeline import Format, Input, build_document, guarded, read_source, relaxed_collector, source_for
from docparse.read import read_blocks
from docparse.segment import Token

# When one block's provenance is carried by several things (a run-in clause is a node and its
# first paragraph; a heading tag is dropped from its heading), the block is the first of these.
PRIORITY = {
    role: rank
    for rank, role in enumerate(
        reversed(
            (
                Role.TOPIC,
                Role.TRACK,
                Role.SECTION,
                Role.DIRECTION,
                Role.FIELD,
                Role.TOC_ENTRY,
                Role.LIST_ITEM,
                Role.NOTE,
                Role.UNPLACED,
                Role.PARAGRAPH,
                Role.TABLE,
                Role.CODE,
                Role.DROPPED,
            )
        )
    )
}
# Rules that put a block's text in a field of the document or of a node, which carries no provenance.
FIELD_RULES = {
    "doc-title": Role.TITLE,
    "doc-label": Role.LABEL,
    "doc-identifier": Role.IDENTIFIER,
    "toc-title": Role.TOC_TITLE,
    "marker": Role.DIRECTIONS_MARKER,
}
# Of those, the ones that belong to the node open at the time.
NODE_ROLES = {Role.DIRECTIONS_MARKER, Role.JOINED}
# A part's box may be the union of its lines' boxes, rounded: a line inside it by this many points still is.
BOX_SLACK = 1.0
# The node of what stands before the first heading.
PREAMBLE = "preamble"


@dataclass(frozen=True, slots=True)
class Placement:
    role: Role
    node: str | None = None
    reason: str | None = None


@dataclass
class Placements:
    """What carries each provenance: looked up exactly, else by the smallest span that holds it."""

    exact: dict[Provenance, Placement] = field(default_factory=dict)
    spans: list[tuple[Provenance, Placement]] = field(default_factory=list)

    def add(self, provenance: Provenance, placement: Placement) -> None:
        if provenance.is_empty:
            return
        held = self.exact.get(provenance)
        if held is None or PRIORITY[placement.role] > PRIORITY[held.role]:
            self.exact[provenance] = placement
            self.spans.append((provenance, placement))

    def find(self, provenance: Provenance) -> Placement | None:
        """Return what carries `provenance`: the same position, else the smallest part that holds it."""
        found = self.exact.get(provenance)
        if found is not None or provenance.is_empty:
            return found
        best: tuple[float, Placement] | None = None
        for outer, placement in self.spans:
            size = _holds(outer, provenance)
            if size is not None and (best is None or size < best[0]):
                best = (size, placement)
        return None if best is None else best[1]


def _holds(outer: Provenance, inner: Provenance) -> float | None:
    """Return the size of `outer` when it holds the start of `inner` (lines, paragraphs or a box), else None."""
    if inner.line_start is not None and outer.line_start is not None and outer.line_end is not None:
        if outer.line_start <= inner.line_start <= outer.line_end:
            return outer.line_end - outer.line_start
        return None
    if inner.paragraph_start is not None and outer.paragraph_start is not None:
        end = outer.paragraph_end if outer.paragraph_end is not None else outer.paragraph_start
        if outer.paragraph_start <= inner.paragraph_start <= end:
            return end - outer.paragraph_start
        return None
    if inner.regions:
        first = inner.regions[0]
        for region in outer.regions:
            if region.page == first.page and _inside(first.bbox, region.bbox):
                return (region.bbox.x1 - region.bbox.x0) * (region.bbox.bottom - region.bbox.top)
    return None


def _inside(box: BBox, outer: BBox) -> bool:
    return (
        box.x0 >= outer.x0 - BOX_SLACK
        and box.top >= outer.top - BOX_SLACK
        and box.x1 <= outer.x1 + BOX_SLACK
        and box.bottom <= outer.bottom + BOX_SLACK
    )


# -- the frozen document ----------------------------------------------------------------------


def _add_part(places: Placements, part: Part | LabelledField, node: str) -> None:
    if isinstance(part, LabelledField):
        places.add(part.provenance, Placement(Role.FIELD, node))
        for item in part.items:
            _add_part(places, item, node)
    elif isinstance(part, ListItem):
        places.add(part.provenance, Placement(Role.LIST_ITEM, node))
        for child in part.children:
            _add_part(places, child, node)
    elif isinstance(part, Table):
        places.add(part.provenance, Placement(Role.TABLE, node))
    elif isinstance(part, Code):
        places.add(part.provenance, Placement(Role.CODE, node))
    else:
        places.add(part.provenance, Placement(Role.PARAGRAPH, node))


def _add_direction(places: Placements, direction: Direction) -> None:
    places.add(direction.provenance, Placement(Role.DIRECTION, direction.id))
    for child in direction.children:
        _add_direction(places, child)


def _add_content(places: Placements, node: Section | Topic | Track, role: Role) -> None:
    places.add(node.provenance, Placement(role, node.id))
    for part in node.description:
        _add_part(places, part, node.id)
    for direction in node.directions:
        _add_direction(places, direction)
    for labelled in node.fields:
        _add_part(places, labelled, node.id)
    for note in node.notes:
        places.add(note.provenance, Placement(Role.NOTE, node.id))
    for part in node.unplaced:
        places.add(part.provenance, Placement(Role.UNPLACED, node.id))


def _add_section(places: Placements, section: Section) -> None:
    _add_content(places, section, Role.SECTION)
    for topic in section.topics:
        _add_content(places, topic, Role.TOPIC)
        for track in topic.tracks:
            _add_content(places, track, Role.TRACK)
    for child in section.sections:
        _add_section(places, child)


def document_placements(document: Document) -> Placements:
    """Return what carries each provenance in the frozen document, with node ids."""
    places = Placements()
    for part in document.preamble:
        _add_part(places, part, PREAMBLE)
    for entry in document.toc:
        places.add(entry.provenance, Placement(Role.TOC_ENTRY, entry.target))
    for section in document.sections:
        _add_section(places, section)
    for dropped in document.dropped:
        places.add(dropped.provenance, Placement(Role.DROPPED, None, dropped.reason.value))
    return places


# -- the drafts ---------------------------------------------------------------------------------


def _add_draft_part(places: Placements, part: DraftPart | DraftField, slot: str) -> None:
    if isinstance(part, DraftField):
        places.add(part.provenance, Placement(Role.FIELD))
        for inner in part.parts:
            _add_draft_part(places, inner, "description")
    elif isinstance(part, DraftItem):
        places.add(part.provenance, Placement(Role.DIRECTION if slot == "directions" else Role.LIST_ITEM))
        for child in part.children:
            _add_draft_part(places, child, slot)
    elif isinstance(part, Table):
        places.add(part.provenance, Placement(Role.TABLE))
    elif isinstance(part, Code):
        places.add(part.provenance, Placement(Role.CODE))
    else:
        assert isinstance(part, Paragraph)
        role = {"notes": Role.NOTE, "unplaced": Role.UNPLACED}.get(slot, Role.PARAGRAPH)
        places.add(part.provenance, Placement(role))


def _add_draft_node(places: Placements, node: DraftNode, in_topic: bool) -> None:
    role = Role.TRACK if in_topic else Role.TOPIC if node.topic else Role.SECTION
    if node.level > 0:
        places.add(node.provenance, Placement(role))
    for slot, part in node.content:
        _add_draft_part(places, part, slot)
    for child in node.children:
        _add_draft_node(places, child, in_topic or node.topic)


def draft_placements(outline: Outline) -> Placements:
    """Return the role each provenance has in the drafts as they stand (no ids: they are given at freezing)."""
    places = Placements()
    _add_draft_node(places, outline.root, False)
    for entry in outline.toc:
        places.add(entry.provenance, Placement(Role.TOC_ENTRY))
    for dropped in outline.dropped:
        places.add(dropped.provenance, Placement(Role.DROPPED, None, dropped.reason.value))
    return places


# -- the observer and the records ---------------------------------------------------------------


@dataclass
class Recorder:
    """A pipeline `Observer`: keeps the tokens, the rule trace and the drafts' roles after each stage."""

    seen: list[Token] = field(default_factory=list)
    trace: list[tuple[int, str]] = field(default_factory=list)
    stages: list[tuple[str, Placements]] = field(default_factory=list)

    def tokens(self, tokens: list[Token]) -> None:
        self.seen = tokens

    def outline(self, stage: str, outline: Outline) -> None:
        self.trace = outline.trace
        self.stages.append((stage, draft_placements(outline)))


def explain_document(
    source: Input, *, format: Format | None = None, name: str | None = None, options: ParseOptions | None = None
) -> tuple[Document, Explanation]:
    """Return the document of `source` (as `docparse.parse` gives it) and the explanation of its outline."""
    options = options or ParseOptions()
    data, found = read_source(source, options.limits.max_input_bytes)
    name = name or found
    recorder = Recorder()
    started = time.monotonic()
    with guarded(name), relaxed_collector():
        reading = read_blocks(data, options=options, name=name, format=format)
        source_record = source_for(data, name, reading)
        document = build_document(reading, source_record, options, started, owned=True, observer=recorder)
        return document, explanation_of(document, recorder)


def explanation_of(document: Document, recorder: Recorder) -> Explanation:
    """Return the explanation of `document` from what `recorder` saw while it was built."""
    final = document_placements(document)
    rules = {index: name for index, name in recorder.trace if index >= 0}
    shape_rules = tuple(name for index, name in recorder.trace if index < 0)
    evidence = gather(recorder.seen)
    records: list[Record] = []
    last_rule, last_node = "", None
    for index, token in enumerate(recorder.seen):
        rule = rules.get(index)
        consumed = rule is None
        rule = last_rule if rule is None else rule
        provenance = token.block.provenance
        placed = final.find(provenance)
        if placed is None:
            role = FIELD_RULES.get(rule, Role.JOINED) if not consumed else Role.JOINED
            placed = Placement(role, last_node if role in NODE_ROLES else None)
        records.append(
            Record(
                where=where(provenance),
                provenance=provenance,
                text=token.block.full_text.strip() or token.block.text,
                token=token.kind.value,
                evidence=token_evidence(token, index, evidence),
                rule=rule,
                consumed=consumed,
                role=placed.role,
                node=placed.node,
                changed_by=_changed_by(recorder.stages, provenance),
                reason=placed.reason,
            )
        )
        last_rule, last_node = rule, placed.node
    kind_reason = next((d.message for d in document.diagnostics if d.code == "DP501"), "")
    return Explanation(
        name=document.source.name,
        format=document.source.format,
        pages=document.source.pages,
        kind=document.kind,
        kind_reason=kind_reason.removeprefix("The call reads as ").removesuffix("."),
        shape_rules=shape_rules,
        records=tuple(_with_reader_drops(records, document)),
    )


def _changed_by(stages: list[tuple[str, Placements]], provenance: Provenance) -> tuple[str, ...]:
    """Return the shape rules after which the block's role in the drafts differs from the stage before."""
    out: list[str] = []
    before: Role | None = None
    for position, (stage, places) in enumerate(stages):
        found = places.find(provenance)
        role = None if found is None else found.role
        if position and role != before:
            out.append(stage)
        before = role
    return tuple(out)


def _with_reader_drops(records: list[Record], document: Document) -> Iterator[Record]:
    """Yield `records` with the text the readers dropped (furniture, page numbers) where it stood."""
    placed = {record.provenance for record in records}
    drops = [
        Record(
            where=where(d.provenance),
            provenance=d.provenance,
            text=d.text,
            rule="reader",
            role=Role.DROPPED,
            reason=d.reason.value,
        )
        for d in document.dropped
        if d.provenance not in placed
    ]
    drops.sort(key=lambda r: position(r.provenance))
    waiting = iter(drops)
    drop = next(waiting, None)
    for record in records:
        here = position(record.provenance)
        while drop is not None and position(drop.provenance) < here:
            yield drop
            drop = next(waiting, None)
        yield record
    if drop is not None:
        yield drop
    yield from waiting


def position(provenance: Provenance) -> tuple[float, ...]:
    """Return a sort key of a position: (line,), (paragraph,) or (page, top, left)."""
    if provenance.line_start is not None:
        return (provenance.line_start,)
    if provenance.paragraph_start is not None:
        return (provenance.paragraph_start,)
    if provenance.regions:
        first = provenance.regions[0]
        return (first.page, first.bbox.top, first.bbox.x0)
    return ()


def where(provenance: Provenance) -> str:
    """Return a position for display: ``L12-14``, ``¶5``, ``p2`` (``p2-3`` across a page break)."""
    if provenance.line_start is not None:
        end = provenance.line_end
        return f"L{provenance.line_start}" + (f"-{end}" if end is not None and end != provenance.line_start else "")
    if provenance.paragraph_start is not None:
        end = provenance.paragraph_end
        span = f"-{end}" if end is not None and end != provenance.paragraph_start else ""
        return f"¶{provenance.paragraph_start}{span}"
    pages = provenance.pages
    if pages:
        return f"p{pages[0]}" + (f"-{pages[-1]}" if pages[-1] != pages[0] else "")
    return ""


def _repeated(token: Token, index: int, document: Gathered) -> str | None:
    """Return which of the document's repetitions the `index`-th token is one of, if any."""
    key = None if token.numbering is None else token.numbering.key
    found = (
        ("label clauses", key is not None and key in document.label_clause_keys),
        ("field clauses", key is not None and key in document.field_clause_keys),
        ("labelled run", index in document.labelled_runs),
        ("set apart", index in document.set_apart),
        ("bold list head", index in document.bold_list_heads),
        ("display rank", index in document.display_repeats),
    )
    return next((what for what, on in found if on), None)


def token_evidence(token: Token, index: int, document: Gathered) -> Evidence:
    """Return what the rules saw of `token` (the `index`-th): its own text and style, and the document's evidence."""
    block, numbering, found = token.block, token.numbering, token.field
    key = None if numbering is None else numbering.key
    return Evidence(
        numbering=None if numbering is None else numbering.label,
        family=None if key is None else key[0],
        depth=None if key is None else key[1],
        heading_level=block.heading_level,
        list_depth=block.list_depth or None,
        font_size=None if block.font_size is None else round(block.font_size, 1),
        bold=token.all_bold,
        display=document.is_display(token),
        directions_marker=token.marker,
        field_label=None if found is None else found.label,
        known_label=found is not None and found.known,
        lead_in=token.lead_in,
        toc_page=None if token.toc is None else token.toc.page_label or None,
        navigation=token.kind.value == "navigation",
        attachment_label=token.label,
        list_run=index in document.bare,
        clause_family=key is not None and key in document.clause_keys,
        index_entry=index in document.index_entries,
        repeated=_repeated(token, index, document),
        title_heading=index == document.title_index,
        table=block.info if block.kind is BlockKind.TABLE else None,
    )
