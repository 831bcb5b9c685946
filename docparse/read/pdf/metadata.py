"""Read stage, PDF: the document's Info dictionary, its XMP packet filling the gaps → `Metadata`."""

from __future__ import annotations

import zlib
from typing import Any

from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfplumber.pdf import PDF

from docparse.errors import DocparseError
from docparse.model.document import Metadata
from docparse.read import metadata
from docparse.read.metadata import MAX_XMP_BYTES, PDF_INFO_KEYS
from docparse.read.xmlsafe import parse_xml


def pdf_metadata(pdf: PDF) -> Metadata:
    """Return what the PDF declares about itself; a damaged Info dictionary or XMP packet gives less, never an error."""
    values: dict[str, Any] = {}
    for key, name in PDF_INFO_KEYS.items():
        value = pdf.metadata.get(key)  # pdfplumber decoded it (PDFDocEncoding or UTF-16 with a BOM)
        if metadata.clean(value) is not None:
            values[name] = value
    for name, value in _xmp(pdf).items():
        values.setdefault(name, value)
    return metadata.make(values)


def _xmp(pdf: PDF) -> dict[str, str]:
    try:
        stream = resolve1(pdf.doc.catalog.get("Metadata"))
        if not isinstance(stream, PDFStream):
            return {}
        data = _bounded_data(stream)
        return {} if data is None else metadata.from_xml(parse_xml(data, part="XMP metadata"))
    except (DocparseError, Exception):  # a damaged packet only loses the metadata it held
        return {}


def _bounded_data(stream: PDFStream) -> bytes | None:
    """Return the packet's bytes, inflated at most to `MAX_XMP_BYTES`; None for other filters or a larger packet."""
    raw = stream.rawdata if stream.rawdata is not None else stream.data
    if raw is None or len(raw) > MAX_XMP_BYTES:
        return None
    filters = stream.get_filters()
    if not filters:
        return bytes(raw)
    if len(filters) == 1 and filters[0][0] in LITERALS_FLATE_DECODE:
        inflater = zlib.decompressobj()
        data = inflater.decompress(bytes(raw), MAX_XMP_BYTES)
        return None if inflater.unconsumed_tail else data
    return None
