"""Real calls of other publishers (../shared/corpus), text and Markdown: hand-checked outlines.

The documents are read where they are and never copied here; each test skips without them.
"""

from __future__ import annotations

import docparse
from docparse.model import CallKind, Document, LabelledField, ListItem

from .conftest import corpus_file


def _topics(document: Document) -> list[tuple[str | None, str]]:
    return [(t.number, t.title) for t in document.iter_topics()]


def _fields(document: Document) -> list[list[str]]:
    return [[f.label for f in t.fields] for t in document.iter_topics()]


def test_hackathon4_tasks_with_run_in_fields() -> None:
    document = docparse.parse(corpus_file("zh_paddle_hackathon4_industry_tasks.txt"))
    assert document.title == "【PaddlePaddle Hackathon 4】产业合作开源贡献任务合集"
    assert _topics(document) == [
        ("236", "基于PaddleOCR的工频场强计读数识别"),
        ("237", "基于PaddleNLP的跨模态文档信息抽取"),
        ("238", "基于PaddleClas的中草药识别"),
        ("239", "基于PaddleDetection的无人机航拍图像检测"),
    ]
    # The closing "## 答疑交流" is a section of the call, not a fifth task.
    assert [s.title for s in document.sections] == [None, "答疑交流"]
    assert document.kind is CallKind.CATALOGUE
    task_fields = ["技术标签", "任务难度", "详细描述", "评分方式（根据以下几项综合评估）", "提交内容", "技术要求"]
    assert _fields(document) == [task_fields] * 4
    first = next(iter(document.iter_topics()))
    assert first.label == "No.236："
    assert (first.fields[0].text, first.fields[1].text) == ("深度学习，Python，OCR", "基础⭐️")
    detail = first.fields[2]
    # Nested lists stay nested: 数据集 has its two sub-items.
    assert [item.text for item in detail.items][1:] == ["数据集", "方案建议（不局限于此）"]
    assert [c.text[:3] for c in detail.items[1].children] == ["训练集", "测试集"]
    assert sum(len(t.directions) for t in document.iter_topics()) == 0
    assert len(document.sections[1].description) == 2
    # The HTML anchors and images are markup: dropped, and recorded.
    assert all(d.reason.value == "markup" for d in document.dropped)
    assert any("task236" in d.text for d in document.dropped)
    assert any(link.target.endswith("digital_rec_hackon_train.zip") for link in document.links)


def test_hackathon9_tasks_with_bold_labels() -> None:
    document = docparse.parse(corpus_file("zh_paddle_hackathon9_scicomp_tasks.txt"))
    assert document.title == "【开源贡献个人挑战赛-科学计算】任务详情"
    assert [n for n, _ in _topics(document)] == ["103", "104", "105", "106", "107", "108"]
    assert _fields(document) == [
        ["详细描述", "验收标准", "技术要求"],
        ["详细描述", "验收标准", "技术要求"],
        ["详细描述", "验收标准"],
        ["详细描述", "验收标准"],
        ["论文链接", "代码复现", "参考代码链接"],
        ["论文链接", "代码复现", "参考代码链接"],
    ]
    nxt = next(iter(document.iter_topics()))
    assert [i.text for i in nxt.fields[1].items] == [
        "实现其中全部API。",
        "完成单元测试",
        "实现精度对齐。",
        "安装文档。",
    ]
    # Mixed bullet markers (- then *) within one field stay one field.
    assert len(list(document.iter_topics())[1].fields[0].items) == 2
    # A bold label on its own line holds the paragraph under it as its first item.
    paper = list(document.iter_topics())[4].fields[0]
    assert (paper.text, [i.text for i in paper.items]) == ("", ["https://doi.org/10.1038/s41586-025-09005-y"])
    # The numbered procedure before the first task is preamble, not topics.
    steps = [p for f in document.preamble if isinstance(f, LabelledField) for p in f.iter_parts()]
    assert sum(1 for p in steps if isinstance(p, ListItem) and p.label in {"1.", "2.", "3.", "4.", "5.", "6."}) == 6
    assert document.unplaced == ()


def test_cisco_topics_with_bullet_directions_after_a_lead_in() -> None:
    document = docparse.parse(corpus_file("en_cisco_research_rfps.txt"))
    assert document.title == "Cisco Research Grants"
    assert [s.title for s in document.sections] == ["About", "Eligibility Criteria", "Application", "Deadline"]
    assert _topics(document) == [(None, "Sustainability"), (None, "Web 3")]
    sustainability, web3 = document.iter_topics()
    assert sustainability.directions_marker == (
        "Specific areas of research include but are not limited to the following"
    )
    assert len(sustainability.directions) == 9
    assert [len(d.children) for d in web3.directions] == [0, 3, 2, 0, 0]
    assert web3.directions[1].text == "Networking, Compute, Edge, Cloud Infrastructure for Web 3.0:"
    assert [c.text for c in web3.directions[1].children] == [
        "Blockchain",
        "De-centralized Apps (dApps)",
        "De-centralized Finance (DeFi)",
    ]
    total = sum(1 + len(d.children) for t in (sustainability, web3) for d in t.directions)
    assert total == 19
    assert web3.directions[3].title == "Compliance"


def test_corpus_text_documents_round_trip_through_markdown() -> None:
    for name in (
        "zh_paddle_hackathon4_industry_tasks.txt",
        "zh_paddle_hackathon9_scicomp_tasks.txt",
        "en_cisco_research_rfps.txt",
    ):
        document = docparse.parse(corpus_file(name))
        again = docparse.parse_text(docparse.to_markdown(document))
        assert docparse.outline_data(again) == docparse.outline_data(document), name
