"""Build small PDFs with reportlab for the PDF reader's tests: text placed where a test says.

Coordinates are pdfplumber's: `top` is the distance from the top of the page to the top of the
text's em box, so a test reads like the layout it describes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

CJK = "STSong-Light"
PAGE_W, PAGE_H = A4
LEFT = 72.0


@dataclass(frozen=True)
class Text:
    """A string drawn at one spot, in one font, size and render mode, optionally rotated."""

    x: float
    top: float
    text: str
    size: float = 10.0
    font: str = "Helvetica"
    mode: int = 0
    """Text render mode: 0 fill, 2 fill + stroke (LibreOffice's synthetic bold)."""
    angle: float = 0.0


@dataclass(frozen=True)
class Rule:
    """A thin horizontal line."""

    x0: float
    x1: float
    top: float


@dataclass(frozen=True)
class VRule:
    """A thin vertical line (with `Rule`s it draws a table's grid)."""

    x: float
    top: float
    bottom: float


Item = Text | Rule | VRule


def make_pdf(pages: list[list[Item]]) -> bytes:
    """Return a PDF with one page per list, each item drawn as given."""
    pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    for items in pages:
        for item in items:
            if isinstance(item, Rule):
                canvas.setLineWidth(0.5)
                canvas.line(item.x0, PAGE_H - item.top, item.x1, PAGE_H - item.top)
                continue
            if isinstance(item, VRule):
                canvas.setLineWidth(0.5)
                canvas.line(item.x, PAGE_H - item.top, item.x, PAGE_H - item.bottom)
                continue
            canvas.saveState()
            # The baseline sits about 0.88 em under the top of the em box for these fonts.
            canvas.translate(item.x, PAGE_H - item.top - item.size * 0.88)
            if item.angle:
                canvas.rotate(item.angle)
            text = canvas.beginText(0, 0)
            text.setFont(item.font, item.size)
            text.setTextRenderMode(item.mode)
            text.textOut(item.text)
            canvas.drawText(text)
            canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def width(text: str, font: str = "Helvetica", size: float = 10.0) -> float:
    """Return the advance width of `text`."""
    if font == CJK:
        pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    return float(pdfmetrics.stringWidth(text, font, size))


def lines(
    texts: list[str], *, top: float, x: float = LEFT, size: float = 10.0, font: str = "Helvetica", leading: float = 1.4
) -> list[Item]:
    """Return `texts` as consecutive lines starting at `top`."""
    return [Text(x, top + i * size * leading, text, size, font) for i, text in enumerate(texts)]


def wrap(text: str, chars: int) -> list[str]:
    """Return `text` wrapped greedily at word boundaries into lines of at most `chars` characters."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= chars:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def cjk_lines(text: str, *, per_line: int) -> list[str]:
    """Return CJK `text` cut every `per_line` characters (CJK wraps anywhere)."""
    return [text[i : i + per_line] for i in range(0, len(text), per_line)]
