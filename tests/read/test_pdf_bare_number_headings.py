"""A PDF whose headings are numbered without a dot ("1 Introduction"): typography and sequence make them headings."""

from __future__ import annotations

import docparse

from .pdf_factory import CJK, Text, lines, make_pdf

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
