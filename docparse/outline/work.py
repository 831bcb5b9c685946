"""Outline stage, shape: the counted units of work of a one-topic call are its directions.

A statement of work names the contractor's work as ``Task 1:``, ``Task 2:`` … under its scope,
each over a paragraph (and its steps). They are the topic's directions: the parts of the work a
proposal answers, as the research directions of a 申报指南 topic are. Only a run of labels that
share one word and count 1, 2, 3 … from one, in one list of fields, is read so; a lone
``Task 1`` or a gap keeps the fields as they are.
"""

from __future__ import annotations

from docparse.model.document import Paragraph
from docparse.outline.draft import DraftField, DraftItem, DraftNode
from docparse.vocab.families import WORK_UNIT, Numbering, match_families

# A run of counted work labels has at least this many.
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
    holders += [list(draft.parts) for draft in _field_tree(topic.fields)]
    for parts in holders:
        run = _run(parts)
        if run is None:
            continue
        items = [_as_item(draft, numbering) for draft, numbering in run]
        taken = {id(draft) for draft, _ in run}
        topic.content = [(slot, item) for slot, item in topic.content if id(item) not in taken]
        for draft in _field_tree(topic.fields):
            draft.parts = [part for part in draft.parts if id(part) not in taken]
        topic.content.extend(("directions", item) for item in items)
        return True
    return False


def _field_tree(fields: list[DraftField]) -> list[DraftField]:
    out: list[DraftField] = []
    for draft in fields:
        out.append(draft)
        out.extend(_field_tree([part for part in draft.parts if isinstance(part, DraftField)]))
    return out


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
