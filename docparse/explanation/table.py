"""Explain stage, shown: an explanation as a plain-text table, one line a block, aligned for CJK text."""

from __future__ import annotations

import unicodedata

from docparse.explanation.model import Explanation, Record

# Cells are cut to these display widths (a CJK character is two columns wide); the JSON has them whole.
EVIDENCE_WIDTH = 44
TEXT_WIDTH = 60
NODE_WIDTH = 16
HEADER = ("WHERE", "ROLE", "RULE", "NODE", "EVIDENCE", "TEXT")


def width(text: str) -> int:
    """Return the columns `text` takes in a terminal: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shorten(text: str, limit: int) -> str:
    """Return `text` on one line, cut to `limit` columns with an ellipsis."""
    line = " ".join(text.split())
    if width(line) <= limit:
        return line
    out, used = [], 0
    for ch in line:
        used += width(ch)
        if used > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def cells(record: Record) -> tuple[str, ...]:
    """Return the cells of one record's line."""
    rule = record.rule + " (cont.)" * record.consumed + "".join(f" >{name}" for name in record.changed_by)
    evidence = record.evidence.describe()
    if record.reason:
        evidence = f"{record.reason}; {evidence}" if evidence else record.reason
    return (
        record.where or "-",
        record.role.value,
        rule,
        shorten(record.node or "-", NODE_WIDTH),
        shorten(evidence, EVIDENCE_WIDTH) or "-",
        shorten(record.text, TEXT_WIDTH),
    )


def format_table(explanation: Explanation) -> str:
    """Return the explanation as a heading (the kind of call and why) and one aligned line per record."""
    name = explanation.name or "<input>"
    pages = f", {explanation.pages} pages" if explanation.pages is not None else ""
    lines = [
        f"{name} ({explanation.format}{pages}): {explanation.kind_reason or explanation.kind.value}",
        f"shape rules applied: {', '.join(explanation.shape_rules) or 'none'}",
        "",
    ]
    rows = [HEADER, *(cells(record) for record in explanation.records)]
    widths = [max(width(row[i]) for row in rows) for i in range(len(HEADER) - 1)]
    for row in rows:
        padded = [cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*padded, row[-1]]).rstrip())
    if not explanation.records:
        lines.append("(no block matches)")
    return "\n".join(lines) + "\n"
