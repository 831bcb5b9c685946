"""Read stage, PDF: a page's glyphs as words, lines and cells, measured alike by every table finder.

The ruled finder (`grid`), the shaded one (`panels`), the borderless one (`aligned`) and the fill-in
lines (`blanks`) look at the same things: which glyphs sit level on the page (upright, unrotated),
the words a run of glyphs makes and the lines those words stand on, the box around some glyphs, and
the text of a cell set over several lines. Each is defined here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pdfplumber.utils.clustering import cluster_objects
from pdfplumber.utils.text import WordExtractor

from docparse.read.pdf.joins import join_wrapped
from docparse.vocab.chars import is_cjk

# Words whose tops differ by this many points or less stand on one line.
LINE_TOLERANCE = 3.0
# A cell's line runs on into the next when it ends this many ems or less short of the cell's
# text edge, as a paragraph's line does at the margin (`paragraphs.reaches_margin`).
CELL_WRAP_EMS = 1.5

Word = dict[str, Any]


def is_level(char: dict[str, Any]) -> bool:
    """Return whether a glyph is set upright and unrotated (a table's text, not a turned label)."""
    matrix = char["matrix"]
    return bool(char["upright"]) and not matrix[1] and not matrix[2] and matrix[0] > 0


def word_lines(chars: list[dict[str, Any]]) -> list[list[Word]]:
    """Return the words of `chars` as lines, top to bottom, each line's words left to right."""
    words = WordExtractor(extra_attrs=["size"]).extract_words(chars, return_chars=True)
    lines = cluster_objects(words, lambda w: float(w["top"]), LINE_TOLERANCE)
    ordered = sorted(lines, key=lambda words: float(words[0]["top"]))
    return [sorted(line, key=lambda w: float(w["x0"])) for line in ordered]


def chars_box(chars: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """Return the box ``(x0, top, x1, bottom)`` around `chars` (at least one)."""
    return (
        min(float(c["x0"]) for c in chars),
        min(float(c["top"]) for c in chars),
        max(float(c["x1"]) for c in chars),
        max(float(c["bottom"]) for c in chars),
    )


def line_text(words: list[Word]) -> str:
    """Return one line of a cell: its words, a space between two unless both sides are CJK."""
    out = ""
    for word in words:
        piece = str(word["text"])
        out += piece if not out or (is_cjk(out[-1]) and is_cjk(piece[:1])) else " " + piece
    return out


def cell_text(lines: Iterable[list[Word]], right: float | None) -> str:
    """Return a cell's text from the words of each of its lines (empty lines skipped): a line that ran on
    to the cell's edge `right` (within `CELL_WRAP_EMS`) is joined to the next as wrapped, else a ``\\n``.
    Without an edge every line keeps its own."""
    text, ran_on = "", False
    for words in lines:
        if not words:
            continue
        piece = line_text(words)
        text = join_wrapped(text, piece) if ran_on else (f"{text}\n{piece}" if text else piece)
        ran_on = right is not None and float(words[-1]["x1"]) >= right - CELL_WRAP_EMS * float(words[-1]["size"])
    return text
