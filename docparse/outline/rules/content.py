"""Block rules for running content: labelled fields, notes and paragraphs."""

from __future__ import annotations

from docparse.outline.draft import DraftItem, Strength
from docparse.outline.state import State, paragraph
from docparse.segment import Token, TokenKind
from docparse.vocab.chars import has_han
from docparse.vocab.markers import NOTE_PREFIX, FieldMatch, label_key


def _label_line(state: State) -> tuple[FieldMatch, Strength] | None:
    """Return the label of a line that opens a field and how much it holds, or None."""
    token = state.token
    found = token.field
    if token.kind not in (TokenKind.PARAGRAPH, TokenKind.HEADING) or found is None:
        return None
    if state.node.has_directions and NOTE_PREFIX.match(token.text):
        return None
    if token.lead_in is not None and not found.rest and not found.known:
        return None  # "具体任务包括：" announces the directions; it labels nothing
    return found, field_strength(state, token, found)


def field_strength(state: State, token: Token, found: FieldMatch) -> Strength:
    """Return how much a field that `token` labels holds: the paragraphs after it too, or its value alone."""
    identifier = state.lexicon.is_identifier_label(found.label)
    bold = bool(token.spans) and token.spans[0].bold
    # An identifier label ("题目编号：XH-202603") holds its value, not the paragraphs after it.
    strong = (found.known and not identifier) or bold or not found.rest or state.is_template(found.label)
    return Strength.STRONG if strong else Strength.WEAK


def field_chain(state: State) -> bool:
    """Open one field per label run in one paragraph (``Difficulty: medium. Requirements: C. Mentors: Ana``).

    A label after a sentence of the value counts where it is known or printed under other
    headings of this level (`Evidence.labels`); the last field holds what follows, as one would.
    """
    line = _label_line(state)
    if line is None:
        return _chain_after_text(state)
    found, strength = line
    chained = state.lexicon.chained(found.rest, state.evidence.labels_at(state.index))
    if not chained:
        return False
    token = state.token
    state.open_field(token, found.label, chained[0].rest, Strength.WEAK, marker=token.decoration, colon=found.colon)
    for index, more in enumerate(chained[1:], start=2):
        weak = Strength.WEAK
        state.open_field(token, more.label, more.rest, strength if index == len(chained) else weak, colon=more.colon)
    if token.lead_in is not None:
        state.lead_in(token.lead_in)
    return True


def _chain_after_text(state: State) -> bool:
    """Open the fields a paragraph runs in after its text (``Trim the wheels. Skills: C. Mentors: Ana``).

    Only labels printed under other headings of this level count (`Evidence.labels`): the repetition
    says they are the template's fields, where a known word before a colon in a sentence may not be.
    """
    token = state.token
    if token.kind is not TokenKind.PARAGRAPH or token.field is not None or token.in_list or token.decoration:
        return False
    evidence = state.evidence.labels_at(state.index)
    if not evidence:
        return False
    chained = state.lexicon.chained(token.text, evidence)
    if len(chained) < 2 or not _is_sentence(chained[0].rest):
        return False  # "ii. Army Benefits: …": a number before the label, no text of its own
    if any(label_key(more.label) not in evidence for more in chained[1:]):
        return False
    if not state.field_paragraph(token, chained[0].rest):
        state.place(paragraph(token.block, chained[0].rest))
    for more in chained[1:]:
        state.open_field(token, more.label, more.rest, Strength.WEAK, colon=more.colon)
    return True


# Text before run-in labels is a sentence of its own when it holds this many words (Han characters count one each).
SENTENCE_MIN_WORDS = 3


def _is_sentence(text: str) -> bool:
    """Return whether the text before a run-in label says something: a few words, not a number (``ii.``)."""
    return len(text.split()) >= SENTENCE_MIN_WORDS or sum(map(has_han, text)) >= SENTENCE_MIN_WORDS


def field(state: State) -> bool:
    """Open a labelled field at ``label：text`` (``技术标签：…``, ``OBJECTIVE: …``, ``**验收标准**：``)."""
    line = _label_line(state)
    if line is None:
        return False
    found, strength = line
    token = state.token
    state.open_field(token, found.label, found.rest, strength, marker=token.decoration, colon=found.colon)
    if token.lead_in is not None:
        state.lead_in(token.lead_in)
    return True


def note(state: State) -> bool:
    """Keep ``注：…`` / ``Note: …`` after a directions list as a note of the node."""
    token = state.token
    if token.kind is not TokenKind.PARAGRAPH or not state.node.has_directions or not NOTE_PREFIX.match(token.text):
        return False
    state.directions = None
    state.node.add("notes", paragraph(token.block, token.block.full_text if token.decoration else token.text))
    return True


def paragraph_rule(state: State) -> bool:
    """Place a paragraph: in the open field, as the next paragraph of a loose list item, or in the node."""
    token = state.token
    block = token.block
    # A paragraph keeps what is printed: its numbering, its leading pictographs.
    text = block.full_text if token.kind is TokenKind.NUMBERED or token.decoration else token.text
    current = state.directions
    node = state.node
    if current is not None and current.node.directions and block.list_depth >= max(current.depth, 1):
        # A further paragraph of the same list item (a loose Markdown list).
        current.node.directions[-1].extend(text, block.provenance)
        return True
    if token.lead_in is not None and node.directions_marker is None and not node.has_directions:
        # A lead-in ("具体任务包括：") announces the node's directions: it closes the open fields. The
        # first paragraph under a label alone on its line (``题目：`` over "…解决如下问题：") is that
        # label's value all the same.
        opened = state.field
        if opened is not None and opened.is_empty and opened.strength is Strength.STRONG and opened.depth == 0:
            opened.parts.append(paragraph(block, text))
            state.fields.clear()
            state.lead_in(token.lead_in)
            return True
        state.fields.clear()
    elif state.field_paragraph(token, text):
        return True
    if node.has_directions and not state.fields:
        state.directions = None
        node.add("unplaced", paragraph(block, text))
        return True
    last = node.content[-1][1] if node.content else None
    if not state.fields and block.list_depth >= 1 and isinstance(last, DraftItem):
        # A further paragraph of a loose list item (indented under "- 2、 热点问题挖掘"), as in a field.
        last.extend(text, block.provenance)
        return True
    state.place(paragraph(block, text))
    if token.lead_in is not None:
        state.lead_in(token.lead_in)
    return True
