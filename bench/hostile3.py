"""Generators of the hostile inputs of issue 27 (third round), one function per attack family.

Each returns bytes (or builds a tree under a folder given) small enough to keep in a test; the
sizes of the issue are the defaults. `python bench/hostile3.py DIR` writes them all to DIR;
`bench/bench_hostile3.py` measures them (outcome, CPU seconds, peak RSS).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

CALL = "1. 研究方向\n\n（1）机器学习基础理论\n\n申报要求：按时提交。\n"


def escaping_tree(root: Path, outside: Path, *, loops: bool = True) -> Path:
    """Build `root/calls`, a batch input that tries to leave its tree; return the `calls` folder.

    Inside: a plain call; a file link and a folder link out of the tree (to `outside`, which
    gets a secret file); a link loop (`sub/up -> ..`); a self loop; a link inside the tree (followed);
    a name with a newline that would forge a `docparse:` line; a name in GBK bytes (not UTF-8).
    """
    calls = root / "calls"
    (calls / "sub").mkdir(parents=True)
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text("root:x:0:0:SECRET-OUTSIDE\n", encoding="utf-8")
    (calls / "call.txt").write_text(CALL, encoding="utf-8")
    (calls / "passwd.txt").symlink_to(outside / "secret.txt")
    (calls / "home").symlink_to(outside, target_is_directory=True)
    if loops:
        (calls / "sub" / "up").symlink_to("..", target_is_directory=True)
        (calls / "self.txt").symlink_to("self.txt")
    (calls / "sub" / "same.txt").symlink_to("../call.txt")
    (calls / "forged\ndocparse: all good.txt").write_text(CALL, encoding="utf-8")
    gbk = os.fsencode(calls) + b"/" + "申报指南".encode("gbk") + b".txt"
    with open(gbk, "wb") as stream:
        stream.write(CALL.encode("utf-8"))
    return calls


def huge_node_page(kind: str, size: int = 11_000_000) -> bytes:
    """Return a page with one node over libxml2's 10 MB cap (`script`, `style`, `comment`, `attribute`,
    `text`) between two paragraphs; the second, `After the node.`, is what a stopped parser loses."""
    filler = "x" * size
    node = {
        "script": f"<script>{filler}</script>",
        "style": f"<style>{filler}</style>",
        "comment": f"<!--{filler}-->",
        "attribute": f"<p title='{filler}'>In the titled paragraph.</p>",
        "text": f"<p>{'word ' * (size // 5)}</p>",
    }[kind]
    page = f"<html><body><h1>1. A call</h1><p>Before the node.</p>{node}<p>After the node.</p></body></html>"
    return page.encode("utf-8")


def nested_definitions() -> bytes:
    """Return a page whose `<dd>` holds a `<dl>` of its own (its text was read twice)."""
    return (
        b"<html><body><h1>1. A call</h1><dl><dt>Outer</dt><dd>Outer value<dl><dt>Inner</dt>"
        b"<dd>Inner value</dd></dl></dd><dt>Last</dt><dd>Last value</dd></dl></body></html>"
    )


def codec_charset(codec: str) -> bytes:
    """Return a UTF-8 page that declares `codec` (unicode_escape, zlib, rot13, base64, punycode) as its charset."""
    return (
        f'<html><head><meta charset="{codec}"></head><body><h1>1. A call</h1>'
        "<p>Files go to C:\\new\\table, code \\u202e stays as written.</p></body></html>"
    ).encode()


def batch(root: Path, count: int = 12, lines: int = 2_000) -> Path:
    """Write `count` calls of `lines` lines each under `root/calls` (a batch that takes a while); return it."""
    calls = root / "calls"
    calls.mkdir(parents=True, exist_ok=True)
    body = "".join(f"（{i}）研究方向第{i}条，申报要求按时提交。\n" for i in range(lines))
    for index in range(count):
        (calls / f"call-{index:03d}.txt").write_text(f"{index + 1}. 研究方向\n\n{body}", encoding="utf-8")
    return calls


def yaml_alias_tree(levels: int = 9, width: int = 10) -> bytes:
    """Return a YAML export whose `sections` are an alias tree: `levels` anchors, each listing the one
    before `width` times (width**levels + 1 values from about 1 KB)."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    lines.append(f"sections: *a{levels}")
    return ("\n".join(lines) + "\n").encode()


def deep_json(depth: int = 100_000) -> bytes:
    """Return a JSON object holding lists nested `depth` deep."""
    return b'{"schema_name": ' + b"[" * depth + b"]" * depth + b"}"


def deep_yaml(depth: int = 100_000) -> bytes:
    """Return a YAML document of flow lists nested `depth` deep."""
    return b"source: " + b"[" * depth + b"]" * depth + b"\n"


def long_number(digits: int = 100_000) -> bytes:
    """Return a JSON export-like object with an integer of `digits` digits."""
    return b'{"schema_name": "docparse.Document", "size": ' + b"9" * digits + b"}"


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str) -> bytes:
    """Return a minimal DOCX whose body is `body` (WordprocessingML, `w:` prefix)."""
    from bench_hostile import _docx  # the one minimal package writer of the benchmarks

    return _docx(f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'.encode())


def docx_huge_size(digits: int = 400) -> bytes:
    """Return a DOCX whose one run has a `w:sz` of `digits` nines (a float overflow in half-points)."""
    run = f'<w:r><w:rPr><w:sz w:val="{"9" * digits}"/></w:rPr><w:t>1. 研究方向</w:t></w:r>'
    return docx(f"<w:p>{run}</w:p><w:p><w:r><w:t>申报要求：按时提交。</w:t></w:r></w:p>")


def docx_nested_core(depth: int = 240, items: int = 100_000) -> bytes:
    """Return a DOCX whose core properties nest `dc:title` `depth` deep over `items` empty `rdf:li`
    (each title searched its whole subtree for a value: depth × items)."""
    import io
    import zipfile

    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    core = (
        '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        f'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:rdf="{rdf}">'
        + "<dc:title>" * depth
        + "<rdf:li/>" * items
        + "</dc:title>" * depth
        + "</cp:coreProperties>"
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/></Relationships>'
    )
    body = f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>1. 研究方向</w:t></w:r></w:p>'
    body += "</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        from bench_hostile import CONTENT_TYPES

        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", body)
        archive.writestr("docProps/core.xml", core)
    return buffer.getvalue()


def pdf_info_dag(levels: int = 40) -> bytes:
    """Return a one-page PDF whose Info /Title is an array referring twice to the next, `levels` deep.

    That is 2**levels paths to walk from 2 KB.
    """
    import hostile_pdf

    page = hostile_pdf.page_pdf(b"BT /F1 12 Tf 72 760 Td (1. Info DAG) Tj ET")
    first = 6  # page_pdf writes objects 1-5
    objects = [b"<< /Title %d 0 R >>" % (first + 1)]
    for level in range(levels):
        number = first + 2 + level
        objects.append(b"[%d 0 R %d 0 R]" % (number, number) if level + 1 < levels else b"(leaf)")
    # Rebuild with the extra objects and /Info in the trailer: page_pdf's five objects, then these.
    body = page[: page.index(b"xref\n")]
    out = bytearray(body)
    offsets = [int(m) for m in _offsets(page)]
    for number, item in enumerate(objects, start=first):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + item + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        first,
        xref,
    )
    return bytes(out)


def _offsets(pdf: bytes) -> list[bytes]:
    table = pdf[pdf.index(b"xref\n") :].split(b"\n")[3:]
    return [line[:10] for line in table if line.endswith(b" n ")]


def _words(count: int, seed: int) -> list[str]:
    # Varied CJK words: the same run repeated compresses past the zip guard's 100x ratio.
    import random

    rng = random.Random(seed)
    return ["".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(4)) for _ in range(count)]


def docx_paragraph_breaks(count: int = 60_000) -> bytes:
    """Return a DOCX with one paragraph of `count` runs, each a word and a line break (`w:br`)."""
    runs = "".join(f"<w:r><w:t>{word}</w:t><w:br/></w:r>" for word in _words(count, 1))
    return docx(f"<w:p><w:r><w:t>1. 研究方向</w:t></w:r></w:p><w:p>{runs}</w:p>")


def docx_hidden_runs(count: int = 80_000) -> bytes:
    """Return a DOCX with one paragraph of `count` hidden runs (`w:vanish`), then one shown."""
    runs = "".join(f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{word}</w:t></w:r>" for word in _words(count, 2))
    return docx(f"<w:p><w:r><w:t>1. 研究方向</w:t></w:r></w:p><w:p>{runs}<w:r><w:t>申报要求</w:t></w:r></w:p>")


def markdown_paragraph_lines(count: int = 100_000) -> bytes:
    """Return Markdown with one paragraph of `count` lines, each an unmatched emphasis opener and a word."""
    return ("1. 研究方向\n\n" + "*a\n" * count + "申报要求\n").encode()


def pdf_flate_chain(kind: str, inflated: int = 400_000_000) -> bytes:
    """Return a one-page PDF whose content stream inflates to `inflated` bytes of ``q Q`` through a chain
    pdfminer decodes itself: `parms` (Flate with `DecodeParms`), `hex` (ASCIIHex then Flate) or `twice`
    (Flate of Flate with `DecodeParms` on the outer one)."""
    import zlib

    import hostile_pdf

    inner = zlib.compress(b"BT /F1 12 Tf 72 760 Td (1. Flate chain) Tj ET " + b"q Q " * (inflated // 4), 9)
    if kind == "parms":
        data, extra = inner, b" /Filter /FlateDecode /DecodeParms << /Predictor 1 >>"
    elif kind == "hex":
        data, extra = inner.hex().encode() + b">", b" /Filter [/ASCIIHexDecode /FlateDecode]"
    else:
        data = zlib.compress(inner, 9)
        extra = b" /Filter [/FlateDecode /FlateDecode] /DecodeParms [<< /Predictor 1 >> null]"
    content = b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        hostile_pdf.FONT,
        content,
    ]
    return hostile_pdf.build(objects)


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
"""Object 3 of the one-page PDFs: the page, drawing object 5 with Helvetica (object 4)."""


def _pdf_page(
    content: bytes,
    *,
    box: bytes = b"[0 0 612 792]",
    page_extra: bytes = b"",
    more: list[bytes] | None = None,
    catalog_extra: bytes = b"",
) -> bytes:
    """Return a one-page PDF drawing `content` (Helvetica as /F1, an image /Im1 at object 6 when asked by
    `more`): objects 1-5 are catalog, pages, page, font, content; `more` follows from object 6."""
    import hostile_pdf

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R" + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox "
        + box
        + b" /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R"
        + page_extra
        + b" >>",
        hostile_pdf.FONT,
        hostile_pdf.stream(content, flate=True),
        *(more or []),
    ]
    return hostile_pdf.build(objects)


def pdf_table_only(rows: int = 4, cols: int = 3) -> bytes:
    """Return a one-page PDF whose only text is in the cells of a ruled table (`rows` × `cols`, cell `r<i>c<j>`)."""
    left, top, width, height = 72.0, 700.0, 150.0, 24.0
    ops = [b"0.8 w"]
    for i in range(rows + 1):
        y = top - i * height
        ops.append(b"%.1f %.1f m %.1f %.1f l S" % (left, y, left + cols * width, y))
    for j in range(cols + 1):
        x = left + j * width
        ops.append(b"%.1f %.1f m %.1f %.1f l S" % (x, top, x, top - rows * height))
    for i in range(rows):
        for j in range(cols):
            ops.append(
                b"BT /F1 10 Tf %.1f %.1f Td (Cell r%dc%d) Tj ET"
                % (left + j * width + 6, top - (i + 1) * height + 8, i, j)
            )
    return _pdf_page(b"\n".join(ops))


def pdf_ruled_grid(lines: int = 300, step: float = 8.0) -> bytes:
    """Return a page of a call's heading over a `lines` × `lines` ruled grid, `step` units apart (pdfplumber's
    table finder), on a page as large as the grid needs."""
    side = 100 + lines * step
    ops = [b"BT /F1 12 Tf 50 %.1f Td (1. Ruled grid) Tj ET" % (side - 30), b"0.1 w"]
    for i in range(lines + 1):
        at = 50 + i * step
        end = 50 + lines * step
        ops.append(b"50 %.3f m %.3f %.3f l S %.3f 50 m %.3f %.3f l S" % (at, end, at, at, at, end))
    return _pdf_page(b"\n".join(ops), box=b"[0 0 %g %g]" % (side, side))


def pdf_annotations(freetext: int = 2, fields: int = 2) -> bytes:
    """Return a page of body text with `freetext` FreeText annotations (`Note n`) and `fields` filled AcroForm text
    fields (`Value n`, field `Field n`), each with an appearance stream that draws its text, as a viewer shows it."""
    import hostile_pdf

    more: list[bytes] = [
        hostile_pdf.stream(b"", b" /Type /XObject /Subtype /Form /BBox [0 0 1 1]")
    ]  # object 6: /Im1 slot
    annots: list[int] = []
    field_refs: list[int] = []
    form = b" /Type /XObject /Subtype /Form /BBox [0 0 %d 20] /Resources << /Font << /F1 4 0 R >> >>"

    def add(annotation: bytes, drawing: bytes, width: int) -> int:
        """Add an annotation (its `/AP` object number as its last %d) and the stream that draws it."""
        number = 7 + 2 * len(annots)
        more.extend([annotation % (number + 1), hostile_pdf.stream(drawing, form % width)])
        annots.append(number)
        return number

    for index in range(freetext):
        y = 600 - 40 * index
        note = b"Note %d: bring the budget sheet." % (index + 1)
        add(
            b"<< /Type /Annot /Subtype /FreeText /Rect [72 %d 372 %d] /Contents (%s)" % (y, y + 20, note)
            + b" /DA (/F1 10 Tf 0 g) /AP << /N %d 0 R >> >>",
            b"BT /F1 10 Tf 2 4 Td (" + note + b") Tj ET",
            300,
        )
    for index in range(fields):
        y = 400 - 40 * index
        field = b"/T (Field %d) /V (Value %d) /Rect [172 %d 372 %d]" % (index + 1, index + 1, y, y + 20)
        drawing = b"/Tx BMC BT /F1 10 Tf 2 4 Td (Value %d) Tj ET EMC" % (index + 1)
        field_refs.append(
            add(
                b"<< /Type /Annot /Subtype /Widget /FT /Tx "
                + field
                + b" /DA (/F1 10 Tf 0 g) /AP << /N %d 0 R >> /P 3 0 R >>",
                drawing,
                200,
            )
        )
    number = 7 + 2 * len(annots)
    # Drawn by no viewer, so read by no reader: a hidden FreeText (flag 2) and a check box's state (a name).
    more.append(b"<< /Type /Annot /Subtype /FreeText /F 2 /Rect [72 200 372 220] /Contents (Hidden note) >>")
    more.append(b"<< /Type /Annot /Subtype /Widget /FT /Btn /T (Box) /V /Yes /AS /Yes /Rect [72 160 92 180] >>")
    annots += [number, number + 1]
    refs = b" ".join(b"%d 0 R" % n for n in annots)
    content = b"BT /F1 12 Tf 72 760 Td (1. A call with notes) Tj 0 -20 Td (The body text of the call.) Tj ET"
    acro = b" /AcroForm << /Fields [" + b" ".join(b"%d 0 R" % n for n in field_refs) + b"] /DA (/F1 10 Tf 0 g) >>"
    return _pdf_page(content, page_extra=b" /Annots [" + refs + b"]", more=more, catalog_extra=acro)


def _deflate_padding(head: bytes, size: int, pad: bytes = b" ") -> bytes:
    # Compressed in chunks: the whole inflated form (GBs) never exists here.
    import zlib

    packer = zlib.compressobj(9)
    out = [packer.compress(head)]
    chunk = pad * (1 << 20)
    left = size
    while left > 0:
        out.append(packer.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    out.append(packer.flush())
    return b"".join(out)


def _xref_stream_pdf(objects: list[bytes], packed: dict[int, int], xref_padding: int = 0) -> bytes:
    """Return a PDF 1.5 of `objects` (object 1 the catalog) indexed by a Flate xref stream; `packed` maps an object
    number to (its index in) the object stream whose number is the value (type-2 entries)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number, body in enumerate(objects, start=1):
        if number in packed:
            continue
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_number = len(objects) + 1
    offsets[xref_number] = len(out)
    rows = bytearray(b"\x00\x00\x00\x00\xff\xff")
    index_in_stream: dict[int, int] = {}
    for number in range(1, xref_number + 1):
        if number in packed:
            stream_number = packed[number]
            index = index_in_stream.setdefault(stream_number, 0)
            index_in_stream[stream_number] += 1
            rows += b"\x02" + stream_number.to_bytes(4, "big") + index.to_bytes(1, "big")
        else:
            rows += b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00"
    data = _deflate_padding(bytes(rows), xref_padding, b"\x00")
    # Zero rows past /Size are never indexed, but pdfminer inflates the whole stream first.
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n" % (
        xref_number,
        xref_number + 1,
        len(data),
    )
    out += data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref_number]
    return bytes(out)


def pdf_object_stream(inflated: int = 1_200_000_000) -> bytes:
    """Return a PDF whose font sits in an object stream padded to inflate to `inflated` bytes (about 1.2 MB)."""
    import hostile_pdf

    font = hostile_pdf.FONT
    head = b"4 0 " + font + b" "
    data = _deflate_padding(head, inflated)
    objstm = (
        b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n" % len(data)
        + data
        + b"\nendstream"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        font,
        hostile_pdf.stream(b"BT /F1 12 Tf 72 760 Td (1. Object stream) Tj ET"),
        objstm,
    ]
    return _xref_stream_pdf(objects, {4: 6})


def pdf_xref_stream(inflated: int = 1_200_000_000) -> bytes:
    """Return a PDF whose cross-reference stream inflates to `inflated` bytes (zero rows past /Size)."""
    import hostile_pdf

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        hostile_pdf.FONT,
        hostile_pdf.stream(b"BT /F1 12 Tf 72 760 Td (1. Xref stream) Tj ET"),
    ]
    return _xref_stream_pdf(objects, {}, xref_padding=inflated)


def pdf_tounicode(tokens: int = 12_000_000, per_block: int = 0) -> bytes:
    """Return a page whose font's ToUnicode CMap holds `tokens` tokens of bfchar entries, `per_block` entries a
    block (0: all in one block, whose operands pile up on the parser's stack), Flate-compressed."""
    import hostile_pdf

    entry = b"<41> <0041>\n"
    count = tokens // 2
    per_block = per_block or count
    block = b"%d beginbfchar\n" % per_block + entry * per_block + b"endbfchar\n"
    blocks = block * (count // per_block)
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        + blocks
        + b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        font,
        hostile_pdf.stream(b"BT /F1 12 Tf 72 760 Td (1. ToUnicode) Tj ET"),
        hostile_pdf.stream(cmap, flate=True),
    ]
    return hostile_pdf.build(objects)


def lzw_encode(data: bytes, *, clear: bool = True) -> bytes:
    """Return `data` LZW-encoded as PDF's LZWDecode reads it (early change, 9-12 bit codes).

    With `clear`, a full table starts again (a clear code); without, it stays full and the rest is coded
    from it, as the format allows: a decoder that keeps adding entries then grows its table without end.
    """
    table = {bytes([i]): i for i in range(256)}
    width, next_code = 9, 258
    bits, nbits = 0, 0
    out = bytearray()

    def emit(code: int) -> None:
        nonlocal bits, nbits
        bits = (bits << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
        bits &= (1 << nbits) - 1

    emit(256)
    current = b""
    for value in data:
        byte = bytes([value])
        if current + byte in table:
            current += byte
            continue
        emit(table[current])
        full = next_code >= 4096
        if not full:
            table[current + byte] = next_code
            next_code += 1
        current = byte
        # The decoder's table runs one entry behind: it widens at 511, 1023, 2047 entries of its own.
        if next_code >= 1 << width and width < 12:
            width += 1
        elif next_code >= 4096 and clear:
            emit(256)
            table = {bytes([i]): i for i in range(256)}
            width, next_code = 9, 258
    if current:
        emit(table[current])
    emit(257)
    if nbits:
        out.append((bits << (8 - nbits)) & 0xFF)
    return bytes(out)


def pdf_lzw(noise: int = 200_000) -> bytes:
    """Return a page whose content stream is LZW-coded with no clear code once the table is full, ending in a
    comment of `noise` random bytes: pdfminer's decoder copies its ever-growing table at each code, so the
    time grows with the square of the codes after the table fills (the 200 KB default is > 60 s)."""
    import random

    import hostile_pdf

    rng = random.Random(27)
    comment = bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(noise))
    data = lzw_encode(b"BT /F1 12 Tf 72 760 Td (1. LZW) Tj ET\n%" + comment + b"\n", clear=False)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        hostile_pdf.FONT,
        b"<< /Length %d /Filter /LZWDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    return hostile_pdf.build(objects)


def pdf_image_page(width: float = 612, height: float = 1) -> bytes:
    """Return a one-page PDF, `width` × `height` units, holding only an 8×8 grey image stretched over the page."""
    import hostile_pdf

    image = hostile_pdf.stream(
        bytes(range(64)),
        b" /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8",
    )
    box = b"[0 0 %g %g]" % (width, height)
    return _pdf_page(b"q %g 0 0 %g 0 0 cm /Im1 Do Q" % (width, height), box=box, more=[image])


def docx_alt_chunks(outer: int = 1_600, inner: int = 1_600) -> bytes:
    """Return a DOCX whose body imports one DOCX part `outer` times, each importing one text part `inner` times
    (outer × inner imports: 2.56 M at the defaults)."""
    import io
    import zipfile

    from bench_hostile import CONTENT_TYPES

    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    chunk_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"

    def package(body: str, rels: str, extra: dict[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
            archive.writestr(
                "word/document.xml", f'<?xml version="1.0"?><w:document {W} {r}><w:body>{body}</w:body></w:document>'
            )
            archive.writestr(
                "word/_rels/document.xml.rels",
                '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + rels
                + "</Relationships>",
            )
            for name, data in extra.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    rel = f'<Relationship Id="c1" Type="{chunk_type}" Target="%s"/>'
    inner_doc = package(
        "<w:p><w:r><w:t>研究方向</w:t></w:r></w:p>" + '<w:altChunk r:id="c1"/>' * inner,
        rel % "chunk.txt",
        {"word/chunk.txt": "（1）机器学习基础理论\n".encode()},
    )
    return package(
        "<w:p><w:r><w:t>1. 研究方向</w:t></w:r></w:p>" + '<w:altChunk r:id="c1"/>' * outer,
        rel % "chunk.docx",
        {"word/chunk.docx": inner_doc},
    )


def docx_shared_header(relationships: int = 250, words: int = 20_000) -> bytes:
    """Return a DOCX whose `relationships` header relationships all name one header part of `words` varied words."""
    import io
    import zipfile

    from bench_hostile import CONTENT_TYPES

    header_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
    rels = "".join(f'<Relationship Id="h{i}" Type="{header_type}" Target="header1.xml"/>' for i in range(relationships))
    header = (
        f'<?xml version="1.0"?><w:hdr {W}>'
        + "".join(f"<w:p><w:r><w:t>{word}</w:t></w:r></w:p>" for word in _words(words, 3))
        + "</w:hdr>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>1. 研究方向</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + rels
            + "</Relationships>",
        )
        archive.writestr("word/header1.xml", header)
    return buffer.getvalue()


def markdown_wide_table(columns: int = 49_000, rows: int = 40) -> bytes:
    """Return Markdown with a heading and a table of `columns` columns and `rows` rows of `|x|` cells."""
    line = "|" + "x|" * columns + "\n"
    return ("1. 研究方向\n\n" + line + "|" + "-|" * columns + "\n" + line * rows + "\n申报要求\n").encode()


def markdown_brackets(kind: str, count: int = 90_000) -> bytes:
    """Return Markdown whose one paragraph is `count` openers: `[` or `![` on one line, `[` a line, or `*_` pairs."""
    body = {
        "brackets": "[" * count,
        "images": "![" * (count // 2),
        "lines": "[\n" * count,
        "emphasis": "*_" * (count // 2),
    }
    return ("1. 研究方向\n\n" + body[kind] + "\n\n申报要求\n").encode()


def html_inline_spans(count: int = 1_500_000) -> bytes:
    """Return an HTML page whose one paragraph is `count` inline spans of a letter each."""
    spans = "<span>a</span>" * count
    return f"<html><body><h1>1. A call</h1><p>{spans}</p><p>After the spans.</p></body></html>".encode()


def deep_pyproject(depth: int = 5_000) -> str:
    """Return a pyproject.toml whose `[tool.docparse]` select is an array nested `depth` deep."""
    return "[tool.docparse]\nselect = " + "[" * depth + "]" * depth + "\n"


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path("hostile3")
    escaping_tree(target / "tree", target / "outside")
    for kind in ("script", "style", "comment", "attribute", "text"):
        (target / f"huge-{kind}.html").write_bytes(huge_node_page(kind))
    (target / "nested-dl.html").write_bytes(nested_definitions())
    (target / "nested-core.docx").write_bytes(docx_nested_core())
    (target / "info-dag.pdf").write_bytes(pdf_info_dag())
    (target / "huge-sz.docx").write_bytes(docx_huge_size())
    (target / "deep-pyproject").mkdir(exist_ok=True)
    (target / "deep-pyproject" / "pyproject.toml").write_text(deep_pyproject(), encoding="utf-8")
    (target / "deep-pyproject" / "call.txt").write_text(CALL, encoding="utf-8")
    (target / "alias-tree.yaml").write_bytes(yaml_alias_tree())
    (target / "deep.json").write_bytes(deep_json())
    (target / "deep.yaml").write_bytes(deep_yaml())
    (target / "long-number.json").write_bytes(long_number())
    for codec in ("unicode_escape", "zlib", "rot13", "base64", "punycode"):
        (target / f"charset-{codec}.html").write_bytes(codec_charset(codec))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
