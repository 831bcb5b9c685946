"""Block rules for the document's own parts: its label and title, appendices, a topic index.

A part (``附：发榜单位简介``, ``Appendix A`` over its title, an annex set in a larger font than any
numbered heading, ``Army SBIR 25.4 Topic Index``) is a top-level node whose headings get outline
levels of their own: the ``一、`` of an appended 申报说明 is not a level under the last topic.
"""

from __future__ import annotations

from docparse.blocks import BlockKind
from docparse.model.document import Dropped, DropReason, SectionRole
from docparse.model.provenance import Provenance
from docparse.normalize import join_text
from docparse.outline.draft import DraftField, DraftNode
from docparse.outline.state import State, paragraph
from docparse.segment import Token, TokenKind
from docparse.vocab.families import Role
from docparse.vocab.markers import ends_sentence, is_generic_title, is_title_like, is_topic_index_title

# A line of a part's title block that repeats this much of the document title is the
# programme's name over the part's own title ("基隆市地方產業創新研發推動計畫" over
# "申請須知審查作業流程圖"), not the title.
KICKER_SIMILARITY = 0.6
# A document title set in display type runs over at most this many lines; more is a display paragraph.
MAX_TITLE_LINES = 3


def doc_label(state: State) -> bool:
    """Take a bare attachment label (``附件一:``): the document's label before the body, else a new part."""
    token = state.token
    if token.kind is not TokenKind.DOC_LABEL:
        return False
    if not state.body_started:
        if state.outline.label is not None:
            return False
        if not state.outline.root.content:
            state.outline.label = token.label
            return True
    _open_part(state, token, None, token.label, SectionRole.APPENDIX)
    return True


def appendix(state: State) -> bool:
    """Open an appendix part from a label with its title (``附：发榜单位简介``, ``Appendix A: …``)."""
    token = state.token
    numbering = token.numbering
    if token.kind is not TokenKind.NUMBERED or numbering is None or numbering.family.role is not Role.PART:
        return False
    if token.in_list or not is_title_like(token.text) or not state.body_started:
        return False  # before the body, "Appendix C: …" is a line of the contents, not the appendix
    if _captions_table(state, token):
        return False
    _open_part(state, token, token.text, numbering.label, SectionRole.APPENDIX)
    return True


def _captions_table(state: State, token: Token) -> bool:
    """Return whether a labelled line in the body's type stands right over a table: its caption, not a part.

    ``附表5（a） 任务信息`` over its table, inside the part ``5. 附表5 任务信息``: the attached table's caption. A
    part's title is set apart (bold, larger, a format heading); a line set as the text is, over a table, names it.
    """
    following = state.next_token()
    if following is None or following.kind is not TokenKind.TABLE:
        return False
    block = token.block
    return block.kind is not BlockKind.HEADING and not token.all_bold and not state.evidence.is_display(token)


def part_title(state: State) -> bool:
    """Give a part opened by a bare label the title line(s) under it."""
    part = state.part_waiting_title
    token = state.token
    if part is None:
        return False
    if token.kind not in (TokenKind.PARAGRAPH, TokenKind.HEADING) or token.field is not None or not token.title_like:
        state.part_waiting_title = None
        return False
    if part.title is None:
        part.title = token.text
    else:
        part.title = join_text(part.title, token.text)
    part.provenance = part.provenance.merge(token.block.provenance)
    following = state.next_token()
    styled = token.all_bold or token.kind is TokenKind.HEADING or state.evidence.is_display(token)
    if following is None or not styled or ends_sentence(part.title) or not _same_style(token, following):
        state.part_waiting_title = None  # a title goes on over lines set like it (bold, larger), not into text
    return True


def topic_index(state: State) -> bool:
    """Open a topic-index part at a heading such as ``Army SBIR 25.4 Topic Index``."""
    token = state.token
    if token.kind not in (TokenKind.PARAGRAPH, TokenKind.HEADING) or token.field is not None:
        return False
    if not state.body_started or not is_topic_index_title(token.text):
        return False
    if token.kind is TokenKind.PARAGRAPH and not (token.all_bold or state.evidence.is_display(token)):
        return False
    _open_part(state, token, token.text, None, SectionRole.TOPIC_INDEX)
    return True


def display_part(state: State) -> int:
    """Open a part at a display line larger than every numbered heading (an annex title); return the lines taken."""
    token = state.token
    if token.kind is not TokenKind.PARAGRAPH or token.field is not None or not token.title_like:
        return False
    if not state.evidence.is_display(token):
        return False
    largest = state.heads.largest
    size = token.block.font_size or 0
    if not state.body_started or largest is None:
        # Before any numbered heading, only the first of a repeated rank of parts, under the title.
        if state.outline.title is None or not _heads_numbered_run(state, size):
            return False
    elif size <= largest + 0.5:
        return False
    block = _title_block(state)
    title_tokens = [t for t in block if not _is_kicker(state, t)] or block[-1:]
    part = _open_part(state, token, " ".join(t.text for t in title_tokens), None, SectionRole.APPENDIX)
    state.part_waiting_title = None
    for t in block:
        if t not in title_tokens:
            part.add("description", paragraph(t.block, t.text))
    part.provenance = part.provenance.merge(block[-1].block.provenance)
    return len(block)


def _heads_numbered_run(state: State, size: float) -> bool:
    """Return whether a display line before any numbered heading is the first of a repeated rank of parts over them.

    ``IoT Domain`` in 16 pt bold over ``1. Smart Waste …`` in 12 pt, as ``Drone Domain`` later stands over
    its own ``1.``: the style recurs and a smaller heading counting from 1 follows right under it.
    """
    following = state.next_token()
    numbering = following.numbering if following is not None else None
    return (
        state.index in state.evidence.display_repeats
        and following is not None
        and following.kind is TokenKind.NUMBERED
        and numbering is not None
        and numbering.last == 1
        and state.index + 1 not in state.evidence.bare  # a heading, not the first line of a list
        and following.title_like
        and (following.block.font_size or size) < size - 0.5
    )


def generic_title(state: State) -> bool:
    """Keep a title heading that only names the kind of page (``# 项目``) in the preamble when a title line
    follows it (``Fluent Operator 集成 Fluent-bit 3.0``): that line is the document's title."""
    token = state.token
    if state.index != state.evidence.title_index or state.outline.title is not None or state.body_started:
        return False
    following = state.next_token()
    if (
        not is_generic_title(token.text)
        or following is None
        or following.kind is not TokenKind.PARAGRAPH
        or following.field is not None
        or not following.title_like
    ):
        return False
    state.place(paragraph(token.block, token.text))
    state.evidence.title_index = state.index + 1
    return True


def _take_title(state: State, token: Token) -> None:
    """Make the token's text the document title; its leading pictographs are recorded as dropped."""
    state.outline.title = token.text
    if token.decoration:
        state.outline.dropped.append(
            Dropped(text=token.decoration, reason=DropReason.DECORATION, provenance=token.block.provenance)
        )


def doc_title(state: State) -> int:
    """Take the document title: the title heading, or the first title line of the preamble (with the display
    lines of its style under it); return the lines taken."""
    token = state.token
    outline = state.outline
    if state.index == state.evidence.title_index and outline.title is None and not state.body_started:
        _take_title(state, token)
        outline.title_at = len(outline.root.content)
        return True
    if outline.title is not None or state.body_started or state.evidence.title_index is not None:
        return False
    if state.index in state.evidence.bracket_heads:
        return False  # "【赛题背景】" is the first of the document's bracketed headings
    if token.kind is not TokenKind.PARAGRAPH or token.field is not None or not token.title_like:
        return False
    display = state.evidence.is_display(token)
    content = state.outline.root.content
    if not display and content and isinstance(content[-1][1], DraftField) and content[-1][1].is_empty:
        return False  # the line under a bare label ("赛题场景：") is the value it labels, not a title
    over_identifier = _is_identifier_line(state.next_token())
    if not (display or over_identifier) and any(
        not isinstance(item, DraftField) for _, item in state.outline.root.content
    ):
        return False  # the title comes first, after labels such as "题目编号：…", or stands over its identifier
    if not display and state.evidence.body_size is not None and _display_ahead(state):
        return False
    block = _display_title_block(state) if display else [token]
    _take_title(state, token)
    if len(block) > 1:
        outline.title = _joined_title(block)
    outline.title_at = len(outline.root.content)
    return len(block)


def _display_title_block(state: State) -> list[Token]:
    """Return the display lines that make the title: the current one and the lines of its size right under it.

    A title set over two or three lines (``2026 年中国大学生机械工程创新创意大赛`` over
    ``具身智能精密装配赛赛题任务书``; "Open-H-Embodiment Collaborative" over "Healthcare Robotics
    Dataset Initiative") is one title. Its weight may change from line to line (a glyph taken from
    another font), its size does not; a line that ends a sentence ends it.
    """
    block = [state.token]
    page = _first_page(state.token)
    for token in state.tokens[state.index + 1 : state.index + MAX_TITLE_LINES]:
        if not _continues_title(block[-1], token) or _first_page(token) != page or ends_sentence(block[-1].text):
            break
        block.append(token)
    return block


def _continues_title(a: Token, b: Token) -> bool:
    """Return whether `b` is the next line of a display title that `a` is a line of."""
    return (
        b.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING)
        and _next_line(a.block.provenance, b.block.provenance)
        and not is_topic_index_title(b.text)
        and b.field is None
        and b.title_like
        and a.block.font_size == b.block.font_size
        and a.block.heading_level == b.block.heading_level
    )


def _next_line(a: Provenance, b: Provenance) -> bool:
    """Return whether `b` is the next line of a title that `a` starts: adjoining, or one empty paragraph apart.

    Word users space a cover's title lines with an empty paragraph ("EvaHan 2023", "", "Guidelines").
    """
    if a.paragraph_end is not None and b.paragraph_start is not None:
        return b.paragraph_start - a.paragraph_end <= TITLE_PARAGRAPH_GAP
    return a.adjoins(b)


# Title lines a Word cover sets one empty paragraph apart are one title.
TITLE_PARAGRAPH_GAP = 2


def _first_page(token: Token) -> int | None:
    regions = token.block.provenance.regions
    return regions[0].page if regions else None


def _joined_title(block: list[Token]) -> str:
    title = block[0].text
    for token in block[1:]:
        title = join_text(title, token.text)
    return title


def doc_identifier(state: State) -> bool:
    """Take a bare identifier line right under the document title as the identifier of the call's topic."""
    token = state.token
    outline = state.outline
    if outline.title is None or outline.identifier is not None or state.body_started:
        return False
    previous = state.next_token(-1)
    if not _is_identifier_line(token) or previous is None or previous.text != outline.title:
        return False
    assert token.numbering is not None
    outline.identifier = token.numbering.label.strip()
    return True


def _is_identifier_line(token: Token | None) -> bool:
    """Return whether a token is an identifier (``A83-002``, ``HORIZON-…-01``) with nothing after it."""
    return (
        token is not None
        and token.numbering is not None
        and token.numbering.family.role is Role.IDENTIFIER
        and not token.text.strip()
    )


def _display_ahead(state: State) -> bool:
    """Return whether a display line comes later in the preamble (then that one is the title)."""
    for token in state.tokens[state.index + 1 :]:
        if token.kind in (TokenKind.NUMBERED, TokenKind.HEADING, TokenKind.TOC_TITLE, TokenKind.TOC_ENTRY):
            return False
        if token.kind is TokenKind.PARAGRAPH and token.title_like and state.evidence.is_display(token):
            return True
    return False


def _open_part(state: State, token: Token, title: str | None, label: str | None, role: SectionRole) -> DraftNode:
    state.heads.start_part()
    node = state.open_node(token, 1, title, None, role=role, label=label)
    state.part_waiting_title = node if title is None else None
    return node


def _same_style(a: Token, b: Token) -> bool:
    """Return whether `b` is a display line right under `a` in its very style (weight included)."""
    return _continues_title(a, b) and a.block.provenance.adjoins(b.block.provenance) and a.all_bold == b.all_bold


def _title_block(state: State) -> list[Token]:
    """Return the display lines of one style starting at the current token."""
    block = [state.token]
    for token in state.tokens[state.index + 1 :]:
        if not _same_style(block[-1], token):
            break
        block.append(token)
    return block


def _is_kicker(state: State, token: Token) -> bool:
    """Return whether a title-block line repeats the document title (the programme's name)."""
    title = state.outline.title
    if not title:
        return False
    from difflib import SequenceMatcher  # a title block's lines only: not imported by every conversion

    matcher = SequenceMatcher(None, token.text, title, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    return common >= len(token.text) * KICKER_SIMILARITY
