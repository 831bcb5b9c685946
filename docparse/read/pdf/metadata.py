"""Read stage, PDF: the document's Info dictionary, its XMP packet filling the gaps → `Metadata`.

pdfplumber resolves every Info value whole when it opens a file (`resolve_and_decode`, in
`PDF.__init__`, before any budget of ours can run): a title that is an array referring twice to
the next, 40 deep, is a DAG of 2^40 paths, and the walk never ends. Importing this module puts
a bounded walk in its place (`bounded_resolve_and_decode`): what lies past the budget is None.
"""

from __future__ import annotations

import zlib
from typing import Any, Final

import pdfplumber.pdf
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfminer.psparser import PSLiteral
from pdfplumber.pdf import PDF
from pdfplumber.utils.pdfinternals import decode_text

from docparse.errors import DocparseError
from docparse.model.document import Metadata
from docparse.read import metadata
from docparse.read.metadata import MAX_XMP_BYTES, PDF_INFO_KEYS
from docparse.read.xmlsafe import parse_xml

MAX_INFO_VALUES: Final = 1_000
"""Values resolved for one Info entry (a title is one string; XMP carries the long lists)."""
MAX_INFO_DEPTH: Final = 16


def bounded_resolve_and_decode(obj: Any, _left: list[int] | None = None, _depth: int = 0) -> Any:
    """Return the Info value `obj` resolved and decoded as pdfplumber's `resolve_and_decode` does,
    within `MAX_INFO_VALUES` values and `MAX_INFO_DEPTH` levels; None past them."""
    left = [MAX_INFO_VALUES] if _left is None else _left
    left[0] -= 1
    if left[0] < 0 or _depth > MAX_INFO_DEPTH:
        return None
    if hasattr(obj, "resolve"):
        obj = obj.resolve()
    if isinstance(obj, list):
        return [bounded_resolve_and_decode(item, left, _depth + 1) for item in obj]
    if isinstance(obj, PSLiteral):
        return decode_text(obj.name)
    if isinstance(obj, str | bytes):
        return decode_text(obj)
    if isinstance(obj, dict):
        return {key: bounded_resolve_and_decode(value, left, _depth + 1) for key, value in obj.items()}
    return obj


pdfplumber.pdf.resolve_and_decode = bounded_resolve_and_decode  # type: ignore[attr-defined]  # run by PDF.__init__


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
