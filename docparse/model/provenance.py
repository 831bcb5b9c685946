"""Where a node came from in its source: lines (text), paragraphs (DOCX), pages and boxes (PDF)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from docparse.model.base import Model


class BBox(Model):
    """A rectangle on a page, origin at the top-left corner (pdfplumber's frame): in points on a PDF page,
    in pixels on a frame of an image (`source.format` ``image``)."""

    x0: float = Field(description="Left edge, points from the left of the page.")
    top: float = Field(description="Top edge, points from the top of the page.")
    x1: float = Field(description="Right edge, points from the left of the page.")
    bottom: float = Field(description="Bottom edge, points from the top of the page.")

    def union(self, other: BBox) -> BBox:
        """Return the smallest box holding this box and `other`."""
        return BBox(
            x0=min(self.x0, other.x0),
            top=min(self.top, other.top),
            x1=max(self.x1, other.x1),
            bottom=max(self.bottom, other.bottom),
        )


class PageRegion(Model):
    """A box on one page."""

    page: int = Field(ge=1, description="Page number, 1-based.")
    bbox: BBox = Field(description="The box on that page.")


class Provenance(Model):
    """The source position of a node; only the fields that apply to the format are set."""

    line_start: int | None = Field(default=None, ge=1, description="First source line, 1-based (text formats).")
    line_end: int | None = Field(default=None, ge=1, description="Last source line, inclusive (text formats).")
    paragraph_start: int | None = Field(
        default=None, ge=0, description="Index of the first body paragraph or table, 0-based (DOCX)."
    )
    paragraph_end: int | None = Field(
        default=None, ge=0, description="Index of the last body paragraph, inclusive (DOCX)."
    )
    regions: tuple[PageRegion, ...] = Field(
        default=(), description="Boxes the node covers, one per page it touches (PDF)."
    )

    @model_serializer(mode="wrap")
    def _compact(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Only the fields that apply to the format are written: a text node has lines, a PDF
        # node regions. Absent fields read back as their defaults.
        data: dict[str, Any] = handler(self)
        return {key: value for key, value in data.items() if value is not None and value != [] and value != ()}

    @property
    def is_empty(self) -> bool:
        return self.line_start is None and self.paragraph_start is None and not self.regions

    @property
    def pages(self) -> tuple[int, ...]:
        """Return the page numbers the node touches, in order."""
        return tuple(dict.fromkeys(r.page for r in self.regions))

    def adjoins(self, other: Provenance) -> bool:
        """Return whether `other` can start right after this position: the next line or paragraph.

        Pages carry no line numbers: there a block on the same page or the next one adjoins (a
        two-line title that a page break parts, called on consecutive blocks).
        """
        if self.line_end is not None and other.line_start is not None:
            return other.line_start - self.line_end <= 2
        if self.paragraph_end is not None and other.paragraph_start is not None:
            return other.paragraph_start - self.paragraph_end <= 1
        if self.regions and other.regions:
            return 0 <= other.regions[0].page - self.regions[-1].page <= 1
        return False

    def merge(self, other: Provenance) -> Provenance:
        """Return a provenance spanning this one and `other` (which comes later in the source)."""
        if other.is_empty:
            return self
        if self.is_empty:
            return other
        regions = list(self.regions)
        for region in other.regions:
            if regions and regions[-1].page == region.page:
                regions[-1] = PageRegion(page=region.page, bbox=regions[-1].bbox.union(region.bbox))
            else:
                regions.append(region)
        return Provenance(
            line_start=_first(self.line_start, other.line_start, min),
            line_end=_first(self.line_end, other.line_end, max),
            paragraph_start=_first(self.paragraph_start, other.paragraph_start, min),
            paragraph_end=_first(self.paragraph_end, other.paragraph_end, max),
            regions=tuple(regions),
        )


def _first(a: int | None, b: int | None, pick: object) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b) if pick is min else max(a, b)
