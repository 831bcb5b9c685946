"""Parse options: one validated settings object, with the limits that guard against hostile input."""

from __future__ import annotations

from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from docparse.model.document import CallKind

DEFAULT_MAX_INPUT_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_PAGES = 2000
DEFAULT_MAX_BLOCKS = 200_000
DEFAULT_MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024
# Real DOCX parts compress 3-20x; 100x leaves room for repetitive tables and still refuses bombs.
DEFAULT_MAX_COMPRESSION_RATIO = 100.0
DEFAULT_MAX_SECONDS = 120.0
# OCR takes 1-3 CPU-seconds an A4 page, and ten times that in wall time on a shared machine:
# each page that needs OCR adds this much to `max_seconds`, so a long scan is not cut short.
DEFAULT_OCR_SECONDS_PER_PAGE = 30.0
# The longest paragraph of the reference call is 500 characters; a line of 100,000 is already
# a dump rather than a call, and Markdown inline parsing slows with line length.
DEFAULT_MAX_LINE_CHARS = 100_000
# A dense text page is 20,000-50,000 content operations (operands, operators, glyphs); a page
# of vector drawing (a map) a few hundred thousand. 2 million `(A) Tj` on one page took 4.4 GB.
DEFAULT_MAX_PAGE_OPERATIONS = 1_000_000
DEFAULT_MAX_OPERATIONS = 20_000_000
# A parse maps about 250 MB of address space (70 MB used), an OCR page 1.2 GB (620 MB used): the
# bounded worker's cap is a backstop far above both, under what a small machine's kernel would kill.
DEFAULT_MAX_MEMORY_BYTES = 4 << 30


class Limits(BaseModel):
    """Upper bounds that stop a parse early with `LimitExceededError` instead of eating the machine."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_input_bytes: int = Field(default=DEFAULT_MAX_INPUT_BYTES, gt=0, description="Largest input accepted.")
    max_pages: int = Field(default=DEFAULT_MAX_PAGES, gt=0, description="Most PDF pages read.")
    max_blocks: int = Field(default=DEFAULT_MAX_BLOCKS, gt=0, description="Most blocks (paragraphs, lines) read.")
    max_decompressed_bytes: int = Field(
        default=DEFAULT_MAX_DECOMPRESSED_BYTES,
        gt=0,
        description="Largest total uncompressed size of a DOCX's parts, or of a PDF's streams.",
    )
    max_compression_ratio: float = Field(
        default=DEFAULT_MAX_COMPRESSION_RATIO,
        gt=1,
        description="Largest uncompressed/compressed ratio of a zip member.",
    )
    max_seconds: float = Field(default=DEFAULT_MAX_SECONDS, gt=0, description="Time budget for one document.")
    ocr_seconds_per_page: float = Field(
        default=DEFAULT_OCR_SECONDS_PER_PAGE,
        ge=0,
        description="Seconds added to max_seconds for each page that needs OCR.",
    )
    max_line_chars: int = Field(
        default=DEFAULT_MAX_LINE_CHARS, gt=0, description="Longest line of a text or Markdown input."
    )
    max_page_operations: int = Field(
        default=DEFAULT_MAX_PAGE_OPERATIONS,
        gt=0,
        description="Most content-stream operations (operands, operators, glyphs drawn) on one PDF page, forms "
        "included.",
    )
    max_operations: int = Field(
        default=DEFAULT_MAX_OPERATIONS, gt=0, description="Most content-stream operations in a whole PDF."
    )
    max_memory_bytes: int = Field(
        default=DEFAULT_MAX_MEMORY_BYTES,
        gt=0,
        description=(
            "Most address space the bounded worker (`ParseOptions.isolate`) may map beyond what it starts with"
            " (a forked worker inherits its parent's), in bytes (RLIMIT_AS)."
        ),
    )


PageRange = tuple[int, int | None]
"""A first and a last page, 1-based and inclusive; None for the last page of the document."""
_PAGE_RANGE = regex.compile(r"^\s*(\d{1,9})\s*(?:(-)\s*(\d{1,9})?\s*)?$")


def page_ranges(spec: str) -> tuple[PageRange, ...]:
    """Return the ranges of a page selection (``3-7``, ``1,3,5-``); raise ValueError for another text."""
    ranges: list[PageRange] = []
    for part in spec.split(","):
        found = _PAGE_RANGE.match(part)
        if found is None:
            raise ValueError(f"{spec!r} is not a page selection such as 3-7 or 1,3,5- ({part.strip()!r})")
        first = int(found.group(1))
        last = None if found.group(2) and found.group(3) is None else int(found.group(3) or first)
        if first < 1 or (last is not None and last < first):
            raise ValueError(f"{spec!r}: {part.strip()!r} is not a range of pages (they count from 1, up)")
        ranges.append((first, last))
    return tuple(ranges)


def in_ranges(ranges: tuple[PageRange, ...], page: int) -> bool:
    """Return whether `page` is one of the selected pages."""
    return any(first <= page and (last is None or page <= last) for first, last in ranges)


def ranges_end(ranges: tuple[PageRange, ...]) -> int | None:
    """Return the last page a selection needs, or None when it runs to the end of the document."""
    ends = [last for _, last in ranges]
    return None if None in ends else max(end for end in ends if end is not None)


class ParseOptions(BaseModel):
    """Settings for one parse."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    password: str | None = Field(default=None, description="Password for an encrypted PDF.")
    limits: Limits = Field(default_factory=Limits, description="Resource limits.")
    strict: bool = Field(default=False, description="Raise on error-level diagnostics instead of returning them.")
    directions_markers: tuple[str, ...] = Field(
        default=(), description="Extra directions markers, added to the built-in table."
    )
    field_labels: tuple[str, ...] = Field(
        default=(), description="Extra labelled-field labels, added to the built-in table."
    )
    kind: CallKind | None = Field(
        default=None,
        description="Force the kind of call (catalogue, single-topic, guide, mixed) instead of deciding it from "
        "the document.",
    )
    pages: str | None = Field(
        default=None,
        description="The PDF pages to read, 1-based and inclusive: `3-7`, `1,3,5-` (an open end runs to the last "
        "page); provenance keeps the real page numbers, and the pages not read are a `pages-not-read` diagnostic. "
        "Other formats have no pages: they are read whole, with a `pages-ignored` diagnostic.",
    )
    ocr: Literal["auto", "always", "never"] = Field(
        default="auto",
        description="OCR of PDF pages (needs the ocr extra): auto reads the pages without a usable text layer, "
        "always every page, never none.",
    )
    isolate: bool = Field(
        default=False,
        description="Parse in a child process that is ended when `limits.max_seconds` (and a second) is spent, "
        "inside a library call or not, and capped at `limits.max_memory_bytes` of address space. Costs a fork "
        "and the document's pickle; the command line's --timeout turns it on.",
    )

    @field_validator("pages")
    @classmethod
    def _valid_pages(cls, value: str | None) -> str | None:
        if value is not None:
            page_ranges(value)
        return value
