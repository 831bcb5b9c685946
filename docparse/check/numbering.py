"""Check stage, numbering rules (DP3xx): gaps, duplicates, order, style changes, misplaced topics.

Each list of siblings is a sequence: the sections of the document, the topics of a section,
the numbered tracks of a topic (per numbering family and depth), the directions of a unit and
the children of a direction. In a sequence:

- a *duplicate* (DP302) is a number already seen; when it stands where the next number was
  expected and that number appears nowhere (``1) 2) 2) 4)``), it is the mis-typed number and
  no gap is reported for it;
- *out-of-order* numbers (DP303) are those outside a longest increasing run of the sequence:
  the fewest items that would have to move (``5) 1) 2) 3) 4)`` reports `5)` alone);
- a *gap* (DP301) is a number missing between the start and the highest number, reported once
  per run of missing numbers at the item that follows the run. A sequence starts at 1; topics
  numbered with one component (``1.`` under ``一、``) may also continue the previous section's
  numbering, as may directions the previous unit's. Identifier families (``No.236``) are not
  checked for gaps: their numbers are task ids, not positions.

A change of numbering family inside one list of directions is DP304; when the new family
starts again at 1 (``1) 2) (1) (2)``), a new sequence begins there.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from collections.abc import Sequence as Seq
from dataclasses import dataclass

from docparse.check.base import Check, iter_units
from docparse.diagnostics import make_diagnostic
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Direction, Document, Section, Topic
from docparse.model.provenance import Provenance
from docparse.vocab.families import IDENTIFIER_FAMILIES, match_numbering, number_path


@dataclass(frozen=True, slots=True)
class Item:
    """One numbered sibling: its last number component, family and label as printed."""

    number: int
    family: str
    label: str
    provenance: Provenance
    node: str


def _family(label: str | None) -> str:
    numbering = match_numbering(label) if label else None
    return numbering.family.name if numbering is not None else "other"


def _plural(first: int, last: int) -> str:
    return f"number {first} is" if first == last else f"numbers {first}–{last} are"


def check_sequence(items: Seq[Item], what: str, continues_from: int | None = None) -> Iterator[Diagnostic]:
    """Report gaps, duplicates and out-of-order numbers in one sequence of siblings.

    `what` names the siblings in messages ("direction", "topic"); `continues_from` is the last
    number of the previous sequence that this one may continue.
    """
    if not items:
        return
    identifiers = items[0].family in IDENTIFIER_FAMILIES
    numbers = {item.number for item in items}
    starts = {1} if continues_from is None else {1, continues_from + 1}
    start = items[0].number if items[0].number in starts else 1
    seen: set[int] = set()
    absorbed: set[int] = set()
    firsts: list[Item] = []
    previous: int | None = None
    for item in items:
        if item.number in seen:
            expected = None if previous is None else previous + 1
            note = ""
            if expected is not None and expected not in numbers and expected not in absorbed:
                absorbed.add(expected)
                note = f" ({expected} expected)"
            yield make_diagnostic(
                "numbering-duplicate",
                f"{what} `{item.label}` repeats the number of an earlier {what}{note}",
                item.provenance,
                node=item.node,
            )
        else:
            seen.add(item.number)
            firsts.append(item)
        previous = item.number
    yield from _out_of_order(firsts, what)
    if identifiers:
        return
    first_with = {item.number: item for item in firsts}
    stood_for = sorted(absorbed)
    lower = start - 1
    for number in sorted(numbers):
        if number > lower + 1:
            # Numbers lower+1 … number-1 are missing, except those a mis-typed duplicate stands for.
            for first, last in _runs(lower + 1, number - 1, stood_for):
                following = first_with[number]
                yield make_diagnostic(
                    "numbering-gap",
                    f"{_plural(first, last)} missing before {what} `{following.label}`",
                    following.provenance,
                    node=following.node,
                )
        lower = max(lower, number)


def _out_of_order(items: list[Item], what: str) -> Iterator[Diagnostic]:
    """Report the items outside a longest increasing run of numbers (the fewest moves that sort them).

    Among equally long runs the one keeping earlier items is chosen, so of two swapped
    neighbours the second is reported.
    """
    kept = _longest_increasing(items)
    for index, item in enumerate(items):
        if index in kept:
            continue
        before = [items[k].number for k in kept if k < index and items[k].number > item.number]
        after = [items[k].number for k in kept if k > index and items[k].number < item.number]
        where = f"after number {max(before)}" if before else f"before number {min(after)}" if after else "in its list"
        yield make_diagnostic(
            "numbering-out-of-order",
            f"{what} `{item.label}` is out of order ({where})",
            item.provenance,
            node=item.node,
        )


def _longest_increasing(items: list[Item]) -> set[int]:
    """Return the indexes of a longest increasing run of numbers, preferring earlier items.

    Patience sorting over the items from last to first on negated numbers (a run increasing
    left to right is one increasing right to left on negated numbers): O(n log n), and the run
    it rebuilds is the one whose items come earliest.
    """
    tail_index: list[int] = []
    tail_key: list[int] = []
    parent: dict[int, int | None] = {}
    for index in range(len(items) - 1, -1, -1):
        key = -items[index].number
        position = bisect_left(tail_key, key)
        parent[index] = tail_index[position - 1] if position else None
        if position == len(tail_index):
            tail_index.append(index)
            tail_key.append(key)
        else:
            tail_index[position] = index
            tail_key[position] = key
    kept: set[int] = set()
    node = tail_index[-1] if tail_index else None
    while node is not None:
        kept.add(node)
        node = parent[node]
    return kept


def _runs(first: int, last: int, excluded: list[int]) -> Iterator[tuple[int, int]]:
    """Yield the runs of numbers from `first` to `last` that are not in the sorted list `excluded`."""
    start = first
    for number in excluded[bisect_left(excluded, first) : bisect_right(excluded, last)]:
        if number > start:
            yield start, number - 1
        start = number + 1
    if start <= last:
        yield start, last


# -- sections and topics ------------------------------------------------------------------------


def sections(document: Document) -> Iterator[Diagnostic]:
    """Check the numbering of the sections of the document, and of the sub-sections of each section."""
    yield from _section_sequence(document.sections)
    for unit in iter_units(document):
        if isinstance(unit, Section) and unit.sections:
            yield from _section_sequence(unit.sections)


def _section_sequence(siblings: tuple[Section, ...]) -> Iterator[Diagnostic]:
    items = []
    for section in siblings:
        value = number_path(section.number)
        if value is not None:
            items.append(
                Item(
                    value[-1],
                    _family(section.label),
                    _shown(section.label, section.number),
                    section.provenance,
                    section.id,
                )
            )
    yield from check_sequence(items, "section")


def topics(document: Document) -> Iterator[Diagnostic]:
    """Check the numbering of the topics of each section, and that their numbers fit the section."""
    previous_last: int | None = None
    for section in (unit for unit in iter_units(document) if isinstance(unit, Section)):
        section_value = number_path(section.number)
        items: list[Item] = []
        flat = True
        for topic in section.topics:
            value = number_path(topic.number)
            if value is None:
                continue
            if section_value is not None and len(value) == len(section_value) + 1 and value[:-1] != section_value:
                yield make_diagnostic(
                    "numbering-parent-mismatch",
                    f"topic `{_shown(topic.label, topic.number)}` is under section "
                    f"`{_shown(section.label, section.number)}`",
                    topic.provenance,
                    node=topic.id,
                )
                continue
            flat = flat and len(value) == 1
            items.append(
                Item(value[-1], _family(topic.label), _shown(topic.label, topic.number), topic.provenance, topic.id)
            )
        yield from check_sequence(items, "topic", previous_last if flat else None)
        if items:
            previous_last = items[-1].number if flat else None


def _shown(label: str | None, number: str | None) -> str:
    return (label or number or "").strip()


# -- tracks -------------------------------------------------------------------------------------


def tracks(document: Document) -> Iterator[Diagnostic]:
    """Check numbered tracks (``（一）`` under a topic) family by family, restarting under each parent."""
    for topic in document.iter_topics():
        yield from _track_sequences(topic)


def _track_sequences(topic: Topic) -> Iterator[Diagnostic]:
    order: list[tuple[str, int]] = []
    runs: dict[tuple[str, int], list[Item]] = {}
    finished: list[list[Item]] = []
    for track in topic.tracks:
        numbering = match_numbering(track.marker) if track.marker else None
        if numbering is None or not numbering.value:
            continue
        key = numbering.key
        if key in order:
            # A shallower family: the deeper sequences under the previous parent end here.
            for deeper in order[order.index(key) + 1 :]:
                if deeper in runs:
                    finished.append(runs.pop(deeper))
            del order[order.index(key) + 1 :]
        else:
            order.append(key)
        runs.setdefault(key, []).append(
            Item(numbering.value[-1], numbering.family.name, numbering.label, track.provenance, track.id)
        )
    finished.extend(runs.values())
    for items in finished:
        yield from check_sequence(items, "track")


# -- directions ---------------------------------------------------------------------------------


def directions(document: Document) -> Iterator[Diagnostic]:
    """Check the directions of every section, topic and track, and the nested items of each direction."""
    found: list[Diagnostic] = []
    previous_last: int | None = None
    for unit in iter_units(document):
        if unit.directions:
            previous_last = _direction_list(unit.directions, previous_last, found)
    yield from found


def _direction_list(items: tuple[Direction, ...], continues_from: int | None, found: list[Diagnostic]) -> int | None:
    """Append the findings of one list of sibling directions and its nested lists to `found`.

    Return the last number of the list's final sequence (None if it has no numbers).
    """
    families = [_family(direction.label) for direction in items]
    counts = Counter(families)
    # The list's own style is its most common family (the first one on a tie).
    usual = max(counts, key=lambda family: (counts[family], -families.index(family))) if families else None
    usual_label = next((d.label for d, f in zip(items, families, strict=True) if f == usual), "")
    sequences: list[list[Item]] = [[]]
    previous: str | None = None
    for direction, family in zip(items, families, strict=True):
        if previous is not None and family != previous:
            if direction.number == 1:
                sequences.append([])  # a new family starting again at 1 begins a new sequence
            if family != usual:
                found.append(
                    make_diagnostic(
                        "numbering-family-change",
                        f"direction `{direction.label}` is numbered in another style than its list (`{usual_label}`)",
                        direction.provenance,
                        node=direction.id,
                    )
                )
        previous = family
        if direction.number is not None:
            sequences[-1].append(Item(direction.number, family, direction.label, direction.provenance, direction.id))
    for index, sequence in enumerate(sequences):
        found.extend(check_sequence(sequence, "direction", continues_from if index == 0 else None))
    for direction in items:
        if direction.children:
            _direction_list(direction.children, None, found)
    last_sequence = next((sequence for sequence in reversed(sequences) if sequence), None)
    return last_sequence[-1].number if last_sequence else None


CHECKS = (
    Check(("numbering-gap", "numbering-duplicate", "numbering-out-of-order"), sections),
    Check(("numbering-gap", "numbering-duplicate", "numbering-out-of-order", "numbering-parent-mismatch"), topics),
    Check(("numbering-gap", "numbering-duplicate", "numbering-out-of-order"), tracks),
    Check(
        ("numbering-gap", "numbering-duplicate", "numbering-out-of-order", "numbering-family-change"),
        directions,
    ),
)
