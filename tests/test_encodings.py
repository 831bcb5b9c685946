"""The reference call re-encoded and with other line ends gives the identical outline."""

from __future__ import annotations

import codecs

import pytest

import docparse
from docparse.model import Severity

from .conftest import SEED

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "gb18030": lambda text: text.encode("gb18030"),
    "gbk": lambda text: text.encode("gbk"),
}
DETECTED = {
    "utf-8": "utf-8",
    "utf-8-bom": "utf-8-sig",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
    "gb18030": "gb18030",
    "gbk": "gb18030",
}


@pytest.fixture(scope="module")
def reference() -> dict[str, object]:
    return docparse.outline_data(docparse.parse(SEED))


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_same_outline_in_every_encoding(encoding: str, newline: str, reference: dict[str, object]) -> None:
    text = SEED.read_text(encoding="utf-8").replace("\n", newline)
    document = docparse.parse(ENCODINGS[encoding](text))
    assert docparse.outline_data(document) == reference
    assert document.source.encoding == DETECTED[encoding]
    fallback = [d for d in document.diagnostics if d.code == "DP101"]
    assert bool(fallback) == (DETECTED[encoding] == "gb18030")
    assert all(d.severity is not Severity.ERROR for d in document.diagnostics)


def test_invalid_utf8_with_replacement_is_reported() -> None:
    data = SEED.read_bytes() + "\n\n尾注\ufffd\n".encode()
    document = docparse.parse(data)
    assert "DP102" in [d.code for d in document.diagnostics]


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(docparse.DecodingError):
        docparse.parse(b"1. \x00\x00 abc\x00\xff\xfe")
