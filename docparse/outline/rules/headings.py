"""Block rules for headings: which lines open an outline node, and at which level.

Levels come from the order in which heading families first appear within a part (a stack, as
in word processors' outline views): the first heading family is level 1, a new family under it
level 2, and so on; a family seen before returns to its level. A heading the format marks
(Markdown ``#``, a DOCX heading style) uses the format's level, and its numbering family is
aliased to that level so that a plain paragraph with the same numbering lands on the same level.
"""

from __future__ import annotations

from docparse.blocks import SIZE_CHANGE, BlockKind
from docparse.outline.draft import DraftItem, Strength
from docparse.outline.rules.content import field_strength
from docparse.outline.state import GROUP_KEY, Key, State
from docparse.segment import Token, TokenKind
from docparse.vocab.families import LETTER_HEADING, TOPIC_FAMILIES, Numbering, Role, Sequence
from docparse.vocab.markers import (
    CAPS_LABEL,
    FieldMatch,
    is_caption,
    is_question_title,
    is_short_label,
    is_title_like,
    names_topics,
)


def field_heading(state: State) -> bool:
    """Open a field at a heading that is a known field label (``#### 考核指标``), at a bold label line, or at a
    title line of a form's table (`Evidence.table_heads`), or a line in the style of labels alone with their colon
    (`Evidence.styled_labels`)."""
    token = state.token
    node = state.node
    if state.index in state.evidence.table_heads:
        _open_heading_field(state, token)  # "毕业设计（论文）任务下达表" over its table: the form's part
        return True
    if _display_over_list(state, token):
        state.open_field(token, token.text, "", Strength.STRONG)  # "本科生毕业设计（论文）须知" over its 1．… 6．
        return True
    if state.index in state.evidence.styled_labels:
        state.open_field(token, token.text, "", Strength.STRONG)  # "同组设计者" in the style of "课题内容："
        return True
    if (
        node is state.outline.root
        and not _caps_line_after_field(state, token)
        and state.index not in state.evidence.set_apart
    ):
        return False
    if token.kind is TokenKind.HEADING:
        key = state.evidence.format_key(state.index, token)
        if key in state.heads.keys or not (state.lexicon.is_field_label(token.text) or _set_as_label(state, token)):
            return False
        _open_heading_field(state, token)
        return True
    if token.kind is not TokenKind.PARAGRAPH or token.field is not None or not token.all_bold:
        return False
    following = state.next_token()
    titled = token.title_like or (state.index in state.evidence.set_apart and is_question_title(token.text))
    if not titled or token.text[-1:] in ".。" or following is None or is_caption(token.text):
        return False  # a bold caption ("图1 迷宫地形示意图") names a figure, it labels nothing
    if following.all_bold or following.kind is TokenKind.HEADING:
        return False
    # A bold line of its own over plain text ("INSTRUCTIONS", "Format"): a label set as a heading.
    _open_heading_field(state, token)
    return True


def _set_as_label(state: State, token: Token) -> bool:
    """Return whether a format heading ending in a colon is set as the document's bold label lines are.

    ``Chief Patron:`` styled Heading 5 in 9 pt bold among ``Patrons:``, ``Organizing Chair:`` in the same 9 pt bold
    as plain paragraphs: one kind of line, labels over their lists, whichever style the author picked for each.
    """
    size = token.block.font_size
    return token.text.rstrip()[-1:] in ":：" and token.all_bold and size in state.evidence.label_styles


# Dashes a label line may end in instead of a colon.
LABEL_DASHES = "-–—"

# The level key of bracketed title lines (``【赛题背景】``): a heading family of their own.
BRACKET_KEY: Key = ("bracket", 1)


def styled_heading(state: State) -> bool:
    """Open a node at an unnumbered line set in the display style of a family of numbered headings.

    ``赛题背景`` in the 14 pt bold of ``赛题方向 A-…`` … ``赛题方向 D-…`` is a heading of their level,
    before them (a part of the preamble) or after them (``常见问题``, a part after the last topic).
    A plain line in that style (``基本设定`` in the 16 pt of ``1. 选手操作接口``) is one where body
    text set smaller follows it and the family is no clause family; bold sets a heading apart on its own.
    A bracketed title line of a family of them (``【赛题背景】`` … ``【提交说明】``) is a heading too,
    titled as printed, brackets and all.
    """
    token = state.token
    if state.index in state.evidence.bracket_heads:
        _open(state, token, None, state.heads.aliases.get(BRACKET_KEY, BRACKET_KEY))
        return True
    if token.kind is not TokenKind.PARAGRAPH or token.field is not None or token.decoration:
        return False
    size = token.block.font_size
    key = state.evidence.heading_styles.get((size, token.all_bold)) if size is not None else None
    if key is None or not token.title_like or token.text[-1:] in ".。：:":
        return False
    if not token.all_bold and (key in state.evidence.clause_keys or not _over_smaller_text(state, size or 0.0)):
        # A plain line in a heading's size heads nothing unless body text follows it, and never
        # among clauses numbered once through the document ("2 - Participants" … "3 - Budget"),
        # whose count it would break: there it is a part of the clause before it.
        return False
    _open(state, token, None, state.heads.aliases.get(key, key))
    return True


# The level key of plain lines a contents vouches for as headings, by the level of their entry.
TOC_KEY = "toc"


def toc_heading(state: State) -> bool:
    """Open a node at a plain line that an unnumbered contents entry names, under the node its parent entry names.

    ``Format``, ``Due Date and Time`` in the body's own type under the heading ``Submissions``: the contents lists
    them one indent under ``Submissions``, so they are its sub-parts. The entry's parent must be the open node's
    (or an open ancestor's) title, so the line nests where the contents says; each entry vouches for one line.
    """
    token = state.token
    if token.kind is not TokenKind.PARAGRAPH or token.in_list or token.field is not None or token.numbering:
        return False
    if not state.body_started or not token.title_like or not state.outline.toc:
        return False
    found = _toc_entry_of(state, token.text)
    if found is None:
        return False
    position, parent = found
    entry = state.outline.toc[position]
    holder = next((node for node in reversed(state.stack) if node.title and _same_title(node.title, parent)), None)
    if holder is None:
        return False
    keys = state.heads.keys
    if holder.heading_key in keys:
        del keys[keys.index(holder.heading_key) + 1 :]
    state.toc_vouched.add(position)
    _open(state, token, None, (TOC_KEY, entry.level))
    return True


def _toc_entry_of(state: State, text: str) -> tuple[int, str] | None:
    """Return the unused unnumbered contents entry (below the top level) titled `text`, with its parent's title."""
    toc = state.outline.toc
    for position, entry in enumerate(toc):
        if entry.level < 2 or entry.number is not None or entry.label is not None or position in state.toc_vouched:
            continue
        if not _same_title(entry.title, text):
            continue
        parent = next((toc[i] for i in range(position - 1, -1, -1) if toc[i].level < entry.level), None)
        return (position, parent.title) if parent is not None else None
    return None


def _same_title(a: str, b: str) -> bool:
    return "".join(a.split()).casefold() == "".join(b.split()).casefold()


def _over_smaller_text(state: State, size: float) -> bool:
    """Return whether the next line is set smaller than `size` or is a table: the body under a heading of that size."""
    following = state.next_token()
    if following is not None and following.kind is TokenKind.TABLE:
        return True
    below = following.block.font_size if following is not None else None
    return below is not None and below < size


def _display_over_list(state: State, token: Token) -> bool:
    """Return whether a title line of its own, set in display, stands right over a list in the preamble."""
    following = state.next_token()
    return (
        state.node is state.outline.root
        and state.outline.title is not None
        and token.kind is TokenKind.PARAGRAPH
        and token.field is None
        and not token.in_list
        and token.title_like
        and token.text[-1:] not in ".。：:"
        and state.evidence.is_display(token)
        and following is not None
        and (following.in_list or state.index + 1 in state.evidence.bare)
        and (following.block.font_size or 0.0) < (token.block.font_size or 0.0) - SIZE_CHANGE
    )


def _open_heading_field(state: State, token: Token) -> None:
    """Open a field whose label is a line of its own, at the level a new heading would take.

    A dash closing the line (``Judgement Criteria-``) is printed where a colon would be: the label's colon.
    """
    text = token.text.rstrip()
    colon = None
    if len(text) > 1 and text[-1] in LABEL_DASHES and text[-2] not in LABEL_DASHES:
        text, colon = text[:-1].rstrip(), text[len(text[:-1].rstrip()) :]
    level = state.heads.next_level
    state.open_field(token, text, "", Strength.HEADING, level=level, marker=token.decoration, colon=colon)


def _caps_line_after_field(state: State, token: Token) -> bool:
    """Return whether a bold ALL-CAPS line of its own opens a field after the fields of a call without headings.

    A topic pasted into Word without heading styles (``Expected Outcome:``, ``Scope:`` run in) and
    then ``COMMENTS ON CORSAIR PROJECT`` in bold capitals: a new part, not more of ``Scope``.
    """
    return (
        token.kind is TokenKind.PARAGRAPH
        and token.all_bold
        and CAPS_LABEL.match(token.text.strip()) is not None
        and state.node.has_fields
    )


def group_heading(state: State) -> bool:
    """Open a node at a title line that heads a run of items counting from 1 again (``【第一批赛题】``)."""
    run = state.evidence.groups.get(state.index)
    numbering = state.tokens[run[0]].numbering if run else None
    if numbering is None or not _names_topic(state, numbering):
        return False  # title lines over lists of something else: labels of their lists, as before
    token = state.token
    state.open_node(token, state.heads.level_of(GROUP_KEY), token.text.strip(), None, key=GROUP_KEY)
    return True


def heading(state: State) -> bool:
    """Open a node at a format heading or a numbered heading line."""
    token = state.token
    if token.kind is TokenKind.HEADING:
        if _body_sentence(state, token):
            return False
        _open(state, token, None, state.evidence.format_key(state.index, token))
        if token.lead_in is not None:
            # "What sort of proposals are we looking for?" over its list: the heading is its lead-in.
            state.node.announces = True
            state.lead_in(token.lead_in)
        return True
    numbering = token.numbering
    if token.kind is not TokenKind.NUMBERED or numbering is None or numbering.family.role is Role.PART:
        return False
    if token.block.kind is BlockKind.HEADING:
        key: Key = _numbered_heading_key(state, numbering, state.evidence.format_key(state.index, token))
        state.heads.aliases.setdefault(numbering.key, key)
        # A format heading may slip into another family as a printed line does (``#### 3. …`` after
        # ``#### （二）…``, the markup giving both one level): the third sibling, not a first child.
        _open(state, token, numbering, _slip(state, numbering, key) or key)
        return True
    if not is_heading(state, token, numbering):
        return False
    key = state.heads.aliases.get(numbering.key) or _display_peer(state, token, numbering) or numbering.key
    slip = _slip(state, numbering, key)
    _open(state, token, numbering, slip or key)
    return True


def _display_peer(state: State, token: Token, numbering: Numbering) -> Key | None:
    """Return the key of an open heading set in this new family's display style: the family is its peer.

    ``第一部分：系统建模`` in the 21.5 pt bold of the open ``0. 项目背景``: a family first seen under another nests
    under it, unless the document sets both alike, larger than its text, and the new one counts on from the open
    one's number (0 then 1): one rank numbered in two ways. ``A.`` under ``V.``, set alike, counts afresh: a child.
    """
    size = token.block.font_size
    if size is None or numbering.key in state.heads.keys or token.in_list or not state.evidence.is_display(token):
        return None
    last = numbering.last
    for node in reversed(state.stack):
        peer = node.heading_key
        style = state.heads.display.get(peer) if peer is not None else None
        if peer is None or style is None or node.numbering is None or node.numbering.last is None or last is None:
            continue
        if abs(style[0] - size) <= SIZE_CHANGE and style[1] == token.all_bold and node.numbering.last == last - 1:
            state.heads.aliases[numbering.key] = peer
            return peer
    return None


def _body_sentence(state: State, token: Token) -> bool:
    """Return whether a heading-styled paragraph is a sentence set as the body text is.

    A word processor's heading style left on a paragraph of running text (a long sentence in the
    body's size, neither bold nor larger) is not a heading: the typography the document prints
    outweighs the style's outline level. Only where sizes are known; Markdown ``#`` is the author's word.
    """
    size, body = token.block.font_size, state.evidence.body_size
    if size is None or body is None or size > body or token.all_bold:
        return False
    return not is_title_like(token.text)


def _numbered_heading_key(state: State, numbering: Numbering, key: Key) -> Key:
    """Return the level key of a format heading that carries a number: the numbering decides.

    ``<h2>1. 开放课题</h2>`` then ``<h2>1.1 机器学习</h2>``: a numbering already seen keeps its level,
    and a markup level that a numbering of another depth holds is not shared, so ``1.1`` opens
    one level below ``1.`` whatever the markup says. Same-depth families (``一、`` and ``1.``)
    still take the markup's level.
    """
    known = state.heads.aliases.get(numbering.key)
    if known is not None:
        return known
    depth = numbering.key[1]
    if any(alias == key and other[1] != depth for other, alias in state.heads.aliases.items()):
        return numbering.key
    return key


def _decided(state: State, token: Token, numbering: Numbering) -> bool | None:
    """Return what the document's evidence already says of a numbered line (an index entry, a line of a bare
    run, an item under a group title, a format list's item), or None."""
    if state.index in state.evidence.bare or state.index in state.evidence.index_entries:
        return False
    if state.index in state.evidence.group_items:
        return _names_topic(state, numbering)  # else a list under a title line, as any run of items
    if token.in_list and not (_lone_list_heading(token, numbering) and not _list_goes_on(state)):
        return False
    return None


def _list_goes_on(state: State) -> bool:
    """Return whether the list runs on below this item as text: a sub-item, or a sibling that is no title.

    ``2. 半开放课题`` over ``3. 专项课题`` are titles, a Markdown list of lone headings; ``1. Turn-key contract``
    over ``a. P = k * Ct`` (deeper), or ``1. Civil works: …`` over ``2. Manufacturing line equipment:``, is a list.
    """
    after = state.next_token()
    if after is None or not after.in_list:
        return False
    return after.block.list_depth > state.token.block.list_depth or not after.title_like


def is_heading(state: State, token: Token, numbering: Numbering) -> bool:
    """Return whether a numbered line outside any format list opens a node."""
    decided = _decided(state, token, numbering)
    if decided is not None:
        return decided
    family = numbering.family
    key = state.heads.aliases.get(numbering.key, numbering.key)
    known = key in state.heads.keys
    titled = _titled(state, token, numbering, known)
    clause = numbering.key in state.evidence.clause_keys
    next_heading = known and (titled or clause) and continues(state, numbering)
    current = state.directions
    if current is not None:
        if numbering.key == current.key and token.block.list_depth == current.depth:
            return next_heading and numbering.last != current.expected
        if known and titled:
            return True
        return family.role is Role.OUTLINE and titled
    if state.marker_pending:
        # Choices set as headed parts ("4.1 Robotic Surgery" in display type after "… one or more of
        # the following task groups:") are headings; the shape rules read them as the choices.
        return next_heading or (family.role is Role.OUTLINE and titled and state.evidence.is_display(token))
    if family.role is Role.IDENTIFIER:
        return titled and bool(token.text)
    last = numbering.last
    if last is not None and state.node.item_values.get(numbering.key) == last - 1:
        return False  # "7." after the items "1." … "6." of this node is the seventh item
    if _field_takes(state, numbering):
        # Lines right under an open label (``REFERENCES:`` then ``1. https://…``) are its items,
        # unless they continue the numbered outline or, under a plain label, are set as its headings are
        # (``1、关于赛题数据`` in the bold of ``3、答复意见的评价``, in an appendix whose levels start afresh).
        return next_heading or (titled and _set_as_heading(state, token, numbering))
    if clause:
        return True
    if not titled:
        return False
    if state.index in state.evidence.titled_items:
        return True
    if _set_as_item(state, token, numbering):
        return False
    if _typeset_as_list(state, token, numbering, key, known):
        return False
    if known or family.role is Role.OUTLINE:
        return True
    # A bullet (■) heads a track under a topic; it never starts the outline.
    return family.role is Role.EITHER and bool(state.heads.keys)


def _titled(state: State, token: Token, numbering: Numbering, known: bool) -> bool:
    """Return whether a numbered line's text may be a heading's title: title-like, or a label of a heading family.

    ``5.2.2 Meeting Requirements:`` going on in a numbered outline, ``A. Background Information:`` of a run of
    capital letters that the contents or the letters' own sequence made headings: the label is the title.
    """
    if is_title_like(token.text) or not token.text:
        return True
    heading_family = (known and continues(state, numbering)) or numbering.family is LETTER_HEADING
    return heading_family and is_short_label(token.text)


def _typeset_as_list(state: State, token: Token, numbering: Numbering, key: Key, known: bool) -> bool:
    """Return whether a numbered title line's typography, against its family's headings, makes it a list's line."""
    if known:
        # "1. Obedience" in the text's type under the display "1. OVERVIEW": an item, not a restart
        return not continues(state, numbering) and _set_below_family(state, token, key)
    # "1. Mary Smith; …" over "2. John Jones; …" in the text's type under display headings: a list
    return _plain_run_under_display(state, token, numbering)


def _plain_run_under_display(state: State, token: Token, numbering: Numbering) -> bool:
    """Return whether a line of a new family is set as the text is, one under another, below display levels.

    Where every level open in the part is a numbered heading set larger than the text (``IV.`` and ``A.`` in
    10 pt bold over 7.5 pt text), lines of a new family in the text's own type and weight that follow one
    another with nothing between (``1. Mary Smith; XYZ University; PI`` over ``2. John Jones; …``) are a list,
    not a new level: a heading stands over text of its own. A family the document has already set as headings
    (``一、`` heading the parts of an earlier chapter) is no new family: under a new chapter it heads that
    chapter's parts again, in whatever type.
    """
    keys = state.heads.keys
    size, body = token.block.font_size, state.evidence.body_size
    if numbering.key in state.heads.last_value:
        return False
    if not keys or size is None or body is None or token.all_bold or size > body + SIZE_CHANGE:
        return False
    return all(key in state.heads.display for key in keys) and _next_to_sibling(state, numbering)


def _set_below_family(state: State, token: Token, key: Key) -> bool:
    """Return whether a numbered line is set smaller than its family's headings, and not in display type.

    The family's first display heading (``1. OVERVIEW`` in 13 pt) fixes how the document sets that rank;
    a line of the family that counts afresh (``1. Obedience – gaiting…``) in the 11 pt of the text is a
    list of the same family inside the part, not the part's sibling.
    """
    style = state.heads.display.get(key)
    size = token.block.font_size
    if style is None or size is None or state.evidence.is_display(token):
        return False
    return size < style[0] - SIZE_CHANGE


def _set_as_heading(state: State, token: Token, numbering: Numbering) -> bool:
    """Return whether a numbered title line under a plain label is set in the bold of its family's headings.

    The family counts (no bullet) and sets its title lines in bold (`Evidence.bold_keys`); under a bold
    label (``Supplementary Documents:`` over ``1. Letters of Collaboration``) bold items are the label's own.
    """
    current = state.field
    return (
        token.all_bold
        and not token.in_list
        and numbering.family.sequence is Sequence.POSITION
        and numbering.key in state.evidence.bold_keys
        and current is not None
        and not current.bold
    )


def _set_as_item(state: State, token: Token, numbering: Numbering) -> bool:
    """Return whether a numbered line's typography is an item's: a plain bullet in a run, a plain labelled item."""
    if numbering.family.role is Role.EITHER and _in_plain_bullet_run(state, token, numbering):
        return True
    if numbering.family.role is Role.LIST and _next_to_sibling(state, numbering):
        return True  # a list family's lines set one under another are its items, even where it heads parts
    return _plain_labelled_item(state, token, numbering)


def _next_to_sibling(state: State, numbering: Numbering) -> bool:
    """Return whether the line before or after is a line of the same numbering family and depth, counting on.

    ``（3）评分规则`` under ``(3) 作品代表性图片`` (an item of a list of the clause before) does not count on from it.
    """
    before, after = state.next_token(-1), state.next_token()
    return any(
        other is not None
        and other.kind is TokenKind.NUMBERED
        and other.numbering is not None
        and other.numbering.key == numbering.key
        and _counts_on(first, second)
        for other, first, second in ((before, before, state.token), (after, state.token, after))
    )


def _counts_on(first: Token | None, second: Token | None) -> bool:
    """Return whether `second` is numbered as the next sibling of `first`, or the family does not count."""
    one = first.numbering if first is not None else None
    two = second.numbering if second is not None else None
    if one is None or two is None or one.family.sequence is not Sequence.POSITION or not two.path:
        return True
    return two.follows(one)


def _plain_labelled_item(state: State, token: Token, numbering: Numbering) -> bool:
    """Return whether a numbered line is an item set as body text in a family whose headings are bold.

    ``1. 代码仓库：提供 GitHub …`` in plain type, a label and its value, where ``1. 企业场景`` of the same
    family is set in bold as a title: the typography of an item, not of that family's headings.
    """
    body = state.evidence.body_size
    return (
        token.field is not None
        and not token.all_bold
        and numbering.key in state.evidence.bold_keys
        and body is not None
        and (token.block.font_size or body) <= body
    )


def _in_plain_bullet_run(state: State, token: Token, numbering: Numbering) -> bool:
    """Return whether a bullet line set as body text stands next to another of its bullets: a list item.

    ``● 上市公司财务报告`` over ``● 行业研报…`` in plain type lists data sources; a bullet that heads a
    track stands alone over its content, or is set in bold.
    """
    if token.all_bold or token.block.heading_level is not None:
        return False
    return any(
        other is not None
        and other.kind is TokenKind.NUMBERED
        and other.numbering is not None
        and other.numbering.key == numbering.key
        and not other.all_bold
        for other in (state.next_token(-1), state.next_token())
    )


def _names_topic(state: State, numbering: Numbering) -> bool:
    """Return whether an item under a group heading (`Evidence.groups`) is a topic's title, not a list item.

    It is where its label word names a topic (``赛题一：``) or where the document's title or a
    heading above it names topics (``# Summer projects`` over ``**Compilers**`` over ``1) …``).
    """
    return (
        numbering.family.name in TOPIC_FAMILIES
        or names_topics(state.outline.title)
        or any(names_topics(node.title) for node in state.stack)
    )


def _field_takes(state: State, numbering: Numbering) -> bool:
    """Return whether the open field is waiting for items: nothing under its label yet, or items of this family."""
    current = state.field
    if current is None:
        return False
    if current.strength is Strength.WEAK and state.token.block.list_depth <= current.depth:
        return False  # a run-in label such as "题目编号：XH-202603" holds no list
    if not current.parts:
        # A label with a value of its own ("Title: Assessment of …") has said what it holds; one
        # whose value ends in a colon ("Note: … covered by the following:") announces its items.
        value = current.text.rstrip()
        return not value or value.endswith(("：", ":"))
    last = current.parts[-1]
    return isinstance(last, DraftItem) and last.numbering.key == numbering.key


def _lone_list_heading(token: Token, numbering: Numbering) -> bool:
    """Return whether a format list item is a heading written as a one-item list.

    ``1. 开放课题`` over ``1.1 …`` in Markdown is an ordered list of one item; items of a real
    list have siblings next to them (`Evidence.bare`) or sit deeper.
    """
    return (
        token.block.list_depth == 1
        and token.block.label is not None
        and numbering.family.role is Role.OUTLINE
        and is_title_like(token.text)
    )


def continues(state: State, numbering: Numbering) -> bool:
    """Return whether `numbering` is the next heading number of its family."""
    value = numbering.path
    if not value or numbering.family.sequence is not Sequence.POSITION:
        return True
    last = state.heads.last_value.get(numbering.key)
    if last is None:
        return value[-1] == 1
    if value[:-1] == last[:-1]:
        return value[-1] == last[-1] + 1
    return value[-1] == 1


def _slip(state: State, numbering: Numbering, key: Key) -> Key | None:
    """Return the open node's key when `numbering` continues that node's numbers in another family.

    ``（一）设奖情况``, ``（二）奖励措施``, then ``3. 奖金发放方式``: a third sibling printed with the wrong
    family, not the first child of ``（二）`` (a first child would be numbered 1).
    """
    node = state.node
    if node.numbering is None and _counts_past_unnumbered(state, numbering, key):
        state.heads.aliases[numbering.key] = node.heading_key  # type: ignore[assignment]
        return node.heading_key
    if node.numbering is None or node.heading_key is None or node.heading_key == key:
        return None
    last = numbering.last
    if last is None or last == 1 or node.numbering.last != last - 1:
        return None
    if numbering.key in state.heads.last_value and continues(state, numbering):
        return None  # "3." under 二、 goes on from "1." "2." under 一、: topics numbered through the call
    if key in state.heads.keys and state.heads.keys.index(key) < state.heads.keys.index(node.heading_key):
        return None
    return node.heading_key


def _counts_past_unnumbered(state: State, numbering: Numbering, key: Key) -> bool:
    """Return whether a family never seen before starts past 1 under an unnumbered heading: that heading's sibling.

    ``7.其他`` and ``8.参考信息`` after ``【开发说明】`` and ``【技术要求与指标】`` under ``四、作品形式``: the
    bracketed parts were the fifth and sixth, unnumbered; a first child would be numbered 1.
    """
    node = state.node
    last = numbering.last
    return (
        node.heading_key is not None
        and node.heading_key != key
        and key not in state.heads.keys
        and numbering.key not in state.heads.last_value
        and numbering.family.sequence is Sequence.POSITION
        and last is not None
        and last > 1
    )


def _open(state: State, token: Token, numbering: Numbering | None, key: Key) -> None:
    level = state.heads.level_of(key, ranked=not is_caption(token.text))
    if numbering is not None:
        state.heads.record(numbering)
    clause = numbering is not None and numbering.key in state.evidence.clause_keys
    # A clause ending in a colon is a run-in sentence ("二、申請資格應符合下列條件："), unless the clause
    # before it in its family stood as a title ("一、赛题简介" then "二、基本任务："), or most clauses of
    # the family are such labels ("1. Introduction:" … "9. Timeline:", each over its text): a label then.
    before = next((node for node in reversed(state.stack) if node.heading_key == key), None)
    labels = numbering is not None and numbering.key in state.evidence.label_clause_keys
    titled = (
        numbering is None
        or is_title_like(token.text)
        or (is_short_label(token.text) and (not clause or labels or (before is not None and before.title is not None)))
        or not token.text
        # A heading the format marks may ask its question ("### 二、谁可以报名？"); a numbered
        # paragraph that ends in "？" is a run-in clause.
        or (token.block.kind is BlockKind.HEADING and is_question_title(token.text))
    )
    # A clause of a family that runs its labels in ("1. Introduction: CloudSynergy is seeking …"): the label and
    # its text are the clause's field, as the label alone ("5. Technical Requirements:") over its list is.
    run_in = _run_in_label(state, token, numbering)
    if run_in is not None:
        titled = False
    title = token.text.rstrip("：:").strip() if titled else None
    if not title and numbering is not None and numbering.family.name in TOPIC_FAMILIES:
        title = numbering.label.rstrip("：:、.．").strip()  # "课题一" alone names its topic
    node = state.open_node(token, level, title, numbering, key=key, label=token.decoration)
    if run_in is not None:
        # The field holds what a labelled paragraph's field holds: a plain label with a value, that value.
        state.open_field(token, run_in.label, run_in.rest, field_strength(state, token, run_in), colon=run_in.colon)
        if token.lead_in is not None:
            state.lead_in(token.lead_in)
    elif not titled:
        # A run-in clause ("一、基隆市政府…為鼓勵…"): its text is its content, not a giant title.
        state.place_run_in(token)
    elif token.lead_in is not None and token.block.kind is BlockKind.HEADING:
        # "## 2. Areas of Interest" over its list: the heading names the choices the list holds.
        state.node.announces = True
        state.lead_in(token.lead_in)
    if numbering is not None and numbering.tag:
        state.drop_tag(token, numbering.tag)
    if numbering is not None and token.block.font_size is not None and not token.in_list:
        state.heads.largest = max(state.heads.largest or 0.0, token.block.font_size)
        if state.evidence.is_display(token):
            state.heads.display.setdefault(key, (token.block.font_size, token.all_bold))
    del node


def _run_in_label(state: State, token: Token, numbering: Numbering | None) -> FieldMatch | None:
    """Return the short label a clause of a run-in-label family (`Evidence.field_clause_keys`) prints, or None."""
    found = token.field
    if numbering is None or numbering.key not in state.evidence.field_clause_keys or found is None:
        return None
    return found if is_short_label(found.label + ":") else None
