"""Outline stage, shape: a one-topic call's counted units of work and the parts it offers as choices are its directions.

A statement of work names the contractor's work as ``Task 1:``, ``Task 2:`` … under its scope,
each over a paragraph (and its steps). They are the topic's directions: the parts of the work a
proposal answers, as the research directions of a 申报指南 topic are. Only a run of labels that
share one word and count 1, 2, 3 … from one, in one list of fields, is read so; a lone
``Task 1`` or a gap keeps the fields as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import regex

from docparse.model.document import Paragraph
from docparse.outline.draft import DraftField, DraftItem, DraftNode, DraftPart, field_tree
from docparse.vocab.families import FAMILIES_BY_NAME, WORK_UNIT, Numbering, match_families

# The label of a direction made from an unnumbered part: nothing printed.
_UNNUMBERED = Numbering(FAMILIES_BY_NAME["dash"], "", (), "")
# A run of counted work labels (and of choices) has at least this many.
WORK_MIN_UNITS = 2


def work_unit(label: str) -> Numbering | None:
    """Return the numbering of a work unit's label (``Task 3`` → 3), or None."""
    found = match_families(label.strip(), (WORK_UNIT,))
    if found is None:
        return None
    # The word is the direction's title, printed in its text: nothing is printed as a label apart from it.
    return Numbering(found.family, "", found.value, found.rest, found.num)


def hoist_work_units(topic: DraftNode) -> bool:
    """Move the first run of counted work fields in `topic`'s field tree into its directions."""
    if topic.has_directions:
        return False
    holders: list[list[object]] = [[item for _, item in topic.content]]
    holders += [list(draft.parts) for draft in field_tree(topic.fields)]
    for parts in holders:
        run = _run(parts)
        if run is None:
            continue
        items = [_as_item(draft, numbering) for draft, numbering in run]
        taken = {id(draft) for draft, _ in run}
        topic.content = [(slot, item) for slot, item in topic.content if id(item) not in taken]
        for draft in field_tree(topic.fields):
            draft.parts = [part for part in draft.parts if id(part) not in taken]
        topic.content.extend(("directions", item) for item in items)
        return True
    return False


def _run(parts: list[object]) -> list[tuple[DraftField, Numbering]] | None:
    """Return the fields of `parts` labelled by one work word counting 1, 2, … (all of them), or None."""
    run: list[tuple[DraftField, Numbering]] = []
    words: set[str] = set()
    for part in parts:
        if not isinstance(part, DraftField) or (numbering := work_unit(part.label)) is None:
            continue
        if not _holds_text_only(part):
            return None  # a table or a sub-field under a task: a part of the document, not a direction
        run.append((part, numbering))
        words.add(part.label.strip().rstrip("：:.").rsplit(None, 1)[0].casefold())
    numbers = [numbering.last for _, numbering in run]
    if len(run) < WORK_MIN_UNITS or len(words) != 1 or numbers != list(range(1, len(run) + 1)):
        return None
    return run


def _holds_text_only(draft: DraftField) -> bool:
    return all(isinstance(part, Paragraph | DraftItem) for part in draft.parts)


def _as_item(draft: DraftField, numbering: Numbering) -> DraftItem:
    """Return a work field as a direction: its label and text the lead, paragraphs after, items its children."""
    lead = draft.label.strip().rstrip("：:").strip()
    text = f"{lead}: {draft.text.strip()}" if draft.text.strip() else lead
    item = DraftItem(numbering, text, (), 1, draft.provenance)
    first = True
    for part in draft.parts:
        if isinstance(part, DraftItem):
            item.children.append(part)
            item.provenance = item.provenance.merge(part.provenance)
        elif isinstance(part, Paragraph):
            if first and not draft.text.strip():
                item.text = f"{lead}: {part.text.strip()}"
                item.provenance = item.provenance.merge(part.provenance)
            else:
                item.extend(part.text, part.provenance)
        first = False
    return item


def mark_choices(nodes: list[DraftNode], templated: set[int]) -> list[DraftNode]:
    """Mark and return the parts offered as choices: sub-parts carrying one field template under a lead-in.

    ``4 Scope of Work`` says "Participating teams may submit for one or more of the following task
    groups:" over ``4.1 Robotic Surgery``, ``4.2 Robotic Ultrasound``, ``4.3 Other Healthcare
    Robotics``, each with its ``Example skills:`` bullets: the parts that carry the template, or
    whose labels share words with another's (``Examples:`` / ``Platforms:``), are the choices
    (``4.4 Proposal Requirements``, in prose, is not). They are the directions of the call's
    one topic, not topics of their own.
    """
    marked: list[DraftNode] = []
    for node in nodes:
        if node.directions_marker is None or not node.marker_in_description or node.has_directions:
            continue
        words = Counter(word for child in node.children for word in _label_words(child))
        shared = {word for word, n in words.items() if n >= WORK_MIN_UNITS}
        choices = [child for child in node.children if id(child) in templated or _label_words(child) & shared]
        if len(choices) < WORK_MIN_UNITS or not all(_text_only(child) for child in choices):
            continue
        for child in choices:
            child.choice = True
        marked.extend(choices)
    return marked


def _label_words(node: DraftNode) -> set[str]:
    """Return the words of a node's field labels, singular: ``Example skills``, ``Platforms`` → example, platform.

    Choices describe themselves alike without repeating one template exactly: ``Example skills`` /
    ``Platform examples`` under one, ``Examples`` / ``Platforms`` under another.
    """
    return {
        word.removesuffix("s") for field in node.fields for word in regex.findall(r"\p{L}{3,}", field.label.casefold())
    }


def _text_only(node: DraftNode) -> bool:
    """Return whether a node holds only text, items and fields of them (it can be read as one direction)."""
    for _, part in node.content:
        if isinstance(part, DraftField):
            if not all(isinstance(p, Paragraph | DraftItem) for p in part.parts):
                return False
        elif not isinstance(part, Paragraph | DraftItem):
            return False
    return all(_text_only(child) for child in node.children)


def node_to_direction(node: DraftNode) -> DraftItem:
    """Return a part offered as a choice as one direction: its title the text, what it holds the sub-items."""
    assert node.numbering is not None or node.title is not None
    numbering = node.numbering if node.numbering is not None else _UNNUMBERED
    item = DraftItem(numbering, node.title or "", (), 1, node.provenance)
    for _, part in node.content:
        if isinstance(part, Paragraph):
            item.extend(part.text, part.provenance)
        elif isinstance(part, DraftItem):
            item.children.append(part)
        elif isinstance(part, DraftField):
            item.children.append(_field_item(part))
    for child in node.children:
        sub = node_to_direction(child)
        sub.depth = 2
        item.children.append(sub)
    return item


def _field_item(draft: DraftField) -> DraftItem:
    """Return a labelled bullet (``● Example skills: needle-passing, …``) as a sub-item of a direction."""
    numbering = draft.numbering if draft.numbering is not None else _UNNUMBERED
    colon = (draft.colon or ":").strip()
    text = f"{draft.label}{colon} {draft.text.strip()}" if draft.text.strip() else f"{draft.label}{colon}"
    item = DraftItem(numbering, text, (), 2, draft.provenance)
    for part in draft.parts:
        if isinstance(part, DraftItem):
            item.children.append(part)
        elif isinstance(part, Paragraph):
            item.extend(part.text, part.provenance)
    return item


# One planned item of a run of numbered questions: the item (a numbered part set as a heading, ``1、群众留言分类``, is
# a field) and the parts between it and the next.
_Planned = tuple[DraftItem | DraftField, list[object]]


def hoist_problem_items(topic: DraftNode, states_problem: Callable[[str], bool]) -> bool:
    """Move the numbered questions of a one-topic call's problem part (``基本任务：`` over ``1：…`` ``2：…``) into its
    directions, with the parts after it whose items go on counting (``发挥部分`` over ``4：…``); say whether any moved.

    The run counts 1, 2, … in one family from the problem part's first numbered item; what stands between item n
    and item n+1 (a paragraph, an item of another list) belongs to item n; what follows the last item stays. A
    question set as a heading (``1、群众留言分类``) keeps in the part what a direction cannot hold (its tables).
    """
    if topic.has_directions:
        return False
    drafts = field_tree(topic.fields)
    for at, draft in enumerate(drafts):
        if not states_problem(draft.label):
            continue
        plan = _counted(draft.parts, 1, None)
        if len(plan) < WORK_MIN_UNITS:
            continue
        plans = [(draft, plan)]
        key = _numbering(plan[0][0]).key
        for later in drafts[at + 1 :]:
            more = _counted(later.parts, (_numbering(plan[-1][0]).last or 0) + 1, key)
            if not more:
                break
            plans.append((later, more))
            plan = more
        for holder, planned in plans:
            items = _take_run(holder, planned)
            # In document order: after the part of the topic that printed them.
            where = _slot_after(topic, holder)
            # A new list, not one changed in place: the node's content scans look only at what was appended.
            topic.content = [*topic.content[:where], *(("directions", item) for item in items), *topic.content[where:]]
        return True
    return False


def _numbering(part: DraftItem | DraftField) -> Numbering:
    assert part.numbering is not None
    return part.numbering


def _take_run(holder: DraftField, planned: list[_Planned]) -> list[DraftItem]:
    """Remove a planned run from `holder`'s parts and return its items, each with the text that follows it."""
    runs = {id(part): between for part, between in planned}
    taken = {id(part) for _, between in planned for part in between}
    parts: list[DraftPart | DraftField] = []
    items: list[DraftItem] = []
    for part in holder.parts:
        if id(part) in taken:
            continue
        if id(part) not in runs:
            parts.append(part)
            continue
        if isinstance(part, DraftField):
            item = DraftItem(
                _numbering(part), part.label if not part.text else f"{part.label}: {part.text}", (), 1, part.provenance
            )
            # What a direction holds (paragraphs, items) is the question's; the rest stays where it was printed.
            parts.extend(sub for sub in part.parts if not isinstance(sub, Paragraph | DraftItem))
            _fold(item, [sub for sub in part.parts if isinstance(sub, Paragraph | DraftItem)])
        else:
            assert isinstance(part, DraftItem)
            item = part
        _fold(item, runs[id(part)])
        items.append(item)
    holder.parts = parts
    return items


def _slot_after(topic: DraftNode, holder: DraftField) -> int:
    """Return the place in `topic`'s content after the field that is or holds `holder`, and after the directions
    that follow it."""
    holders = (
        i
        for i, (_, item) in enumerate(topic.content)
        if isinstance(item, DraftField) and any(draft is holder for draft in field_tree([item]))
    )
    at = next(holders, len(topic.content) - 1)
    at += 1
    while at < len(topic.content) and topic.content[at][0] == "directions":
        at += 1
    return at


def _counted(parts: list[DraftPart | DraftField], start: int, key: tuple[str, int] | None) -> list[_Planned]:
    """Return the numbered items of `parts` counting from `start` (in family `key`, else the first's), each with the
    text between it and the next; empty where the count does not start there or a table or field stands between."""
    run: list[_Planned] = []
    between: list[object] = []
    for part in parts:
        numbering = part.numbering if isinstance(part, DraftItem | DraftField) else None
        expected = (_numbering(run[-1][0]).last or 0) + 1 if run else start
        if numbering is not None and numbering.last == expected and (key is None or numbering.key == key):
            assert isinstance(part, DraftItem | DraftField)
            if run:
                run[-1][1].extend(between)
            run.append((part, []))
            key, between = numbering.key, []
        elif not run:
            if numbering is not None:
                return []  # the part's first numbered item does not start the count
        elif isinstance(part, Paragraph | DraftItem):
            between.append(part)
        else:
            break  # a table or a field ends the run: what follows it is no question's text
    return run


def _fold(item: DraftItem, between: list[object]) -> None:
    """Give `item` the parts that stood between it and the next item: paragraphs its text, items its children."""
    for part in between:
        if isinstance(part, DraftItem):
            part.depth = max(part.depth, item.depth + 1)
            item.children.append(part)
            item.provenance = item.provenance.merge(part.provenance)
        elif isinstance(part, Paragraph):
            item.extend(part.text, part.provenance)
