"""Check stage, table-of-contents rules (DP21x): the TOC against the headings of the body.

An entry points to a heading through `TocEntry.target` (linked by number, or by title for an
unnumbered entry, in `docparse.outline.freeze.link_toc`); an unnumbered entry is also looked up
among the track titles here. Titles are compared with all whitespace removed. A body heading
is expected in the TOC only at the kinds the TOC lists at all: a TOC of sections alone does
not make every topic a missing entry.

Page numbers (PDF only): the printed page of an entry may be offset from the physical page by
cover and front-matter pages. The offset of each entry is the physical page of its heading
(`provenance.regions[0].page`) minus the printed page; the most common offset is taken as the
document's (a tie goes to the offset nearest zero, then to the positive one), and only the
entries that disagree with it are reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from docparse.check.base import Check, iter_units, kind, label, order_key, quote
from docparse.diagnostics import make_diagnostic
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Document, LabelledField, Section, TocEntry, Topic, Track
from docparse.model.provenance import Provenance

Heading = Section | Topic | Track


@dataclass(frozen=True, slots=True)
class _Node:
    kind: str
    node: Heading
    label: str | None
    title: str

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def provenance(self) -> Provenance:
        return self.node.provenance


def squash(text: str) -> str:
    """Return `text` without any whitespace, for comparing titles."""
    return "".join(text.split())


def _headings(document: Document) -> list[_Node]:
    """Return every heading of the body (an implicit section has none)."""
    return [_Node(kind(unit), unit, label(unit), unit.title) for unit in iter_units(document) if unit.title is not None]


def _depths(document: Document) -> dict[str, int]:
    """Return the heading depth of every node by id: 1 for a top heading; an implicit section adds no level."""
    depths: dict[str, int] = {}

    def walk(nodes: tuple[Heading, ...], depth: int) -> None:
        for node in nodes:
            inner = depth + (node.title is not None)
            depths[node.id] = inner
            for key in ("sections", "topics", "tracks"):
                walk(getattr(node, key, ()), inner)

    walk(document.sections, 0)
    return depths


def _field_titles(document: Document) -> set[str]:
    """Return the labels of every field and sub-field (preamble included), whitespace removed.

    A call written as one topic holds its parts as fields (`Section II. Award Information` under the
    NOFO's topic): a TOC entry that names such a field points to something in the body.
    """
    fields = [item for item in document.preamble if isinstance(item, LabelledField)]
    fields.extend(field for node in document.iter_nodes() for field in node.fields)
    titles: set[str] = set()
    for field in fields:
        titles.add(squash(field.label))
        titles.update(squash(inner.label) for inner in field.iter_fields())
    return titles


def _link(document: Document) -> list[tuple[TocEntry, _Node | None]]:
    """Return each TOC entry with the heading it points to, or None."""
    nodes = _headings(document)
    by_id = {node.id: node for node in nodes}
    by_title: dict[str, _Node] = {}
    for heading in nodes:
        by_title.setdefault(squash(heading.title), heading)
    linked: list[tuple[TocEntry, _Node | None]] = []
    for entry in document.toc:
        node = by_id.get(entry.target) if entry.target else None
        if node is None and entry.number is None:
            node = by_title.get(squash(entry.title))
        linked.append((entry, node))
    return linked


def _entry(entry: TocEntry) -> str:
    return quote(entry.label or entry.number, entry.title)


def entries_without_heading(document: Document) -> Iterator[Diagnostic]:
    """Report TOC entries that point to no heading of the body."""
    fields = _field_titles(document)
    for entry, node in _link(document):
        if node is None and squash(entry.title) not in fields:
            yield make_diagnostic(
                "toc-entry-without-heading",
                f"table-of-contents entry {_entry(entry)} has no heading in the body",
                entry.provenance,
            )


def headings_missing_from_toc(document: Document) -> Iterator[Diagnostic]:
    """Report body headings, of the kinds the TOC lists, that no TOC entry points to."""
    if not document.toc:
        return
    linked = _link(document)
    listed = {node.id for _, node in linked if node is not None}
    kinds = {node.kind for _, node in linked if node is not None}
    if not listed:
        return
    # The TOC's own evidence says what it covers: the levels its entries point to (a TOC of two
    # levels does not list `1.10.1`), and the body after it (the title and cover before it are
    # not entries).
    depths = _depths(document)
    deepest = max(depths.get(node_id, 1) for node_id in listed)
    start = min(order_key(entry.provenance) for entry in document.toc)
    for node in _headings(document):
        if node.kind not in kinds or node.id in listed or depths.get(node.id, 1) > deepest:
            continue
        if order_key(node.provenance) < start:
            continue
        yield make_diagnostic(
            "heading-missing-from-toc",
            f"{node.kind} heading {quote(node.label, node.title)} is not in the table of contents",
            node.provenance,
            node=node.id,
        )


def title_mismatches(document: Document) -> Iterator[Diagnostic]:
    """Report TOC entries whose title differs from their heading's (whitespace aside)."""
    for entry, node in _link(document):
        if node is not None and squash(entry.title) != squash(node.title):
            yield make_diagnostic(
                "toc-title-mismatch",
                f"table-of-contents entry {_entry(entry)} differs from its heading's title `{node.title}`",
                entry.provenance,
                node=node.id,
            )


def page_mismatches(document: Document) -> Iterator[Diagnostic]:
    """Report PDF TOC entries whose page disagrees with the document's usual page offset."""
    if document.source.format != "pdf":
        return
    offsets: list[tuple[TocEntry, _Node, int, int]] = []
    for entry, node in _link(document):
        if node is not None and entry.page is not None and node.provenance.regions:
            offsets.append((entry, node, entry.page, node.provenance.regions[0].page - entry.page))
    if len(offsets) < 2:
        return
    counts = Counter(offset for _, _, _, offset in offsets)
    usual = max(counts, key=lambda offset: (counts[offset], -abs(offset), offset))
    for entry, node, printed, offset in offsets:
        if offset == usual:
            continue
        physical = printed + offset
        if usual:
            where = (
                f"printed page {physical - usual} (page {physical} of the PDF; the other entries are offset by {usual})"
            )
        else:
            where = f"page {physical}"
        yield make_diagnostic(
            "toc-page-mismatch",
            f"table-of-contents entry {_entry(entry)} gives page {printed}, but the heading starts on {where}",
            entry.provenance,
            node=node.id,
        )


CHECKS = (
    Check(("toc-entry-without-heading",), entries_without_heading),
    Check(("heading-missing-from-toc",), headings_missing_from_toc),
    Check(("toc-title-mismatch",), title_mismatches),
    Check(("toc-page-mismatch",), page_mismatches),
)
