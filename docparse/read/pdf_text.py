"""Read stage, PDF text helpers: character classes (CJK, garbage, stray symbols) and line joins."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docparse.read.pdf_lines import Line

HYPHENS = ("-", "\u00ad", "\u2010")


def is_cjk(ch: str) -> bool:
    """Return True when `ch` starts with Han, kana, hangul or full-width/CJK punctuation (joined without spaces)."""
    if not ch:
        return False
    code = ord(ch[0])
    if code < 0x2E80:
        return False
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, CJK ext A, unified ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul syllables
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= code <= 0xFFEF  # full-width and half-width forms
        or 0x20000 <= code <= 0x3FFFF  # supplementary ideographic planes
    )


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


def joint(prev: Line, line: Line) -> tuple[int, str]:
    """Return how many chars to cut from the end of `prev` and what to put before `line` when joining them.

    A Latin word hyphenated at the line end is rejoined (`environ-` + `ment`); a CJK line end
    joins with nothing; a space the PDF drew at the wrap point is kept; Latin words get a space.
    """
    last = prev.text[-1:]
    first = line.text[:1]
    if last in HYPHENS and len(prev.text) > 1 and prev.text[-2].isalpha() and not is_cjk(prev.text[-2]):
        return (1, "") if first.islower() else (0, "")
    if prev.trailing_space:
        return 0, " "
    if is_cjk(last) or is_cjk(first):
        return 0, ""
    return 0, " "
