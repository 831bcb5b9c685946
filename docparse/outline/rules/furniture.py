"""Block rules for what is not the outline's content: navigation links, the table of contents, code and tables."""

from __future__ import annotations

from docparse.model.document import CellSpan, Code, Dropped, DropReason, Paragraph, Table, TocEntry
from docparse.model.provenance import Provenance
from docparse.outline.state import State
from docparse.outline.tables import topic_rows
from docparse.segment import TokenKind, is_toc_title
from docparse.vocab.families import Role, match_numbering
from docparse.vocab.lazy import lazy
from docparse.vocab.markers import TocLine, is_title_like


def navigation(state: State) -> bool:
    """Drop a back-link (``[返回目录](#)``) as noise."""
    token = state.token
    if token.kind is not TokenKind.NAVIGATION:
        return False
    state.outline.dropped.append(
        Dropped(text=token.text, reason=DropReason.BACK_LINK, provenance=token.block.provenance)
    )
    return True


def toc_title(state: State) -> bool:
    """Take the first heading of a table of contents (``申报主题目录``)."""
    token = state.token
    if token.kind is not TokenKind.TOC_TITLE or state.outline.toc_title is not None:
        return False
    state.outline.toc_title = token.text
    return True


def toc_link(state: State) -> bool:
    """Add an entry of a contents without page numbers (an index of in-page links), at its level in the list.

    The segmenter found it (`docparse.segment.link_tocs`): an entry of a list whose entries name
    headings below it; a note mark after its link (``*``) is dropped as a footnote mark.
    """
    token = state.token
    line = token.toc
    if token.kind is not TokenKind.TOC_ENTRY or line is None or line.level is None:
        return False
    if line.mark is not None:
        state.outline.dropped.append(
            Dropped(text=line.mark, reason=DropReason.FOOTNOTE_MARK, provenance=token.block.provenance)
        )
    _add_entry(state, token.block.provenance, line)
    return True


def toc_entry(state: State) -> bool:
    """Add a line of the table of contents, at the level of its numbering family."""
    token = state.token
    if token.kind is not TokenKind.TOC_ENTRY:
        return False
    assert token.toc is not None
    _add_entry(state, token.block.provenance, token.toc)
    return True


def _add_entry(state: State, provenance: Provenance, line: TocLine) -> None:
    numbering = line.numbering
    if numbering is None:
        number, level = None, state.heads.toc_level(("unnumbered", 1)) + _indent_rank(state, provenance)
    elif numbering.family.role is Role.PART:
        number, level = None, 1  # "Appendix A:" is labelled, not numbered, and top-level, like its section
    else:
        number, level = numbering.number, state.heads.toc_level(numbering.key)
    if line.level is not None:
        level = line.level  # a nested list of links: the layout gives the level
    state.outline.toc.append(
        TocEntry(
            number=number,
            label=numbering.label if numbering and not numbering.is_bullet else None,  # a bullet numbers nothing
            title=line.title,
            page=line.page,
            page_label=line.page_label,
            level=level,
            provenance=provenance,
        )
    )


# Left edges of contents lines closer than this (points) are one indent (a leader's glyph, rounding).
TOC_INDENT_TOLERANCE = 4.0


def _indent_rank(state: State, provenance: Provenance) -> int:
    """Return how many indents of the contents' unnumbered entries so far stand left of this entry's line.

    A PDF contents without numbers shows its levels by indentation alone (``Submissions`` at 90 pt over
    ``Format`` at 126 pt): each indent further right is a level further down. Lines without a box add none.
    """
    x0 = _left_edge(provenance)
    if x0 is None:
        return 0
    edges: list[float] = []
    for entry in state.outline.toc:
        edge = _left_edge(entry.provenance) if entry.number is None and entry.label is None else None
        if edge is not None and all(abs(edge - known) > TOC_INDENT_TOLERANCE for known in edges):
            edges.append(edge)
    return sum(1 for edge in edges if edge < x0 - TOC_INDENT_TOLERANCE)


def _left_edge(provenance: Provenance) -> float | None:
    return provenance.regions[0].bbox.x0 if provenance.regions else None


_BARE_NUMBER = lazy(r"(\d{1,3}(?:\.\d{1,3})*)\.?")


def toc_table(state: State) -> bool:
    """Read a table right under a TOC title (``Section | Title | Action`` rows) as TOC entries."""
    token = state.token
    if token.kind is not TokenKind.TABLE or state.outline.toc or state.outline.toc_title is None:
        return False
    if not any(is_toc_title(t) for t in state.tokens[max(0, state.index - 3) : state.index]):
        return False
    entries: list[tuple[str | None, str, str]] = []
    header: tuple[str, ...] = ()
    for position, row in enumerate(token.block.rows):
        cells = [cell.strip() for cell in row if cell.strip()]
        if position == 0 and not any(_BARE_NUMBER.fullmatch(cell) for cell in cells):
            header = row  # a header row ("Section | Title | Action"), kept as text
            continue
        if len(cells) != 2:
            return False
        number = _BARE_NUMBER.fullmatch(cells[0])
        numbering = match_numbering(cells[0] + " x") if number is None else None
        if (number is None and numbering is None) or not is_title_like(cells[1]):
            return False
        if number is not None:
            entries.append((number.group(1), cells[0], cells[1]))
        else:
            assert numbering is not None
            entries.append((numbering.number, numbering.label, cells[1]))
    if len(entries) < 2:
        return False
    if header:
        text = "\t".join(cell for cell in header if cell.strip())
        state.place(Paragraph(text=text, provenance=token.block.provenance))
    for value, label, title in entries:
        state.outline.toc.append(
            TocEntry(
                number=value,
                label=label,
                title=title,
                page=None,
                level=(value or "").count(".") + 1,
                provenance=token.block.provenance,
            )
        )
    return True


def code(state: State) -> bool:
    """Keep a code block verbatim where it stands."""
    token = state.token
    if token.kind is not TokenKind.CODE:
        return False
    state.place(Code(text=token.block.text, info=token.block.info, provenance=token.block.provenance))
    return True


def table(state: State) -> bool:
    """Keep a table where it stands, in the open field or the node."""
    token = state.token
    if token.kind is not TokenKind.TABLE:
        return False
    block = token.block
    spans = tuple(CellSpan(row=r, column=c, rows=n, columns=m) for r, c, n, m in block.merged)
    part = Table(rows=block.rows, spans=spans, provenance=block.provenance)
    state.place(part)
    if (found := topic_rows(token.block, state.lexicon)) is not None:
        state.outline.topic_tables.append((part, found))  # rows that may be topics: the shape rules decide
    return True
