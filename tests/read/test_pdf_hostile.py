"""Bad and hostile PDFs: each gives its typed error (or reads, where it should), never a traceback."""

from __future__ import annotations

import io

import pikepdf
import pytest

from docparse.errors import (
    CorruptDocumentError,
    DocparseError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
)
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

from ..conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
PASSWORD = "secret"

ERRORS: dict[str, type[DocparseError]] = {
    "pdf-encrypted-rc4.pdf": EncryptedDocumentError,
    "pdf-encrypted-aes256.pdf": EncryptedDocumentError,
    "pdf-truncated.pdf": CorruptDocumentError,
    "pdf-broken-xref.pdf": CorruptDocumentError,
    "pdf-empty.pdf": CorruptDocumentError,
    "pdf-random-bytes.pdf": CorruptDocumentError,
    "pdf-docx-renamed.pdf": CorruptDocumentError,
    "pdf-scanned.pdf": NoTextLayerError,
    "pdf-no-tounicode.pdf": NoTextLayerError,
    "pdf-cjk-subset-no-tounicode.pdf": NoTextLayerError,
    "pdf-identity-guessed.pdf": NoTextLayerError,
}


def read(name: str, password: str | None = None) -> object:
    """Read with OCR off: these tests are about the text layer (tests/read/test_pdf_ocr.py reads them with OCR)."""
    data = (HOSTILE / name).read_bytes()
    return read_pdf(data, options=ParseOptions(password=password, ocr="never"), name=name)


@pytest.mark.parametrize(("name", "error"), sorted(ERRORS.items()))
def test_hostile_pdf_raises_its_typed_error(name: str, error: type[DocparseError]) -> None:
    with pytest.raises(error) as caught:
        read(name)
    assert type(caught.value) is error
    assert caught.value.path == name


@pytest.mark.parametrize("name", ["pdf-encrypted-rc4.pdf", "pdf-encrypted-aes256.pdf"])
def test_encrypted_pdf_names_the_password_option_and_opens_with_the_password(name: str) -> None:
    with pytest.raises(EncryptedDocumentError, match="--password"):
        read(name)
    with pytest.raises(EncryptedDocumentError, match="wrong"):
        read(name, password="not-it")
    reading = read_pdf((HOSTILE / name).read_bytes(), options=ParseOptions(password=PASSWORD))
    assert reading.blocks[0].text == "1.1 机器学习基础理论"


def test_owner_password_only_opens_normally() -> None:
    reading = read_pdf((HOSTILE / "pdf-owner-password-only.pdf").read_bytes(), options=ParseOptions())
    assert [block.text for block in reading.blocks][:2] == [
        "1.1 机器学习基础理论",
        "本项目期望通过对机器学习基础理论层面的研究，来指导解决当前研发和应用上的挑战性问题。",
    ]


@pytest.mark.parametrize("name", ["pdf-truncated.pdf", "pdf-random-bytes.pdf", "pdf-docx-renamed.pdf", "pdf-empty.pdf"])
def test_corrupt_message_says_corrupt_or_not_a_pdf(name: str) -> None:
    with pytest.raises(CorruptDocumentError, match="corrupt or not a PDF"):
        read(name)


def test_scanned_pdf_says_there_is_no_extractable_text() -> None:
    with pytest.raises(NoTextLayerError, match="no extractable text"):
        read("pdf-scanned.pdf")


def test_partly_garbled_pdf_reads_with_a_dp103_for_the_garbled_page() -> None:
    reading = read_pdf((HOSTILE / "pdf-partly-garbled.pdf").read_bytes(), options=ParseOptions(ocr="never"))
    garbled = [d for d in reading.diagnostics if d.code == "DP103"]
    assert [d.provenance.pages for d in garbled] == [(2,)]
    assert "page 1" in reading.blocks[0].text and "\ufffd" not in reading.blocks[0].text
    assert any("page 3" in block.text for block in reading.blocks)
    assert not any("(cid:" in block.text for block in reading.blocks)


def test_text_drawn_twice_reads_once() -> None:
    reading = read_pdf((HOSTILE / "pdf-drawn-twice.pdf").read_bytes(), options=ParseOptions())
    assert reading.blocks[0].text == "1.1 机器学习基础理论"
    assert "深深" not in "".join(block.text for block in reading.blocks)


def test_blank_pdf_is_empty() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    buf = io.BytesIO()
    pdf.save(buf)
    with pytest.raises(EmptyDocumentError):
        read_pdf(buf.getvalue(), options=ParseOptions())


def test_broken_page_content_is_a_corrupt_error_not_a_traceback() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    # A content stream whose Flate data is not Flate data: pdfminer fails while reading the page.
    pdf.pages[0].Contents = pdf.make_stream(b"not zlib at all")
    pdf.pages[0].Contents.Filter = pikepdf.Name.FlateDecode
    buf = io.BytesIO()
    pdf.save(buf, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    try:
        reading = read_pdf(buf.getvalue(), options=ParseOptions())
    except DocparseError as exc:  # corrupt (or, if pdfminer shrugs the stream off, empty)
        assert isinstance(exc, CorruptDocumentError | EmptyDocumentError)
    else:
        pytest.fail(f"read a page of garbage: {reading.blocks}")


def test_a_page_whose_text_pdfminer_only_guesses_gets_a_dp103_and_no_guessed_text() -> None:
    # Page 2 is in an Identity-H font without ToUnicode: pdfminer reads real Chinese characters
    # in the wrong places there; they must not pass for the page's text.
    reading = read_pdf((HOSTILE / "pdf-partly-guessed.pdf").read_bytes(), options=ParseOptions(ocr="never"))
    garbled = [d for d in reading.diagnostics if d.code == "DP103"]
    assert [d.provenance.pages for d in garbled] == [(2,)]
    assert reading.blocks[0].text == "1.1 机器学习基础理论"
    page_2 = [block for block in reading.blocks if block.provenance.pages == (2,)]
    assert page_2 and all(set(block.text) <= {"\ufffd", " "} for block in page_2)
    page_3 = [block.text for block in reading.blocks if block.provenance.pages == (3,)]
    assert page_3[0] == "1.1 机器学习基础理论"


@pytest.mark.parametrize("corner", [1e30, 1e6])
def test_a_page_with_an_absurd_mediabox_keeps_every_letter(corner: float) -> None:
    # pdfminer moves each glyph by the MediaBox corner: at 1e30 a float keeps none of a line's digits.
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    lines = ["The quick brown fox jumps over the lazy dog now.", "Second line of text is here."]
    ops = "\n".join(f"BT /F1 12 Tf 72 {720 - 20 * i} Td ({line}) Tj ET" for i, line in enumerate(lines))
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[-corner, -corner, corner, corner],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=pdf.make_stream(ops.encode("ascii")),
    )
    pdf.pages.append(pikepdf.Page(page))
    buf = io.BytesIO()
    pdf.save(buf, static_id=True)
    reading = read_pdf(buf.getvalue(), options=ParseOptions())
    assert [block.text for block in reading.blocks] == lines


def test_a_page_whose_text_pdfminer_only_guesses_is_read_by_ocr() -> None:
    # The same file with OCR on (the default, `auto`): page 2 is read from its image instead.
    reading = read_pdf((HOSTILE / "pdf-partly-guessed.pdf").read_bytes(), options=ParseOptions())
    assert [(d.code, d.provenance.pages) for d in reading.diagnostics if d.code in ("DP103", "DP107")] == [
        ("DP107", (2,))
    ]
    by_page = {page: [b.text for b in reading.blocks if b.provenance.pages == (page,)] for page in (1, 2, 3)}
    assert by_page[2] and "\ufffd" not in "".join(by_page[2])
    assert by_page[2][0] == by_page[1][0] == "本项目期望对深度学习框架技术进行系统、深入和前瞻的研究。"
