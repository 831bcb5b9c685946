"""Producers that break lines only at spaces (fpdf2's `multi_cell`) or justify by stretching word spaces.

Each page is drawn the way such a producer sets the reference call's text; the committed
renditions (fixtures/seed-pdf-fpdf2) go through the same rules in tests/test_parity.py.
"""

from __future__ import annotations

from docparse.model.document import DropReason
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

from .pdf_factory import CJK, LEFT, Item, Text, make_pdf, width

SIZE = 10.0
LEADING = 16.0
MEASURE = 40
"""CJK characters to a full line (STSong-Light draws each 1 em wide)."""
RIGHT = LEFT + MEASURE * SIZE
BODY = (
    "研究更好的深度学习中间表达方式研究深度学习底层编译优化策略"
    "包括运行时编译优化压缩编译协同设计动态代码自动生成等实现对多硬件的更好自适应支持"
)


def read(rows: list[tuple[float, str]]) -> list[str]:
    """Return the block texts of one page whose lines are `rows` of (x, text), one under the other."""
    items: list[Item] = [Text(x, 100 + i * LEADING, text, SIZE, CJK) for i, (x, text) in enumerate(rows)]
    return [block.text for block in read_pdf(make_pdf([items]), options=ParseOptions(), name="t.pdf").blocks]


def full(n: int = 0) -> str:
    return (BODY * 2)[n : n + MEASURE]


def test_a_label_alone_on_its_line_joins_the_text_under_it() -> None:
    # fpdf2: `1) 深度学习…` breaks at its only space, after the label.
    rows = [(LEFT, "1)"), (LEFT, full()), (LEFT, "更高性能执行。"), (LEFT, "2)"), (LEFT, full(3)), (LEFT, "结合研究。")]
    assert read(rows) == [f"1) {full()}更高性能执行。", f"2) {full(3)}结合研究。"]


def test_a_line_ended_short_at_a_space_goes_on_when_the_next_run_would_not_fit() -> None:
    # fpdf2: `…特别是对 polyhedral` | `技术与…`: the run after the space is longer than the room left.
    short = "实现对多硬件的更好自适应支持特别是对 polyhedral"
    rows = [(LEFT, full()), (LEFT, short), (LEFT, full(5)), (LEFT, "结合研究。"), (LEFT, full(7)), (LEFT, "的研究。")]
    assert read(rows) == [f"{full()}{short} {full(5)}结合研究。", f"{full(7)}的研究。"]


def test_a_short_line_ends_its_paragraph_where_lines_wrap_per_character() -> None:
    # Word or LibreOffice: lines holding a space still wrap inside a CJK run, so a short line is an end.
    spaced = full(2)[:10] + " ARM " + full(2)[10 : MEASURE - 3]
    short = "对 Paddle Lite 的支持"
    rows = [(LEFT, spaced), (LEFT, full(4)), (LEFT, spaced), (LEFT, short), (LEFT, full(5)), (LEFT, "结合。")]
    *_, last, after = read(rows)
    assert last.endswith(short) and after == f"{full(5)}结合。"


def test_justified_word_spaces_are_spaces_not_tabs() -> None:
    # fpdf2 justifies by stretching word spaces: `Web` + one space as wide as the line's slack,
    # and the line broke at the space after the second `Web` (so the join is a space too).
    head, rest = "Web", "端浏览器与小程序是许多应用的第一场景选择开发周期更短。Web"
    lines = [
        Text(LEFT, 100, head, SIZE, CJK),
        Text(RIGHT - width(rest, CJK), 100, rest, SIZE, CJK),
        Text(LEFT, 100 + LEADING, full(), SIZE, CJK),
        Text(LEFT, 100 + 2 * LEADING, "即时。", SIZE, CJK),
    ]
    more = [Text(LEFT, 200 + i * LEADING, full(i), SIZE, CJK) for i in range(4)]
    blocks = read_pdf(make_pdf([lines + more]), options=ParseOptions()).blocks
    assert blocks[0].text == f"{head} {rest} {full()}即时。"


def test_a_tab_beside_plain_spaces_stays_a_tab() -> None:
    # A form line (the Horizon ethics table): a question with its spaces, then Yes/No at a tab stop.
    question = "Does this activity involve personal data?"
    lines = [
        Text(LEFT, 100, question, SIZE),
        Text(RIGHT - width("Yes No"), 100, "Yes No", SIZE),
        Text(LEFT, 100 + LEADING, "If so, describe the data and how it is kept.", SIZE),
    ]
    more = [Text(LEFT, 200 + i * LEADING, full(i), SIZE, CJK) for i in range(6)]
    blocks = read_pdf(make_pdf([lines + more]), options=ParseOptions()).blocks
    assert blocks[0].text.startswith(f"{question}\tYes No")


def test_a_superscript_note_mark_is_taken_out_and_recorded() -> None:
    # `推进强化学习研究前沿。¹`: the mark is smaller and raised; `10⁶` after a digit is a power and stays.
    sentence, power = "结合 PARL 来推进强化学习研究前沿。", "模型参数规模达到 10"
    items: list[Item] = [
        Text(LEFT, 100, sentence, SIZE, CJK),
        Text(LEFT + width(sentence, CJK), 99, "1", 6, CJK),
        Text(LEFT, 100 + 2 * LEADING, power, SIZE, CJK),
        Text(LEFT + width(power, CJK), 99 + 2 * LEADING, "6", 6, CJK),
    ]
    reading = read_pdf(make_pdf([items]), options=ParseOptions())
    assert [block.text for block in reading.blocks] == [sentence, power + "6"]
    [mark] = reading.dropped
    assert mark.reason is DropReason.FOOTNOTE_MARK and mark.text == "1"
    region = mark.provenance.regions[0]
    assert region.page == 1 and region.bbox.x0 >= LEFT + width(sentence, CJK) - 1


def test_a_latin_run_joined_by_cjk_commas_wraps_as_one_word() -> None:
    # LibreOffice: `…例如` | `WebGL、WebAssembly、WebGPU、Node.js 等。`: the run did not fit, so the
    # short line before it is not the direction's end.
    run = "WebGL、WebAssembly、WebGPU、Node.js 等。"
    first = "1) 不同 Backend 在 Web 端的深度学习领域的比较与研究,例如"
    # Lines holding a space wrap inside a CJK run: the producer wraps per character.
    spaced = full(2)[:10] + " ARM " + full(2)[10 : MEASURE - 3]
    rows = [(LEFT, spaced), (LEFT, full(4)), (LEFT, spaced), (LEFT, "结合研究。"), (LEFT, first), (LEFT, run)]
    assert read(rows)[1:] == [f"{first} {run}"]
