"""The PDF reader on small generated pages: spacing, joins, bold, furniture, footnotes, watermarks, TOC."""

from __future__ import annotations

import io

import pikepdf
import pytest

from docparse.blocks import Block, Reading
from docparse.errors import LimitExceededError
from docparse.model.document import DropReason
from docparse.options import Limits, ParseOptions
from docparse.read.pdf import read_pdf

from .pdf_factory import CJK, LEFT, PAGE_W, Item, Rule, Text, cjk_lines, lines, make_pdf, width, wrap

OPTIONS = ParseOptions()
# Courier 10 pt is 6 pt a character: 75 characters fill the 451 pt text column of an A4 page
# with 72 pt margins; 45 CJK characters of 10 pt do the same.
COLUMN = 75
CJK_COLUMN = 45
BODY = (
    "The programme funds research on the built environment of European cities and on the "
    "people who live and work in them, with a focus on open data and reproducible methods."
)


def read(pages: list[list[Item]], options: ParseOptions = OPTIONS) -> Reading:
    return read_pdf(make_pdf(pages), options=options, name="test.pdf")


def texts(reading: Reading) -> list[str]:
    return [block.text for block in reading.blocks]


def bold_runs(block: Block) -> list[str]:
    return [span.text for span in block.spans if span.bold]


def test_wrapped_latin_lines_join_with_spaces_and_hyphenated_words_rejoin() -> None:
    text = " ".join([BODY] * 2)
    wrapped = wrap(text, COLUMN)
    # Hyphenate, as a typesetter would, the first word that can be split into the room left above it.
    for i in range(len(wrapped) - 1):
        word, rest = wrapped[i + 1].split(" ", 1)
        cut = COLUMN - len(wrapped[i]) - 2
        if 2 <= cut < len(word) - 1 and word.isalpha():
            wrapped[i : i + 2] = [f"{wrapped[i]} {word[:cut]}-", f"{word[cut:]} {rest}"]
            break
    else:
        pytest.fail("no word to hyphenate")
    reading = read([lines(wrapped, top=100, font="Courier")])
    assert any(line.endswith("-") for line in wrapped)
    assert texts(reading) == [text]


def test_latin_words_placed_without_space_glyphs_get_spaces_from_the_gaps() -> None:
    words = ["Deep", "learning", "frameworks"]
    items: list[Item] = []
    x = LEFT
    for word in words:
        items.append(Text(x, 100, word))
        x += width(word) + 2.8  # a word gap, no space glyph drawn
    assert texts(read([items])) == ["Deep learning frameworks"]


def test_letter_spaced_cjk_title_has_no_spaces() -> None:
    items: list[Item] = [Text(200 + i * 32, 100, ch, 16, CJK) for i, ch in enumerate("申报指南")]
    assert texts(read([items])) == ["申报指南"]


def test_cjk_line_ends_join_without_spaces() -> None:
    text = "本项目期望通过对机器学习基础技术、基础理论层面的研究，来指导解决当前机器学习研发和应用上的挑战性问题。"
    reading = read([lines(cjk_lines(text, per_line=CJK_COLUMN), top=100, font=CJK)])
    assert texts(reading) == [text]


def test_bold_font_and_fill_stroke_rendering_make_bold_spans() -> None:
    label, title, rest = "1) ", "深度学习优化算法", "：研究能加速深度学习训练收敛的更好数值优化策略。"
    x1 = LEFT + width(label, CJK, 10.5)
    x2 = x1 + width(title, CJK, 10.5)
    items: list[Item] = [
        Text(LEFT, 100, label, 10.5, CJK),
        Text(x1, 100, title, 10.5, CJK, mode=2),
        Text(x2, 100, rest, 10.5, CJK),
        Text(LEFT, 140, "Bold heading", 10.5, "Helvetica-Bold"),
    ]
    reading = read([items])
    assert texts(reading) == [label + title + rest, "Bold heading"]
    assert bold_runs(reading.blocks[0]) == [title]
    assert bold_runs(reading.blocks[1]) == ["Bold heading"]
    assert "".join(span.text for span in reading.blocks[0].spans) == reading.blocks[0].text


def test_text_drawn_twice_reads_once_and_an_offset_overstrike_is_bold() -> None:
    items: list[Item] = [
        Text(LEFT, 100, "深度学习框架", 10.5, CJK),
        Text(LEFT, 100, "深度学习框架", 10.5, CJK),
        Text(LEFT, 140, "重点方向", 10.5, CJK),
        Text(LEFT + 0.3, 140, "重点方向", 10.5, CJK),
    ]
    reading = read([items])
    assert texts(reading) == ["深度学习框架", "重点方向"]
    assert bold_runs(reading.blocks[0]) == []
    assert bold_runs(reading.blocks[1]) == ["重点方向"]


def test_rotated_watermark_is_dropped_not_read() -> None:
    items: list[Item] = [
        *lines(wrap(BODY, COLUMN), top=100, font="Courier"),
        Text(150, 500, "CONFIDENTIAL DRAFT", 40, angle=45),
    ]
    reading = read([items])
    assert texts(reading) == [BODY]
    assert [(d.reason, d.text) for d in reading.dropped] == [(DropReason.WATERMARK, "CONFIDENTIAL DRAFT")]
    assert reading.dropped[0].provenance.regions[0].page == 1


TOPICS = ["Machine learning theory.", "Deep learning frameworks.", "Reinforcement learning.", "Computer vision."]


def test_running_headers_footers_and_page_numbers_are_dropped_with_their_reason() -> None:
    footers = [("- {} -", "Helvetica"), ("第 {} 页 共 4 页", CJK), ("Page {} of 4", "Helvetica"), ("{}", "Helvetica")]
    pages: list[list[Item]] = []
    for number, (footer, font) in enumerate(footers, start=1):
        pages.append(
            [
                Text(LEFT, 40, "2021 Open Research Call / Guidelines", 9),
                Text(LEFT, 300, TOPICS[number - 1], 12),
                Text(PAGE_W / 2, 800, footer.format(number), 9, font),
            ]
        )
    reading = read(pages)
    assert texts(reading) == TOPICS
    reasons = [(d.provenance.regions[0].page, d.reason) for d in reading.dropped]
    for number in range(1, 5):
        assert (number, DropReason.RUNNING_HEADER) in reasons
        assert (number, DropReason.PAGE_NUMBER) in reasons
    assert all(block.after_break for block in reading.blocks[1:])


def test_a_line_on_only_two_of_five_pages_is_not_a_running_header() -> None:
    pages: list[list[Item]] = []
    for number in range(1, 6):
        top: list[Item] = [Text(LEFT, 40, "Annex A", 9)] if number in (2, 4) else []
        pages.append([*top, Text(LEFT, 300, [*TOPICS, "Annexes."][number - 1], 12)])
    reading = read(pages)
    assert texts(reading).count("Annex A") == 2
    assert reading.dropped == []


def test_a_heading_repeated_under_each_pages_own_heading_is_not_a_running_header() -> None:
    # Each topic opens a page with its own heading, then the template's first clause heading:
    # the repeated line has text above it, so it is no header.
    pages: list[list[Item]] = []
    for number, topic in enumerate(TOPICS, start=1):
        pages.append(
            [
                Text(LEFT, 40, f"Topic {number}: {topic}", 14),
                Text(LEFT, 70, "1. Scenario", 12),
                Text(LEFT, 300, BODY[:70], 10),
            ]
        )
    reading = read(pages)
    assert texts(reading).count("1. Scenario") == 4
    assert reading.dropped == []


def test_numbered_headings_topping_each_page_and_in_mid_page_are_not_running_headers() -> None:
    # "Problem Statement 1 :-" tops page 1, "… 3 :-" page 2, "… 5 :-" page 3; the even ones stand in
    # mid-page. Masked alike, they would pass for a running header: their numbers count 1 … 6
    # through the document, so they are headings.
    pages: list[list[Item]] = []
    for page in range(3):
        odd, even = 2 * page + 1, 2 * page + 2
        pages.append(
            [
                Text(LEFT, 40, f"Problem Statement {odd} :-", 12),
                Text(LEFT, 70, TOPICS[page], 10),
                Text(LEFT, 400, f"Problem Statement {even} :-", 12),
                Text(LEFT, 430, TOPICS[page + 1], 10),
            ]
        )
    reading = read(pages)
    assert [t for t in texts(reading) if t.startswith("Problem")] == [f"Problem Statement {n} :-" for n in range(1, 7)]
    assert reading.dropped == []


def test_a_running_header_numbered_by_chapter_is_still_dropped() -> None:
    # "Chapter 1" over pages 1-3, never in mid-page: furniture whatever its number.
    pages = [[Text(LEFT, 40, "Chapter 1 Guidelines", 9), Text(LEFT, 300, topic, 12)] for topic in TOPICS]
    reading = read(pages)
    assert texts(reading) == TOPICS
    assert {d.reason for d in reading.dropped} == {DropReason.RUNNING_HEADER}


def test_a_symbol_font_bullet_reads_as_a_bullet_not_a_letter() -> None:
    # A dingbat font without a ToUnicode map leaves its own character code ("n", "l") in the text
    # layer: the reader gives the private-use bullet the same glyph has elsewhere.
    items: list[Item] = [Text(LEFT, 100, "The data sources are listed here.", 10)]
    for i, source in enumerate(["Annual reports", "Industry research"]):
        items += [Text(LEFT, 120 + i * 16, "l", 10, "ZapfDingbats"), Text(LEFT + 14, 120 + i * 16, source, 10)]
    reading = read([items])
    assert [t[:1] for t in texts(reading)[1:]] == ["\uf06e", "\uf06e"]
    assert texts(reading)[1].endswith("Annual reports")


@pytest.mark.parametrize("note_size", [7.0, 10.0], ids=["small", "body-size"])
def test_paragraph_continues_across_a_page_break_past_a_footnote(note_size: float) -> None:
    # A note set at body size is a note all the same: under a short rule, starting with its mark.
    text = " ".join([BODY] * 3)
    wrapped = wrap(text, COLUMN)
    page_one = lines(wrapped[:-2], top=640, font="Courier")
    page_one += [Rule(LEFT, LEFT + 120, 760), Text(LEFT, 766, "1 See the work programme, part 3.", note_size)]
    page_two = lines(wrapped[-2:], top=72, font="Courier")
    reading = read([page_one, page_two])
    assert texts(reading) == [text]
    assert reading.blocks[0].provenance.pages == (1, 2)
    assert [(d.reason, d.text) for d in reading.dropped] == [(DropReason.FOOTNOTE, "1 See the work programme, part 3.")]
    assert [d.code for d in reading.diagnostics] == ["DP104", "DP403"]


def test_paragraph_ending_with_a_full_stop_does_not_join_the_next_page() -> None:
    first = wrap(BODY, COLUMN)
    second = wrap("Applicants may submit one proposal per topic and per call.", COLUMN)
    reading = read([lines(first, top=700, font="Courier"), lines(second, top=72, font="Courier")])
    assert texts(reading) == [BODY, " ".join(second)]
    assert reading.blocks[1].after_break


def test_toc_lines_keep_title_and_page_one_block_each() -> None:
    entries = [("1. Open topics", "1"), ("1.1 Machine learning", "3"), ("Annex: forms", "12")]
    items: list[Item] = []
    for i, (title, page) in enumerate(entries):
        top = 100 + i * 16
        dots = "." * int((PAGE_W - 2 * LEFT - width(title) - width(page) - 8) / width("."))
        items.append(Text(LEFT, top, f"{title} {dots}"))
        items.append(Text(PAGE_W - LEFT - width(page), top, page))
    reading = read([items])
    assert texts(reading) == ["1. Open topics\t1", "1.1 Machine learning\t3", "Annex: forms\t12"]


def test_labels_start_new_blocks_even_without_spacing() -> None:
    rows = ["（一）总体要求", "一、申报条件", "■ 深度学习框架", "1.1 机器学习基础理论", "2) 模型小型化技术研究。"]
    reading = read([lines(rows, top=100, font=CJK, size=10.5)])
    assert texts(reading) == rows


def test_every_block_has_a_region_on_its_page() -> None:
    reading = read([lines(wrap(BODY, COLUMN), top=100, font="Courier"), lines(["Second page."], top=100)])
    for block in reading.blocks:
        assert block.provenance.regions
        for region in block.provenance.regions:
            assert 0 <= region.bbox.x0 < region.bbox.x1 <= PAGE_W
            assert region.bbox.top < region.bbox.bottom


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (Limits(max_pages=2), "pages"),
        (Limits(max_input_bytes=100), "bytes"),
        (Limits(max_seconds=1e-9), "took more than"),
        (Limits(max_blocks=2), "blocks"),
    ],
)
def test_limits_stop_the_read(limits: Limits, message: str) -> None:
    pages: list[list[Item]] = [lines([topic, "", topic.upper()], top=300) for topic in TOPICS[:3]]
    with pytest.raises(LimitExceededError, match=message):
        read(pages, ParseOptions(limits=limits))


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_page_turned_with_rotate_reads_upright(rotate: int) -> None:
    pdf = pikepdf.open(io.BytesIO(make_pdf([lines(wrap(BODY, COLUMN), top=100, font="Courier")])))
    pdf.pages[0].Rotate = rotate
    buf = io.BytesIO()
    pdf.save(buf)
    reading = read_pdf(buf.getvalue(), options=OPTIONS)
    assert texts(reading) == [BODY]
    assert reading.dropped == []
