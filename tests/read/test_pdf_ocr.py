"""OCR of PDF pages without a usable text layer: the image-only rendition of the reference call
gives the outline of the text, offline; the OCR helpers on small made-up inputs."""

from __future__ import annotations

import difflib
import os
import socket
from collections.abc import Iterator
from typing import Any

import numpy
import pytest

import docparse
from docparse import Limits, ParseOptions
from docparse.errors import NoTextLayerError, OcrUnavailableError
from docparse.read.pdf import ocr
from docparse.read.pdf.lines import PageLines

from ..conftest import FIXTURES, SEED, corpus_file
from ..helpers import SEED_DIRECTIONS, all_directions, seed_direction_texts

SCANNED = FIXTURES / "ocr" / "seed-image-only.pdf"
REPORTLAB = FIXTURES / "seed-pdf-reportlab" / "input.pdf"
# OCR takes seconds a page and CI machines are slow and shared: the budget is not under test here.
ROOMY = Limits(max_seconds=1800)


class NetworkUsed(AssertionError):
    """Something tried to open a connection or resolve a name."""


@pytest.fixture(scope="module")
def scanned() -> Iterator[docparse.Document]:
    """Return the OCR'd parse of the image-only rendition, made once, with every socket refused."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NetworkUsed(f"network access during OCR: {args!r}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket.socket, "connect_ex", refuse)
        patch.setattr(socket, "create_connection", refuse)
        patch.setattr(socket, "getaddrinfo", refuse)
        yield docparse.parse(SCANNED, options=ParseOptions(limits=ROOMY))


def test_the_fixture_is_image_only_and_small() -> None:
    assert SCANNED.stat().st_size <= 1_100_000
    with pytest.raises(NoTextLayerError):
        docparse.parse(SCANNED, options=ParseOptions(ocr="never"))


def test_scanned_call_gives_the_outline_of_the_text(scanned: docparse.Document) -> None:
    text = docparse.parse(SEED)
    assert scanned.kind is text.kind
    assert (scanned.label, scanned.title, scanned.toc_title) == (text.label, text.title, text.toc_title)
    assert [(s.number, s.title) for s in scanned.sections] == [("1", "开放课题"), ("2", "半开放课题")]
    assert [(t.number, t.title) for t in scanned.iter_topics()] == [(t.number, t.title) for t in text.iter_topics()]
    assert [(e.number, e.page, e.level) for e in scanned.toc] == [(e.number, e.page, e.level) for e in text.toc]
    tracks = [(k.id, k.marker) for t in scanned.iter_topics() for k in t.tracks]
    assert tracks == [(k.id, k.marker) for t in text.iter_topics() for k in t.tracks]
    assert len(tracks) == 5
    counts: dict[str, int] = {}
    for unit_id, _ in all_directions(scanned):
        counts[unit_id] = counts.get(unit_id, 0) + 1
    assert counts == SEED_DIRECTIONS
    assert sum(counts.values()) == 50
    assert [(d.number, d.label) for t in scanned.iter_topics() for d in t.directions] == [
        (d.number, d.label) for t in text.iter_topics() for d in t.directions
    ]


def without_running_text(value: Any) -> Any:
    """Return outline data without paragraph and direction texts (and directions' titles): the skeleton."""
    if isinstance(value, dict):
        drop = {"text", "body", "title"} if "body" in value else {"text", "body"}
        return {key: without_running_text(item) for key, item in value.items() if key not in drop}
    if isinstance(value, list):
        return [without_running_text(item) for item in value]
    return value


def test_scanned_outline_equals_the_texts_but_for_running_text(scanned: docparse.Document) -> None:
    # Every number, label, heading title, TOC entry, field and count is equal; what differs is a
    # character here and there in paragraphs and directions (measured by the next test).
    text = docparse.outline_data(docparse.parse(SEED))
    assert without_running_text(docparse.outline_data(scanned)) == without_running_text(text)


def test_scanned_direction_texts_are_99_percent_the_texts(scanned: docparse.Document) -> None:
    ours = "\n".join(text for _, text in all_directions(scanned))
    theirs = "\n".join(seed_direction_texts())
    assert difflib.SequenceMatcher(None, ours, theirs, autojunk=False).ratio() >= 0.99


def test_scanned_nodes_point_at_their_page_in_pdf_points(scanned: docparse.Document) -> None:
    assert scanned.source.pages == 8
    for topic in scanned.iter_topics():
        for node in (topic, *topic.directions):
            for region in node.provenance.regions:
                assert 1 <= region.page <= 8
                assert 0 <= region.bbox.x0 < region.bbox.x1 <= 596
                assert 0 <= region.bbox.top < region.bbox.bottom <= 842
    first = next(scanned.iter_topics())
    # `1.1 机器学习基础理论` heads page 2, about 100 pt from the top, at the left margin (72 pt).
    assert first.provenance.regions[0].page == 2
    assert 60 <= first.provenance.regions[0].bbox.x0 <= 80


def test_scanned_pages_are_reported_with_their_confidence(scanned: docparse.Document) -> None:
    pages = [d for d in scanned.diagnostics if d.code == "DP107"]
    assert len(pages) == 8
    confidences = [float(d.message.rsplit("mean confidence ", 1)[1].rstrip(".")) for d in pages]
    assert min(confidences) >= 0.9
    assert not any(d.code == "DP103" for d in scanned.diagnostics)
    # Page numbers and the back links are set apart as on the text rendition.
    reasons = {d.reason.value for d in scanned.dropped}
    assert {"page-number", "back-link"} <= reasons


def test_the_engine_loads_with_telemetry_off() -> None:
    ocr.load_engine()
    assert os.environ["ORT_DISABLE_TELEMETRY"] == "1"


def test_a_text_pdf_is_not_ocred_under_auto() -> None:
    document = docparse.parse(REPORTLAB)
    assert not any(d.code == "DP107" for d in document.diagnostics)


def test_without_the_extra_the_error_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    with pytest.raises(OcrUnavailableError, match=r"pip install 'docparse-calls\[ocr\]'") as caught:
        docparse.parse(SCANNED)
    assert isinstance(caught.value, NoTextLayerError)  # callers catching the old error still do
    with pytest.raises(OcrUnavailableError):
        docparse.parse(REPORTLAB, options=ParseOptions(ocr="always"))
    assert docparse.parse(REPORTLAB).sections  # a text layer needs no OCR


def test_the_garbled_page_of_a_partly_garbled_pdf_is_ocred() -> None:
    document = docparse.parse(FIXTURES / "hostile" / "pdf-partly-garbled.pdf", options=ParseOptions(limits=ROOMY))
    assert not any(d.code == "DP103" for d in document.diagnostics)
    assert [d.provenance.pages for d in document.diagnostics if d.code == "DP107"] == [(2,)]
    never = docparse.parse(FIXTURES / "hostile" / "pdf-partly-garbled.pdf", options=ParseOptions(ocr="never"))
    assert [d.provenance.pages for d in never.diagnostics if d.code == "DP103"] == [(2,)]


# --- the helpers on made-up input ---------------------------------------------------------------


def run(text: str, x0: float, top: float, x1: float, bottom: float, score: float = 0.99) -> ocr.OcrRun:
    return ocr.OcrRun(text=text, score=score, x0=x0, top=top, x1=x1, bottom=bottom)


def quad(x0: int, top: int, x1: int, bottom: int) -> list[list[int]]:
    """Return a box as the recogniser gives it: its four corners clockwise from the top left, in pixels."""
    return [[x0, top], [x1, top], [x1, bottom], [x0, bottom]]


def test_labels_follow_the_documents_majority_and_circled_numbers_stay() -> None:
    texts = ["1）深度学习", "2）模型", "3)训练", "（1）甲", "(2）乙", "①分布式"]
    labels = ocr.label_widths(texts)
    assert [ocr.normalise_ocr_text(t, labels) for t in texts] == [
        "1）深度学习",
        "2）模型",
        "3）训练",
        "（1）甲",
        "（2）乙",
        "①分布式",
    ]


def test_ocr_spaces_between_cjk_go_and_mixed_brackets_around_cjk_become_full_width() -> None:
    assert ocr.normalise_ocr_text("深度 学习 with Paddle 框架", {}) == "深度学习 with Paddle 框架"
    assert (
        ocr.normalise_ocr_text("研究（AutoDL)技术，机器学习(深度学习）", {})
        == "研究（AutoDL）技术，机器学习（深度学习）"
    )
    assert ocr.normalise_ocr_text("see (Emergence of Language)", {}) == "see (Emergence of Language)"


def test_runs_on_a_row_make_one_line_with_a_tab_before_the_page_column() -> None:
    page = PageLines(number=1, width=595.0, height=842.0, lines=[])
    runs = [
        run("1.1 机器学习基础理论", 72.0, 100.0, 186.0, 113.0),
        run("……………", 190.0, 100.0, 500.0, 113.0),
        run("1", 516.0, 100.5, 522.0, 112.5),
        run("本项目期望通过对机器学习基础技术、基础理论层面的研究", 72.0, 130.0, 345.0, 143.0),
    ]
    lines = ocr.runs_to_page(page, ocr.without_leaders(runs)).lines
    assert [line.text for line in lines] == [
        "1.1 机器学习基础理论\t1",
        "本项目期望通过对机器学习基础技术、基础理论层面的研究",
    ]
    assert [line.is_toc for line in lines] == [True, False]


def test_sizes_come_from_the_pitch_and_snap_to_the_body() -> None:
    page = PageLines(number=1, width=595.0, height=842.0, lines=[])
    runs = [
        run("1. 开放课题", 72.0, 70.0, 141.0, 86.0),  # 14 pt: 5 ems at 14 pt ≈ 69 pt wide
        *(
            run("本项目期望通过对机器学习基础技术的研究" * 2, 72.0, 100.0 + 18 * i, 72.0 + 38 * 10.4, 112.0 + 18 * i)
            for i in range(6)
        ),
        run("交流。", 72.0, 220.0, 103.0, 234.0),  # a tall box of three glyphs at the body pitch
    ]
    pages = {0: ocr.runs_to_page(page, runs)}
    ocr.set_sizes(pages)
    sizes = [line.size for line in pages[0].lines]
    assert sizes[0] == 13.5 or sizes[0] == 14.0
    assert set(sizes[1:]) == {10.5}


def square_image(mark: bool) -> numpy.ndarray[Any, Any]:
    """Return a white line image 40 px high with a filled square (or a thin stroke) before some text."""
    image = numpy.full((40, 300), 255, dtype=numpy.uint8)
    if mark:
        image[8:32, 10:34] = 0
    else:
        image[8:32, 10:13] = 0  # a vertical stroke of a glyph
        image[8:11, 10:34] = 0
    image[8:32, 50:53] = 0
    image[18:21, 50:90] = 0
    return image


def test_a_filled_square_oc_r_left_out_is_put_back() -> None:
    assert ocr.leading_mark(square_image(True), 5.0, 2.0, 290.0, 38.0) == "■"
    assert ocr.leading_mark(square_image(False), 5.0, 2.0, 290.0, 38.0) is None


def test_image_only_pages_under_half_covered_are_not_ocred() -> None:
    # The hostile `scanned` page is a picture over a third of the page: a figure, not a scan.
    with pytest.raises(NoTextLayerError):
        docparse.parse(FIXTURES / "hostile" / "pdf-scanned.pdf")


def test_the_command_line_takes_ocr_never(capsys: pytest.CaptureFixture[str]) -> None:
    from docparse.cli import main

    assert main(["convert", str(SCANNED), "--ocr", "never"]) == 1
    assert "no extractable text" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["convert", str(SCANNED), "--ocr", "sometimes"])


def test_a_running_header_read_differently_is_spelt_alike() -> None:
    def page(number: int, header: str) -> PageLines:
        lines = ocr.runs_to_page(
            PageLines(number=number, width=595.0, height=842.0, lines=[]),
            [run(header, 72.0, 30.0, 300.0, 42.0), run("正文第一行的内容比较长一些", 72.0, 300.0, 400.0, 312.0)],
        ).lines
        return PageLines(number=number, width=595.0, height=842.0, lines=lines)

    pages = [
        page(1, "2021年度开放课题申报指南"),
        page(2, "2021年度开放课题申报指南"),
        page(3, "2021年度开放课题申报指南"),
    ]
    pages += [page(4, "2021年度开放课题中报指南"), page(5, "2021年度开放课题申报指南"), page(6, "第一章 总则")]
    ocr.unify_running_lines(pages)
    assert [p.lines[0].text for p in pages] == ["2021年度开放课题申报指南"] * 5 + ["第一章 总则"]


def test_misread_leaders_and_folios_are_recognised() -> None:
    page = PageLines(number=7, width=595.0, height=842.0, lines=[])
    runs = [
        run("2.1 面向前沿领域的可复用预训练模型", 72.0, 100.0, 280.0, 113.0),
        run(".mm mmmm mmmmm mm mmmmmm", 285.0, 100.0, 500.0, 113.0, score=0.59),
        run("5", 516.0, 100.5, 522.0, 112.5),
        run("-7.", 290.0, 790.0, 305.0, 803.0),
    ]
    lines = ocr.runs_to_page(page, ocr.without_leaders(runs)).lines
    assert [line.text for line in lines] == ["2.1 面向前沿领域的可复用预训练模型\t5", "- 7 -"]


INTERN_SLIDE_TITLES = [
    "飞桨框架护航计划",
    "对同学的要求",
    "2023年H1社区个人贡献者项目选集",
    "飞桨线上开发环境",
    "Q&A（面试篇）",
    "Q&A（项目篇）",
]


def test_the_intern_programme_slides_give_their_titles() -> None:
    path = corpus_file("zh_paddle_contributor_remote_intern_program.pdf")
    document = docparse.parse(path, options=ParseOptions(limits=ROOMY))
    assert document.title == "飞桨框架护航计划"
    assert len([d for d in document.diagnostics if d.code == "DP107"]) == 12
    text = docparse.to_markdown(document)
    assert [title for title in INTERN_SLIDE_TITLES if title not in text] == []
    assert {"Q&A（面试篇）", "Q&A（项目篇）"} <= {section.title for section in document.sections}
    # Its text layer's ruled tables hold glyph ids: they went with the layer OCR replaced.
    assert not [table for table in document.iter_tables() if "(cid:" in table.model_dump_json()]


def _ruled_table_pdf() -> bytes:
    """Return a one-page PDF: a heading, then a ruled 3×2 table of English cells (a text layer)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=True)
    page.setFont("Helvetica-Bold", 16)
    page.drawString(72, 760, "1. Funding rules")
    page.setFont("Helvetica", 14)
    cells = [["Item", "Amount"], ["Travel", "5000"], ["Equipment", "20000"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            page.rect(72 + c * 200, 700 - r * 40, 200, 40)
            page.drawString(82 + c * 200, 715 - r * 40, text)
    page.save()
    return out.getvalue()


def test_a_page_read_by_ocr_keeps_no_table_of_its_text_layer() -> None:
    data = _ruled_table_pdf()
    layer = docparse.parse(data, name="rules.pdf", options=ParseOptions(ocr="never"))
    assert [table.rows for table in layer.iter_tables()] == [
        (("Item", "Amount"), ("Travel", "5000"), ("Equipment", "20000"))
    ]
    read = docparse.parse(data, name="rules.pdf", options=ParseOptions(ocr="always"))
    assert list(read.iter_tables()) == []  # OCR read the cells from the image, with the page
    layer_records = [d.text for d in read.dropped if d.reason == "text-layer"]
    assert "Item\tAmount\nTravel\t5000\nEquipment\t20000" in layer_records
    assert "Equipment" in docparse.to_markdown(read) and "20000" in docparse.to_markdown(read)


def test_a_pdf_pdfium_cannot_open_is_corrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    def refuse(*args: object, **kwargs: object) -> None:
        raise pypdfium2.PdfiumError("Failed to load document")

    monkeypatch.setattr(pypdfium2, "PdfDocument", refuse)
    with pytest.raises(docparse.CorruptDocumentError, match="pdfium cannot open"):
        docparse.parse(SCANNED)


def test_a_skewed_page_is_turned_level_with_its_boxes() -> None:
    # A page turned 1°: each box's top edge climbs 1° (y down), as the detector's quadrilaterals do.
    slope = numpy.tan(numpy.radians(-1.0))

    def box(x0: float, y0: float, width: float, height: float) -> numpy.ndarray[Any, Any]:
        return numpy.array(
            [[x0, y0], [x0 + width, y0 + width * slope], [x0 + width, y0 + height + width * slope], [x0, y0 + height]]
        )

    boxes = [box(100.0, 100.0 + 40 * i, 800.0, 30.0) for i in range(4)]
    assert ocr.skew_angle(boxes) == pytest.approx(-1.0, abs=0.01)
    assert ocr.skew_angle(boxes[:2]) == 0.0  # too few long boxes to say
    image = numpy.full((400, 1000), 255, dtype=numpy.uint8)
    words = [((("字", 0.9, box(100.0, 100.0, 30.0, 30.0)),))]
    level, turned, turned_words = ocr.deskew(image, boxes, words[0:1] * 1, -1.0)
    assert level.shape == image.shape and level.min() == 255  # white in, white out (no black corners)
    for quad in turned:
        assert abs(quad[1][1] - quad[0][1]) < 0.5 and abs(quad[2][1] - quad[3][1]) < 0.5
    assert len(turned_words[0]) == 1 and turned_words[0][0][0] == "字"


def test_two_ocr_columns_are_read_column_by_column() -> None:
    page = PageLines(number=3, width=595.0, height=842.0, lines=[])
    left = ["左栏第一行的文字内容比较长一些啊", "左栏第二行的文字内容比较长一些啊", "左栏第三行的文字内容比较长一些啊"]
    right = ["右栏第一行的文字内容比较长一些啊", "右栏第二行的文字内容比较长一些啊", "右栏第三行的文字内容比较长一些啊"]
    runs = []
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        top = 100.0 + 16 * i
        runs.append(run(a, 72.0, top, 72.0 + 16 * 10.5, top + 12.0))
        runs.append(run(b, 300.0, top + 3.0, 300.0 + 16 * 10.5, top + 15.0))
    lines = ocr.runs_to_page(page, runs).lines
    assert [line.text for line in lines] == left + right
    assert all(line.column is not None for line in lines)


def test_the_time_budget_grows_with_the_pages_to_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(ocr.time, "monotonic", lambda: clock[0])
    check = ocr.limit_checker(120.0, 30.0, 1000.0, "scan.pdf")
    clock[0] = 1000.0 + 120.0 + 29 * 30.0
    check(29, 29, 30)  # 29 of 30 pages within 120 s + 30 × 30 s
    with pytest.raises(docparse.LimitExceededError, match="30 s for each of 2 pages to OCR"):
        check(30, 30, 2)


def test_the_pages_read_by_ocr_extend_the_budget_of_the_whole_parse() -> None:
    import time

    from docparse.blocks import Block, Reading
    from docparse.pipeline import build_document, source_for

    def build(extra: float) -> docparse.Document:
        reading = Reading(blocks=[Block(text="1. 开放课题")], format="pdf", pages=1, extra_seconds=extra)
        # Begun 200 s ago with a budget of 120 s: only the OCR allowance keeps it within budget.
        return build_document(reading, source_for(b"%PDF", "scan.pdf", reading), ParseOptions(), time.monotonic() - 200)

    assert build(100.0).sections
    with pytest.raises(docparse.LimitExceededError, match="stopped after reading"):
        build(0.0)


def test_the_help_names_the_default_budgets(capsys: pytest.CaptureFixture[str]) -> None:
    from docparse import options
    from docparse.cli import main

    with pytest.raises(SystemExit):
        main(["convert", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert f"(default {options.DEFAULT_MAX_SECONDS:g}), plus --ocr-seconds" in text
    assert f"needs OCR (default {options.DEFAULT_OCR_SECONDS_PER_PAGE:g})" in text


class BandEngine:
    """A stand-in for rapidocr that reads `1`, `2`, `3` from a band image, one box per 40 px row."""

    def __init__(self) -> None:
        self.bands: list[tuple[int, int]] = []

    def __call__(self, image: numpy.ndarray[Any, Any]) -> Any:
        from types import SimpleNamespace

        self.bands.append(image.shape[:2])
        boxes = [numpy.array(quad(100, 5 + 40 * i, 110, 25 + 40 * i)) for i in range(3)]
        return SimpleNamespace(boxes=boxes, txts=["1", "2", "3"], scores=[0.99] * 3)


def test_a_tocs_lost_page_numbers_are_read_from_its_margin() -> None:
    image = numpy.full((400, 600), 255, dtype=numpy.uint8)
    runs = [
        run("申报主题目录", 100.0, 20.0, 200.0, 35.0),
        run("1.1 机器学习基础理论..", 40.0, 60.0, 160.0, 75.0),
        run("1.2 深度学习框架技术", 40.0, 100.0, 150.0, 115.0),
        run("1.3 强化学习/进化学习", 40.0, 140.0, 155.0, 155.0),
        run("本项目期望通过对机器学习基础技术、基础理论层面的研究，来指导解决当前的问题。", 40.0, 200.0, 560.0, 215.0),
    ]
    engine = BandEngine()
    found = ocr.toc_margin(engine, image, runs, 1.0, 1.0)
    assert engine.bands == [(157 - 58, 600 - 156)]  # the entries' rows, right of the longest title
    assert [(r.text, r.x0, r.top) for r in found] == [("1", 256.0, 63.0), ("2", 256.0, 103.0), ("3", 256.0, 143.0)]
    assert runs[1].text == "1.1 机器学习基础理论"  # the dots left of a lost leader go, and their width
    kept = ocr.ems("1.1 机器学习基础理论") / ocr.ems("1.1 机器学习基础理论..")
    assert round(runs[1].x1, 1) == round(40.0 + 120.0 * kept, 1)
    page = PageLines(number=1, width=600.0, height=400.0, lines=[])
    texts = [line.text for line in ocr.runs_to_page(page, ocr.without_leaders(runs + found)).lines]
    assert texts[1:4] == ["1.1 机器学习基础理论\t1", "1.2 深度学习框架技术\t2", "1.3 强化学习/进化学习\t3"]


def test_running_text_gets_no_second_reading() -> None:
    runs = [
        run(
            "1) 研究能加速深度学习训练收敛的更好数值优化策略；研究大batch训练",
            40.0,
            60.0 + 20 * i,
            560.0,
            75.0 + 20 * i,
        )
        for i in range(5)
    ]
    engine = BandEngine()
    assert ocr.toc_margin(engine, numpy.full((400, 600), 255, dtype=numpy.uint8), runs, 1.0, 1.0) == []
    assert engine.bands == []


def test_a_space_is_seen_through_the_halo_of_a_blurred_scan() -> None:
    # `Lite` then `的`, 20 px high (an em of about 17 px): glyph ink, a 9-px gap whose edges a
    # blur has greyed (170) and left 3 px white, then the next glyph. Only the solid ink bounds
    # the gap: a space (counting the grey as ink left 3 px, too narrow for one).
    image = numpy.full((24, 120), 255, dtype=numpy.uint8)
    image[2:22, 10:40] = 0
    image[2:22, 40:43] = 170
    image[2:22, 46:49] = 170
    image[2:22, 49:70] = 0
    chars = [
        ("Lite", 0.99, quad(10, 2, 40, 22)),
        ("的", 0.99, quad(49, 2, 70, 22)),
    ]
    assert ocr.respace(image, "Lite的", chars, 2.0, 22.0) == "Lite 的"
    image[2:22, 40:49] = 100  # a gap too dark to be blank: a touching pair, no space
    assert ocr.respace(image, "Lite的", chars, 2.0, 22.0) == "Lite的"


def test_only_the_toc_rows_without_a_number_are_read_again() -> None:
    image = numpy.full((400, 600), 255, dtype=numpy.uint8)
    runs = [
        run("1. 开放课题", 40.0, 60.0, 120.0, 75.0),
        run("1.1 机器学习基础理论", 40.0, 100.0, 160.0, 115.0),
        run("1.2 深度学习框架技术", 40.0, 140.0, 150.0, 155.0),
        run("2", 520.0, 141.0, 527.0, 154.0),  # found by the page's own detection
        run("本项目期望通过对机器学习基础技术、基础理论层面的研究，来指导解决当前的问题。", 40.0, 200.0, 560.0, 215.0),
    ]
    engine = BandEngine()
    found = ocr.toc_margin(engine, image, runs, 1.0, 1.0)
    assert engine.bands == [(117 - 58, 600 - 161)]  # the two rows without a number, right of their titles
    assert [(r.text, r.top) for r in found] == [("1", 63.0), ("2", 103.0)]  # the band's third reading is no row's


def test_a_short_line_of_latin_and_cjk_keeps_the_body_size() -> None:
    # `Node.js 等。`: six ems by the character classes, but its Latin glyphs are narrower than
    # guessed, so its pitch says 9 pt; its box is as high as the body lines': it is body text.
    page = PageLines(number=1, width=595.0, height=842.0, lines=[])
    body = "本项目期望通过对机器学习基础技术的研究" * 2
    runs = [run(body, 72.0, 100.0 + 18 * i, 72.0 + 38 * 10.5, 112.5 + 18 * i) for i in range(6)]
    runs.append(run("Node.js 等。", 81.0, 220.0, 134.0, 232.5))
    runs.append(run("2. 半开放课题", 72.0, 250.0, 72.0 + 6.05 * 14, 266.0))  # a 14-pt heading: both measures say so
    pages = {0: ocr.runs_to_page(page, runs)}
    ocr.set_sizes(pages)
    sizes = [line.size for line in pages[0].lines]
    assert sizes[-2] == 10.5
    assert sizes[-1] >= 13.5


def han_line(gaps: list[int]) -> tuple[numpy.ndarray, list[tuple[str, float, list[list[int]]]]]:
    """Return a line image and the recogniser's character boxes: 甲乙丙丁 (16-px glyphs at a 20-px pitch), a comma
    whose ink sits low in the line, then 戊己庚辛 after `gaps[i]` px of blank above the comma, one line per gap."""
    image = numpy.full((30, 400), 255, dtype=numpy.uint8)
    chars: list[tuple[str, float, list[list[int]]]] = []
    x = 2

    def glyph(char: str, left: int, width: int, top: int) -> None:
        image[top:26, left : left + width] = 0
        chars.append((char, 0.95, quad(left, 4, left + width, 26)))

    for gap in gaps:
        for char in "甲乙丙丁":
            glyph(char, x, 16, 4)
            x += 20
        comma_at = x - 4 + 2
        glyph("，", comma_at, 3, 20)  # a comma's ink: low in the line, under `COMMA_TOP`
        x = x - 4 + gap
        for char in "戊己庚辛":
            glyph(char, x, 16, 4)
            x += 20
    return image, chars


@pytest.mark.parametrize(
    ("gap", "spelt"), [(8, "甲乙丙丁,戊己庚辛"), (16, "甲乙丙丁, 戊己庚辛"), (24, "甲乙丙丁，戊己庚辛")]
)
def test_a_commas_width_is_the_blank_the_image_shows_between_its_characters(gap: int, spelt: str) -> None:
    # Blank over the comma in character pitches (20 px): 0.4 a half-width comma, 0.8 one and a
    # space, 1.2 a full-width comma; OCR read `，` in every case.
    image, chars = han_line([gap])
    assert ocr.respace(image, "甲乙丙丁，戊己庚辛", chars, 4.0, 26.0) == spelt


def test_without_enough_cjk_neighbours_a_comma_keeps_its_reading() -> None:
    image, chars = han_line([8])
    items = [(char, box) for char, _, box in chars[3:6]]
    assert ocr.comma_widths(image, "丁，戊", items, 4.0, 26.0) == "丁，戊"


def test_a_space_goes_before_a_half_width_bracket_but_not_beside_a_full_width_one() -> None:
    # `学(Re`: a CJK glyph, blank, a bracket's ink. 0.35 em of blank is a space; 0.7 em is the
    # blank a full-width `（` read as `(` carries on its open side, not a space.
    for blank, spelt in ((7, "学 (Re"), (14, "学(Re")):
        image = numpy.full((26, 200), 255, dtype=numpy.uint8)
        image[2:24, 10:30] = 0
        image[2:24, 30 + blank : 33 + blank] = 0
        image[8:24, 36 + blank : 60 + blank] = 0
        chars = [
            ("学", 0.99, quad(10, 2, 30, 24)),
            ("(Re", 0.99, quad(30 + blank, 2, 60 + blank, 24)),
        ]
        assert ocr.respace(image, "学(Re", chars, 2.0, 26.0) == spelt


class CellEngine:
    """A stand-in for rapidocr that finds a digit only in a cell narrow enough (the dots beside it out of view)."""

    def __init__(self) -> None:
        self.cells: list[tuple[int, int]] = []

    def __call__(self, image: numpy.ndarray[Any, Any]) -> Any:
        from types import SimpleNamespace

        self.cells.append(image.shape[:2])
        if image.shape[1] > 100:  # the dots in the cell: read as one run of dots
            return SimpleNamespace(boxes=[numpy.array(quad(0, 0, 9, 9))], txts=["…"], scores=[0.5])
        box = numpy.array(quad(32, 34, 46, 60))
        return SimpleNamespace(boxes=[box], txts=["5"], scores=[0.9])


def test_a_page_number_the_band_missed_is_read_in_a_cell_of_the_numbers_column() -> None:
    image = numpy.full((400, 600), 255, dtype=numpy.uint8)
    numbers = [run("1", 500.0, 60.0, 507.0, 73.0), run("7", 500.0, 140.0, 507.0, 153.0)]
    entry = run("2.1 面向前沿领域的可复用预训练模型", 40.0, 100.0, 260.0, 113.0)
    engine = CellEngine()
    found = ocr.page_cells(engine, image, [entry], numbers, 1.0, 1.0)
    # A cell an em each side of the column (dots in view) gave nothing; one 0.3 em each side, the number.
    assert [cell[1] for cell in engine.cells] == [(34 + 32) * 2, (15 + 32) * 2]
    assert [(r.text, r.x0, r.top, r.bottom) for r in found] == [("5", 496.0, 99.0, 112.0)]
    assert ocr.page_cells(engine, image, [entry], numbers[:1], 1.0, 1.0) == []  # no column from one number


def test_a_fifth_of_an_em_between_latin_letters_is_a_space() -> None:
    # `of` then `Language` in a 20-px line (an em of about 17 px): a blurred scan leaves 4 px
    # of blank between the words (0.24 em) and 2 px (0.12 em) between letters of one word.
    for blank, spelt in ((4, "of Language"), (2, "ofLanguage")):
        image = numpy.full((24, 200), 255, dtype=numpy.uint8)
        image[2:22, 10:30] = 0
        image[2:22, 30 + blank : 120] = 0
        chars = [
            ("of", 0.99, quad(10, 2, 30, 22)),
            ("Language", 0.99, quad(30 + blank, 2, 120, 22)),
        ]
        assert ocr.respace(image, "ofLanguage", chars, 2.0, 22.0) == spelt


def test_a_label_alone_on_its_line_keeps_the_body_size_and_a_small_mark_does_not() -> None:
    # `6)` alone on its line (a renderer that breaks only at spaces put its text on the next):
    # its box is digits' height, 20 % under what the CJK lines' boxes say of 10.5 pt; a note
    # mark `1` at 6 pt stays small.
    page = PageLines(number=1, width=595.0, height=842.0, lines=[])
    body = "本项目期望通过对机器学习基础技术的研究" * 2
    runs = [run(body, 72.0, 100.0 + 18 * i, 72.0 + 38 * 10.5, 112.5 + 18 * i) for i in range(6)]
    runs.append(run("6)", 72.0, 220.0, 78.0, 230.0))
    runs.append(run("7)", 72.0, 240.0, 81.6, 254.5))  # by its pitch and its tall box: 14-16 % over
    runs.append(run("1", 72.0, 270.0, 75.0, 277.0))
    pages = {0: ocr.runs_to_page(page, runs)}
    ocr.set_sizes(pages)
    assert [line.size for line in pages[0].lines][-3:] == [10.5, 10.5, 6.0]


def test_a_justified_lines_stretched_space_is_a_space_and_a_toc_or_table_rows_gap_a_tab() -> None:
    page = PageLines(number=1, width=595.0, height=842.0, lines=[])
    paragraph = [
        run("Paddle", 60.0, 100.0, 95.0, 110.0),  # a line justified by its one space: two words, edge to edge
        run("Lite", 505.0, 100.0, 530.0, 110.0),
        run("是一个支持多硬件、高性能、轻量化部署的端侧推理引擎，能够将深度学习的模型部署", 60.0, 113.0, 530.0, 123.0),
    ]
    toc = [run("1.1 机器学习基础理论", 60.0, 200.0, 160.0, 210.0), run("1", 524.0, 200.0, 530.0, 210.0)]
    table = [
        run("申报截止时间", 60.0, 300.0, 120.0, 310.0),
        run("2025年3月1日前提交全部申报材料，逾期不予受理，材料须由单位盖章", 200.0, 300.0, 530.0, 310.0),
        run("后寄出", 200.0, 313.0, 230.0, 323.0),  # the cell's next line starts at the cell
    ]
    lines = ocr.runs_to_page(page, paragraph + toc + table).lines
    assert [line.text for line in lines][:2] == ["Paddle Lite", paragraph[2].text]
    assert lines[2].text == "1.1 机器学习基础理论\t1"
    assert lines[3].text.startswith("申报截止时间\t2025")


def test_a_line_spread_by_justification_whose_box_says_body_is_body_text() -> None:
    # LibreOffice justifies CJK text by spreading its characters: 31 characters over a 36-character
    # measure read 12.5 pt by their pitch in 11-pt text; the box is as high as the body lines'.
    page = PageLines(number=1, width=595.0, height=842.0, lines=[])
    body = "本项目期望通过对机器学习基础技术的研究" * 2
    runs = [run(body, 72.0, 100.0 + 18 * i, 72.0 + 38 * 10.5, 112.5 + 18 * i) for i in range(6)]
    runs.append(run(body[:31], 72.0, 220.0, 72.0 + 38 * 10.5, 232.5))
    runs.append(run("2. 半开放课题研究方向与申报要求", 72.0, 250.0, 72.0 + 16.05 * 14, 266.0))  # a heading: both say 14
    pages = {0: ocr.runs_to_page(page, runs)}
    ocr.set_sizes(pages)
    assert [line.size for line in pages[0].lines][-2] == 10.5
    assert [line.size for line in pages[0].lines][-1] >= 13.5


def test_a_slides_title_and_logo_on_one_row_stay_apart() -> None:
    # Edge to edge and followed by a row at the left edge, but no row beside it fills the measure.
    page = PageLines(number=1, width=960.0, height=540.0, lines=[])
    runs = [
        run("飞桨框架护航计划", 60.0, 40.0, 300.0, 70.0),
        run("PaddlePaddle", 780.0, 45.0, 900.0, 65.0),
        run("面向在校学生的远程实习项目", 60.0, 120.0, 400.0, 140.0),
        run("导师一对一指导", 60.0, 160.0, 260.0, 180.0),
    ]
    assert ocr.runs_to_page(page, runs).lines[0].text == "飞桨框架护航计划\tPaddlePaddle"


def test_capitals_need_a_wider_blank_to_make_a_space() -> None:
    # `MCU` on a clean scan: 4 px (0.24 em) between its capitals is no space; 6 px (0.36 em) is.
    for blank, spelt in ((4, "MCU"), (6, "M CU")):
        image = numpy.full((24, 200), 255, dtype=numpy.uint8)
        image[2:22, 10:24] = 0
        image[2:22, 24 + blank : 36 + blank] = 0
        image[2:22, 40 + blank : 52 + blank] = 0
        chars = [
            ("M", 0.99, quad(10, 2, 24, 22)),
            ("C", 0.99, quad(24 + blank, 2, 36 + blank, 22)),
            ("U", 0.99, quad(40 + blank, 2, 52 + blank, 22)),
        ]
        assert ocr.respace(image, "MCU", chars, 2.0, 22.0) == spelt
