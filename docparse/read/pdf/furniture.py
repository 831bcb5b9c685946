"""Read stage, PDF furniture: pages of lines → the same lines without running headers, footers,
page numbers, footnotes and watermarks, each removal recorded as `Dropped` with its position.

Nothing here matches fixed strings. A line is furniture because of where it is and how often:

- running header / footer: among the first or last lines of a page, in the top or bottom fifth,
  with the same text once digits are masked (`第 3 页` = `第 7 页`), at about the same distance
  from the page edge (±16 pt), on at least 3 pages and on at least half the pages from its first
  to its last page (all pages when the document has fewer than 3); counted from the page edge,
  the first line that is not furniture ends the band (a heading repeated under each page's own
  heading is text); lines that also occur in mid-page and whose numbers count 1, 2, 3 in document
  order are numbered headings (`Problem Statement 1 :-` tops pages 1, 2, 3 as 1, 3, 5), not furniture;
- page number: a line in those bands that is only a page number (`3`, `- 3 -`, `第 3 页 共 9 页`,
  `Page 3 of 9`, `3/9`, `iv`), on any page;
- footnote: small-font lines (≤ 90 % of the body size) at the page foot under a short rule, or
  (without a rule) a bottom group of small lines whose first starts with a note mark (`1`, `*`,
  `①`) after a gap, or lines at body size under a short rule in the page's lower half whose
  first starts with a note mark; each is dropped as FOOTNOTE with a DP104 diagnostic, so the paragraph the
  page break cuts joins up again without the note inside it;
- watermark: rotated text (set apart by `lines`), one record per run per page.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from docparse.diagnostics import make_diagnostic
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Dropped, DropReason
from docparse.model.provenance import BBox, PageRegion, Provenance
from docparse.read.pdf.joins import joint
from docparse.read.pdf.lines import Line, PageLines

BAND = 0.2
"""Share of the page height at the top and at the bottom where headers and footers live."""
EDGE_LINES = 4
"""How many lines from the top or the bottom of a page can be furniture."""
SAME_HEIGHT = 16.0
"""Points a running line may move between pages (form generators shift footers by a line or so)."""
MIN_REPEAT_PAGES = 3
FOOTNOTE_SIZE = 0.9
FOOTNOTE_RULE_MAX_SHARE = 0.6
MAX_BODY_NOTE_LINES = 8
"""Lines at the foot of a page that may be footnotes set at body size under a rule."""

PAGE_NUMBER = re.compile(
    r"""^(?=.*\w)(?:
        [-–—~]?\s*\d{1,4}\s*[-–—~]?
      | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?
      | (?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?
      | \d{1,4}\s*/\s*\d{1,4}
      | \d{1,4}\s+of\s+\d{1,4}
      | [-–—]?\s*(?:(?-i:x{0,3}(?:ix|iv|v?i{0,3}))|(?-i:X{0,3}(?:IX|IV|V?I{0,3})))\s*[-–—]?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A line that is only a page number. Roman numerals up to 39, in one case (`iv`, `XII`), so a word
such as `civil` or `Mix` is not one."""
NOTE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§¶]|[①-⑳]|\[\d{1,3}\]|注\s*\d*[:：]?)")


@dataclass(slots=True)
class Furniture:
    """What was taken off the pages."""

    dropped: list[Dropped] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def region(line: Line) -> Provenance:
    """Return the provenance of one line."""
    box = BBox(x0=round(line.x0, 2), top=round(line.top, 2), x1=round(line.x1, 2), bottom=round(line.bottom, 2))
    return Provenance(regions=(PageRegion(page=line.page, bbox=box),))


def masked(text: str) -> str:
    """Return `text` with digits masked and spaces removed: the key under which running lines repeat."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def edge_lines(page: PageLines) -> tuple[list[Line], list[Line]]:
    """Return the candidate header lines and footer lines of a page."""
    lines = page.lines
    top = [line for line in lines[:EDGE_LINES] if line.bottom <= page.height * BAND]
    bottom = [line for line in lines[-EDGE_LINES:] if line.top >= page.height * (1 - BAND)]
    return top, [line for line in bottom if line not in top]


def remove_furniture(pages: list[PageLines], body_size: float) -> Furniture:
    """Remove headers, footers, page numbers, footnotes and watermarks from `pages` in place; return them."""
    found = Furniture()
    for page in pages:
        for run in page.rotated:
            found.dropped.append(Dropped(text=run.text, reason=DropReason.WATERMARK, provenance=region(run)))
    running = running_keys(pages)
    for page in pages:
        top, bottom = edge_lines(page)
        removed: set[int] = set()
        for band, candidates, reason in (
            ("top", top, DropReason.RUNNING_HEADER),
            ("bottom", bottom, DropReason.RUNNING_FOOTER),
        ):
            # Furniture sits at the page edge: counted from the edge, the first line that is not
            # furniture ends the band. A heading repeated at the top of every topic's page ("1. 企业场景"
            # under "赛题方向 A-…") has the page's own heading above it: it is text.
            for line in candidates if band == "top" else candidates[::-1]:
                if PAGE_NUMBER.match(line.text.strip()):
                    why = DropReason.PAGE_NUMBER
                elif (band, masked(line.text)) in running and abs(
                    offset(band, line, page) - running[band, masked(line.text)]
                ) <= SAME_HEIGHT:
                    why = reason
                else:
                    break
                removed.add(id(line))
                found.dropped.append(Dropped(text=line.text, reason=why, provenance=region(line)))
        page.lines = [line for line in page.lines if id(line) not in removed]
        remove_footnotes(page, body_size, found)
    return found


def offset(band: str, line: Line, page: PageLines) -> float:
    """Return the line's distance from the page edge of its band (portrait and landscape pages alike)."""
    return line.top if band == "top" else page.height - line.top


def running_keys(pages: list[PageLines]) -> dict[tuple[str, str], float]:
    """Return ``(band, masked text) → usual distance from the edge`` of lines repeating on enough pages."""
    tops: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for page in pages:
        top, bottom = edge_lines(page)
        for band, candidates in (("top", top), ("bottom", bottom)):
            for line in candidates:
                key = (band, masked(line.text))
                if key[1] and not any(number == page.number for number, _ in tops[key]):
                    tops[key].append((page.number, offset(band, line, page)))
    if len(pages) < 2:
        return {}
    keys: dict[tuple[str, str], float] = {}
    for key, seen in tops.items():
        heights = sorted(top for _, top in seen)
        usual = heights[len(heights) // 2]
        on = sorted(number for number, top in seen if abs(top - usual) <= SAME_HEIGHT)
        if not on:
            continue
        # Measured over the run of pages the line spans: a form in two parts (Horizon Part A /
        # Part B) has one footer per part, each on well under half of the whole document.
        span = on[-1] - on[0] + 1
        if len(pages) < MIN_REPEAT_PAGES:
            enough = len(on) == len(pages)
        else:
            enough = len(on) >= MIN_REPEAT_PAGES and len(on) * 2 >= span
        if enough:
            keys[key] = usual
    for key in [key for key in keys if "#" in key[1] and counts_in_body(pages, key[1])]:
        del keys[key]
    return keys


def counts_in_body(pages: list[PageLines], key: str) -> bool:
    """Return whether the lines masked to `key` are numbered headings: also in the body, counting 1, 2, 3.

    A running line is at the page edge only; ``Problem Statement 1 :-`` heading each page's first topic,
    and ``Problem Statement 2 :-`` … in mid-page, number one sequence in document order.
    """
    found = [line for page in pages for line in page.lines if masked(line.text) == key]
    edges = {id(line) for page in pages for band in edge_lines(page) for line in band}
    if all(id(line) in edges for line in found):
        return False
    numbers = [int(re.findall(r"\d+", line.text)[0]) for line in found]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def remove_footnotes(page: PageLines, body_size: float, found: Furniture) -> None:
    """Drop the footnote lines at the foot of `page` (small type under a rule, or marked small type)."""
    lines = page.lines
    if len(lines) < 2 or body_size <= 0:
        return
    small = [line.size <= body_size * FOOTNOTE_SIZE for line in lines]
    start = len(lines)
    while start > 0 and small[start - 1]:
        start -= 1
    text_left = min(line.x0 for line in lines)
    text_right = max(line.x1 for line in lines)

    def footnote_rule(above: Line, below: Line) -> bool:
        return any(
            above.bottom <= y <= below.top + 1
            and x1 - x0 <= (text_right - text_left) * FOOTNOTE_RULE_MAX_SHARE
            and abs(x0 - text_left) <= body_size * 2
            # A table border is not a footnote rule: it has neighbours at its height or below it.
            and not any(other != (x0, x1, y) and other[2] >= y - 1 for other in page.rules)
            for x0, x1, y in page.rules
        )

    if start == len(lines):
        # Notes set at body size: the lines under a short rule in the page's lower half, the first
        # starting with a note mark (`1`, `*`).
        start = next(
            (
                i
                for i in range(len(lines) - 1, max(len(lines) - MAX_BODY_NOTE_LINES, 0) - 1, -1)
                if i > 0
                and lines[i].top >= page.height / 2
                and NOTE_MARK.match(lines[i].text)
                and footnote_rule(lines[i - 1], lines[i])
            ),
            len(lines),
        )
        if start == len(lines):
            return
    if start == 0:
        return  # the whole page is small type (a table, a form)
    last_body = lines[start - 1]
    first_note = lines[start]
    gap = first_note.top - last_body.bottom
    if not footnote_rule(last_body, first_note) and not (NOTE_MARK.match(first_note.text) and gap >= body_size):
        return
    notes: list[list[Line]] = []
    for line in lines[start:]:
        if not notes or (NOTE_MARK.match(line.text) and line.x0 <= notes[-1][0].x0 + 1):
            notes.append([line])
        else:
            notes[-1].append(line)
    for note in notes:
        provenance = region(note[0])
        for line in note[1:]:
            provenance = provenance.merge(region(line))
        text = note[0].text
        for prev, line in itertools.pairwise(note):
            cut, sep = joint(prev, line)
            text = text[: len(text) - cut] + sep + line.text
        found.dropped.append(Dropped(text=text, reason=DropReason.FOOTNOTE, provenance=provenance))
        found.diagnostics.append(
            make_diagnostic(
                "footnote-set-apart",
                f"A footnote on page {page.number} was kept out of the running text: {text[:40]!r}",
                provenance,
            )
        )
    page.lines = lines[:start]
