"""Reading stage, DOCX: the WordprocessingML vocabulary, defined once (as python-docx's ``oxml/ns.py``).

The namespaces, the Clark-notation tag names (``{namespace}local``) the reader, the styles and
the numbering look for, and the parsing of on/off and integer ``w:val`` properties.
"""

from __future__ import annotations

from typing import Final

from lxml import etree

W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_ID: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
M: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
V_TEXTPATH: Final = "{urn:schemas-microsoft-com:vml}textpath"
REL: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
STRICT_NAMESPACE: Final = b"purl.oclc.org/ooxml/wordprocessingml/main"
EXTENDED_PROPERTIES: Final = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

W_BODY, W_P, W_TBL, W_SDT, W_SDTCONTENT = f"{W}body", f"{W}p", f"{W}tbl", f"{W}sdt", f"{W}sdtContent"
W_CUSTOMXML, W_SECTPR, W_PPR, W_RPR, W_R = f"{W}customXml", f"{W}sectPr", f"{W}pPr", f"{W}rPr", f"{W}r"
W_T, W_TAB, W_PTAB, W_BR, W_CR = f"{W}t", f"{W}tab", f"{W}ptab", f"{W}br", f"{W}cr"
W_SYM, W_FLDCHAR, W_INSTRTEXT, W_FLDSIMPLE = f"{W}sym", f"{W}fldChar", f"{W}instrText", f"{W}fldSimple"
W_HYPERLINK, W_DRAWING, W_PICT, W_OBJECT = f"{W}hyperlink", f"{W}drawing", f"{W}pict", f"{W}object"
W_TXBXCONTENT, W_RUBY, W_RUBYBASE = f"{W}txbxContent", f"{W}ruby", f"{W}rubyBase"
W_TR, W_TC, W_TRPR, W_TCPR, W_DEL = f"{W}tr", f"{W}tc", f"{W}trPr", f"{W}tcPr", f"{W}del"
W_GRIDSPAN, W_VMERGE, W_GRIDBEFORE = f"{W}gridSpan", f"{W}vMerge", f"{W}gridBefore"
W_FOOTNOTEREF, W_ENDNOTEREF = f"{W}footnoteReference", f"{W}endnoteReference"
W_NOBREAKHYPHEN, W_SOFTHYPHEN = f"{W}noBreakHyphen", f"{W}softHyphen"
W_PSTYLE, W_OUTLINELVL, W_PAGEBREAKBEFORE = f"{W}pStyle", f"{W}outlineLvl", f"{W}pageBreakBefore"
W_NUMPR, W_B, W_SZ, W_VANISH = f"{W}numPr", f"{W}b", f"{W}sz", f"{W}vanish"
W_RSTYLE, W_TYPE, W_ID = f"{W}rStyle", f"{W}type", f"{W}id"
W_ALTCHUNK, W_COMMENT, W_COMMENTREF = f"{W}altChunk", f"{W}comment", f"{W}commentReference"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = f"{MC}AlternateContent", f"{MC}Choice", f"{MC}Fallback"
M_OMATH, M_OMATHPARA, M_T = f"{M}oMath", f"{M}oMathPara", f"{M}t"
W_VAL, W_NUMID, W_ILVL = f"{W}val", f"{W}numId", f"{W}ilvl"

# The values that switch an on/off property (``<w:b w:val="0"/>``) off; any other value, or none, is on.
_FALSE_VALUES: Final = frozenset({"0", "false", "off", "none"})


def on_off(element: etree._Element | None) -> bool | None:
    """Return the value of an OOXML on/off property element (``<w:b/>``, ``<w:b w:val="0"/>``)."""
    if element is None:
        return None
    value = element.get(W_VAL)
    return value is None or value.lower() not in _FALSE_VALUES


def int_val(element: etree._Element | None) -> int | None:
    """Return the integer ``w:val`` of `element`, or None when absent or not an integer."""
    if element is None:
        return None
    return int_attr(element.get(W_VAL))


MAX_INT_CHARS: Final = 16
"""A 32-bit integer with its sign, leading zeros and spaces to spare."""


def int_attr(value: str | None) -> int | None:
    """Return the integer `value`, or None when absent, not an integer or outside Word's 32 bits.

    A 400-digit `w:sz` is a valid Python int whose half-points overflow a float (OverflowError).
    """
    if value is None or len(value) > MAX_INT_CHARS:
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    return number if -(2**31) <= number < 2**31 else None
