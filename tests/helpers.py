"""Assertions shared by the tests of every reader: the reference call's outline."""

from __future__ import annotations

import re

from docparse import Document
from docparse.model import CallKind, Paragraph

from .conftest import SEED

# Per topic (and per track in order), the number of directions the reference call has.
SEED_DIRECTIONS = {
    "1.1": 8,
    "1.2": 8,
    "1.3": 4,
    "1.4": 5,
    "1.5": 8,
    "2.1": 8,
    "2.2/t1": 3,
    "2.2/t2": 1,
    "2.2/t3": 1,
    "2.2/t4": 2,
    "2.3/t1": 2,
}


def seed_direction_texts() -> list[str]:
    """Return the text of every direction line of the seed, without `- N) ` and without `**`."""
    texts = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^- \d+\) (.*)$", line)
        if found:
            texts.append(found.group(1).replace("**", ""))
    return texts


def all_directions(document: Document) -> list[tuple[str, str]]:
    """Return (unit id, direction text) for every direction in document order."""
    out: list[tuple[str, str]] = []
    for topic in document.iter_topics():
        for unit in (topic, *topic.tracks):
            out.extend((unit.id, d.text) for d in unit.directions)
    return out


def assert_seed_outline(document: Document) -> None:
    """Assert the outline of the reference call: TOC, sections, topics, tracks, directions."""
    assert document.kind is CallKind.CATALOGUE
    assert document.label == "附件一"
    assert document.title == "申报主题"
    assert document.toc_title == "申报主题目录"
    assert [(type(p), getattr(p, "text", None)) for p in document.preamble] == [
        (Paragraph, "(以下主题均不限于给定的建议研究方向，可基于研究者背景及兴趣确定。)")
    ]
    assert len(document.toc) == 10
    assert [(e.number, e.page, e.level) for e in document.toc][:3] == [("1", 1, 1), ("1.1", 1, 2), ("1.2", 2, 2)]
    assert all(e.target == e.number for e in document.toc)
    assert [(s.number, s.title) for s in document.sections] == [("1", "开放课题"), ("2", "半开放课题")]
    topics = list(document.iter_topics())
    assert [t.number for t in topics] == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3"]
    assert [t.title for t in topics][:3] == ["机器学习基础理论", "深度学习框架技术", "强化学习/进化学习"]
    tracks = [track for t in topics for track in t.tracks]
    assert [(t.id, t.marker) for t in tracks] == [
        ("2.2/t1", "■"),
        ("2.2/t2", "■"),
        ("2.2/t3", "■"),
        ("2.2/t4", "■"),
        ("2.3/t1", "■"),
    ]
    assert tracks[0].title == "深度学习在 Web 端的应用研究"
    counts: dict[str, int] = {}
    for unit_id, _ in all_directions(document):
        counts[unit_id] = counts.get(unit_id, 0) + 1
    assert counts == SEED_DIRECTIONS
    assert [text for _, text in all_directions(document)] == seed_direction_texts()
    first = topics[0].directions[0]
    assert (first.number, first.label, first.title) == (1, "1)", "深度学习优化算法和收敛性研究")
    assert first.body.startswith("研究能加速深度学习训练收敛")
    assert topics[4].directions[0].title == "工业质检/巡检场景关键技术"
    assert topics[2].directions[0].title is None
    assert all(t.directions_marker == "建议研究方向" for t in topics if t.directions)
    assert [getattr(p, "text", None) for p in topics[4].description] == [_seed_15_paragraph()]
    first_paragraph = topics[4].description[0]
    assert isinstance(first_paragraph, Paragraph) and "着重方法的效果和效率" in first_paragraph.text
    assert document.unplaced == ()


def _seed_15_paragraph() -> str:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("本项目希望对深度学习技术在计算视觉"))
    return lines[start] + lines[start + 2]
