"""Word automatic numbering: number formats, list counters, overrides and style links, from inline XML."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from lxml import etree

from docparse.read.docx.numbering import Numbering, bullet_text, format_number, symbol_char
from docparse.read.docx.styles import Styles

from .docx_factory import part_xml


def _numbering(content: str, styles: str = "") -> Numbering:
    style_table = Styles.from_xml(part_xml("styles", styles).encode())
    return Numbering.from_xml(part_xml("numbering", content).encode(), style_table)


def _lvl(ilvl: int, fmt: str, text: str, *, start: int | None = 1, extra: str = "") -> str:
    start_xml = f'<w:start w:val="{start}"/>' if start is not None else ""
    return f'<w:lvl w:ilvl="{ilvl}">{start_xml}<w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/></w:lvl>'


def _abstract(abstract_id: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}</w:abstractNum>'


def _num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def _num_pr(num_id: int | None = None, ilvl: int | None = None) -> etree._Element | None:
    if num_id is None and ilvl is None:
        return None
    inner = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    inner += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
    return etree.fromstring(part_xml("numPr", inner).encode())


def _labels(numbering: Numbering, paragraphs: Sequence[tuple[int | None, int | None, str | None]]) -> list[str | None]:
    out = []
    for num_id, ilvl, style in paragraphs:
        label = numbering.label_for(_num_pr(num_id, ilvl), style)
        out.append(label.text if label else None)
    return out


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        ("decimal", [1, 9, 10, 123], ["1", "9", "10", "123"]),
        ("decimalZero", [1, 9, 10, 100], ["01", "09", "10", "100"]),
        ("lowerLetter", [1, 2, 26, 27, 28, 53], ["a", "b", "z", "aa", "bb", "aaa"]),
        ("upperLetter", [1, 26, 27], ["A", "Z", "AA"]),
        ("lowerRoman", [1, 4, 9, 14, 40], ["i", "iv", "ix", "xiv", "xl"]),
        ("upperRoman", [3, 1994, 2024, 4000, 10**9], ["III", "MCMXCIV", "MMXXIV", "4000", "1000000000"]),
        ("upperLetter", [780, 781, 10**9], ["Z" * 30, "781", "1000000000"]),
        (
            "chineseCounting",
            [1, 10, 11, 19, 20, 21, 99, 100, 101, 110, 111],
            ["一", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百一十一"],
        ),
        (
            "chineseCountingThousand",
            [11, 20, 21, 1000, 1001, 1010, 1100, 2345, 9999, 10000, 10001],
            [
                "十一",
                "二十",
                "二十一",
                "一千",
                "一千零一",
                "一千零一十",
                "一千一百",
                "二千三百四十五",
                "九千九百九十九",
                "一万",
                "一万零一",
            ],
        ),
        ("chineseLegalSimplified", [1, 2, 3, 10, 11, 20, 100], ["壹", "贰", "叁", "壹拾", "壹拾壹", "贰拾", "壹佰"]),
        ("ideographTraditional", [1, 2, 3, 4, 10, 11], ["甲", "乙", "丙", "丁", "癸", "甲"]),
        ("decimalEnclosedCircle", [1, 2, 10, 20, 21], ["①", "②", "⑩", "⑳", "21"]),
        ("decimalEnclosedParen", [1, 20], ["⑴", "⒇"]),
        ("decimalFullWidth", [12], ["１２"]),
        ("ideographDigital", [105], ["一〇五"]),
        ("none", [3], [""]),
        ("someFutureFormat", [7], ["7"]),
    ],
)
def test_number_formats_print_what_word_prints(fmt: str, values: list[int], expected: list[str]) -> None:
    assert [format_number(v, fmt) for v in values] == expected


def test_counters_advance_and_deeper_levels_restart() -> None:
    numbering = _numbering(_abstract(0, _lvl(0, "decimal", "%1."), _lvl(1, "decimal", "%1.%2")) + _num(1, 0))
    labels = _labels(numbering, [(1, 0, None), (1, 1, None), (1, 1, None), (1, 0, None), (1, 1, None)])
    assert labels == ["1.", "1.1", "1.2", "2.", "2.1"]


def test_level_text_templates_with_cjk_punctuation() -> None:
    numbering = _numbering(
        _abstract(0, _lvl(0, "chineseCounting", "第%1章"), _lvl(1, "chineseCountingThousand", "（%2）"))
        + _abstract(1, _lvl(0, "decimal", "%1)"))
        + _num(1, 0)
        + _num(2, 1)
    )
    assert _labels(numbering, [(1, 0, None), (1, 1, None), (2, 0, None), (1, 0, None), (1, 1, None)]) == [
        "第一章",
        "（一）",
        "1)",
        "第二章",
        "（一）",
    ]


def test_eleventh_chinese_item_is_shi_yi() -> None:
    numbering = _numbering(_abstract(0, _lvl(0, "chineseCounting", "%1、")) + _num(1, 0))
    labels = _labels(numbering, [(1, 0, None)] * 21)
    assert labels[9:] == [
        "十、",
        "十一、",
        "十二、",
        "十三、",
        "十四、",
        "十五、",
        "十六、",
        "十七、",
        "十八、",
        "十九、",
        "二十、",
        "二十一、",
    ]


def test_lvl_restart_zero_never_restarts_and_one_restarts_only_on_the_top_level() -> None:
    levels = (
        _lvl(0, "decimal", "%1."),
        _lvl(1, "decimal", "%1.%2"),
        _lvl(2, "lowerLetter", "%3)", extra='<w:lvlRestart w:val="1"/>'),
    )
    numbering = _numbering(_abstract(0, *levels) + _num(1, 0))
    # Level 3 restarts after level 1 only: the level-2 item in between does not restart it.
    labels = _labels(numbering, [(1, 0, None), (1, 2, None), (1, 1, None), (1, 2, None), (1, 0, None), (1, 2, None)])
    assert labels == ["1.", "a)", "1.1", "b)", "2.", "a)"]

    never = (_lvl(0, "decimal", "%1."), _lvl(1, "decimal", "(%2)", extra='<w:lvlRestart w:val="0"/>'))
    numbering = _numbering(_abstract(0, *never) + _num(1, 0))
    assert _labels(numbering, [(1, 0, None), (1, 1, None), (1, 0, None), (1, 1, None)]) == ["1.", "(1)", "2.", "(2)"]


def test_nums_of_one_abstract_share_counters_and_start_override_restarts_on_first_use() -> None:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering = _numbering(_abstract(0, _lvl(0, "decimal", "%1)")) + _num(1, 0) + _num(2, 0, override) + _num(3, 0))
    labels = _labels(numbering, [(1, 0, None), (1, 0, None), (2, 0, None), (2, 0, None), (3, 0, None), (1, 0, None)])
    # num 2 restarts at 1 the first time only; num 3 (no override) and num 1 continue the shared list.
    assert labels == ["1)", "2)", "1)", "2)", "3)", "4)"]


def test_start_override_to_another_value_and_start_value() -> None:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    numbering = _numbering(_abstract(0, _lvl(0, "decimal", "%1.", start=3)) + _num(1, 0) + _num(2, 0, override))
    assert _labels(numbering, [(1, 0, None), (1, 0, None), (2, 0, None), (2, 0, None)]) == ["3.", "4.", "5.", "6."]


def test_missing_start_is_zero_as_the_standard_says() -> None:
    numbering = _numbering(_abstract(0, _lvl(0, "decimal", "%1.", start=None)) + _num(1, 0))
    assert _labels(numbering, [(1, 0, None), (1, 0, None)]) == ["0.", "1."]


def test_lvl_override_replaces_the_level_definition() -> None:
    override = f'<w:lvlOverride w:ilvl="0">{_lvl(0, "upperRoman", "%1:")}</w:lvlOverride>'
    numbering = _numbering(_abstract(0, _lvl(0, "decimal", "%1.")) + _num(1, 0) + _num(2, 0, override))
    assert _labels(numbering, [(1, 0, None), (2, 0, None)]) == ["1.", "II:"]


def test_num_id_zero_and_unknown_ids_give_no_label() -> None:
    numbering = _numbering(_abstract(0, _lvl(0, "decimal", "%1.")) + _num(1, 0))
    assert _labels(numbering, [(0, 0, None), (7, 0, None), (1, 5, None), (1, 0, None)]) == [None, None, None, "1."]


def test_numbering_inherited_through_the_style_chain_and_switched_off_by_num_id_zero() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My Heading"/><w:basedOn w:val="2"/></w:style>'
    )
    numbering = _numbering(_abstract(0, _lvl(0, "decimal", "%1."), _lvl(1, "decimal", "%1.%2")) + _num(1, 0), styles)
    paragraphs = [(None, None, "1"), (None, None, "2"), (None, None, "Mine"), (0, None, "2"), (None, None, "1")]
    assert _labels(numbering, paragraphs) == ["1.", "1.1", "1.2", None, "2."]


def test_missing_ilvl_is_found_from_the_level_that_names_the_style() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/>'
        '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
    )
    levels = (
        _lvl(0, "decimal", "%1", extra='<w:pStyle w:val="H1"/>'),
        _lvl(1, "decimal", "%1.%2", extra='<w:pStyle w:val="H2"/>'),
    )
    numbering = _numbering(_abstract(3, *levels) + _num(4, 3), styles)
    assert _labels(numbering, [(None, None, "H1"), (None, None, "H2"), (None, None, "H2")]) == ["1", "1.1", "1.2"]


def test_num_style_link_follows_the_list_style_to_its_definition() -> None:
    styles = (
        '<w:style w:type="numbering" w:styleId="Outline"><w:name w:val="Outline List"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    content = (
        _abstract(0, _lvl(0, "upperLetter", "%1."), extra='<w:styleLink w:val="Outline"/>')
        + _abstract(1, extra='<w:numStyleLink w:val="Outline"/>')
        + _num(1, 0)
        + _num(2, 1)
    )
    numbering = _numbering(content, styles)
    # Both nums end at abstract 0, so they share its counter.
    assert _labels(numbering, [(2, 0, None), (2, 0, None), (1, 0, None)]) == ["A.", "B.", "C."]


def test_is_lgl_prints_every_level_in_decimal() -> None:
    levels = (_lvl(0, "upperRoman", "Article %1."), _lvl(1, "decimalZero", "Section %1.%2", extra="<w:isLgl/>"))
    numbering = _numbering(_abstract(0, *levels) + _num(1, 0))
    assert _labels(numbering, [(1, 0, None), (1, 1, None), (1, 0, None), (1, 1, None)]) == [
        "Article I.",
        "Section 1.01",
        "Article II.",
        "Section 2.01",
    ]


def test_a_level_used_before_its_parent_shows_the_parent_start() -> None:
    numbering = _numbering(_abstract(0, _lvl(0, "decimal", "%1."), _lvl(1, "decimal", "%1.%2")) + _num(1, 0))
    assert _labels(numbering, [(1, 1, None), (1, 1, None)]) == ["1.1", "1.2"]


def test_bullet_levels_print_the_bullet_with_symbol_fonts_mapped() -> None:
    wingdings = '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'
    symbol = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'
    courier = '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr>'
    levels = (
        _lvl(0, "bullet", "\uf0b7", extra=symbol),
        _lvl(1, "bullet", "o", extra=courier),
        _lvl(2, "bullet", "§", extra=wingdings),
        _lvl(3, "bullet", "\uf06e", extra=wingdings),
        _lvl(4, "bullet", "■"),
        _lvl(5, "bullet", "\uf0d8"),
    )
    numbering = _numbering(_abstract(0, *levels) + _num(1, 0))
    assert _labels(numbering, [(1, i, None) for i in range(6)]) == ["•", "◦", "▪", "■", "■", "➢"]
    label = numbering.label_for(_num_pr(1, 0), None)
    assert label is not None and label.bullet


def test_bullet_and_symbol_helpers() -> None:
    assert bullet_text("\uf0b7") == "•"
    assert bullet_text("\uf099") == "•"  # an unknown private-use glyph still prints as a bullet
    assert bullet_text("–") == "–"
    assert symbol_char("F0B7", "Symbol") == "•"
    assert symbol_char("F061", "Symbol") == "α"
    assert symbol_char("F0FC", "Wingdings") == "✓"
    assert symbol_char("00E9", "Arial") == "é"
    assert symbol_char("zz", "Arial") is None
    assert symbol_char("F001", "Mystery") is None


def test_unknown_format_and_broken_definitions_do_not_crash() -> None:
    content = (
        _abstract(0, _lvl(0, "klingonCounting", "%1."), '<w:lvl w:ilvl="x"/>', '<w:lvl w:ilvl="1"/>')
        + '<w:num w:numId="oops"><w:abstractNumId w:val="0"/></w:num>'
        + '<w:num w:numId="2"/>'
        + _num(1, 0)
        + _num(3, 99)
    )
    numbering = _numbering(content)
    # Level 1 has no lvlText: Word prints no number for it.
    assert _labels(numbering, [(1, 0, None), (1, 1, None), (2, 0, None), (3, 0, None)]) == ["1.", None, None, None]


def test_a_document_without_numbering_part() -> None:
    numbering = Numbering.from_xml(None, Styles())
    assert numbering.label_for(_num_pr(1, 0), None) is None
