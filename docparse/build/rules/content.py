"""Block rules for running content: labelled fields, notes and paragraphs."""

from __future__ import annotations

from docparse.build.draft import Strength
from docparse.build.state import State, paragraph
from docparse.segment import TokenKind
from docparse.segment.markers import NOTE_PREFIX


def field(state: State) -> bool:
    """Open a labelled field at ``label：text`` (``技术标签：…``, ``OBJECTIVE: …``, ``**验收标准**：``)."""
    token = state.token
    found = token.field
    if token.kind not in (TokenKind.PARAGRAPH, TokenKind.HEADING) or found is None:
        return False
    if state.node.has_directions and NOTE_PREFIX.match(token.text):
        return False
    bold = bool(token.spans) and token.spans[0].bold
    strong = found.known or bold or not found.rest or state.is_template(found.label)
    state.open_field(token, found.label, found.rest, Strength.STRONG if strong else Strength.WEAK)
    if token.lead_in is not None:
        state.lead_in(token.lead_in)
    return True


def note(state: State) -> bool:
    """Keep ``注：…`` / ``Note: …`` after a directions list as a note of the node."""
    token = state.token
    if token.kind is not TokenKind.PARAGRAPH or not state.node.has_directions or not NOTE_PREFIX.match(token.text):
        return False
    state.directions = None
    state.node.add("notes", paragraph(token.block, token.text))
    return True


def paragraph_rule(state: State) -> bool:
    """Place a paragraph: in the open field, as the next paragraph of a loose list item, or in the node."""
    token = state.token
    block = token.block
    text = block.full_text if token.kind is TokenKind.NUMBERED else token.text
    current = state.directions
    node = state.node
    if current is not None and current.node.directions and block.list_depth >= max(current.depth, 1):
        # A further paragraph of the same list item (a loose Markdown list).
        current.node.directions[-1].extend(text, block.provenance)
        return True
    if state.field_paragraph(token, text):
        return True
    if node.has_directions and not state.fields:
        state.directions = None
        node.add("unplaced", paragraph(block, text))
        return True
    state.place(paragraph(block, text))
    if token.lead_in is not None:
        state.lead_in(token.lead_in)
    return True
