"""Bad and hostile DOCX input: each gives a typed error saying what the file is, never a traceback."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import textwrap
import zipfile

import pytest
from lxml import etree

import docparse
from docparse.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    UnsupportedFormatError,
)
from docparse.options import Limits, ParseOptions
from docparse.read.docx import read_docx
from docparse.read.xmlsafe import SAFE_PARSER, check_prolog, parse_xml
from docparse.read.zipguard import Package

from .docx_factory import CONTENT_TYPES, PACKAGE_RELS, document_xml, make_docx, p, part_xml, r, zip_bytes

OPTIONS = ParseOptions()
ROOT_OF_TESTS = __file__.rsplit("/tests/", 1)[0]


def _read(data: bytes, options: ParseOptions = OPTIONS) -> None:
    read_docx(data, options=options, name="bad.docx")


def test_random_bytes_and_empty_input_are_corrupt() -> None:
    with pytest.raises(CorruptDocumentError, match="not a zip"):
        _read(b"\x00\x01hello, not a document" * 10)
    with pytest.raises(CorruptDocumentError, match="empty"):
        _read(b"")


def test_legacy_doc_is_named_and_told_to_convert() -> None:
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + "WordDocument".encode("utf-16-le")
    with pytest.raises(UnsupportedFormatError, match=r"legacy Word \.doc.*convert it to DOCX"):
        _read(ole)


def test_password_protected_docx_is_an_encrypted_document() -> None:
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedDocumentError):
        _read(ole)


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"%PDF-1.7\n%...", "PDF"), (b"{\\rtf1\\ansi hello}", "RTF"), (b'<?xml version="1.0"?><pkg:package/>', "XML")],
)
def test_other_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=what):
        _read(data)


def test_truncated_zip_is_corrupt() -> None:
    data = make_docx(p(r("正文")))
    with pytest.raises(CorruptDocumentError, match="truncated or damaged"):
        _read(data[: len(data) // 2])


def test_zip_version_the_zip_module_does_not_know_is_corrupt_not_a_traceback() -> None:
    # Found by bench/fuzz.py: zipfile raises NotImplementedError for "zip file version 14.3".
    data = bytearray(make_docx(p(r("正文"))))
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 143  # "version needed to extract" of the first member
    with pytest.raises(CorruptDocumentError):
        docparse.parse(bytes(data))


def test_zip_without_content_types_or_without_document_is_corrupt() -> None:
    no_types = zip_bytes({"_rels/.rels": PACKAGE_RELS, "word/document.xml": document_xml(p(r("x")))})
    with pytest.raises(CorruptDocumentError, match=r"\[Content_Types\]\.xml"):
        _read(no_types)
    no_document = zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS})
    with pytest.raises(CorruptDocumentError, match="no main document part"):
        _read(no_document)
    plain_zip = zip_bytes({"notes.txt": "hello"})
    with pytest.raises(CorruptDocumentError):
        _read(plain_zip)


def test_excel_and_powerpoint_packages_are_named() -> None:
    xlsx_rels = PACKAGE_RELS.replace("word/document.xml", "xl/workbook.xml")
    for rels in (PACKAGE_RELS, xlsx_rels):
        xlsx = zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": rels, "xl/workbook.xml": "<workbook/>"})
        with pytest.raises(UnsupportedFormatError, match=r"this is an Excel workbook \(XLSX\), not a Word document"):
            _read(xlsx)
    pptx = zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "ppt/presentation.xml": "<presentation/>"})
    with pytest.raises(UnsupportedFormatError, match=r"PowerPoint presentation \(PPTX\)"):
        _read(pptx)
    odt = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
    with pytest.raises(UnsupportedFormatError, match="OpenDocument"):
        _read(odt)


@pytest.mark.parametrize("document", ["<w:document><w:body><w:p>", "", "\x00\x01garbage"])
def test_malformed_document_xml_is_corrupt(document: str) -> None:
    with pytest.raises(CorruptDocumentError, match="not well-formed"):
        _read(make_docx("", document=document))


def test_strict_open_xml_is_named() -> None:
    strict = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'
    with pytest.raises(UnsupportedFormatError, match="Strict Open XML"):
        _read(make_docx("", document=strict))


XXE_PROLOG = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def test_external_entities_are_never_resolved_in_any_part() -> None:
    body = p(r("见&amp;"), "<w:r><w:t>&xxe;</w:t></w:r>")
    with pytest.raises(CorruptDocumentError, match="entities") as caught:
        _read(make_docx("", document=document_xml(body, prolog=XXE_PROLOG)))
    assert "root:" not in str(caught.value)
    styles = f'<?xml version="1.0"?>{XXE_PROLOG.replace("w:document", "w:styles")}<w:styles>&xxe;</w:styles>'
    data = make_docx(p(r("正文")), styles="")
    patched = _replace_part(data, "word/styles.xml", styles.encode())
    with pytest.raises(CorruptDocumentError, match="entities"):
        _read(patched)


def test_entities_are_not_expanded_even_past_the_prolog_check() -> None:
    # Defence in depth: the parser itself leaves entity references unresolved.
    xml = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r><t>&xxe;</t></r>'
    root = etree.fromstring(xml, SAFE_PARSER)
    assert b"root:" not in etree.tostring(root)
    with pytest.raises(CorruptDocumentError):
        parse_xml(xml, part="x.xml")


def test_billion_laughs_is_refused() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    prolog = f"<!DOCTYPE w:document [{entities}]>"
    data = make_docx("", document=document_xml(p("<w:r><w:t>&lol9;</w:t></w:r>"), prolog=prolog))
    with pytest.raises(CorruptDocumentError, match="entities"):
        _read(data)


def test_utf16_prolog_with_entities_is_refused() -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    with pytest.raises(CorruptDocumentError):
        check_prolog(b"\xff\xfe" + xml.encode("utf-16-le"), part="x.xml")
    check_prolog(b"\xff\xfe" + "<x>&lt;!DOCTYPE</x>".encode("utf-16-le"), part="x.xml")  # text, not a prolog


def test_deep_nesting_is_refused_by_the_parser_limits() -> None:
    deep = "<w:smartTag>" * 5000 + "<w:r><w:t>x</w:t></w:r>" + "</w:smartTag>" * 5000
    with pytest.raises(CorruptDocumentError):
        _read(make_docx(p(deep)))


def test_zip_bomb_member_ratio_is_refused_before_parsing() -> None:
    bomb = document_xml(p(r("x")) + "<w:p/>" * 2_000_000)  # 12 MB of one repeated element
    data = make_docx("", document=bomb)
    assert len(data) < 200_000
    with pytest.raises(LimitExceededError, match="expands"):
        _read(data)


def test_total_declared_size_over_the_limit_is_refused() -> None:
    data = make_docx(p(r("正文" * 1000)))
    small = ParseOptions(limits=Limits(max_decompressed_bytes=1000))
    with pytest.raises(LimitExceededError, match="expands to"):
        _read(data, small)


def test_bounded_read_stops_past_the_budget_whatever_the_directory_says() -> None:
    data = make_docx(p(r("正文" * 5000)))
    package = Package(data, Limits(max_decompressed_bytes=10**9))
    package._left = 1000  # as if the directory had under-declared the sizes
    with pytest.raises(LimitExceededError, match="decompressed-size limit"):
        package.read("word/document.xml")


def _patch_declared_size(data: bytearray, name: bytes, size: int) -> None:
    """Overwrite the uncompressed size of member `name` in the zip's central directory."""
    offset = data.find(b"PK\x01\x02")
    while offset >= 0:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, offset + 28)
        if data[offset + 46 : offset + 46 + name_length] == name:
            struct.pack_into("<I", data, offset + 24, size)
            return
        offset = data.find(b"PK\x01\x02", offset + 46 + name_length + extra_length + comment_length)
    raise LookupError(name)


def test_lying_uncompressed_size_is_corrupt_not_a_traceback() -> None:
    data = bytearray(make_docx(p(r("正文" * 5000))))
    _patch_declared_size(data, b"word/document.xml", 100)
    with pytest.raises(CorruptDocumentError):
        _read(bytes(data))


def test_too_many_paragraphs_is_refused_when_the_ratio_check_is_relaxed() -> None:
    body = "<w:p/>" * 300
    relaxed = ParseOptions(limits=Limits(max_blocks=200, max_compression_ratio=10**9))
    with pytest.raises(LimitExceededError, match="max_blocks"):
        _read(make_docx(p(r("x")) + body), relaxed)


def test_three_million_empty_paragraphs_fail_fast_with_bounded_memory() -> None:
    # A child process, so that its peak RSS belongs to this case alone; the DOCX (about 30 KB)
    # is written through a streaming zip so building it does not raise the peak either. Parsing
    # the 18 MB document.xml into one tree takes over 300 MB; reading it incrementally, and
    # refusing it, must stay far below that.
    script = textwrap.dedent(
        f"""
        import io, resource, sys, zipfile
        sys.path.insert(0, {ROOT_OF_TESTS!r})
        from tests.read.docx_factory import CONTENT_TYPES, PACKAGE_RELS, document_xml
        from docparse.errors import LimitExceededError
        from docparse.options import Limits, ParseOptions
        from docparse.read.docx import read_docx

        head, tail = document_xml("@@").encode().split(b"@@")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
            archive.writestr("_rels/.rels", PACKAGE_RELS)
            with archive.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head)
                for _ in range(3000):
                    member.write(b"<w:p/>" * 1000)
                member.write(tail)
        data = buffer.getvalue()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for options in (ParseOptions(), ParseOptions(limits=Limits(max_compression_ratio=10**9))):
            try:
                read_docx(data, options=options)
            except LimitExceededError as exc:
                print(exc, file=sys.stderr)
            else:
                raise SystemExit("no LimitExceededError")
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(len(data), (after - before) // 1024)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "expands" in done.stderr and "max_blocks" in done.stderr
    size, grown_mb = map(int, done.stdout.split())
    assert size < 400_000
    assert grown_mb < 60, f"peak memory grew by {grown_mb} MB while refusing the document"


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    parts: dict[str, str | bytes] = {info.filename: source.read(info.filename) for info in source.infolist()}
    parts[name] = content
    return zip_bytes(parts)


def test_helpers_build_what_they_claim() -> None:
    # Keep the fixtures above honest: an ordinary document built the same way reads fine.
    data = make_docx(p(r("正文")), styles="", headers=(p(r("页眉")),))
    reading = read_docx(data, options=OPTIONS)
    assert [b.text for b in reading.blocks] == ["正文"]
    assert part_xml("styles", "").startswith("<?xml")


def test_the_time_budget_is_enforced() -> None:
    hurried = ParseOptions(limits=Limits(max_seconds=1e-9))
    with pytest.raises(LimitExceededError, match="max_seconds"):
        _read(make_docx(p(r("正文")) * 600), hurried)


def test_hostile_cell_spans_are_capped() -> None:
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
    row = f'<w:tr><w:trPr><w:gridBefore w:val="999999999"/></w:trPr>{cell}</w:tr>'
    reading = read_docx(make_docx(f"<w:tbl>{row}</w:tbl>"), options=OPTIONS)
    assert all(len(row) <= 128 for row in reading.blocks[0].rows)
