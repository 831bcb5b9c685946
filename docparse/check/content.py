"""Check stage, content rules (DP4xx): text outside the outline, and how much was dropped as noise.

DP402 counts letters and digits only, as `docparse.accounting` does: whitespace, dot leaders
and separating punctuation are layout and differ between the formats of one call. The
numerator is what heuristics removed as page furniture: running headers and footers, page
numbers and footnotes. Back-links (`返回目录`), markup (HTML tags, anchors), empty blocks and
watermarks (rotated text, which the PDF itself marks as not upright) are counted nowhere:
exact rules remove them, nothing is guessed, and a form stamped "Example" on each of its 48
pages, or a Markdown call full of anchors, would otherwise be flagged for nothing. The denominator is that
furniture plus all the text the document keeps (outline, notes, TOC, tables, unplaced text:
`docparse.accounting.iter_document_texts` without the dropped record).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from docparse.accounting import content_chars, content_total, iter_document_texts, iter_part_texts
from docparse.check.base import Check
from docparse.diagnostics import make_diagnostic
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Document, DropReason

# Share of the text above which the furniture removed is reported (DP402).
MAX_DROPPED_SHARE = 0.10
FURNITURE = frozenset(
    {
        DropReason.RUNNING_HEADER,
        DropReason.RUNNING_FOOTER,
        DropReason.PAGE_NUMBER,
        DropReason.FOOTNOTE,
    }
)


def unplaced_text(document: Document) -> Iterator[Diagnostic]:
    """Report each paragraph the outline stage could not place in the outline."""
    for part in document.unplaced:
        whole = " ".join(text for text in iter_part_texts(part) if text)
        text = whole if len(whole) <= 40 else whole[:40] + "…"
        yield make_diagnostic("unplaced-text", f"text outside the outline: `{text}`", part.provenance)


def content_length(text: str) -> int:
    """Return the number of letters and digits in `text` (Unicode categories L and N)."""
    return sum(content_chars(text).values())


def kept_length(document: Document) -> int:
    """Return the number of letters and digits the document holds outside its dropped record."""
    held = content_total(iter_document_texts(document))
    return held - content_total(dropped.text for dropped in document.dropped)


def much_dropped(document: Document) -> Iterator[Diagnostic]:
    """Report a document from which more than `MAX_DROPPED_SHARE` of the text went as furniture."""
    by_reason: Counter[str] = Counter()
    for dropped in document.dropped:
        if dropped.reason in FURNITURE:
            by_reason[dropped.reason.value] += content_length(dropped.text)
    furniture = sum(by_reason.values())
    if not furniture:
        return  # no share to weigh: the kept text need not be counted
    total = furniture + kept_length(document)
    if not total or furniture / total <= MAX_DROPPED_SHARE:
        return
    detail = ", ".join(f"{reason} {count}" for reason, count in by_reason.most_common())
    yield make_diagnostic(
        "much-dropped",
        f"{furniture} of {total} letters and digits ({furniture / total:.0%}) went as page furniture ({detail})",
    )


CHECKS = (
    Check(("unplaced-text",), unplaced_text),
    Check(("much-dropped",), much_dropped),
)
