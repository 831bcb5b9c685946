"""Exporters: JSON, YAML and Markdown, and loading the exports back."""

from __future__ import annotations

import json

import pytest
import yaml
from markdown_it import MarkdownIt

import docparse
from docparse import Document

from .conftest import SEED


@pytest.fixture(scope="module")
def seed_document() -> Document:
    return docparse.parse(SEED)


def test_json_is_utf8_not_escaped_and_loads_back(seed_document: Document) -> None:
    text = docparse.to_json(seed_document)
    assert "开放课题" in text and "\\u" not in text
    assert list(json.loads(text))[:5] == ["schema_name", "schema_version", "source", "kind", "label"]
    assert docparse.load(text.encode("utf-8")) == seed_document


def test_yaml_is_block_style_readable_and_loads_back(seed_document: Document) -> None:
    text = docparse.to_yaml(seed_document)
    assert "title: 申报主题" in text
    assert "{" not in text.splitlines()[0]
    assert Document.model_validate(yaml.safe_load(text)) == seed_document
    assert docparse.load(text.encode("utf-8")) == seed_document


def test_markdown_is_commonmark_with_headings_and_bold_titles(seed_document: Document) -> None:
    text = docparse.to_markdown(seed_document)
    tokens = MarkdownIt("commonmark").parse(text)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[:3] == [("h1", "申报主题"), ("h2", "1. 开放课题"), ("h3", "1.1 机器学习基础理论")]
    assert ("h4", "■ 深度学习在 Web 端的应用研究") in headings
    assert "1) **深度学习优化算法和收敛性研究**：研究能" in text
    ordered = [t for t in tokens if t.type == "ordered_list_open" and t.markup == ")"]
    assert len(ordered) == 11  # one directions list per topic or track


def test_markdown_toc_renders_one_entry_per_line_before_the_first_heading(seed_document: Document) -> None:
    text = docparse.to_markdown(seed_document)
    html = MarkdownIt("commonmark").render(text)
    contents = html[: html.index("<h1>")]
    # Not an ordered list that swallows the entries after it: one paragraph, an entry per line.
    assert "<ol" not in contents and "<li>" not in contents
    entries = [f"{e.label} {e.title}.....{e.page_label}" for e in seed_document.toc]
    assert len(entries) == 10
    assert "<br />\n".join(entries) in contents


def test_markdown_round_trip_gives_an_equal_outline(seed_document: Document) -> None:
    again = docparse.parse_text(docparse.to_markdown(seed_document))
    assert docparse.outline_data(again) == docparse.outline_data(seed_document)


def test_markdown_escapes_syntax_in_text() -> None:
    document = docparse.parse_text("1. 节\n\n1.1 题\n\n建议研究方向：\n\n1) 研究 a\\*b\\*c 与 \\<img\\> 标记\n")
    direction = next(iter(document.iter_topics())).directions[0]
    assert direction.text == "研究 a*b*c 与 <img> 标记"
    again = docparse.parse_text(docparse.to_markdown(document))
    assert next(iter(again.iter_topics())).directions[0].text == direction.text


def test_load_refuses_what_is_not_an_export(tmp_path: object) -> None:
    with pytest.raises(docparse.CorruptDocumentError):
        docparse.load(b'{"schema_name": "docparse.Document"}')
    with pytest.raises(docparse.CorruptDocumentError):
        docparse.load(b"\xff\xfe\x00garbage")


def test_markdown_writes_each_label_with_the_colon_it_was_printed_with() -> None:
    source = "# Call\n\n## Scope\n\nOBJECTIVE: Build a parser.\n\n研究内容：解析器\n\nArea:Drones\n"
    document = docparse.parse_text(source)
    fields = document.sections[0].fields
    assert [(f.label, f.colon) for f in fields] == [("OBJECTIVE", ": "), ("研究内容", "："), ("Area", ":")]
    text = docparse.to_markdown(document)
    assert "OBJECTIVE: Build a parser." in text and "研究内容：解析器" in text and "Area:Drones" in text
    assert "：" not in text.replace("研究内容：", "")


def test_markdown_writes_a_printed_bullet_as_the_marker_one_item_a_line() -> None:
    document = docparse.parse_text("# Call\n\n## Scope\n\nAreas:\n\n• FutureG\n• Biotechnology\n\nMore text.\n")
    items = document.sections[0].fields[0].items
    assert [(i.label, i.text) for i in items[:2]] == [("•", "FutureG"), ("•", "Biotechnology")]  # type: ignore[union-attr]
    text = docparse.to_markdown(document)
    assert "• FutureG\\\n• Biotechnology\n\nMore text." in text and "- •" not in text
    # A renderer shows one item a line (a hard break), and the reader reads the same items back.
    assert "FutureG<br />" in MarkdownIt("commonmark").render(text)
    assert docparse.outline_data(docparse.parse_text(text)) == docparse.outline_data(document)


def test_markdown_sets_a_direction_title_in_bold_only_where_the_source_did() -> None:
    source = "1. 节\n\n1.1 题\n\n建议研究方向：\n\n1) Sensing: new sensors.\n2) **Fusion**: more data.\n"
    document = docparse.parse_text(source)
    directions = next(iter(document.iter_topics())).directions
    assert [(d.title, d.title_bold) for d in directions] == [("Sensing", False), ("Fusion", True)]
    text = docparse.to_markdown(document)
    assert "1) Sensing: new sensors." in text and "2) **Fusion**: more data." in text


def test_a_line_break_in_a_table_cell_is_a_br_and_reads_back() -> None:
    source = "# Call\n\n## Scope\n\n| 分数 | 说明 |\n| --- | --- |\n| 32 – 40 分<br>（优秀） | 表现突出 |\n"
    document = docparse.parse_text(source)
    table = document.sections[0].description[0]
    assert table.rows[1] == ("32 – 40 分\n（优秀）", "表现突出")  # type: ignore[union-attr]
    text = docparse.to_markdown(document)
    assert "| 32 – 40 分<br>（优秀） | 表现突出 |" in text
    assert "<td>32 – 40 分<br>（优秀）</td>" in MarkdownIt("commonmark").enable("table").render(text)
    assert docparse.outline_data(docparse.parse_text(text)) == docparse.outline_data(document)


def test_an_en_dash_bullet_of_a_slide_is_its_marker() -> None:
    document = docparse.parse_text("# Call\n\n## Scope\n\nBackground:\n\n– 智能驾驶\n– 交通安防\n")
    text = docparse.to_markdown(document)
    assert "– 智能驾驶\\\n– 交通安防" in text and "- –" not in text
    assert docparse.outline_data(docparse.parse_text(text)) == docparse.outline_data(document)


def test_markdown_sets_a_label_in_bold_as_printed_its_colon_inside_or_after() -> None:
    source = (
        "# Call\n\n## Idea\n\n**Description**\n\nText.\n\nBenefits:\n- Fast.\n- Small.\n\n"
        "**Rolling:** we review monthly.\n\n"
        "* **官方展示与传播**：推荐展示。\n* **星河社区算力与 API 资源**：免费算力。\n"
    )
    document = docparse.parse_text(source)
    section = document.sections[0]
    fields = [f for top in section.fields for f in (top, *top.iter_fields())]
    assert [(f.label, f.bold) for f in fields] == [
        ("Description", "label"),
        ("Benefits", None),
        ("Rolling", "label+colon"),
        ("官方展示与传播", "label"),
        ("星河社区算力与 API 资源", "label"),
    ]
    text = docparse.to_markdown(document)
    assert "\nBenefits:\n" in text and "**Benefits**" not in text
    assert "**Rolling:** we review monthly." in text
    assert "* **官方展示与传播**：推荐展示。" in text and "* **星河社区算力与 API 资源**：免费算力。" in text
    assert docparse.outline_data(docparse.parse_text(text)) == docparse.outline_data(document)


def test_a_label_line_over_a_bold_label_is_written_as_a_heading_with_its_siblings() -> None:
    source = (
        "# RFP-012: Vector codes\n\n## **Background**\n\nCodes matter.\n\n## **Problem Statement**\n\nBe short.\n\n"
        "## **RFP Details**\n\n### **Application Deadline**\n\n**Rolling:** monthly.\n\n### **Team**\n\nOne PI.\n\n"
        "### **Award**\n\nUp to $50,000.\n"
    )
    document = docparse.parse_text(source)
    text = docparse.to_markdown(document)
    # A bold line would be the sibling of the bold label under it: a heading holds it, and its siblings
    # take its level.
    assert "#### Application Deadline\n\n**Rolling:** monthly.\n\n#### Team\n\nOne PI.\n\n#### Award" in text
    assert docparse.outline_data(docparse.parse_text(text)) == docparse.outline_data(document)


def test_a_label_heading_keeps_its_colon_and_a_cjk_label_takes_no_space() -> None:
    source = (
        "此文档展示项目。\n\n### 项目一：算子规范\n\n#### 项目介绍：\n\n飞桨正在搭建。\n\n"
        "#### 营员要求：\n\n- 熟悉 C++\n\n"
        "### 项目二：新 IR Pass\n\n#### 项目介绍：\n\n飞桨框架在重构。\n\n#### 营员要求：\n\n- 熟悉 Python\n"
    )
    document = docparse.parse_text(source)
    text = docparse.to_markdown(document)
    # A bold `**项目介绍：**` would be a run-in label: the heading, and the colon, are as printed.
    assert "## 项目一：算子规范\n\n### 项目介绍：\n\n飞桨正在搭建。\n\n### 营员要求：\n\n- 熟悉 C++" in text
    assert docparse.outline_data(docparse.parse_text(text)) == docparse.outline_data(document)


def test_a_contents_of_labelled_links_without_pages_is_a_list_of_links_again() -> None:
    source = (
        "Table of Contents\n\n- [Part 1. Overview Information](#part-1-overview-information)\n"
        "- [Key Dates](#key-dates)\n- [Part 2. Full Text](#part-2-full-text)\n\n# RFA-TR-25-002: Studies\n\n"
        "## Part 1. Overview Information\n\nOrganization: NIH\n\n## Key Dates\n\nPosted: March 2025\n\n"
        "## Part 2. Full Text\n\nThe full text.\n"
    )
    document = docparse.parse_text(source)
    assert [(e.label, e.title) for e in document.toc] == [
        ("Part 1.", "Overview Information"),
        (None, "Key Dates"),
        ("Part 2.", "Full Text"),
    ]
    text = docparse.to_markdown(document)
    # Not a table: its first row would read as a header, and an entry without a number as no entry.
    assert "- [Part 1. Overview Information](#part-1-overview-information)\n- [Key Dates](#key-dates)\n" in text
    assert docparse.outline_data(docparse.parse_text(text)) == docparse.outline_data(document)


def test_typed_items_one_of_which_holds_a_label_are_typed_lines_again() -> None:
    source = (
        "# 面向复杂任务的群体智能\n\n## 五、答题要求\n\n参赛系统需体现以下能力。\n"
        "a. 超长程上下文连续性与记忆保持的设计： 系统须克服记忆坍缩问题。\n"
        "b. 低熵通信： 群体须包含多种异构能力的智能体角色。\n"
        "c. 交付物要求\n"
    )
    document = docparse.parse_text(source)
    items = document.sections[0].description
    assert [(i.label, i.type) for i in items[1:]] == [("a.", "item"), ("b.", "item"), ("c.", "item")]  # type: ignore[union-attr]
    text = docparse.to_markdown(document)
    # In a Markdown list "b. 低熵通信：…" would be a field: the run is typed, as printed, without bullets.
    assert "\n\na. 超长程上下文" in text and "\n\nb. 低熵通信： 群体" in text and "\n\nc. 交付物要求\n" in text
    assert "- a." not in text and "- b." not in text
    assert docparse.outline_data(docparse.parse_text(text)) == docparse.outline_data(document)


def test_printed_bullets_nested_under_a_printed_bullet_read_back_nested() -> None:
    source = "# Call\n\n## 赛题背景\n\n- – 深度学习技术日趋成熟\n  - – 智能驾驶\n  - – 交通安防\n- – 难点与挑战\n"
    document = docparse.parse_text(source)
    items = document.sections[0].description
    assert [(i.text, [c.text for c in i.children]) for i in items] == [  # type: ignore[union-attr]
        ("深度学习技术日趋成熟", ["智能驾驶", "交通安防"]),
        ("难点与挑战", []),
    ]
    text = docparse.to_markdown(document)
    # One bullet an item: the printed en dash, the children one a line under their item.
    assert "- – 深度学习技术日趋成熟\n  – 智能驾驶\\\n  – 交通安防\n– 难点与挑战" in text
    assert docparse.outline_data(docparse.parse_text(text)) == docparse.outline_data(document)
