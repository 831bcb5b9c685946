"""Read stage, PDF annotations: the text a viewer draws over a page that is not in its content stream.

A FreeText annotation (a typewriter note) and a filled form field (a Widget of a text or choice
field) are drawn by every viewer from the annotation's own appearance, not from the page's
content stream, so pdfminer never sees their glyphs. Their text is read here from the
annotation's dictionary: a FreeText's ``/Contents``, a field's value ``/V`` (inherited from its
parent field, as the field tree allows), at the annotation's ``/Rect``. An annotation hidden
from view (flags Hidden or NoView) is not drawn and not read; a button's state (a check box's
``/Yes``) is a name, not text. Each annotation spends one operation of the page's budget, so a
page of a million annotations stops like one of a million glyphs.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from docparse.errors import LimitExceededError
from docparse.read.pdf.budget import Budget

# Annotation flags (PDF 32000-1, 12.5.3): Hidden (bit 2) and NoView (bit 6) are never drawn.
_NOT_DRAWN = 2 | 32
# A field inherits /FT and /V from its parents; real forms nest a few levels.
_MAX_PARENTS = 32

Note = tuple[str, tuple[float, float, float, float]]
"""An annotation's text and its box ``(x0, top, x1, bottom)`` in the page's char coordinates."""


def _name(value: Any) -> str | None:
    value = resolve1(value)
    if not isinstance(value, PSLiteral):
        return None
    return value.name if isinstance(value.name, str) else value.name.decode("latin-1")


def _text(value: Any) -> str:
    """Return a PDF text string (PDFDocEncoding or UTF-16 with its BOM), or a choice list's strings, as text."""
    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(text for text in (_text(item) for item in value[:_MAX_PARENTS]) if text)
    return ""


def _inherited(annot: dict[str, Any], key: str) -> Any:
    """Return `key` of the field `annot` or of the nearest parent field that has it."""
    node: Any = annot
    for _ in range(_MAX_PARENTS):
        if not isinstance(node, dict):
            return None
        if key in node:
            return node[key]
        node = resolve1(node.get("Parent"))
    return None


def _note_text(annot: dict[str, Any]) -> str:
    """Return the text a viewer draws for `annot`: a FreeText's contents, a text or choice field's value."""
    kind = _name(annot.get("Subtype"))
    if kind == "FreeText":
        return _text(annot.get("Contents"))
    if kind == "Widget" and _name(_inherited(annot, "FT")) in {"Tx", "Ch"}:
        return _text(_inherited(annot, "V"))
    return ""


def page_notes(page_obj: PDFPage, budget: Budget) -> list[Note]:
    """Return the text of the page's drawn FreeText annotations and filled fields, each with its box.

    Boxes are measured from the MediaBox's top left corner, as the page's chars are.
    """
    notes: list[Note] = []
    mb_x0, _, _, mb_top = (float(v) for v in page_obj.mediabox)
    annots = resolve1(page_obj.annots)
    if not isinstance(annots, list):
        return notes
    for ref in annots:
        budget.tick()
        try:
            annot = resolve1(ref)
            if not isinstance(annot, dict):
                continue
            flags = resolve1(annot.get("F", 0))
            if isinstance(flags, int) and flags & _NOT_DRAWN:
                continue
            text = _note_text(annot).strip()
            rect = [float(resolve1(v)) for v in resolve1(annot.get("Rect"))]
        except LimitExceededError:
            raise  # an object stream holding it inflates past the budget: the document's limit, not this note's
        except Exception:
            continue  # a broken annotation draws nothing in a viewer either
        if not text or len(rect) != 4:
            continue
        x0, x1 = sorted((rect[0], rect[2]))
        y0, y1 = sorted((rect[1], rect[3]))
        box = (x0 - mb_x0, mb_top - y1, x1 - mb_x0, mb_top - y0)
        notes.append((text, (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))))
    return notes
