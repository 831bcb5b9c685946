"""Read stage, PDF fonts: which of the document's fonts give text that is only a guess.

A composite font (Type0) with an Identity encoding and no ToUnicode map names its glyphs by
glyph id alone. pdfminer then guesses the text: through the embedded TrueType font's own cmap
(which it applies to CIDs, right only when CIDs are glyph ids: no `CIDToGIDMap` stream), or
through the Adobe character collection the font claims (`Adobe-GB1`), which glyph ids of a
TrueType font are not. Either guess yields real characters, often Chinese ones, in the wrong
places: "confident garbage" (`估似C位低体何作…`) that no character test can tell from text.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral
from pdfplumber.pdf import PDF

IDENTITY = ("Identity-H", "Identity-V")
TRUSTED_ORDERINGS = ("Identity", "UCS")
"""Orderings under which pdfminer reads a TrueType font's glyph ids through its own cmap."""


def font_label(value: object) -> str:
    """Return a font name as text (pdfminer sometimes gives a PSLiteral or bytes)."""
    if isinstance(value, PSLiteral):
        value = value.name
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def _name(value: object) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        return str(value.name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def guesses_text(spec: object) -> bool:
    """Return True for a font dictionary whose glyphs pdfminer can map to Unicode only by guessing.

    Type0 + Identity-H/V + no ToUnicode, over a TrueType CID font (CIDs are glyph ids) read
    either through a character collection or through a cmap that a CIDToGIDMap stream reorders.
    """
    spec = resolve1(spec)
    if not isinstance(spec, dict) or _name(spec.get("Subtype")) != "Type0" or "ToUnicode" in spec:
        return False
    if _name(spec.get("Encoding")) not in IDENTITY:
        return False
    descendants = resolve1(spec.get("DescendantFonts"))
    if not isinstance(descendants, list) or not descendants:
        return False
    cid_font = resolve1(descendants[0])
    if not isinstance(cid_font, dict) or _name(cid_font.get("Subtype")) != "CIDFontType2":
        return False
    info = resolve1(cid_font.get("CIDSystemInfo"))
    ordering = _name(info.get("Ordering", "")) if isinstance(info, dict) else ""
    if ordering not in TRUSTED_ORDERINGS:
        return True  # glyph ids read as CIDs of a character collection
    descriptor = resolve1(cid_font.get("FontDescriptor"))
    has_file = isinstance(descriptor, dict) and "FontFile2" in descriptor
    return has_file and isinstance(resolve1(cid_font.get("CIDToGIDMap")), PDFStream)


class GuessingFonts:
    """The fonts read so far whose text is a guess, judged once each as pages bring them in."""

    def __init__(self) -> None:
        self._judged: dict[Any, tuple[str, bool]] = {}

    def names(self, pdf: PDF) -> frozenset[str]:
        """Return the names (as chars carry them) of the fonts read so far whose text is a guess."""
        # pdfminer's resource manager keeps every font it built, by object id; a font dictionary
        # is an indirect object in every PDF writer we know (a direct one is not cached, nor judged).
        cached: dict[Any, Any] = getattr(pdf.rsrcmgr, "_cached_fonts", {})
        for objid, font in list(cached.items()):
            if objid in self._judged:
                continue
            try:
                guess = guesses_text(pdf.doc.getobj(objid))
            except Exception:  # a font object that cannot be read again gave no text either
                guess = False
            self._judged[objid] = (font_label(getattr(font, "fontname", "")), guess)
        guessing = {name for name, guess in self._judged.values() if guess}
        mapped = {name for name, guess in self._judged.values() if not guess}
        # Chars name their font only: a name that a mapped font shares is given the benefit of the doubt.
        return frozenset(guessing - mapped)
