"""A PDF whose headings are numbered without a dot ("1 Introduction"): typography and sequence make them headings."""

from __future__ import annotations

import docparse

from .pdf_factory import CJK, Text, lines, make_pdf, wrap

BOLD = "Helvetica-Bold"


def _call(numbers: list[str], *, bold: bool = True) -> bytes:
    font, size = (BOLD, 14.0) if bold else ("Helvetica", 10.0)
    items = [Text(72, 60, "Dataset Initiative", 20.0, BOLD)]
    top = 100
    for number, title in zip(numbers, ["Introduction", "Scope of Work", "Timeline"], strict=False):
        items += [Text(72, top, f"{number} {title}", size, font)]
        items += lines([f"The {title.lower()} of the initiative is set out here."], top=top + 25)
        top += 60
    items += lines(["2 trains of actuation logic are counted in the text."], top=top)
    return make_pdf([items])


def test_bold_bare_numbers_in_sequence_are_headings() -> None:
    document = docparse.parse(_call(["1", "2", "3"]))
    assert [(s.number, s.title) for s in document.sections] == [
        ("1", "Introduction"),
        ("2", "Scope of Work"),
        ("3", "Timeline"),
    ]
    # A count in running text is not a heading's number.
    assert "2 trains of actuation logic" in docparse.to_markdown(document)
    assert all(s.title != "trains of actuation logic are counted in the text." for s in document.sections)


def test_bare_numbers_in_the_body_s_style_are_not_headings() -> None:
    document = docparse.parse(_call(["1", "2", "3"], bold=False))
    assert not any(s.title in ("Introduction", "Scope of Work") for s in document.sections)


def test_chinese_headings_numbered_with_bare_numbers_are_headings() -> None:
    # "1 存储管理" set larger than the body: a number, a space and Han characters, counted 1, 2 ….
    items = [Text(72, 60, "比赛题目", 16.0, CJK)]
    top = 100
    for number, title in (("1", "存储管理"), ("2", "查询执行")):
        items += [Text(72, top, f"{number} {title}", 13.0, CJK)]
        items += lines(["题目描述：实现相关接口。"], top=top + 25, size=10.5, font=CJK)
        top += 60
    items += lines(["2 个测试点考查连接查询。"], top=top, size=10.5, font=CJK)
    document = docparse.parse(make_pdf([items]))
    heads = [(n.number, n.title) for n in (*document.sections, *(t for s in document.sections for t in s.topics))]
    assert ("1", "存储管理") in heads and ("2", "查询执行") in heads
    assert "2 个测试点考查连接查询。" in docparse.to_markdown(document)


def test_a_bare_numbered_heading_wrapped_under_its_title_is_one_heading() -> None:
    # LaTeX sets "3  Methods … experi-" to the right margin and hangs "ments" under the title, not
    # under the number: one heading, its hyphen joined.
    body = wrap("The text of the part is set out here in lines that run to the right margin of the page. " * 3, 90)
    items = [Text(72, 60, "Dataset Initiative", 20.0, BOLD)]
    top = 100
    for number, title in ((1, "Introduction"), (2, "Scope of Work")):
        items += [Text(72, top, str(number), 14.0, BOLD), Text(96, top, title, 14.0, BOLD)]
        items += lines(body, top=top + 25)
        top += 80
    heading = "Methods for assessing the predictions of models in experi-"
    items += [Text(72, top, "3", 14.0, BOLD), Text(96, top, heading, 14.0, BOLD)]
    items += [Text(96, top + 17, "ments", 14.0, BOLD)]
    items += lines(body, top=top + 42)
    document = docparse.parse(make_pdf([items]))
    assert [(s.number, s.title) for s in document.iter_nodes()] == [
        ("1", "Introduction"),
        ("2", "Scope of Work"),
        ("3", "Methods for assessing the predictions of models in experiments"),
    ]
