"""The public Python API: a small explicit `__all__`, typed errors, py.typed."""

from __future__ import annotations

from pathlib import Path

import pytest

import docparse

from .conftest import ROOT


def test_public_names_are_explicit() -> None:
    assert sorted(docparse.__all__) == sorted(
        [
            "CorruptDocumentError",
            "DecodingError",
            "Diagnostic",
            "Direction",
            "DocparseError",
            "Document",
            "EmptyDocumentError",
            "EncryptedDocumentError",
            "LimitExceededError",
            "Limits",
            "NoTextLayerError",
            "ParseOptions",
            "Section",
            "Severity",
            "StrictModeError",
            "Topic",
            "Track",
            "UnsupportedFormatError",
            "__version__",
            "load",
            "outline_data",
            "parse",
            "parse_text",
            "to_json",
            "to_markdown",
            "to_yaml",
        ]
    )
    for name in docparse.__all__:
        assert hasattr(docparse, name), name


def test_package_is_typed() -> None:
    assert (ROOT / "docparse" / "py.typed").exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", docparse.EmptyDocumentError),
        (b"\n\n   \n", docparse.EmptyDocumentError),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, docparse.UnsupportedFormatError),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, docparse.UnsupportedFormatError),
        (bytes(range(256)) * 8, docparse.DecodingError),
    ],
    ids=["empty", "blank", "ole", "png", "binary"],
)
def test_bad_input_raises_a_typed_error(data: bytes, error: type[docparse.DocparseError]) -> None:
    with pytest.raises(error):
        docparse.parse(data)


def test_missing_file_is_a_docparse_error(tmp_path: Path) -> None:
    with pytest.raises(docparse.DocparseError, match="cannot read"):
        docparse.parse(tmp_path / "absent.txt")


def test_document_is_frozen() -> None:
    document = docparse.parse_text("1. 节\n\n1.1 题\n")
    with pytest.raises(Exception, match="frozen"):
        document.title = "x"  # type: ignore[misc]


def test_limits_are_enforced() -> None:
    options = docparse.ParseOptions(limits=docparse.Limits(max_input_bytes=10))
    with pytest.raises(docparse.LimitExceededError):
        docparse.parse(b"1. a long enough call", options=options)
    options = docparse.ParseOptions(limits=docparse.Limits(max_blocks=3))
    with pytest.raises(docparse.LimitExceededError):
        docparse.parse(b"a\n\nb\n\nc\n\nd\n\ne\n", options=options)


def test_a_huge_single_line_is_refused_quickly() -> None:
    options = docparse.ParseOptions(limits=docparse.Limits(max_line_chars=1000))
    with pytest.raises(docparse.LimitExceededError, match="max_line_chars"):
        docparse.parse(("研究" * 600).encode("utf-8"), options=options)


def test_diagnostics_come_in_document_order() -> None:
    text = "1. 部分\n\n1.1 主题\n\n建议研究方向：\n\n1) 甲。\n3) 乙。\n\n一段游离文字。\n\n1.3 空主题\n"
    document = docparse.parse_text(text)
    lines = [d.provenance.line_start or 0 for d in document.diagnostics]
    assert len(lines) >= 3
    assert lines == sorted(lines)
