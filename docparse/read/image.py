"""Read stage, images: a scanned call sent as PNG, JPEG or (multi-page) TIFF → blocks, through OCR.

An image is a scan without a PDF around it. Each frame becomes one page of an in-memory PDF at its
physical size (pixels × 72 / dpi, the dpi the file records or `ASSUMED_DPI`), drawn losslessly by
pdfium, and the PDF reader reads that with OCR on every page: one pipeline for scans, whatever
wraps them. Provenance is then given back in the image's own pixels (origin top-left), which is
what a user of an image points at. Pillow (which the OCR extra brings with rapidocr) decodes the
image; its size is checked from the header before any pixel is decoded.
"""

from __future__ import annotations

import dataclasses
import io
from typing import Any, TypeVar

from docparse.blocks import Reading
from docparse.errors import CorruptDocumentError, LimitExceededError, OcrUnavailableError
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Dropped
from docparse.model.provenance import BBox, PageRegion, Provenance
from docparse.options import ParseOptions
from docparse.read.pdf.ocr import INSTALL_HINT, ocr_available

ASSUMED_DPI = 150.0
"""The resolution of an image that records none (or an implausible one): a usual scanning setting."""
DPI_RANGE = (50.0, 1200.0)
"""Resolutions taken as recorded; outside them the file's dpi is a default of its writer, not a scan's."""
MAX_PIXELS = 60_000_000
"""Most pixels in one frame (A3 at 600 dpi is 70 M; A4 at 600 dpi 35 M): a larger frame is refused."""
MAX_ASPECT = 20.0
"""Longest side over shortest: a strip thinner than that is no page (OCR would render it unbounded)."""


def read_image(data: bytes, *, options: ParseOptions, name: str | None = None) -> Reading:
    """Return the blocks OCR reads on every frame of the image in `data`, provenance in pixels."""
    if options.ocr == "never":
        raise OcrUnavailableError("an image has no text layer and OCR is off (ocr=never)", path=name)
    if not ocr_available():
        raise OcrUnavailableError(
            f"an image is read by OCR and the OCR extra is not installed: {INSTALL_HINT}", path=name
        )
    pdf, scales = _as_pdf(data, options, name)
    from docparse.read.pdf import read_pdf

    reading = read_pdf(pdf, options=options.model_copy(update={"ocr": "always"}), name=name)
    reading.blocks = [dataclasses.replace(b, provenance=_in_pixels(b.provenance, scales)) for b in reading.blocks]
    # Dropped records and findings are pydantic models: copied with their boxes in pixels.
    reading.dropped = [_with_pixels(drop, scales) for drop in reading.dropped]
    reading.diagnostics = [_with_pixels(finding, scales) for finding in reading.diagnostics]
    reading.format = "image"
    return reading


def _as_pdf(data: bytes, options: ParseOptions, name: str | None) -> tuple[bytes, dict[int, float]]:
    """Return a PDF of one page per frame and, by page number, the pixels per point of each page."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CorruptDocumentError(_broken(exc), path=name, cause=exc) from exc
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    scales: dict[int, float] = {}
    try:
        with image:
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                if number > options.limits.max_pages:
                    raise LimitExceededError(
                        f"the image has more than {options.limits.max_pages} frames (limits.max_pages)", path=name
                    )
                scales[number] = _add_page(pdf, frame, name)
        buffer = io.BytesIO()
        pdf.save(buffer)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, pypdfium2.PdfiumError) as exc:
        raise CorruptDocumentError(_broken(exc), path=name, cause=exc) from exc
    finally:
        pdf.close()
    return buffer.getvalue(), scales


def _broken(exc: BaseException) -> str:
    """Return the one line that says an image cannot be decoded (Pillow's messages name a buffer object)."""
    reason = str(exc).split(" <_io.", 1)[0].strip() or type(exc).__name__
    return f"corrupt or unreadable image: {reason}"


def _add_page(pdf: Any, frame: Any, name: str | None) -> float:
    """Draw one frame on a new page of `pdf` at its physical size; return its pixels per point."""
    import pypdfium2

    width, height = frame.size
    if width * height > MAX_PIXELS:
        raise LimitExceededError(f"an image frame of {width}×{height} pixels is over {MAX_PIXELS:,} pixels", path=name)
    if min(width, height) < 1 or max(width, height) / min(width, height) > MAX_ASPECT:
        raise LimitExceededError(
            f"an image frame of {width}×{height} pixels is no page (aspect over {MAX_ASPECT:g})", path=name
        )
    scale = _dpi(frame) / 72.0
    picture = frame.convert("L" if frame.mode in ("1", "L", "I;16", "I", "F") else "RGB")
    page = pdf.new_page(width / scale, height / scale)
    drawn = pypdfium2.PdfImage.new(pdf)
    drawn.set_bitmap(pypdfium2.PdfBitmap.from_pil(picture))
    drawn.set_matrix(pypdfium2.PdfMatrix().scale(width / scale, height / scale))
    page.insert_obj(drawn)
    page.gen_content()
    page.close()
    return scale


def _dpi(frame: Any) -> float:
    """Return the horizontal resolution the frame records, or `ASSUMED_DPI`."""
    recorded = frame.info.get("dpi")
    try:
        value = float(recorded[0]) if recorded else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if DPI_RANGE[0] <= value <= DPI_RANGE[1] else ASSUMED_DPI


def _in_pixels(provenance: Provenance, scales: dict[int, float]) -> Provenance:
    """Return `provenance` with its boxes in pixels of their frame."""
    if not provenance.regions:
        return provenance
    regions = []
    for region in provenance.regions:
        scale, box = scales.get(region.page, 1.0), region.bbox
        x0, top, x1, bottom = (round(value * scale, 1) for value in (box.x0, box.top, box.x1, box.bottom))
        regions.append(PageRegion(page=region.page, bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom)))
    return provenance.model_copy(update={"regions": tuple(regions)})


Located = TypeVar("Located", Dropped, Diagnostic)


def _with_pixels(item: Located, scales: dict[int, float]) -> Located:
    return item.model_copy(update={"provenance": _in_pixels(item.provenance, scales)})
