"""Character classes, defined once: CJK text (joined without spaces) and Chinese script.

Every stage that asks "is this CJK?" asks here: the PDF reader (per glyph, so `is_cjk` is a
range test, not a regex), normalize (no space at a join next to CJK), the segmenter and the
outline stage (a Chinese title is short in characters, an English one in words).
"""

from __future__ import annotations

import unicodedata

from docparse.vocab.lazy import lazy

# Han, kana, hangul, CJK symbols and punctuation, full-width forms: text set without spaces.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x9FFF),  # radicals, CJK symbols and punctuation, kana, bopomofo, ext A, unified ideographs
    (0xAC00, 0xD7AF),  # hangul syllables
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width and half-width forms
    (0x20000, 0x3FFFF),  # supplementary ideographic planes
)

CJK_FIRST = CJK_RANGES[0][0]
"""No code point below this one is CJK: a cheap test before `is_cjk` in a loop over glyphs."""

CJK_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in CJK_RANGES)
"""The ranges as the inside of a regex character class: ``[{CJK_CLASS}]``."""

CJK = lazy(f"[{CJK_CLASS}]")
# CJK text, and the curly quotes and ellipsis that Chinese text sets without spaces: no space
# on either side of a line join next to one.
SET_SOLID = lazy(f"[{CJK_CLASS}\u2018-\u201f\u2026]")
HAN = lazy(r"\p{Han}")
"""Chinese characters: a text holding one is measured as Chinese (titles, labels)."""


def is_cjk(ch: str) -> bool:
    """Return True when `ch` starts with a CJK character or CJK/full-width punctuation."""
    if not ch:
        return False
    code = ord(ch[0])
    if code < CJK_FIRST:
        return False
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)


def has_han(text: str) -> bool:
    """Return True when `text` holds a Chinese character."""
    # An ASCII text (most paragraphs of an English call) needs no search: `isascii` reads a flag
    # the string keeps. The search itself is quicker than any scan in Python: `max(text)`, the
    # rejection used before, took 1.5-3 µs on a 50-100 character line, the search 0.3-1 µs.
    if text.isascii():
        return False
    return HAN.search(text) is not None


SURROGATE = lazy("[\ud800-\udfff]")
"""A UTF-16 surrogate code point: a `str` may hold one, UTF-8 cannot encode it."""


def without_surrogates(text: str) -> str:
    """Return `text` with surrogate pairs combined and lone surrogates replaced by U+FFFD."""
    if SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


NO_LINE_START = "，。、；：！？）」』”’》〉】,.;:!?)"
"""Punctuation a line never starts with (kinsoku): CJK typesetting carries the character before
it over to the next line instead, so `考：https://…` travels as one unit."""

NO_LINE_END = "（「『“‘《〈【(["
"""Opening brackets and quotes a line never ends with: they travel to the next line with what follows."""

KANGXI_RADICALS = (0x2F00, 0x2FD5)
"""The Kangxi radicals block. Some fonts' ToUnicode maps (Chrome's and macOS's PDF output of PingFang or Source
Han, web prints) name common ideographs (一, 人, 用, 入…) by their radical's code point: the page prints 一、背景介绍,
the text layer says ⼀、背景介绍, and neither a numbering family nor a search finds it. Each radical's compatibility
decomposition is the unified ideograph the page shows."""


def fold_radicals(text: str) -> str:
    """Return `text` with each Kangxi radical replaced by the unified ideograph it decomposes to (一 for ⼀)."""
    first, last = KANGXI_RADICALS
    if not any(first <= ord(ch) <= last for ch in text):
        return text
    return "".join(unicodedata.normalize("NFKC", ch) if first <= ord(ch) <= last else ch for ch in text)
