"""PDF ruled tables: a cell's lines wrapped by its width are joined as a paragraph's are, other breaks kept."""

from __future__ import annotations

from docparse.blocks import BlockKind
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf
from docparse.read.pdf.grid import column_groups, fold_columns

from .pdf_factory import CJK, Item, Rule, Text, VRule, make_pdf, width

# A two-column grid: the label column 72–172, the value column 172–472, cell padding 4 pt.
X0, SPLIT, X1, PAD, SIZE, LEADING = 72.0, 172.0, 472.0, 4.0, 10.0, 14.0
ROOM = X1 - PAD - (SPLIT + PAD)


def _fill(words: list[str], font: str) -> list[str]:
    """Return `words` wrapped greedily into lines as wide as the value cell's room."""
    out: list[str] = []
    for word in words:
        joined = f"{out[-1]} {word}" if out else word
        if out and width(joined, font, SIZE) <= ROOM:
            out[-1] = joined
        else:
            out.append(word)
    return out


def _cjk_fill(text: str) -> list[str]:
    per = int(ROOM // SIZE)
    return [text[i : i + per] for i in range(0, len(text), per)]


def _table(rows: list[tuple[str, list[str], str]]) -> list[Item]:
    """Return a ruled table: each row a label and the value's lines, one font per row."""
    items: list[Item] = [Text(X0, 60, "Statement of work", SIZE)]
    top = 100.0
    tops = [top]
    for label, value, font in rows:
        items.append(Text(X0 + PAD, top + 3, label, SIZE, font))
        items += [Text(SPLIT + PAD, top + 3 + i * LEADING, line, SIZE, font) for i, line in enumerate(value)]
        top += 6 + LEADING * max(len(value), 1)
        tops.append(top)
    items += [Rule(X0, X1, y) for y in tops]
    items += [VRule(x, tops[0], tops[-1]) for x in (X0, SPLIT, X1)]
    return items


CJK_TEXT = "执行人员需自行拆解复杂规则，容易遗漏关键限制条件，活动要求停留在文字层面，难以快速转化为可执行判断路径。"
LATIN = (
    "The contractor delivers a validated model of the review process together with its documentation "
    "and a hands-on training session for the reviewers of the regulator"
)


def test_wrapped_cell_lines_join_as_a_paragraph_and_real_breaks_stay() -> None:
    cjk = _cjk_fill(CJK_TEXT)
    latin = _fill(LATIN.split(), "Helvetica")
    assert len(cjk) >= 2 and len(latin) >= 2  # the fixture really wraps both cells
    page = _table(
        [
            ("痛点", ["具体场景"], CJK),
            ("规则理解", cjk, CJK),
            ("Deliverables", [*latin, "1. A model", "2. A report"], "Helvetica"),
            ("Notes", ["Short line.", "Another line"], "Helvetica"),
        ]
    )
    reading = read_pdf(make_pdf([page]), options=ParseOptions())
    (table,) = [b for b in reading.blocks if b.kind is BlockKind.TABLE]
    assert table.rows[0] == ("痛点", "具体场景")
    # CJK lines join with nothing between them; Latin lines with a space.
    assert table.rows[1] == ("规则理解", CJK_TEXT)
    # A line opening a list item, and lines that end short of the cell's edge, keep their breaks.
    assert table.rows[2] == ("Deliverables", f"{LATIN}\n1. A model\n2. A report")
    assert table.rows[3] == ("Notes", "Short line.\nAnother line")


def test_grid_columns_no_row_fills_two_of_are_one_column() -> None:
    rows = [["Code", "", "Title", "Yes", "No"], ["A1", "", "Scope", "X", ""], ["", "B2", "Budget", "", "X"]]
    groups = column_groups(rows)
    # Code's two grid columns are one; Yes and No, both filled in the header, stay apart.
    assert groups == [[0, 1], [2], [3], [4]]
    folded, merged = fold_columns(rows, ((0, 0, 1, 2), (1, 2, 2, 1)), groups)
    assert folded == [["Code", "Title", "Yes", "No"], ["A1", "Scope", "X", ""], ["B2", "Budget", "", "X"]]
    # A cell over the two folded columns spans one column now (no span); the one over two rows keeps its rows.
    assert merged == ((1, 1, 2, 1),)


def test_an_edge_inside_a_pdf_cell_adds_no_column() -> None:
    # A rule at x=110 cuts the label column in two: short codes sit left of it, long ones right.
    items: list[Item] = [Text(X0, 60, "Statement of work", SIZE)]
    tops = [100.0, 120.0, 140.0, 160.0]
    cells = [("Code", X0 + PAD, "Title"), ("A1", X0 + PAD, "Scope"), ("52.204-10", 114.0, "Budget")]
    for top, (code, x, title) in zip(tops, cells, strict=False):
        items += [Text(x, top + 4, code, SIZE), Text(SPLIT + PAD, top + 4, title, SIZE)]
    items += [Rule(X0, X1, y) for y in tops]
    items += [VRule(x, tops[0], tops[-1]) for x in (X0, 110.0, SPLIT, X1)]
    reading = read_pdf(make_pdf([items]), options=ParseOptions())
    (table,) = [b for b in reading.blocks if b.kind is BlockKind.TABLE]
    assert table.rows == (("Code", "Title"), ("A1", "Scope"), ("52.204-10", "Budget"))


def _ruled(rows: list[tuple[str, str]], top: float) -> list[Item]:
    """Return a two-column ruled table of one-line rows starting at `top`."""
    items: list[Item] = []
    tops = [top + i * 20 for i in range(len(rows) + 1)]
    for y, (left, right) in zip(tops, rows, strict=False):
        if left:
            items.append(Text(X0 + PAD, y + 4, left, SIZE))
        items.append(Text(SPLIT + PAD, y + 4, right, SIZE))
    items += [Rule(X0, X1, y) for y in tops]
    items += [VRule(x, tops[0], tops[-1]) for x in (X0, SPLIT, X1)]
    return items


def test_a_row_cut_by_a_page_break_is_one_row_when_its_rest_leaves_the_first_column_empty() -> None:
    first = [
        Text(X0, 60, "Work plan", SIZE),
        *_ruled([("No.", "Task"), ("1", "Design"), ("2", "Collect the first")], 720),
    ]
    second = _ruled([("", "wave of data"), ("3", "Report")], 60)
    reading = read_pdf(make_pdf([first, second]), options=ParseOptions())
    (table,) = [b for b in reading.blocks if b.kind is BlockKind.TABLE]
    assert table.rows == (("No.", "Task"), ("1", "Design"), ("2", "Collect the first wave of data"), ("3", "Report"))
    assert [region.page for region in table.provenance.regions] == [1, 2]
