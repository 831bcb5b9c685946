"""A PDF's bulleted lines nest by their indentation, as Word and Markdown lists nest by their depth."""

from __future__ import annotations

import docparse
from docparse.model import LabelledField
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

from .pdf_factory import CJK, Item, Text, make_pdf


def _bullet(x: float, top: float, text: str) -> list[Item]:
    # `※` is a list bullet that the reportlab CJK font draws with a Unicode map.
    return [Text(x, top, "※", 10.0, CJK), Text(x + 14, top, text, 10.0, CJK)]


def _call() -> bytes:
    items: list[Item] = [Text(72, 60, "任务一：数据集", 12.0, CJK), Text(72, 76, "详细描述：", 10.0, CJK)]
    items += _bullet(72, 90, "实现等变神经网络的工具库")
    items += _bullet(96, 106, "参考代码链接：https://example.org/e3nn")
    items += _bullet(96, 122, "相关实现：https://example.org/impl")
    items += _bullet(72, 138, "基于框架实现指标库")
    items += [Text(72, 170, "验收标准：精度对齐。", 10.0, CJK)]
    return make_pdf([items])


def test_bullets_take_their_depth_from_their_indentation() -> None:
    blocks = read_pdf(_call(), options=ParseOptions()).blocks
    depths = [(b.text.replace(" ", "")[:5], b.list_depth) for b in blocks]
    assert depths == [
        ("任务一：数", 0),
        ("详细描述：", 0),
        ("※实现等变", 1),
        ("※参考代码", 2),
        ("※相关实现", 2),
        ("※基于框架", 1),
        ("验收标准：", 0),
    ]


def test_labelled_bullets_stay_in_the_field_their_list_is_in_as_in_a_word_list() -> None:
    document = docparse.parse(_call())
    fields = [part for part in document.preamble if isinstance(part, LabelledField)]
    fields += [field for node in document.iter_nodes() for field in node.fields]
    description = fields[0]
    assert description.label == "详细描述"
    inside = [item.label if isinstance(item, LabelledField) else item.text for item in description.items]
    assert inside == ["实现等变神经网络的工具库", "参考代码链接", "相关实现", "基于框架实现指标库"]


def test_two_columns_of_bullets_side_by_side_are_one_list_not_a_nesting() -> None:
    # The second column stands further right, as a nested list would, but its first bullet is
    # printed level with the first column's first: an item under another is always below it.
    items: list[Item] = [Text(72, 60, "重点领域包括：", 10.0, CJK)]
    left = ["人工智能与自主系统", "生物技术与医药", "先进计算与软件", "集成传感与网络", "定向能技术", "高超声速技术"]
    right = ["微电子技术", "量子科学", "空间技术", "可再生能源发电与储能", "先进材料", "人机交互界面"]
    for row, (first, second) in enumerate(zip(left, right, strict=True)):
        items += _bullet(72, 80 + 16 * row, first)
        items += _bullet(330, 80 + 16 * row, second)
    # A line across both columns after them, as the call goes on.
    after = "以上领域均可申报，申报单位应当按照指南要求编写项目申报书并按时提交至管理平台。"
    items += [Text(72, 190, after, 10.0, CJK)]
    blocks = read_pdf(make_pdf([items]), options=ParseOptions()).blocks
    bullets = [(b.text.replace(" ", "").lstrip("※"), b.list_depth) for b in blocks if b.list_depth]
    assert bullets == [(text, 1) for text in left + right]
