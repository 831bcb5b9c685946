"""Which composite fonts give text that pdfminer only guesses (`docparse.read.pdf.fonts`)."""

from __future__ import annotations

from typing import Any

import pytest
from pdfminer.psparser import LIT

from docparse.read.pdf.fonts import guesses_text


def type0(
    *, to_unicode: bool = False, encoding: str = "Identity-H", ordering: bytes = b"Identity", **cid: Any
) -> dict[str, Any]:
    font: dict[str, Any] = {
        "Subtype": LIT("CIDFontType2"),
        "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": ordering, "Supplement": 0},
        "FontDescriptor": {"FontName": LIT("ABCDEF+Song"), "FontFile2": object()},
    }
    font.update(cid)
    spec: dict[str, Any] = {"Subtype": LIT("Type0"), "Encoding": LIT(encoding), "DescendantFonts": [font]}
    if to_unicode:
        spec["ToUnicode"] = object()
    return spec


@pytest.mark.parametrize(
    ("spec", "guess"),
    [
        (type0(ordering=b"GB1"), True),  # glyph ids read as Adobe-GB1 CIDs: `估似C位低体何作`
        (type0(ordering=b"GB1", to_unicode=True), False),
        (type0(), False),  # the subset's own cmap, CIDs are glyph ids: right
        (type0(encoding="UniGB-UCS2-H", ordering=b"GB1"), False),  # a real CMap: CIDs are Adobe's
        (type0(Subtype=LIT("CIDFontType0"), ordering=b"GB1"), False),  # CID-keyed CFF: CIDs are Adobe's
        ({"Subtype": LIT("TrueType"), "Encoding": LIT("WinAnsiEncoding")}, False),
    ],
)
def test_a_composite_font_guesses_only_without_a_map_over_glyph_ids(spec: dict[str, Any], guess: bool) -> None:
    assert guesses_text(spec) is guess
