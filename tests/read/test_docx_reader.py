"""The DOCX reader on tiny hand-written documents: order, text, tables, boxes, fields, links, notes, breaks."""

from __future__ import annotations

import pytest

from docparse.blocks import Block, BlockKind, Reading, Span
from docparse.errors import EmptyDocumentError
from docparse.model.document import DropReason
from docparse.normalize import iter_joined_lines
from docparse.options import ParseOptions
from docparse.read.docx import read_docx

from .docx_factory import make_docx, p, r

OPTIONS = ParseOptions()
HEADING_STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
    '<w:rPr><w:sz w:val="24"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
    "<w:rPr><w:b/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Quiet"><w:name w:val="Quiet Heading"/><w:basedOn w:val="2"/>'
    '<w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>'
)


def _read(body: str, **parts: object) -> Reading:
    return read_docx(make_docx(body, **parts), options=OPTIONS, name="t.docx")  # type: ignore[arg-type]


def _texts(reading: Reading) -> list[str]:
    return [block.full_text for block in reading.blocks]


def _style(name: str) -> str:
    return f'<w:pStyle w:val="{name}"/>'


def test_paragraphs_in_order_with_their_body_index_and_empty_ones_skipped() -> None:
    reading = _read(p(r("一")) + p() + p(r("  ")) + p(r("二"), r("三")))
    assert _texts(reading) == ["一", "二三"]
    assert [(b.provenance.paragraph_start, b.provenance.paragraph_end) for b in reading.blocks] == [(0, 0), (3, 3)]
    assert reading.format == "docx" and reading.pages is None


def test_spans_concatenate_to_the_text_and_carry_bold_from_run_style_and_paragraph_style() -> None:
    body = (
        p(r("1) "), r("标题", rpr="<w:b/>"), r("：正文"))
        + p(r("强调", rpr='<w:rStyle w:val="Strong"/>'), r("不", rpr='<w:rStyle w:val="Strong"/><w:b w:val="0"/>'))
        + p(r("章"), r("节", rpr='<w:b w:val="false"/>'), ppr=_style("1"))
    )
    blocks = _read(body, styles=HEADING_STYLES).blocks
    assert blocks[0].spans == (Span("1) "), Span("标题", bold=True), Span("：正文"))
    assert blocks[1].spans == (Span("强调", bold=True), Span("不"))
    assert blocks[2].spans == (Span("章", bold=True), Span("节"))
    for block in blocks:
        assert "".join(span.text for span in block.spans) == block.text


def test_headings_from_outline_level_then_style_name_not_style_id() -> None:
    body = (
        p(r("一级"), ppr=_style("1"))
        + p(r("二级"), ppr=_style("2"))
        + p(r("正文样式的大纲"), ppr='<w:outlineLvl w:val="2"/>')
        + p(r("安静"), ppr=_style("Quiet"))
        + p(r("题目"), ppr=_style("Title"))
        + p(r("覆盖"), ppr=_style("1") + '<w:outlineLvl w:val="9"/>')
    )
    blocks = _read(body, styles=HEADING_STYLES).blocks
    assert [(b.text, b.kind, b.heading_level) for b in blocks] == [
        ("一级", BlockKind.HEADING, 1),
        ("二级", BlockKind.HEADING, 2),
        ("正文样式的大纲", BlockKind.HEADING, 3),
        ("安静", BlockKind.PARAGRAPH, None),
        ("题目", BlockKind.PARAGRAPH, None),
        ("覆盖", BlockKind.PARAGRAPH, None),
    ]


def test_font_size_is_the_dominant_run_size_in_points() -> None:
    body = p(r("大号标题", rpr='<w:sz w:val="44"/>'), r("小")) + p(r("正文")) + p(r("章节"), ppr=_style("1"))
    assert [b.font_size for b in _read(body, styles=HEADING_STYLES).blocks] == [22.0, 12.0, 16.0]


def test_automatic_numbers_go_to_the_label_not_the_text() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    )
    num_pr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'
    body = p(r("甲"), ppr=num_pr) + p(ppr=num_pr) + p(r("丙"), ppr=num_pr)
    reading = _read(body, numbering=numbering)
    assert [(b.label, b.text, b.list_depth) for b in reading.blocks] == [("1)", "甲", 1), ("3)", "丙", 1)]
    # The empty item still took number 2, and its label is recorded rather than lost silently.
    assert [(d.text, d.reason) for d in reading.dropped] == [("2)", DropReason.EMPTY)]


def test_tables_in_document_order_with_merged_cells_not_repeated_and_nested_tables_flattened() -> None:
    def tc(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(r(text)) if text else p()}</w:tc>"

    nested = f"<w:tbl><w:tr>{tc('内1')}{tc('内2')}</w:tr><w:tr>{tc('内3')}{tc('内4')}</w:tr></w:tbl>"
    span, restart = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>'
    table = (
        "<w:tbl>"
        f"<w:tr>{tc('合并', span)}{tc('上下', restart)}</w:tr>"
        f"<w:tr>{tc('a')}{tc('b')}{tc('', '<w:vMerge/>')}</w:tr>"
        f"<w:tr><w:tc>{p(r('外'))}{nested}</w:tc>{tc('x')}{tc('y')}</w:tr>"
        "</w:tbl>"
    )
    reading = _read(p(r("前")) + table + p(r("后")))
    before, block, after = reading.blocks
    assert (before.text, after.text) == ("前", "后")
    assert block.kind is BlockKind.TABLE
    assert block.rows == (("合并", "", "上下"), ("a", "b", ""), ("外\n内1\t内2\n内3\t内4", "x", "y"))
    assert block.text == "合并\t\t上下\na\tb\t\n外\n内1\t内2\n内3\t内4\tx\ty"
    assert [b.provenance.paragraph_start for b in reading.blocks] == [0, 1, 2]


def test_text_box_is_read_once_from_alternate_content_after_its_anchor() -> None:
    box = p(r("框内文字"))
    drawing = (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent>"
    )
    reading = _read(p(r("锚"), f"<w:r>{drawing}</w:r>") + p(r("下一段")))
    assert _texts(reading) == ["锚", "框内文字", "下一段"]
    assert [b.provenance.paragraph_start for b in reading.blocks] == [0, 0, 1]


def test_vml_only_text_box_is_read() -> None:
    box = f"<w:txbxContent>{p(r('旧式文本框'))}</w:txbxContent>"
    pict = f"<w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
    assert _texts(_read(p(f"<w:r>{pict}</w:r>"))) == ["旧式文本框"]


def test_tracked_changes_keep_insertions_and_drop_deletions() -> None:
    body = p(
        r("保留"),
        '<w:del w:id="1" w:author="x"><w:r><w:delText>删掉</w:delText></w:r></w:del>',
        f'<w:ins w:id="2" w:author="x">{r("插入")}</w:ins>',
        f'<w:moveFrom w:id="3" w:author="x">{r("移走")}</w:moveFrom>',
        f'<w:moveTo w:id="4" w:author="x">{r("移来")}</w:moveTo>',
    )
    assert _texts(_read(body)) == ["保留插入移来"]


def test_hidden_runs_are_not_text() -> None:
    assert _texts(_read(p(r("看得见"), r("看不见", rpr="<w:vanish/>")))) == ["看得见"]


def test_hyperlinks_by_relationship_by_anchor_and_by_field() -> None:
    field = (
        r(extra='<w:fldChar w:fldCharType="begin"/>')
        + r(extra='<w:instrText xml:space="preserve"> HYPERLINK "https://example.org/f" </w:instrText>')
        + r(extra='<w:fldChar w:fldCharType="separate"/>')
        + r("字段链接")
        + r(extra='<w:fldChar w:fldCharType="end"/>')
    )
    body = p(
        r("见"),
        f'<w:hyperlink r:id="rIdX">{r("外部")}</w:hyperlink>',
        f'<w:hyperlink w:anchor="TocTop">{r("返回目录")}</w:hyperlink>',
        field,
    )
    block = _read(body, links={"rIdX": "https://example.org/"}).blocks[0]
    assert block.spans == (
        Span("见"),
        Span("外部", link="https://example.org/"),
        Span("返回目录", link="#TocTop"),
        Span("字段链接", link="https://example.org/f"),
    )


def _toc_entry(number: str, title: str, page: str, first: bool = False) -> str:
    begin = ""
    if first:
        begin = (
            r(extra='<w:fldChar w:fldCharType="begin"/>')
            + r(extra='<w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText>')
            + r(extra='<w:fldChar w:fldCharType="separate"/>')
        )
    pageref = (
        r(extra='<w:fldChar w:fldCharType="begin"/>')
        + r(extra='<w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText>')
        + r(extra='<w:fldChar w:fldCharType="separate"/>')
        + r(page)
        + r(extra='<w:fldChar w:fldCharType="end"/>')
    )
    tab = r(extra="<w:tab/>")
    link = f'<w:hyperlink w:anchor="_Toc1">{r(number)}{tab}{r(title)}{tab}{pageref}</w:hyperlink>'
    return p(begin, link, ppr=_style("TOC1"))


def test_toc_field_entries_keep_one_tab_before_the_page_and_never_show_instructions() -> None:
    body = (
        p(r("目录"))
        + _toc_entry("1.", "开放课题", "1", first=True)
        + _toc_entry("1.1", "机器学习基础理论", "12")
        + p(r(extra='<w:fldChar w:fldCharType="end"/>'))
        + p(r("正文"), ppr=_style("1"))
    )
    reading = _read(body, styles=HEADING_STYLES)
    assert _texts(reading) == ["目录", "1. 开放课题\t1", "1.1 机器学习基础理论\t12", "正文"]
    assert reading.blocks[1].kind is BlockKind.PARAGRAPH
    assert reading.blocks[3].heading_level == 1
    assert all("TOC" not in b.text and "PAGEREF" not in b.text for b in reading.blocks)


def test_toc_content_control_without_toc_styles() -> None:
    entry = p(r("2.3"), r(extra="<w:tab/>"), r("深度学习框架评估评价体系"), r(extra="<w:tab/>"), r("7"))
    sdt = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        f"<w:sdtContent>{p(r('目录'))}{entry}</w:sdtContent></w:sdt>"
    )
    reading = _read(sdt + p(r("2.3"), r(extra="<w:tab/>"), r("正文里的制表符")))
    assert _texts(reading) == ["目录", "2.3 深度学习框架评估评价体系\t7", "2.3\t正文里的制表符"]
    assert [b.provenance.paragraph_start for b in reading.blocks] == [0, 1, 2]


def test_simple_fields_show_their_cached_result() -> None:
    body = p(r("见第"), f'<w:fldSimple w:instr=" PAGEREF _Ref1 \\h ">{r("3")}</w:fldSimple>', r("页"))
    assert _texts(_read(body)) == ["见第3页"]


def test_footnotes_are_set_apart_with_a_diagnostic() -> None:
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1">{p(r(extra="<w:footnoteRef/>"), r(" 数据来自2020年统计。"))}</w:footnote>'
    )
    body = p(r("正文句子"), r(extra='<w:footnoteReference w:id="1"/>'), r("继续。"))
    reading = _read(p(r("首段")) + body, footnotes=footnotes)
    assert _texts(reading) == ["首段", "正文句子继续。"]
    assert [(d.text, d.reason, d.provenance.paragraph_start) for d in reading.dropped] == [
        ("数据来自2020年统计。", DropReason.FOOTNOTE, 1)
    ]
    assert [(d.code, d.provenance.paragraph_start) for d in reading.diagnostics] == [("DP104", 1)]


def test_endnotes_are_set_apart_too() -> None:
    endnotes = f'<w:endnote w:id="2">{p(r("尾注文字"))}</w:endnote>'
    reading = _read(p(r("正文"), r(extra='<w:endnoteReference w:id="2"/>')), endnotes=endnotes)
    assert [(d.text, d.reason) for d in reading.dropped] == [("尾注文字", DropReason.FOOTNOTE)]
    assert [d.code for d in reading.diagnostics] == ["DP104"]


def test_headers_and_footers_are_dropped_once_per_distinct_text_with_their_reason() -> None:
    header = p(r("申报指南"))
    watermark = '<w:r><w:pict><v:shape><v:textpath string="内部资料"/></v:shape></w:pict></w:r>'
    footer = p(
        r("第 "),
        r(extra='<w:fldChar w:fldCharType="begin"/>'),
        r(extra="<w:instrText> PAGE </w:instrText>"),
        r(extra='<w:fldChar w:fldCharType="separate"/>'),
        r("1"),
        r(extra='<w:fldChar w:fldCharType="end"/>'),
        r(" 页"),
    )
    reading = _read(p(r("正文")), headers=(header + p(watermark), header), footers=(footer,))
    assert _texts(reading) == ["正文"]
    assert [(d.text, d.reason) for d in reading.dropped] == [
        ("申报指南", DropReason.RUNNING_HEADER),
        ("内部资料", DropReason.WATERMARK),
        ("第 1 页", DropReason.RUNNING_FOOTER),
    ]


def test_page_breaks_mark_the_following_block_but_do_not_split_a_paragraph() -> None:
    br = '<w:br w:type="page"/>'
    body = (
        p(r("甲"), r(extra=br))  # break at the end: the next block is on a new page
        + p(r("乙"))
        + p(r("…着重方法"), r(extra=br), r("的效果和效率"))  # break inside: one block, joined as is
        + p(r(extra=br))  # a paragraph holding only a break
        + p(r("丙"))
        + p(r(extra=br), r("丁"))  # break at the start
        + p(r("戊"), ppr="<w:pageBreakBefore/>")
        + p(r("己"))
    )
    blocks = _read(body).blocks
    assert [(b.text, b.after_break) for b in blocks] == [
        ("甲", False),
        ("乙", True),
        ("…着重方法的效果和效率", False),
        ("丙", True),
        ("丁", True),
        ("戊", True),
        ("己", False),
    ]


def test_section_breaks_start_a_page_unless_continuous() -> None:
    next_page = "<w:sectPr/>"
    continuous = '<w:sectPr><w:type w:val="continuous"/></w:sectPr>'
    body = (
        p(r("一"), ppr=next_page)  # ends section 1; section 2 starts on a new page (its sectPr says so)
        + p(r("二"), ppr=continuous)  # ends section 2; section 3 is continuous (the final sectPr)
        + p(r("三"))
        + continuous
    )
    # The sectPr of a section says how *that* section starts: section 2's is continuous, section 3's too.
    assert [(b.text, b.after_break) for b in _read(body).blocks] == [("一", False), ("二", False), ("三", False)]
    body = p(r("一"), ppr=next_page) + p(r("二"), ppr=next_page) + p(r("三")) + next_page
    assert [(b.text, b.after_break) for b in _read(body).blocks] == [("一", False), ("二", True), ("三", True)]


def test_special_characters_and_line_breaks() -> None:
    body = (
        p(r("中文"), r(extra="<w:br/>"), r("换行"))
        + p(r("Latin"), r(extra="<w:br/>"), r("line"), r(extra="<w:cr/>"), r("中文"))
        + p(r("e"), r(extra="<w:noBreakHyphen/>"), r("mail"), r(extra="<w:softHyphen/>"), r("s"))
        + p(
            r(extra='<w:sym w:font="Wingdings" w:char="F0FC"/>'),
            r("完成"),
            r(extra='<w:sym w:font="Symbol" w:char="F061"/>'),
        )
        + p(r("a"), r(extra="<w:tab/>"), r("b"))
    )
    reading = _read(body)
    # A line break in a body paragraph starts a line of its own, as `<br>` does in HTML: the lines
    # after the first continue it (normalize joins back a line that only wraps its sentence).
    assert [(b.text, b.continues) for b in reading.blocks] == [
        ("中文", False),
        ("换行", True),
        ("Latin", False),
        ("line", True),
        ("中文", True),
        ("e-mails", False),
        ("✓完成α", False),
        ("a\tb", False),
    ]
    joined = [b.text for b in iter_joined_lines(reading.blocks)]
    # Joined as a wrapped line is (the HTML reader's `<br>` alike): no space where either side is CJK.
    assert joined == ["中文换行", "Latin line中文", "e-mails", "✓完成α", "a\tb"]


def test_a_line_break_before_a_bold_label_starts_a_field_line() -> None:
    # "Date: …<w:br/>Location: …" in one paragraph: a reader sees two labelled lines, not one sentence.
    body = p(
        r("Date:", rpr="<w:b/>"),
        r(" Tuesday, 9th September 2025"),
        r(extra="<w:br/>"),
        r("Location:", rpr="<w:b/>"),
        r(" Unit 2 Oak Court"),
        r(extra="<w:br/>"),
        r("and its car park"),
    )
    joined = [b.text for b in iter_joined_lines(_read(body).blocks)]
    assert joined == ["Date: Tuesday, 9th September 2025", "Location: Unit 2 Oak Court and its car park"]


def test_a_line_break_in_a_heading_or_a_cell_joins_its_lines() -> None:
    heading = p(r("Call for"), r(extra="<w:br/>"), r("Proposals"), ppr=_style("1"))
    cell = (
        "<w:tbl><w:tr><w:tc>"
        + p(r("one"), r(extra="<w:br/>"), r("two"))
        + "</w:tc><w:tc>"
        + p(r("x"))
        + "</w:tc></w:tr></w:tbl>"
    )
    blocks = _read(heading + cell, styles=HEADING_STYLES).blocks
    assert blocks[0].text == "Call for Proposals" and blocks[0].kind is BlockKind.HEADING
    assert blocks[1].kind is BlockKind.TABLE and blocks[1].rows is not None and blocks[1].rows[0][0] == "one two"


def test_content_controls_and_custom_xml_are_read_through() -> None:
    inline = f"<w:sdt><w:sdtPr/><w:sdtContent>{r('控件里')}</w:sdtContent></w:sdt>"
    body = f"<w:sdt><w:sdtPr/><w:sdtContent>{p(r('块级'), inline)}</w:sdtContent></w:sdt>"
    body += f'<w:customXml w:element="x">{p(r("自定义"))}</w:customXml>'
    reading = _read(body)
    assert _texts(reading) == ["块级控件里", "自定义"]
    assert [b.provenance.paragraph_start for b in reading.blocks] == [0, 1]


def test_document_without_text_is_refused() -> None:
    with pytest.raises(EmptyDocumentError):
        _read(p() + p(r("   ")) + "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>", headers=(p(r("只有页眉")),))


def test_blocks_are_frozen_blocks() -> None:
    block = _read(p(r("x"))).blocks[0]
    assert isinstance(block, Block) and block.spans == (Span("x"),)


def test_a_field_left_open_does_not_hide_the_rest_of_the_document() -> None:
    broken = p(r("前"), r(extra='<w:fldChar w:fldCharType="begin"/>'), r(extra="<w:instrText> REF x </w:instrText>"))
    assert _texts(_read(broken + p(r("后面的正文")))) == ["前", "后面的正文"]


def test_a_table_after_a_page_break_is_marked() -> None:
    table = f"<w:tbl><w:tr><w:tc>{p(r('格'))}</w:tc></w:tr></w:tbl>"
    blocks = _read(p(r("前"), r(extra='<w:br w:type="page"/>')) + table + p(r("后"))).blocks
    assert [(b.kind, b.after_break) for b in blocks] == [
        (BlockKind.PARAGRAPH, False),
        (BlockKind.TABLE, True),
        (BlockKind.PARAGRAPH, False),
    ]
