"""Reading stage, DOCX styles: ``styles.xml`` → each style's properties, resolved along its chain.

`Styles` resolves the style chain (``w:basedOn``) into the properties the reader needs
(numbering, outline level, bold, size, hidden, page break, a built-in heading or TOC style);
the nearest definition wins. Styles are parsed when first asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, TypeVar

from lxml import etree

from docparse.read.docx.ooxml import W_VAL, W, int_val, on_off
from docparse.read.xmlsafe import parse_xml

_T = TypeVar("_T")

# Style chains deeper than this are broken (or hostile); Word itself stops far earlier.
MAX_CHAIN: Final = 32
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$")


def run_properties(rpr: etree._Element | None) -> tuple[bool | None, float | None, bool | None]:
    """Return (bold, size in points, hidden) set directly in the run properties `rpr`."""
    if rpr is None:
        return None, None, None
    half_points = int_val(rpr.find(f"{W}sz"))
    size = half_points / 2 if half_points is not None and half_points > 0 else None
    return on_off(rpr.find(f"{W}b")), size, on_off(rpr.find(f"{W}vanish"))


@dataclass(frozen=True, slots=True)
class Style:
    """One ``w:style`` with only the properties the reader uses (None = not set here)."""

    style_id: str
    kind: str
    name: str
    based_on: str | None = None
    num_id: int | None = None
    ilvl: int | None = None
    outline_level: int | None = None
    bold: bool | None = None
    size: float | None = None
    hidden: bool | None = None
    page_break_before: bool | None = None


@dataclass(frozen=True, slots=True)
class ResolvedStyle:
    """A style's properties after walking its ``w:basedOn`` chain (nearest definition wins)."""

    chain: tuple[str, ...] = ()
    num_id: int | None = None
    ilvl: int | None = None
    outline_level: int | None = None
    heading_level: int | None = None
    """Level from a built-in heading style *name* (``heading 2`` → 2), for chains without outline level."""
    bold: bool | None = None
    size: float | None = None
    hidden: bool | None = None
    page_break_before: bool | None = None
    is_toc: bool = False
    """The style is a table-of-contents entry style (``toc 1`` …)."""


def _parse_style(element: etree._Element) -> Style | None:
    style_id = element.get(f"{W}styleId")
    if style_id is None:
        return None
    name_element = element.find(f"{W}name")
    name = (name_element.get(W_VAL) or "") if name_element is not None else ""
    based = element.find(f"{W}basedOn")
    ppr = element.find(f"{W}pPr")
    num_id = ilvl = outline = None
    page_break = None
    if ppr is not None:
        num_pr = ppr.find(f"{W}numPr")
        if num_pr is not None:
            num_id = int_val(num_pr.find(f"{W}numId"))
            ilvl = int_val(num_pr.find(f"{W}ilvl"))
        outline = int_val(ppr.find(f"{W}outlineLvl"))
        page_break = on_off(ppr.find(f"{W}pageBreakBefore"))
    bold, size, hidden = run_properties(element.find(f"{W}rPr"))
    return Style(
        style_id=style_id,
        kind=element.get(f"{W}type") or "paragraph",
        name=" ".join(name.split()).lower(),
        based_on=based.get(W_VAL) if based is not None else None,
        num_id=num_id,
        ilvl=ilvl,
        outline_level=outline,
        bold=bold,
        size=size,
        hidden=hidden,
        page_break_before=page_break,
    )


class Styles:
    """The style table of a document, with cached resolution of style chains.

    Styles are parsed when first asked for: a template's styles.xml defines hundreds of styles
    and a document uses a handful.
    """

    def __init__(
        self,
        styles: dict[str, Style] | None = None,
        *,
        default_paragraph: str | None = None,
        default_bold: bool = False,
        default_size: float | None = None,
        elements: dict[str, etree._Element] | None = None,
    ) -> None:
        self.styles = styles or {}
        self.default_paragraph = default_paragraph
        self.default_bold = default_bold
        self.default_size = default_size
        self._elements = elements or {}
        self._resolved: dict[str | None, ResolvedStyle] = {}

    @classmethod
    def from_element(cls, root: etree._Element | None) -> Styles:
        """Return the styles of the ``w:styles`` element `root` (None: an empty table)."""
        if root is None:
            return cls()
        elements: dict[str, etree._Element] = {}
        default_paragraph = None
        for element in root.iterchildren(f"{W}style"):
            style_id = element.get(f"{W}styleId")
            if style_id is None or style_id in elements:
                continue
            elements[style_id] = element
            is_default = element.get(f"{W}default") in ("1", "true", "on")
            if is_default and default_paragraph is None and element.get(f"{W}type") in (None, "paragraph"):
                default_paragraph = style_id
        bold, size, _hidden = run_properties(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
        return cls(default_paragraph=default_paragraph, default_bold=bool(bold), default_size=size, elements=elements)

    @classmethod
    def from_xml(cls, data: bytes | None, *, path: str | None = None) -> Styles:
        """Return the styles of the ``styles.xml`` bytes `data` (None: an empty table)."""
        return cls.from_element(None if data is None else parse_xml(data, part="styles.xml", path=path))

    def get(self, style_id: str | None) -> Style | None:
        """Return the style called `style_id`, if defined."""
        if style_id is None:
            return None
        style = self.styles.get(style_id)
        if style is None and style_id in self._elements:
            style = _parse_style(self._elements.pop(style_id))
            if style is not None:
                self.styles[style_id] = style
        return style

    def resolve(self, style_id: str | None) -> ResolvedStyle:
        """Return the properties of `style_id` merged along its ``w:basedOn`` chain (cached)."""
        cached = self._resolved.get(style_id)
        if cached is not None:
            return cached
        chain: list[Style] = []
        seen: set[str] = set()
        current = style_id
        while current is not None and current not in seen and len(chain) < MAX_CHAIN:
            seen.add(current)
            style = self.get(current)
            if style is None:
                break
            chain.append(style)
            current = style.based_on
        heading_level = None
        for style in chain:
            match = _HEADING_NAME.match(style.name)
            if match:
                heading_level = int(match.group(1))
                break
        resolved = ResolvedStyle(
            chain=tuple(style.style_id for style in chain),
            num_id=_first(style.num_id for style in chain),
            ilvl=_first(style.ilvl for style in chain),
            outline_level=_first(style.outline_level for style in chain),
            heading_level=heading_level,
            bold=_first(style.bold for style in chain),
            size=_first(style.size for style in chain),
            hidden=_first(style.hidden for style in chain),
            page_break_before=_first(style.page_break_before for style in chain),
            is_toc=bool(chain) and chain[0].name.startswith("toc "),
        )
        self._resolved[style_id] = resolved
        return resolved


def _first(values: Iterable[_T | None]) -> _T | None:
    for value in values:
        if value is not None:
            return value
    return None
