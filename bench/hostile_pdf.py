"""Generators of hostile PDFs, written as raw bytes (no PDF library needed): each a few KB.

- `nested_forms(per_level, levels)`: form XObjects that each draw the next level `per_level`
  times; the page draws level 1, so `per_level ** levels` forms are interpreted (10 and 9 give a
  billion from 3.4 KB).
- `inflating(ops_bytes)`: one Flate content stream that inflates to `ops_bytes` of ``q Q``.
- `many_glyphs(count)`: one page of `count` ``(A) Tj``, compressed.

Run `python bench/hostile_pdf.py DIR` to write them at the sizes of issue 12.
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def build(objects: list[bytes]) -> bytes:
    """Return a PDF of `objects` (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, flate: bool = False) -> bytes:
    if flate:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page_pdf(content: bytes, *, flate: bool = False, xobjects: list[bytes] | None = None) -> bytes:
    """Return a one-page PDF drawing `content` with Helvetica as /F1, and form XObjects /X1.. (objects 6..)."""
    forms = xobjects or []
    xobject_dict = b" ".join(b"/X%d %d 0 R" % (i + 1, i + 6) for i in range(len(forms)))
    resources = b"<< /Font << /F1 4 0 R >> /XObject << " + xobject_dict + b" >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources + b" /Contents 5 0 R >>",
        FONT,
        stream(content, flate=flate),
        *forms,
    ]
    return build(objects)


def nested_forms(per_level: int = 10, levels: int = 9) -> bytes:
    """Return a page whose form XObjects nest `levels` deep, each drawing the next `per_level` times."""
    forms = []
    for level in range(levels):
        number = 6 + level
        if level + 1 < levels:
            body = b"q 1 0 0 1 0 0 cm /X Do Q " * per_level
            resources = b"<< /XObject << /X %d 0 R >> >>" % (number + 1)
        else:
            body = b"BT /F1 10 Tf 72 720 Td (deep) Tj ET"
            resources = b"<< /Font << /F1 4 0 R >> >>"
        forms.append(stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " + resources))
    return page_pdf(b"BT /F1 12 Tf 72 760 Td (1. Nested forms) Tj ET /X1 Do", xobjects=forms[:1] + forms[1:])


def inflating(ops_bytes: int) -> bytes:
    """Return a page whose one Flate content stream inflates to `ops_bytes` of ``q Q``."""
    return page_pdf(b"BT /F1 12 Tf 72 760 Td (1. Inflating) Tj ET " + b"q Q " * (ops_bytes // 4), flate=True)


def many_glyphs(count: int) -> bytes:
    """Return a page of `count` ``(A) Tj`` operations in one text object."""
    return page_pdf(b"BT /F1 1 Tf 72 720 Td " + b"(A) Tj " * count + b"ET", flate=True)


def text_lines(lines: list[str], per_page: int = 50) -> bytes:
    """Return a PDF of `lines` of Helvetica text (ASCII), `per_page` lines a page, top to bottom."""
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        FONT,
    ]
    for i, page in enumerate(pages):
        body = (
            b"BT /F1 11 Tf 14 TL 72 740 Td "
            + b"".join(
                b"("
                + line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
                + b") Tj T* "
                for line in page
            )
            + b"ET"
        )
        resources = b"/Resources << /Font << /F1 3 0 R >> >>"
        page_dict = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] %s /Contents %d 0 R >>"
        objects.append(page_dict % (resources, 5 + 2 * i))
        objects.append(stream(body, flate=True))
    return build(objects)


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    target.mkdir(parents=True, exist_ok=True)
    made = {
        "nested-forms-10x9.pdf": nested_forms(10, 9),
        "inflates-600MB-qQ.pdf": inflating(600_000_000),
        "2M-Tj.pdf": many_glyphs(2_000_000),
    }
    for name, data in made.items():
        (target / name).write_bytes(data)
        print(f"{target / name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
