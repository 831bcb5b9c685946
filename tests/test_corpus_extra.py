"""Real calls of shapes the builder was not written on, read from the shared corpus (never copied here).

Each test names the shape it guards: an ordered list of proposal sections under a bold label
(Filecoin RFP ideas), a key of five words with a short value (an Avail RFP). The tests skip when
the corpus is absent.
"""

from __future__ import annotations

import docparse
from docparse.model import CallKind, LabelledField

from .conftest import corpus_file


def _parse(name: str) -> docparse.Document:
    return docparse.parse(corpus_file(name))


def test_proposal_sections_stay_items_of_their_label() -> None:
    document = _parse("en_filecoin_wave3_rfps.md")
    # The link index under "## RFP Ideas" groups links under "High Priority": it is no topic list.
    assert len(list(document.iter_topics())) == 21
    guidelines = next(s for s in document.sections if s.title == "Proposal Guidelines")
    assert not guidelines.sections
    (requirements,) = [f for f in guidelines.fields if f.label == "Proposal Requirements"]
    labels = [getattr(part, "text", "") for part in requirements.items]
    assert {"Project Description", "Deliverables", "Milestones & Funding", "Team"} <= set(labels)


def test_a_long_key_with_a_short_value_is_a_field() -> None:
    document = _parse("en_avail_rfp001.md")
    (topic,) = document.iter_topics()
    fields = {f.label: f.text for f in topic.fields if isinstance(f, LabelledField)}
    assert fields["Accepting one or multiple proposals"] == "Multiple"
    assert fields["Submit by"] == "Ongoing"


def test_hard_wrapped_text_keeps_short_titles_and_labels_apart() -> None:
    # The 挑战杯 call as text extracted from its PDF: lines wrapped at ~28 characters, no blank lines.
    document = _parse("zh_tzb2026_xh202631_honor_swarm.txt")
    assert document.kind is CallKind.SINGLE_TOPIC
    (topic,) = document.iter_topics()
    assert topic.identifier == "XH-202631"
    # The document's title wraps over two lines ("…比赛方案"); the 题目名称 clause's value names the topic.
    assert document.title == "面向超长程复杂任务的动态异构群体智能架构与深度协同推理技术比赛方案"
    assert topic.title == "面向超长程复杂任务的动态异构群体智能架构与深度协同推理技术"
    labels = [f.label for f in topic.fields]
    assert labels[:3] == ["发榜单位", "题目名称", "题目介绍"]
    publisher = {f.label: f.text for f in topic.fields[0].items if isinstance(f, LabelledField)}
    assert publisher == {
        "企业名称": "荣耀终端股份有限公司",
        "企业类型": "国有企业",
        "企业地址": "深圳市福田区香蜜湖街道东海社区红荔西路8089 号",
    }
