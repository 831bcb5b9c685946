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
