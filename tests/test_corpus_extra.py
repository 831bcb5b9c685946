"""Real calls of shapes the builder was not written on, read from `../corpus-extra` (never copied here).

Each test names the shape it guards: a topic list under a question heading (a Higress 开源之夏
post), an ordered list of proposal sections under a bold label (Filecoin RFP ideas), a key
of five words with a short value (an Avail RFP). The tests skip when the folder is absent.
"""

from __future__ import annotations

import docparse
from docparse.model import CallKind, LabelledField, Section

from .conftest import EXTRA_CORPUS, corpus_file


def _parse(name: str) -> docparse.Document:
    return docparse.parse(corpus_file(name, EXTRA_CORPUS))


def test_a_topic_list_under_a_question_heading() -> None:
    document = _parse("zh_higress_ospp2025_call.md")
    topics = list(document.iter_topics())
    assert [t.title for t in topics] == [
        "提升 Higress Console 对 AI 编码的兼容性",
        "为 Higress 实现基于多个 MCP Server 的 AI Agent，实现对 Higress 的管控/运维诊断",
        "实现 Nginx 配置到 Higress 配置转换的 MCP Server 逻辑",
    ]
    assert [(f.label, f.text) for f in topics[0].fields] == [("项目社区导师", "CH3CHO")]
    assert document.kind is CallKind.MIXED
    titles = [s.title for s in document.iter_nodes() if isinstance(s, Section)]
    assert "谁可以报名？" in titles and "一位学生可以申请几个项目？" in titles


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
    assert topic.title == "面向超长程复杂任务的动态异构群体智能架构与深度协同推理技术比赛方案"
    labels = [f.label for f in topic.fields]
    assert labels[:3] == ["发榜单位", "题目名称", "题目介绍"]
    publisher = {f.label: f.text for f in topic.fields[0].items if isinstance(f, LabelledField)}
    assert publisher == {
        "企业名称": "荣耀终端股份有限公司",
        "企业类型": "国有企业",
        "企业地址": "深圳市福田区香蜜湖街道东海社区红荔西路8089 号",
    }
