"""Explain stage, drawn: a PDF page rendered with the boxes of its blocks coloured by role, and a legend.

pdfplumber renders the page (through pypdfium2, as `page.to_image()` does) and draws the boxes in
its own page frame, the one the PDF reader records provenance in; the legend is drawn with
Pillow, which pdfplumber itself requires. Nothing here reads the text again.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pdfplumber
from pdfplumber.pdf import PDF
from PIL import Image, ImageDraw, ImageFont

from docparse.errors import CorruptDocumentError, EncryptedDocumentError
from docparse.explanation.model import Explanation, Role

# Colours by role (RGB); paragraphs in light grey (a heading missed is a grey box); a role not
# listed (notes, joined lines) is not drawn.
COLOURS: dict[Role, tuple[int, int, int]] = {
    Role.TITLE: (0, 0, 0),
    Role.SECTION: (31, 119, 180),
    Role.TOPIC: (214, 39, 40),
    Role.TRACK: (255, 127, 14),
    Role.DIRECTIONS_MARKER: (0, 100, 0),
    Role.DIRECTION: (44, 160, 44),
    Role.FIELD: (148, 103, 189),
    Role.LIST_ITEM: (188, 189, 34),
    Role.TABLE: (23, 190, 207),
    Role.TOC_ENTRY: (140, 86, 75),
    Role.DROPPED: (127, 127, 127),
    Role.PARAGRAPH: (200, 200, 200),
}
FILL_ALPHA = 48
STROKE_WIDTH = 2
RESOLUTION = 100
"""Pixels per inch of the rendered page."""
LEGEND_ROW = 22
LEGEND_SWATCH = 14


def page_boxes(explanation: Explanation, page: int) -> list[tuple[Role, tuple[float, float, float, float]]]:
    """Return (role, box) of every drawn record on `page` (1-based), in document order."""
    out = []
    for record in explanation.records:
        if record.role not in COLOURS:
            continue
        for region in record.provenance.regions:
            if region.page == page:
                box = region.bbox
                out.append((record.role, (box.x0, box.top, box.x1, box.bottom)))
    return out


def draw_page(pdf: PDF, explanation: Explanation, page: int, resolution: int = RESOLUTION) -> bytes:
    """Return a PNG of `page` of `pdf` with its blocks' boxes coloured by role and a legend below."""
    image = pdf.pages[page - 1].to_image(resolution=resolution)
    boxes = page_boxes(explanation, page)
    for role, box in boxes:
        colour = COLOURS[role]
        image.draw_rect(box, fill=(*colour, FILL_ALPHA), stroke=(*colour, 255), stroke_width=STROKE_WIDTH)
    shown = [role for role in COLOURS if any(r is role for r, _ in boxes)]
    out = with_legend(image.annotated, shown or list(COLOURS))
    buffer = io.BytesIO()
    out.save(buffer, format="PNG")
    return buffer.getvalue()


def with_legend(page: Image.Image, roles: list[Role]) -> Image.Image:
    """Return `page` with a legend strip under it: a swatch and the name of each role."""
    font = ImageFont.load_default(size=13)
    per_row = max(1, page.width // 150)
    rows = (len(roles) + per_row - 1) // per_row
    out = Image.new("RGB", (page.width, page.height + rows * LEGEND_ROW + 8), "white")
    out.paste(page, (0, 0))
    draw = ImageDraw.Draw(out)
    for index, role in enumerate(roles):
        x = 8 + (index % per_row) * 150
        y = page.height + 6 + (index // per_row) * LEGEND_ROW
        draw.rectangle((x, y, x + LEGEND_SWATCH, y + LEGEND_SWATCH), fill=COLOURS[role], outline=(0, 0, 0))
        draw.text((x + LEGEND_SWATCH + 6, y), role.value, fill=(0, 0, 0), font=font)
    return out


def draw_pages(
    data: bytes, explanation: Explanation, pages: Iterable[int], password: str | None = None
) -> Iterable[tuple[int, bytes]]:
    """Yield (page, PNG) for each of `pages` of the PDF `data`, drawn by `draw_page`."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    except Exception as exc:  # the parse read it: only a changed file or password gets here
        raise CorruptDocumentError(f"cannot open the PDF to draw it: {exc}", path=explanation.name, cause=exc) from exc
    with pdf:
        for page in pages:
            try:
                yield page, draw_page(pdf, explanation, page)
            except Exception as exc:  # pypdfium2 refusing a page the parse read: one line, not a traceback
                if "password" in str(exc).lower():
                    raise EncryptedDocumentError("cannot render the page", path=explanation.name, cause=exc) from exc
                raise CorruptDocumentError(
                    f"cannot render page {page}: {exc}", path=explanation.name, cause=exc
                ) from exc


def png_name(name: str | None, page: int) -> str:
    """Return the file name of a page's drawing: ``call-p3.png`` for page 3 of ``call.pdf``."""
    stem = Path(name).stem if name else "input"
    return f"{stem}-p{page}.png"
