"""Decode text input: BOM, then strict UTF-8, then strict GB18030, then charset-normalizer."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from docparse.errors import DecodingError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters other than tab, newline, carriage return and form feed. Text with more
# than this share of them (or any NUL) is binary data, not a call saved as text.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"} | {"\x7f"}
MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    fallback: bool
    """True when neither a BOM nor strict UTF-8 decided the encoding."""


def decode(data: bytes, *, path: str | None = None) -> Decoded:
    """Return `data` decoded as text; raise DecodingError for binary data or undecodable bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.replace("-sig", ""), errors="strict")
            except UnicodeDecodeError as exc:
                raise DecodingError(f"invalid {encoding} after its byte-order mark", path=path, cause=exc) from exc
            return check_text(Decoded(text, encoding, False), path)
    try:
        return check_text(Decoded(data.decode("utf-8"), "utf-8", False), path)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise DecodingError("binary data, not text (NUL bytes and no byte-order mark)", path=path)
    try:
        return check_text(Decoded(data.decode("gb18030"), "gb18030", True), path)
    except UnicodeDecodeError:
        pass
    return check_text(_charset_normalizer(data, path), path)


def _charset_normalizer(data: bytes, path: str | None) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodingError("not text: no encoding decodes these bytes", path=path)
    return Decoded(str(best), best.encoding, True)


def check_text(decoded: Decoded, path: str | None) -> Decoded:
    """Return `decoded`; raise DecodingError when it holds NUL or too many control characters."""
    text = decoded.text
    if "\x00" in text:
        raise DecodingError("binary data, not text (NUL characters)", path=path)
    sample = text[:100_000]
    if sample:
        controls = sum(1 for ch in sample if ch in _CONTROL)
        if controls / len(sample) > MAX_CONTROL_SHARE:
            raise DecodingError("binary data, not text (control characters)", path=path)
    return decoded
