"""Form tables (`docparse.outline.forms`): the merged grid a DOCX or HTML reader gives, read as a form or as data."""

from __future__ import annotations

from docparse.blocks import Block, BlockKind
from docparse.outline.forms import cells_of, form_rows
from docparse.vocab.markers import DEFAULT_LEXICON


def _table(rows: list[list[str]], merged: tuple[tuple[int, int, int, int], ...] = ()) -> Block:
    return Block(text="", kind=BlockKind.TABLE, rows=tuple(tuple(row) for row in rows), merged=merged)


# A 任务书 drawn on a grid of six columns: pairs in two rows, a title row, a block cell, a lone label over its grid.
FORM = _table(
    [
        ["学生姓名", "张三", "学号", "2021001", "专业", "软件工程"],
        ["毕业设计（论文）题目", "", "面向社区的预警平台", "", "", ""],
        ["主要内容和要求：\n(1) 设计数据库\n(2) 实现接口", "", "", "", "", ""],
        ["进度安排：", "", "", "", "", ""],
        ["序号", "内容", "", "时间", "", "备注"],
        ["1", "初稿", "", "3月1日", "", ""],
    ],
    merged=(
        (1, 0, 1, 2),
        (1, 2, 1, 4),
        (2, 0, 1, 6),
        (3, 0, 1, 6),
        *((row, column, 1, 2) for row in (4, 5) for column in (1, 3)),
    ),
)


def test_merged_positions_are_no_cells() -> None:
    assert cells_of(FORM)[1] == [(0, "毕业设计（论文）题目"), (2, "面向社区的预警平台")]
    assert cells_of(FORM)[4] == [(0, "序号"), (1, "内容"), (3, "时间"), (5, "备注")]


def test_form_rows_read_pairs_blocks_and_a_lone_label_over_its_grid() -> None:
    rows = form_rows(FORM, DEFAULT_LEXICON)
    assert rows is not None
    fields = [(f.label, f.value) for row in rows for f in row.fields]
    assert fields == [
        ("学生姓名", "张三"),
        ("学号", "2021001"),
        ("专业", "软件工程"),
        ("毕业设计（论文）题目", "面向社区的预警平台"),
        ("主要内容和要求", "(1) 设计数据库\n(2) 实现接口"),
        ("进度安排", ""),
    ]
    assert [row.index for row in rows if row.is_data] == [4, 5]  # the header 序号 | 内容 | 时间 | 备注 is the grid's
    assert next(f for row in rows for f in row.fields if f.label == "进度安排").lone


def test_a_grid_grouped_by_cells_merged_down_is_data() -> None:
    # 项目 | 部位 | 标准, the first column merged down its group: the rows under it are pairs only by the merge.
    table = _table(
        [
            ["项目", "保洁部位", "质量标准"],
            ["库内保洁", "车内墙壁", "墙壁清洁无灰垢"],
            ["", "卧具", "一客一换"],
            ["", "地面", "干净见本色"],
            ["", "厕所", "洁净无异味"],
        ],
        merged=((1, 0, 4, 1),),
    )
    assert form_rows(table, DEFAULT_LEXICON) is None


def test_a_regular_grid_of_short_cells_is_data() -> None:
    table = _table([["姓名", "张三", "学号", "1"], ["专业", "软件", "班级", "2"], ["导师", "李四", "职称", "教授"]])
    assert form_rows(table, DEFAULT_LEXICON) is None
