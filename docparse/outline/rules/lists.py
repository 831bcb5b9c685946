"""Block rules for lists: the directions marker, research directions, and every other list item.

Directions are only where a reader sees a list to choose from: after a directions marker
(``建议研究方向：``) or a lead-in sentence ("Specific areas of research include…:", "addressing
one or more of the following:"). Other numbered or bulleted lines (steps, rules, criteria,
the items of a field) are list items, kept with their markers where they stand.
"""

from __future__ import annotations

from docparse.model.document import Paragraph
from docparse.outline.analyse import lone_label_item
from docparse.outline.draft import DraftItem, Strength, attach
from docparse.outline.state import DirectionsList, State, paragraph
from docparse.segment import Token, TokenKind
from docparse.vocab.families import LABELLED_ITEM, Numbering, Role
from docparse.vocab.markers import is_title_like

_COLON_END = ("：", ":")


def marker(state: State) -> bool:
    """Take a directions marker line: the list after it is the node's directions."""
    token = state.token
    if token.kind is not TokenKind.MARKER:
        return False
    node = state.node
    if node.has_directions or node.marker_in_description:
        return False
    if node.directions_marker is not None and state.marker_line is not None:
        # Two marker lines before any list: the one next to the list is the marker, the
        # earlier one is kept as a description paragraph where it stood.
        line, at = state.marker_line
        node.content.insert(at, ("description", paragraph(line.block, line.text)))
    node.directions_marker = token.marker
    node.marker_at = len(node.content)
    state.marker_line = (token, len(node.content))
    state.directions = None
    state.fields.clear()
    state.marker_pending = True
    return True


def direction(state: State) -> bool:
    """Add a numbered or bulleted item to the node's directions, after a marker or lead-in."""
    token = state.token
    numbering = token.numbering
    if token.kind is not TokenKind.NUMBERED or numbering is None or numbering.family.role is Role.PART:
        return False
    current = state.directions
    # Counted run-in items (``任务一：…`` ``任务二：…``, `LABELLED_ITEM`) are the choices of their clause
    # by their own evidence: the run of one lead word counting up, without a marker over it.
    counted = numbering.family is LABELLED_ITEM and (current is None or current.key != numbering.key)
    if current is None and not state.marker_pending and not counted and not _resumes(state, numbering):
        return False
    if counted and current is not None:
        state.directions = current = None
    if current is not None and not _continues_list(current, token, numbering):
        state.directions = None
        return False
    _add_direction(state, token, numbering)
    return True


def _resumes(state: State, numbering: Numbering) -> bool:
    """Return whether the item goes on with the node's directions after text between them; fold that text in.

    Text between item n and item n+1 of a list belongs to item n: "1. 附件0是性别信息。", two attachment
    lines and a paragraph, then "2. 除以上信息外…" is the second direction, the lines between are the first's.
    Only the next number of the last direction's family resumes, over paragraphs and list items alone.
    """
    node = state.node
    content = node.content
    at = next((i for i in range(len(content) - 1, -1, -1) if content[i][0] == "directions"), None)
    if at is None:
        return False
    last = content[at][1]
    if not isinstance(last, DraftItem) or last.numbering.key != numbering.key or last.numbering.last is None:
        return False
    between = [item for _, item in content[at + 1 :]]
    if numbering.last != last.numbering.last + 1 or not between:
        return False
    if not all(isinstance(item, Paragraph | DraftItem) for item in between):
        return False
    for item in between:
        if isinstance(item, DraftItem):
            item.depth = max(item.depth, last.depth + 1)
            last.children.append(item)
            last.provenance = last.provenance.merge(item.provenance)
        else:
            assert isinstance(item, Paragraph)
            last.extend(item.text, item.provenance)
    node.content = content[: at + 1]
    return True


def _continues_list(current: DirectionsList, token: Token, numbering: Numbering) -> bool:
    if numbering.key == current.key and token.block.list_depth == current.depth:
        return True
    if token.block.list_depth > current.depth:
        return True
    # The family changed inside one list: keep the items together (a numbering check
    # reports the change) unless the new family is an outline family at the list's level.
    return numbering.family.role is not Role.OUTLINE or token.block.list_depth > 0


def _add_direction(state: State, token: Token, numbering: Numbering) -> None:
    block = token.block
    item = DraftItem(numbering, token.text, token.spans, block.list_depth, block.provenance)
    state.fields.clear()
    state.marker_pending = False
    current = state.directions
    if (
        current is not None
        and block.list_depth > current.depth
        and current.node.directions
        and attach([current.node.directions[-1]], item)
    ):
        return
    if current is None:
        current = DirectionsList(numbering.key, block.list_depth, state.node)
        state.directions = current
    group = current.group
    if (
        numbering.is_bullet
        and group is not None
        and token.field is None
        and not _ends_colon(token.text)
        and all(child.numbering.key == numbering.key for child in group.children)
    ):
        # Flat bullets after "Trust, Security & Privacy:" are that item's sub-items; the list
        # goes on in the group's family ("2. Outreach" after the examples of "1."). Once the item
        # holds sub-items of another bullet ("o What is the anticipated timeline?"), a bullet of
        # the list's own is the next item ("Dissemination/Impact").
        item.depth = group.depth + 1
        group.children.append(item)
        return
    if numbering.key != current.key:
        current.key = numbering.key
    current.append(item)
    current.group = item if _heads_bullets(numbering, token.text) else None


def _heads_bullets(numbering: Numbering, text: str) -> bool:
    """Return whether flat bullets after this item are its sub-items.

    So they are after a bullet ending in a colon (``- Trust, Security & Privacy:``) and after a
    numbered item that is a short heading (``1. Institutional modernisation and reforms`` over
    its example activities).
    """
    if numbering.is_bullet:
        return _ends_colon(text)
    return is_title_like(text) and not text.rstrip().endswith(".")


def template_item(state: State) -> int:
    """Open a field at a bullet over its values whose label is printed under other headings of this level.

    ``- Skills`` over ``- C`` / ``- assembly`` under every idea is a field of each, as ``- Skills:`` would be.
    """
    token = state.token
    numbering = token.numbering
    if token.kind is not TokenKind.NUMBERED or numbering is None or token.field is not None:
        return False
    label = _repeated_label(state, token)
    if label is None:
        return False
    depth = token.block.list_depth
    _close_valued_labels(state, depth)
    marker = numbering.label
    draft = state.open_field(token, label, "", Strength.STRONG, depth=depth, marker=marker, numbering=numbering)
    if not lone_label_item(token, state.next_token(-1), state.next_token()):
        return True
    # "- 描述" alone over its text: the paragraphs up to the next list, label or heading are its value.
    taken = 1
    while (following := state.next_token(taken)) is not None and _plain_paragraph(following, depth):
        draft.parts.append(paragraph(following.block, following.text))
        taken += 1
    return taken


def _plain_paragraph(token: Token, depth: int) -> bool:
    """Return whether `token` is a plain paragraph no deeper than a list of `depth`: no label, no bold title line."""
    return (
        token.kind is TokenKind.PARAGRAPH
        and token.block.list_depth <= depth
        and token.field is None
        and token.lead_in is None
        and not token.all_bold
    )


def list_item(state: State) -> bool:
    """Place any other numbered or bulleted line: an item of the open field, a field, or a list item.

    A list item with a label (``* 技术标签：深度学习``) is a field where the label is known, bold,
    or the item is a list item (a format's, or a typed bullet); a typed clause with a colon
    (``(三)申請對象：…``) stays an item.
    """
    token = state.token
    numbering = token.numbering
    if token.kind is not TokenKind.NUMBERED or numbering is None:
        return False
    block = token.block
    found = token.field
    if found is not None and not found.known and _nests_in_an_item(state, token):
        found = None  # "* 训练集：…" under "* 数据集" is a sub-item of that item, not a field
    # A typed bullet (`• Submit by: Ongoing` in a PDF or plain text) is what a format's bullet
    # item is: the same call in Markdown or Word gives a field there.
    listed = token.in_list or numbering.is_bullet
    labelled = state.index in state.evidence.labelled_runs  # a run of siblings each printing a label
    if found is not None and (found.known or listed or labelled or _bold_label(token)):
        strength = Strength.STRONG if (found.known or found.rest == "") else Strength.WEAK
        if state.is_template(found.label):
            _close_valued_labels(state, block.list_depth)
        depth = block.list_depth
        if labelled and not listed:
            depth = _sibling_depth(state, numbering)
        state.open_field(
            token,
            found.label,
            found.rest,
            strength,
            depth=depth,
            marker=numbering.label,
            numbering=numbering,
            colon=found.colon,
        )
    elif found is None and (label := _sibling_field_label(state, token)) is not None:
        # "* 评分方式（根据以下几项综合评估）" among "* 提交内容：" items, its sub-list under it.
        state.open_field(
            token, label, "", Strength.STRONG, depth=block.list_depth, marker=numbering.label, numbering=numbering
        )
    elif found is None and (state.index in state.evidence.bold_list_heads or _titles_sublist(state, token, numbering)):
        # "2. 智能车和识图装置" over "1）智能车：…" "2）识图装置：…": a title over the items it numbers; so is
        # "- **Software Development**" over its sub-items, among siblings set so.
        depth = block.list_depth or state.typed_depth(numbering)
        state.open_field(
            token, token.text, "", Strength.STRONG, depth=depth, marker=numbering.label, numbering=numbering
        )
    else:
        depth = block.list_depth or state.typed_depth(numbering)
        fields = state.fields
        while fields and fields[-1].strength is Strength.WEAK and block.list_depth <= fields[-1].depth:
            fields.pop()  # a run-in label holds only the items nested under it
        current = state.field
        if current is not None and current.strength is not Strength.HEADING and depth <= current.depth:
            state.close_fields_to(depth)
        state.place_item(DraftItem(numbering, token.text, token.spans, depth, block.provenance))
    if numbering.last is not None:
        # Counted whether the item holds a label or not: "4. 抵达 A 库区…：" after the items "1. 初始状态：…"
        # … "3. …" (and their a. b. sub-items) is the fourth item, not a heading.
        state.node.item_values[numbering.key] = numbering.last
    if token.lead_in is not None:
        state.lead_in(token.lead_in)
    return True


def _sibling_depth(state: State, numbering: Numbering) -> int:
    """Return the depth of a typed labelled item's field among the open fields: its sibling's, or inside the field.

    ``2）宝藏分布：…`` sits where ``1）迷宫：…`` sat; ``1）迷宫：…`` under the open field ``3. 竞赛场地`` sits one
    deeper, as its sub-field, where a plain item would have been its item. A field set as a heading
    holds what follows it at any depth.
    """
    for draft in reversed(state.fields):
        if draft.numbering is not None and draft.numbering.key == numbering.key:
            return draft.depth
    current = state.field
    if current is None or current.strength is Strength.HEADING:
        return 0
    return current.depth + 1


def _titles_sublist(state: State, token: Token, numbering: Numbering) -> bool:
    """Return whether a counted item is a title over a list of its own: the next line counts from 1 in another family.

    ``2. 智能车和识图装置`` then ``1）智能车：…`` ``2）识图装置：…``: a short title, no colon, no sentence,
    whose items follow it numbered afresh. An item that ends a sentence or runs on is an item.
    """
    following = state.next_token()
    inner = following.numbering if following is not None else None
    text = token.text.strip()
    return (
        numbering.last is not None
        and inner is not None
        and following is not None
        and following.kind is TokenKind.NUMBERED
        and inner.key != numbering.key
        and inner.last == 1
        and following.block.list_depth >= token.block.list_depth
        and is_title_like(text)
        and text[-1:] not in ".。；;！!？?"
    )


def _nests_in_an_item(state: State, token: Token) -> bool:
    """Return whether a format list item is an item of the list that the open field's own item heads."""
    current = state.field
    return (
        token.in_list and current is not None and current.marker is not None and token.block.list_depth > current.depth
    )


def _sibling_field_label(state: State, token: Token) -> str | None:
    """Return the label if an unlabelled list item labels a field like its siblings: the item before it at its
    depth opened a field from a list item, it reads as a title, and a deeper list follows it."""
    depth = token.block.list_depth
    sibling = next((f for f in reversed(state.fields) if f.depth <= depth), None)
    if sibling is None or sibling.depth != depth or sibling.marker is None:
        return None
    label = token.text.strip().rstrip("：:")
    following = state.next_token()
    if not is_title_like(label) or following is None or following.kind is not TokenKind.NUMBERED:
        return None
    return label if following.block.list_depth > depth else None


def _close_valued_labels(state: State, depth: int) -> None:
    """Close the open labels above `depth` that have their value on their own line (``Size: 175``).

    A label of the template written as a list item after them is their sibling, not their sub-field.
    """
    while state.fields and state.fields[-1].text and state.fields[-1].depth < depth:
        state.fields.pop()


def _repeated_label(state: State, token: Token) -> str | None:
    """Return the label if a format list item over a deeper list, or alone over a paragraph, prints a label found
    under other headings too."""
    label = token.text.strip().rstrip("：:").strip()
    following = state.next_token()
    if following is None or not token.in_list:
        return None
    if following.block.list_depth <= token.block.list_depth and not lone_label_item(
        token, state.next_token(-1), following
    ):
        return None
    if token.numbering is None or not token.numbering.is_bullet:
        return None  # "1. Project Description" over its points is an item of a numbered enumeration
    if _nests_in_an_item(state, token):
        return None  # "* 数据集" over its parts inside "* 任务详情：" is a sub-item of that item
    return label if is_title_like(label) and state.is_template(label) else None


def _bold_label(token: Token) -> bool:
    return bool(token.spans) and token.spans[0].bold and token.field is not None


def _ends_colon(text: str) -> bool:
    return text.rstrip().endswith(_COLON_END)
