"""The topic list of the shape rules keeps a list's `in`: equal nodes count as one, other nodes do not."""

from __future__ import annotations

from docparse.model.provenance import Provenance
from docparse.outline.draft import DraftNode
from docparse.outline.shape import _Nodes


def _node(title: str, line: int, level: int = 2) -> DraftNode:
    return DraftNode(level=level, title=title, numbering=None, provenance=Provenance(line_start=line, line_end=line))


def test_membership_is_by_equality_like_a_list() -> None:
    nodes = _Nodes()
    first = _node("Topic", 3)
    nodes.append(first)
    assert first in nodes
    assert _node("Topic", 3) in nodes  # a distinct but equal node, as `in` on a list finds it
    assert _node("Topic", 4) not in nodes
    assert _node("Topic", 3, level=3) not in nodes
    assert _node("Other", 3) not in nodes
    equal_but_different_content = _node("Topic", 3)
    equal_but_different_content.topic = True
    assert equal_but_different_content not in nodes
    assert nodes.nodes == [first]
