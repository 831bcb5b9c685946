"""The HTML reader: blocks from small pages written inline, as python-docx's tests build XML."""

from __future__ import annotations

import pytest
from lxml import etree

import docparse
from docparse.accounting import content_chars
from docparse.blocks import BlockKind, Reading
from docparse.model.document import DropReason
from docparse.options import ParseOptions
from docparse.read import detect_format
from docparse.read.html import read_html

from ..conftest import FIXTURES

OPTIONS = ParseOptions()


def _read(body: str, head: str = '<meta charset="utf-8">') -> Reading:
    page = f"<!DOCTYPE html>\n<html><head>{head}</head><body>\n{body}\n</body></html>\n"
    return read_html(page.encode("utf-8"), options=OPTIONS, name="page.html")


def _texts(reading: Reading) -> list[str]:
    return [block.full_text for block in reading.blocks]


def _dropped(reading: Reading) -> list[tuple[DropReason, str]]:
    return [(d.reason, d.text) for d in reading.dropped]


def test_headings_take_their_level_and_divs_styled_as_headings_too() -> None:
    reading = _read(
        "<h1>申报指南</h1><h3>Scope</h3><div class='heading4'>Eligible Organizations</div>"
        "<div class='h2'>Key Dates</div><div role='heading' aria-level='5'>Notes</div><p>Body.</p>"
    )
    assert [(b.kind, b.heading_level, b.text) for b in reading.blocks] == [
        (BlockKind.HEADING, 1, "申报指南"),
        (BlockKind.HEADING, 3, "Scope"),
        (BlockKind.HEADING, 4, "Eligible Organizations"),
        (BlockKind.HEADING, 2, "Key Dates"),
        (BlockKind.HEADING, 5, "Notes"),
        (BlockKind.PARAGRAPH, None, "Body."),
    ]


def test_bold_and_links_are_spans_and_a_bold_paragraph_is_all_bold() -> None:
    reading = _read(
        "<p><strong>Background and Funding Purpose</strong></p>"
        "<p>See <a href='https://grants.nih.gov/x'>the guide</a> and <span style='font-weight: 700'>must</span>"
        " <b>not <span style='font-weight:normal'>quite</span></b>.</p>"
    )
    heading, body = reading.blocks
    assert [(s.text, s.bold) for s in heading.spans] == [("Background and Funding Purpose", True)]
    assert [(s.text, s.bold, s.link) for s in body.spans] == [
        ("See ", False, None),
        ("the guide", False, "https://grants.nih.gov/x"),
        (" and ", False, None),
        ("must", True, None),
        (" ", False, None),
        ("not ", True, None),
        ("quite.", False, None),
    ]
    assert body.text == "See the guide and must not quite."


def test_whitespace_collapses_without_a_space_between_cjk_characters() -> None:
    reading = _read("<p>本项目期望通过对机器学习的研究，\n    来指导解决<b>挑战性</b>问题。\nAI 芯片\n和编译器</p>")
    assert _texts(reading) == ["本项目期望通过对机器学习的研究，来指导解决挑战性问题。AI 芯片和编译器"]


def test_br_splits_a_block_into_lines_that_continue_it() -> None:
    reading = _read("<p>Steven T. Pittenger, Ph.D.<br>National Center<br/>\nTelephone: 301-827-5810</p>")
    assert [(b.text, b.continues) for b in reading.blocks] == [
        ("Steven T. Pittenger, Ph.D.", False),
        ("National Center", True),
        ("Telephone: 301-827-5810", True),
    ]


def test_two_br_in_a_row_leave_a_blank_line_and_start_a_paragraph() -> None:
    reading = _read(
        "<p>Deadline: 1 March<br>Budget: 20,000 EUR<br><br>\nLate proposals are not read.<br> <br>Ask us.</p>"
    )
    assert [(b.text, b.continues) for b in reading.blocks] == [
        ("Deadline: 1 March", False),
        ("Budget: 20,000 EUR", True),
        ("Late proposals are not read.", False),
        ("Ask us.", False),
    ]


def test_lists_have_depth_and_ordered_labels_count_from_start() -> None:
    reading = _read(
        "<ol start='3'><li>第三项<ol type='a'><li>子项</li><li value='5'>子项五</li></ol></li><li>第四项</li></ol>"
        "<ul><li><p>Bullet in a paragraph</p></li><li></li></ul><ol reversed><li>two</li><li>one</li></ol>"
    )
    assert [(b.label, b.text, b.list_depth) for b in reading.blocks] == [
        ("3.", "第三项", 1),
        ("a.", "子项", 2),
        ("e.", "子项五", 2),
        ("4.", "第四项", 1),
        ("•", "Bullet in a paragraph", 1),
        ("•", "", 1),
        ("2.", "two", 1),
        ("1.", "one", 1),
    ]


def test_list_markers_are_never_folded() -> None:
    reading = _read("<p>（１）全角编号</p><p>①圈码</p>")
    assert _texts(reading) == ["（１）全角编号", "①圈码"]


def test_definition_lists_and_label_rows_are_labelled_fields() -> None:
    reading = _read(
        "<dl><dt>截止日期</dt><dd>2021年5月5日</dd><dt>Deadline:</dt><dd>5 May</dd></dl>"
        "<div class='row'><div class='col-md-4 datalabel'>Activity Code</div>"
        "<div class='col-md-8 datacolumn'><p>R21</p><p>Exploratory grant.</p></div></div>"
        "<table><tr><th>Award Budget</th><td>$275,000</td></tr><tr><th>Period</th><td>2 years</td></tr></table>"
    )
    assert [(b.text, b.spans[0].text, b.spans[0].bold) for b in reading.blocks] == [
        ("截止日期：2021年5月5日", "截止日期：", True),
        ("Deadline: 5 May", "Deadline:", True),
        ("Activity Code: R21", "Activity Code:", True),
        ("Exploratory grant.", "Exploratory grant.", False),
        ("Award Budget: $275,000", "Award Budget:", True),
        ("Period: 2 years", "Period:", True),
    ]


def test_a_term_over_several_paragraphs_is_a_heading_not_a_field() -> None:
    # Each idea its own <dl>: the term titles a body (paragraphs, a task list); a term over one
    # value (or two paragraphs) stays a field.
    idea = (
        "<dl><dt>Update the {0}\nbuild systems</dt>"
        "<dd><p>Why {0}.</p><p>Plan.</p><ul><li>Task</li></ul><p>End.</p></dd></dl>"
    )
    reading = _read(
        "<h2>Ideas</h2>"
        + idea.format("Unix")
        + idea.format("Windows")
        + "<dl><dt>Contact</dt><dd><p>Write to us.</p><p>Any time.</p></dd></dl>"
    )
    heads = [(b.text, b.heading_level) for b in reading.blocks if b.kind is BlockKind.HEADING]
    assert heads == [("Ideas", 2), ("Update the Unix build systems", 3), ("Update the Windows build systems", 3)]
    assert "Why Unix." in _texts(reading)
    assert "Contact: Write to us." in _texts(reading)


def test_a_labelled_field_reaches_the_outline_as_a_field() -> None:
    page = (
        "<html><body><h1>RFA-TR-25-002: Proof of Concept Studies</h1>"
        "<div class='row'><div class='datalabel'>Funding Opportunity Title</div><div>Proof of Concept</div></div>"
        "<div class='row'><div class='datalabel'>Activity Code</div><div>R21</div></div>"
        "<p>The call funds efficacy studies.</p></body></html>"
    )
    document = docparse.parse(page.encode())
    labels = [f.label for node in document.iter_nodes() for f in node.fields]
    labels += [p.label for p in document.preamble if hasattr(p, "label")]
    assert "Activity Code" in labels


def test_tables_keep_every_cell_and_place_a_colspan_on_the_grid() -> None:
    reading = _read(
        "<table><caption>Key Dates</caption><thead><tr><th colspan='2'>Due Dates</th><th>Review</th></tr></thead>"
        "<tbody><tr><td>June 02, 2025</td><td><p>Not</p><p>Applicable</p></td><td>October 2025</td></tr></tbody>"
        "</table>"
    )
    caption, table = reading.blocks
    assert caption.text == "Key Dates"
    assert table.kind is BlockKind.TABLE
    # The header cell over two columns holds its text at its first position and covers the second.
    assert table.rows == (("Due Dates", "", "Review"), ("June 02, 2025", "Not\nApplicable", "October 2025"))
    assert table.merged == ((0, 0, 1, 2),)


def test_pre_is_a_code_block_kept_verbatim() -> None:
    reading = _read("<pre>\ndef f():\n    return  1\n</pre>")
    assert [(b.kind, b.text) for b in reading.blocks] == [(BlockKind.CODE, "def f():\n    return  1")]


def test_white_space_pre_keeps_the_tab_before_a_toc_page_number() -> None:
    reading = _read("<p style='white-space: pre'>1.1 机器学习基础理论.....\t1</p>")
    assert _texts(reading) == ["1.1 机器学习基础理论.....\t1"]


def test_site_chrome_scripts_and_hidden_text_are_dropped_with_their_reason() -> None:
    reading = _read(
        "<header><a href='/'>首页</a> <a href='/n'>通知公告</a></header>"
        "<nav aria-label='breadcrumb'>首页 &gt; 申报指南</nav>"
        "<div class='sidebar'>相关通知</div>"
        "<div role='main'><h1>申报指南</h1><p>正文。</p>"
        "<span hidden>隐藏</span><div style='display:none'>不显示</div><i aria-hidden='true'>图标</i>"
        "<script>var a = '脚本';</script><style>p { color: red }</style></div>"
        "<aside>侧栏</aside><footer>版权所有</footer>"
    )
    assert _texts(reading) == ["申报指南", "正文。"]
    assert _dropped(reading) == [
        (DropReason.SITE_CHROME, "首页 通知公告"),
        (DropReason.SITE_CHROME, "首页 > 申报指南"),
        (DropReason.SITE_CHROME, "相关通知"),
        (DropReason.HIDDEN, "隐藏"),
        (DropReason.HIDDEN, "不显示"),
        (DropReason.HIDDEN, "图标"),
        (DropReason.MARKUP, "var a = '脚本';"),
        (DropReason.MARKUP, "p { color: red }"),
        (DropReason.SITE_CHROME, "侧栏"),
        (DropReason.SITE_CHROME, "版权所有"),
    ]


def test_outside_main_everything_is_chrome_but_a_header_inside_an_article_is_content() -> None:
    reading = _read(
        "<div class='banner-text'>Welcome to the portal</div>"
        "<main><article><header><h1>Call 2025</h1></header><p>Text.</p><footer>Posted 1 May</footer></article></main>"
        "<div>More links</div>"
    )
    assert _texts(reading) == ["Call 2025", "Text.", "Posted 1 May"]
    assert _dropped(reading) == [
        (DropReason.SITE_CHROME, "Welcome to the portal"),
        (DropReason.SITE_CHROME, "More links"),
    ]


def test_broken_markup_is_repaired_as_browsers_do() -> None:
    reading = read_html(
        b"<html><body><h4>1. Heading</p><p>text</div></span> after<body class='x'><p>Second body.</p>",
        options=OPTIONS,
        name="broken.html",
    )
    assert [(b.heading_level, b.text) for b in reading.blocks] == [
        (4, "1. Heading"),
        (None, "text after"),
        (None, "Second body."),
    ]


def test_provenance_gives_the_source_lines() -> None:
    reading = _read("<h2>Title</h2>\n<p>First line\nsecond line</p>\n\n<p>Later</p>")
    assert [(b.provenance.line_start, b.provenance.line_end) for b in reading.blocks] == [(3, 3), (4, 5), (7, 7)]


@pytest.mark.parametrize(
    ("head", "data", "encoding"),
    [
        ('<meta charset="gbk">', "申报指南：截止日期".encode("gb18030"), "gb18030"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
            "申报指南".encode("gb2312"),
            "gb18030",
        ),
        ('<meta charset="ISO-8859-1">', "Applicant’s “budget”".encode("cp1252"), "cp1252"),
        ('<meta charset="Shift_JIS">', "研究課題の公募".encode("shift_jis"), "shift_jis"),
    ],
)
def test_the_declared_charset_decodes_the_page(head: str, data: bytes, encoding: str) -> None:
    page = f"<html><head>{head}</head><body><p>".encode("ascii") + data + b"</p></body></html>"
    reading = read_html(page, options=OPTIONS, name="page.html")
    assert reading.encoding == encoding
    assert reading.blocks[0].text == data.decode(encoding)
    assert not reading.diagnostics


def test_a_bom_decides_and_an_undeclared_page_falls_back_with_a_diagnostic() -> None:
    utf16 = "\ufeff<html><body><p>中文标题</p></body></html>".encode("utf-16-le")
    assert detect_format(utf16) == "html"
    assert _texts(read_html(utf16, options=OPTIONS)) == ["中文标题"]
    reading = read_html("<html><body><p>申报指南的说明</p></body></html>".encode("gb18030"), options=OPTIONS)
    assert reading.encoding == "gb18030"
    assert [d.code for d in reading.diagnostics] == ["DP101"]


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"<!DOCTYPE html><p>x</p>", None, "html"),
        (b"<!-- saved --><!-- gtm -->\n<script>x</script><HTML><body>x", "page.txt", "html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>x', None, "html"),
        (b"<div class='call'><p>x</p></div>", None, "html"),
        (b'<p align="center"><img src="logo.png"></p>\n\n# Call\n', "README.md", "markdown"),
        (b"<!doctype html>\n<title>x</title>", "page.md", "html"),
        (b"1. <b>not a page</b>\n", None, "text"),
        (b"# Heading\n\n<div>html block</div>\n", "call.md", "markdown"),
    ],
)
def test_detection_from_the_bytes(data: bytes, name: str | None, expected: str) -> None:
    assert detect_format(data, name) == expected


def _page_chars(data: bytes) -> str:
    """Return the text of the page's head and bodies, read by lxml on its own."""
    root = etree.fromstring(data, etree.HTMLParser(remove_comments=True, no_network=True, encoding="utf-8"))
    return "".join("".join(part.itertext()) for part in root)


def _reading_chars(reading: Reading) -> str:
    out = []
    for block in reading.blocks:
        out.append(block.label or "")
        out.extend(cell for row in block.rows for cell in row) if block.rows else out.append(block.text)
    out.extend(d.text for d in reading.dropped)
    return "".join(out)


def test_every_letter_of_the_body_is_in_a_block_or_dropped() -> None:
    data = (FIXTURES / "seed-html" / "input.html").read_bytes()
    reading = read_html(data, options=OPTIONS, name="input.html")
    assert content_chars(_page_chars(data)) == content_chars(_reading_chars(reading))
    assert {d.reason for d in reading.dropped} >= {DropReason.SITE_CHROME, DropReason.HIDDEN, DropReason.MARKUP}


def test_generated_labels_are_the_only_letters_a_reading_adds() -> None:
    data = "<html><body><ol start='7'><li>七</li></ol><ul><li>点</li></ul><p>尾</p></body></html>".encode()
    reading = read_html(data, options=OPTIONS)
    labels = "".join(b.label or "" for b in reading.blocks)
    assert labels == "7.•"
    assert content_chars(_reading_chars(reading)) == content_chars(_page_chars(data)) + content_chars(labels)


def test_a_page_title_that_repeats_the_opening_lines_is_markup() -> None:
    # An editor's export (Mou) fills <title> with the first lines of the page, into the second paragraph.
    head = "<title>Call For Project Proposals\n\nThe department announces a</title>"
    reading = _read("<p>Call For Project Proposals</p><p>The department announces a call.</p>", head=head)
    assert [(b.heading_level, b.text) for b in reading.blocks] == [
        (None, "Call For Project Proposals"),
        (None, "The department announces a call."),
    ]
    assert _dropped(reading) == [(DropReason.MARKUP, "Call For Project Proposals The department announces a")]


def test_the_page_title_heads_the_outline_unless_a_heading_repeats_it() -> None:
    reading = _read("<h1>Part 1. Overview</h1><p>Text.</p>", head="<title>RFA-TR-25-002: Proof of Concept</title>")
    assert [(b.heading_level, b.text) for b in reading.blocks] == [
        (1, "RFA-TR-25-002: Proof of Concept"),
        (2, "Part 1. Overview"),
        (None, "Text."),
    ]
    assert reading.blocks[0].provenance.line_start == 2
    reading = _read("<h1>申报主题</h1><p>正文。</p>", head="<title>申报主题 - 科研管理平台</title>")
    assert [(b.heading_level, b.text) for b in reading.blocks] == [(1, "申报主题"), (None, "正文。")]
    assert _dropped(reading) == [(DropReason.MARKUP, "申报主题 - 科研管理平台")]


def test_a_page_title_over_the_sites_name_is_the_title_the_page_prints_in_its_chrome() -> None:
    # A CMS titles the page "title - site"; the page prints its title in a header read as chrome:
    # the part before the separator is the title, the site's name is markup.
    head = "<title>暑期 2022 项目提案 - LUG @ USTC</title>"
    page = (
        "<header><h1 class='page__title'>暑期 2022 项目提案</h1></header>"
        "<main><h3>网络测量系统</h3><p>正文。</p></main>"
    )
    reading = _read(page, head=head)
    assert [(b.heading_level, b.text) for b in reading.blocks][:2] == [(1, "暑期 2022 项目提案"), (4, "网络测量系统")]
    assert (DropReason.MARKUP, "- LUG @ USTC") in _dropped(reading)
    # Without the page printing it, the whole <title> stays the title.
    reading = _read("<main><h3>网络测量系统</h3><p>正文。</p></main>", head=head)
    assert reading.blocks[0].text == "暑期 2022 项目提案 - LUG @ USTC"
