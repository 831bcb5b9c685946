"""Images as input: a scan sent as PNG or multi-page TIFF is read by OCR like a scanned PDF,
with provenance in the image's pixels; without OCR, or out of bounds, a typed error."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image

import docparse
from docparse import Limits, ParseOptions
from docparse.errors import CorruptDocumentError, LimitExceededError, OcrUnavailableError
from docparse.files import is_supported
from docparse.model.compare import outline_data
from docparse.read import detect_format
from docparse.read import image as image_reader

from ..conftest import FIXTURES

PNG = FIXTURES / "ocr" / "seed-page1.png"
TIFF = FIXTURES / "ocr" / "seed-pages1-2.tif"
REPORTLAB = FIXTURES / "seed-pdf-reportlab" / "input.pdf"
ROOMY = ParseOptions(limits=Limits(max_seconds=1800))


@pytest.fixture(scope="module")
def tiff() -> Iterator[docparse.Document]:
    yield docparse.parse(TIFF, options=ROOMY)


def test_a_multi_page_tiff_gives_the_outline_of_its_pages_text(tiff: docparse.Document) -> None:
    # The frames are pages 1–2 of the reportlab rendition: OCR gives exactly what its text layer gives.
    pdf = docparse.parse(REPORTLAB, options=ROOMY.model_copy(update={"pages": "1-2"}))
    assert (tiff.source.format, tiff.source.pages) == ("image", 2)
    assert tiff.title == "申报主题" and [s.title for s in tiff.sections] == ["开放课题"]
    assert outline_data(tiff) == outline_data(pdf)


def test_provenance_is_in_the_pixels_of_the_frame(tiff: docparse.Document) -> None:
    with Image.open(TIFF) as frames:
        width, height = frames.size
    boxes = [region for entry in tiff.toc for region in entry.provenance.regions]
    assert boxes and all(box.bbox.x1 <= width and box.bbox.bottom <= height for box in boxes)
    # The TOC spans most of the page's width: in points (595 wide) it could not pass 600.
    assert max(box.bbox.x1 for box in boxes) > 900
    pages = {region.page for topic in tiff.iter_topics() for region in topic.provenance.regions}
    assert pages == {2}


def test_a_png_is_detected_by_its_bytes_and_read() -> None:
    data = PNG.read_bytes()
    assert detect_format(data, "scan.bin") == "image"
    document = docparse.parse(data, name="scan.bin", options=ROOMY)
    assert document.source.format == "image" and document.source.pages == 1
    assert [entry.title for entry in document.toc][:2] == ["开放课题", "机器学习基础理论"]


def test_images_are_read_when_named_not_collected_from_a_folder() -> None:
    assert not is_supported(PNG) and not is_supported(TIFF)


def test_no_ocr_means_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(OcrUnavailableError, match="OCR is off"):
        docparse.parse(PNG, options=ParseOptions(ocr="never"))
    monkeypatch.setattr(image_reader, "ocr_available", lambda: False)
    with pytest.raises(OcrUnavailableError, match="OCR extra is not installed"):
        docparse.parse(PNG)


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (width, height), 255).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_strip_or_a_huge_frame_is_refused_before_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(LimitExceededError, match="no page"):
        docparse.parse(_png(4000, 1), name="strip.png")
    monkeypatch.setattr(image_reader, "MAX_PIXELS", 10_000)
    with pytest.raises(LimitExceededError, match="pixels"):
        docparse.parse(_png(200, 200), name="big.png")


def test_too_many_frames_and_broken_bytes_are_typed_errors() -> None:
    with pytest.raises(LimitExceededError, match="frames"):
        docparse.parse(TIFF, options=ParseOptions(limits=Limits(max_pages=1)))
    with pytest.raises(CorruptDocumentError):
        docparse.parse(PNG.read_bytes()[:200], name="cut.png")
