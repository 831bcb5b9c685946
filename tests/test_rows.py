"""`docparse.rows`: a document as flat rows (topics, directions, fields) and their Arrow schema."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import docparse
from docparse.rows import COLUMNS, arrow_schema, to_arrow, to_rows

from .conftest import FIXTURES, SEED
from .helpers import SEED_DIRECTIONS

SEEDS = sorted(FIXTURES.glob("seed*/input.*"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.parent.name)
def test_the_reference_call_gives_8_topic_and_50_direction_rows(path: Path) -> None:
    document = docparse.parse(path)
    rows = to_rows(document)
    assert Counter(row["type"] for row in rows) == {"direction": 50, "topic": 8}
    assert all(list(row) == list(COLUMNS) for row in rows)
    assert [row["row"] for row in rows] == list(range(len(rows)))
    assert {row["source"] for row in rows} == {path.name}
    assert {row["sha256"] for row in rows} == {document.source.sha256}
    per_holder = Counter(str(row["parent_id"]) for row in rows if row["type"] == "direction")
    assert per_holder == SEED_DIRECTIONS
    directions = [row for row in rows if row["type"] == "direction"]
    assert [row["text"] for row in directions] == [d.text for d in document.iter_directions()]
    assert all(isinstance(value, str | int) or value is None for row in rows for value in row.values())


def test_rows_carry_the_provenance_of_their_format() -> None:
    def first_direction(name: str) -> dict[str, object]:
        rows = to_rows(docparse.parse(FIXTURES / name))
        return next(row for row in rows if row["type"] == "direction")

    text, docx = first_direction("seed/input.txt"), first_direction("seed-docx-typed/input.docx")
    pdf = first_direction("seed-pdf-reportlab/input.pdf")
    assert isinstance(text["line_start"], int) and text["page_start"] is None and text["paragraph_start"] is None
    assert isinstance(docx["paragraph_start"], int) and docx["line_start"] is None
    assert isinstance(pdf["page_start"], int) and pdf["page_start"] >= 1 and pdf["line_start"] is None
    assert text["topic_id"] == docx["topic_id"] == pdf["topic_id"] == "1.1"
    assert text["text"] == docx["text"] == pdf["text"]


def test_topic_rows_hold_their_description_and_section() -> None:
    document = docparse.parse(SEED)
    topics = [row for row in to_rows(document) if row["type"] == "topic"]
    assert [row["id"] for row in topics] == [t.id for t in document.iter_topics()]
    assert [row["parent_id"] for row in topics] == ["1"] * 5 + ["2"] * 3
    first = topics[0]
    assert first["title"] == first["topic_title"] == "机器学习基础理论" and first["number"] == "1.1"
    assert isinstance(first["text"], str) and first["text"].startswith("本项目期望通过")


def test_fields_are_rows_with_their_content_and_sub_fields() -> None:
    text = "# 指南\n\n1. 开放课题\n\n1.1 机器学习\n\n研究内容：做研究\n\n考核指标：\n\n- 论文\n- 专利\n\n附注：无\n"
    rows = to_rows(docparse.parse_text(text), source="call.md")
    fields = [row for row in rows if row["type"] == "field"]
    assert [(row["id"], row["parent_id"], row["title"], row["text"]) for row in fields] == [
        ("1.1/f1", "1.1", "研究内容", "做研究"),
        ("1.1/f2", "1.1", "考核指标", "- 论文\n- 专利"),
        ("1.1/f3", "1.1", "附注", "无"),
    ]
    assert {row["source"] for row in rows} == {"call.md"}
    assert all(row["topic_id"] == "1.1" and row["topic_title"] == "机器学习" for row in fields)
    assert [row["line_start"] for row in fields] == [7, 9, 14]


def test_the_arrow_schema_types_every_column(tmp_path: Path) -> None:
    schema = arrow_schema()
    assert schema.names == list(COLUMNS)
    assert schema.field("row").type == pa.int64() and not schema.field("id").nullable
    assert all(field.metadata and field.metadata[b"description"] for field in schema)
    rows = to_rows(docparse.parse(SEED)) + to_rows(docparse.parse(FIXTURES / "seed-pdf-reportlab" / "input.pdf"))
    table = to_arrow(rows)
    assert table.schema.equals(schema) and table.num_rows == 116
    pq.write_table(table, tmp_path / "rows.parquet")
    back = pq.read_table(tmp_path / "rows.parquet")
    assert back.schema.equals(schema, check_metadata=False) and back.to_pylist() == rows


def test_no_rows_still_make_a_typed_table() -> None:
    assert to_arrow([]).schema.equals(arrow_schema()) and to_arrow([]).num_rows == 0
