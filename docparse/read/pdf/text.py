"""Read stage, PDF text helpers: character classes (garbage, stray symbols, hyphens)."""

from __future__ import annotations

HYPHENS = ("-", "\u00ad", "\u2010")


def is_garbage(text: str) -> bool:
    """Return True for a glyph that did not map to real Unicode: ``(cid:N)``, private use, U+FFFD, controls."""
    if len(text) == 1 and 0x20 <= ord(text) < 0xE000:
        return False
    if text.startswith("(cid:"):
        return True
    for ch in text:
        code = ord(ch)
        if 0xE000 <= code <= 0xF8FF or code >= 0xF0000 or code == 0xFFFD or (code < 0x20 and ch not in "\t\n"):
            return True
    return False


def is_stray(ch: str) -> bool:
    """Return True for C1 controls, Latin-1 symbols and typographic marks that plain text rarely piles up."""
    code = ord(ch)
    return 0x80 <= code <= 0xBF or 0x2020 <= code <= 0x2030 or code in (0x0192, 0x02C6, 0x02DC, 0x0152, 0x0160, 0x017D)
