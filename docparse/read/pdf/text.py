"""Read stage, PDF text helpers: character classes (garbage, stray symbols, controls, hyphens, ligatures).

A glyph's text is what the font's ToUnicode map says, and that may be several characters (a
ligature glyph maps to `fi`, `ffi`) or characters that are not text at all (NUL, other C0 and
C1 controls, bidi embeddings and overrides from a bad map). Every helper here takes a glyph's
whole text, of any length.
"""

from __future__ import annotations

import unicodedata

HYPHENS = ("-", "\u00ad", "\u2010")

BIDI_CONTROLS = frozenset(chr(code) for code in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)))
"""Bidi marks, embeddings, overrides and isolates: invisible, and they reorder whatever text shows them."""
LIGATURES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
"""Latin ligatures (`ﬁ`, `ﬃ`, `ﬆ`...) and their letters: a word is searched and read by its letters."""


def is_control(ch: str) -> bool:
    """Return True for one character that is no text: a C0 or C1 control, DEL, or a bidi control.

    Tab, line feed and carriage return are white space, not controls: they separate words.
    """
    code = ord(ch)
    return (code < 0x20 and ch not in "\t\n\r") or 0x7F <= code <= 0x9F or ch in BIDI_CONTROLS


def clean_glyph(text: str) -> tuple[str, str]:
    """Return a glyph's text without controls and with ligatures as letters, and the controls taken out."""
    kept: list[str] = []
    dropped: list[str] = []
    for ch in text:
        if is_control(ch):
            dropped.append(ch)
        else:
            kept.append(LIGATURES.get(ch, ch))
    return "".join(kept), "".join(dropped)


def is_garbage(text: str) -> bool:
    """Return True for a glyph that did not map to real Unicode: ``(cid:N)``, private use, U+FFFD."""
    if len(text) == 1 and 0x20 <= ord(text) < 0xE000:
        return False
    if text.startswith("(cid:"):
        return True
    for ch in text:
        code = ord(ch)
        if 0xE000 <= code <= 0xF8FF or code >= 0xF0000 or code == 0xFFFD:
            return True
    return False


def is_stray(text: str) -> bool:
    """Return True when a glyph's text holds a C1 control, a Latin-1 symbol or a typographic mark.

    Plain text rarely piles these up; glyph ids read through a Western encoding (a CJK font
    without a ToUnicode map) do.
    """
    for ch in text:
        code = ord(ch)
        if 0x80 <= code <= 0xBF or 0x2020 <= code <= 0x2030 or code in (0x0192, 0x02C6, 0x02DC, 0x0152, 0x0160, 0x017D):
            return True
    return False
