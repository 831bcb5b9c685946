"""Read stage, PDF lines: one page's chars → text lines with font size, bold flags and a box.

Works from pdfplumber's char dicts, never from `extract_text(layout=True)`:

- rotated chars (a rotation in the text matrix, or pdfminer's ``upright`` false) are set apart:
  they are watermarks or margin notes, not running text;
- a char drawn twice at the same spot (within 1 pt, same text, font and size) is kept once;
  pdfplumber's `dedupe_chars` does the same but sorts with ``list.index`` (quadratic), so this
  module buckets positions instead;
- chars are grouped into lines by their vertical centre and ordered by x;
- spaces come from the geometry: between two CJK chars never (letter-spaced titles stay
  `申报指南`), elsewhere where the PDF draws a space or leaves a gap over 0.18 em; a gap over
  2.5 em (a tab stop, a TOC page column) becomes ``\\t``; a run of leader dots before a final
  page number becomes one ``\\t`` so a TOC line reads ``title\\tpage``;
- bold is a font whose name (after the ``ABCDEF+`` subset tag) says Bold / Heavy / Black /
  Semibold / Demi, or text drawn with fill + stroke (render mode 2, LibreOffice's fake bold
  for CJK fonts without a bold face), or a glyph over-struck at a small offset.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from docparse.read.pdf_source import font_label

# Fraction of the font size: a wider gap between two glyph boxes is a word space, a wider one a tab.
SPACE_GAP = 0.18
TAB_GAP = 2.5
DEDUPE_TOLERANCE = 1.0
# A text matrix whose off-diagonal terms exceed this share of the diagonal is rotated.
ROTATION_EPSILON = 0.05
BOLD_FONT = re.compile(r"bold|heavy|black|semibold|demi|extrabold|ultrabold|,bd\b|-bd\b", re.IGNORECASE)
FILL_STROKE_MODES = (2, 6)
LEADERS = re.compile(r"^(.*?\S)[ \t]*(?:(?:[.．·・‧•][ \t]*){4,}|(?:[…⋯][ \t]*){2,})[ \t]*(\S{1,6})$")
PAGE_REF = re.compile(r"^(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})$")
CID_TOKEN = re.compile(r"\(cid:\d+\)")
HYPHENS = ("-", "\u00ad", "\u2010")


def is_cjk(ch: str) -> bool:
    """Return True for Han, kana, hangul and full-width/CJK punctuation: text joined without spaces."""
    if not ch:
        return False
    code = ord(ch[0])
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, CJK ext A, unified ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul syllables
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= code <= 0xFFEF  # full-width and half-width forms
        or 0x20000 <= code <= 0x3FFFF  # supplementary ideographic planes
    )


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


def is_garbage(text: str) -> bool:
    """Return True for a glyph that did not map to real Unicode: ``(cid:N)``, private use, U+FFFD, controls."""
    if text.startswith("(cid:"):
        return True
    for ch in text:
        code = ord(ch)
        if 0xE000 <= code <= 0xF8FF or code >= 0xF0000 or code == 0xFFFD or (code < 0x20 and ch not in "\t\n"):
            return True
    return False


@dataclass(slots=True)
class Line:
    """One line of text on one page, in pdfplumber's top-left coordinates."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    bold: list[bool]
    """One flag per character of `text`."""
    size: float
    """The font size most of the line's glyphs have."""
    first_word_width: float
    """Width of the first word (Latin) or first two chars (CJK): what would have fitted on the line before."""
    trailing_space: bool = False
    """The PDF draws a space after the last glyph (the source had a space at the wrap point)."""
    is_toc: bool = False
    """The line ends in a page number after leaders or a tab: a table-of-contents entry."""

    @property
    def all_bold(self) -> bool:
        return bool(self.bold) and all(flag for ch, flag in zip(self.text, self.bold, strict=True) if not ch.isspace())

    @property
    def any_bold(self) -> bool:
        return any(self.bold)


@dataclass(slots=True)
class PageLines:
    """What one page yields: its text lines, the rotated chars set apart, and char statistics."""

    number: int
    width: float
    height: float
    lines: list[Line]
    rotated: list[Line] = field(default_factory=list)
    """Rotated text (watermarks) as lines, one per run, kept out of `lines`."""
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    glyphs: int = 0
    """Non-space glyphs on the page."""
    garbage: int = 0
    """Glyphs without a usable Unicode value (``(cid:N)``, private use, U+FFFD)."""
    sizes: Counter[float] = field(default_factory=Counter)
    """Glyph count per font size (rounded to 0.5 pt)."""
    images: int = 0


def is_rotated(char: dict[str, Any]) -> bool:
    """Return True when the glyph is not drawn upright and level."""
    if not char.get("upright", True):
        return True
    a, b, c, d = char["matrix"][:4]
    scale = max(abs(a), abs(d), 1e-9)
    return abs(b) > ROTATION_EPSILON * scale or abs(c) > ROTATION_EPSILON * scale


def char_is_bold(char: dict[str, Any]) -> bool:
    """Return True for a bold font name or fill + stroke rendering."""
    name = font_label(char.get("fontname", ""))
    name = name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name
    return bool(BOLD_FONT.search(name)) or char.get("render_mode", 0) in FILL_STROKE_MODES


def dedupe(chars: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], set[int]]:
    """Return `chars` without glyphs drawn again at the same spot, and the kept indices that were over-struck.

    An over-strike at an offset (not exactly on top) is the old typewriter bold; the caller marks it bold.
    """
    kept: list[dict[str, Any]] = []
    struck: set[int] = set()
    grid: dict[tuple[str, str, int, int, int], list[int]] = {}
    for char in chars:
        key_text = char["text"]
        font = char.get("fontname", "")
        size = round(char["size"])
        top, x0 = char["top"], char["x0"]
        cell_y, cell_x = int(top), int(x0)
        duplicate = -1
        for dy in (0, -1, 1):
            for dx in (0, -1, 1):
                for index in grid.get((key_text, str(font), size, cell_y + dy, cell_x + dx), ()):
                    other = kept[index]
                    if abs(other["top"] - top) <= DEDUPE_TOLERANCE and abs(other["x0"] - x0) <= DEDUPE_TOLERANCE:
                        duplicate = index
                        break
                if duplicate >= 0:
                    break
            if duplicate >= 0:
                break
        if duplicate >= 0:
            other = kept[duplicate]
            if abs(other["x0"] - x0) > 0.05 or abs(other["top"] - top) > 0.05:
                struck.add(duplicate)
            continue
        grid.setdefault((key_text, str(font), size, cell_y, cell_x), []).append(len(kept))
        kept.append(char)
    return kept, struck


def group_lines(chars: list[dict[str, Any]]) -> list[list[int]]:
    """Return indices of `chars` grouped into lines (top to bottom), each ordered left to right."""
    order = sorted(range(len(chars)), key=lambda i: chars[i]["top"] + chars[i]["bottom"])
    lines: list[list[int]] = []
    band_top = band_bottom = 0.0
    for i in order:
        char = chars[i]
        top, bottom = char["top"], char["bottom"]
        middle = (top + bottom) / 2
        # Either centre inside the other box: a superscript joins its line, the next line does not.
        if lines and (band_top <= middle <= band_bottom or top <= (band_top + band_bottom) / 2 <= bottom):
            lines[-1].append(i)
            band_top, band_bottom = min(band_top, top), max(band_bottom, bottom)
            continue
        lines.append([i])
        band_top, band_bottom = top, bottom
    for line in lines:
        line.sort(key=lambda i: chars[i]["x0"])
    return lines


def build_line(chars: list[dict[str, Any]], indices: list[int], bold: list[bool], page: int) -> Line | None:
    """Return the text line made of ``chars[indices]`` (already ordered by x), or None if it is blank."""
    parts: list[str] = []
    flags: list[bool] = []
    sizes: Counter[float] = Counter()
    prev: dict[str, Any] | None = None
    prev_bold = False
    prev_text = ""
    space_pending = False
    x0 = top = float("inf")
    x1 = bottom = float("-inf")
    first_word_end: float | None = None
    first_x0 = 0.0
    for i in indices:
        char = chars[i]
        text = char["text"]
        if not text or text.isspace():
            space_pending = prev is not None
            continue
        if text.startswith("(cid:"):
            text = "\ufffd"  # pdfminer's spelling of a glyph id without Unicode; U+FFFD says the same
        size = char["size"]
        if prev is None:
            first_x0 = char["x0"]
            if is_cjk(text[0]):
                first_word_end = char["x1"]
        else:
            gap = char["x0"] - prev["x1"]
            em = min(size, prev["size"]) or 1.0
            both_cjk = is_cjk(prev_text[-1]) and is_cjk(text[0])
            sep = ""
            if gap > TAB_GAP * em:
                sep = "\t"
            elif not both_cjk and (space_pending or gap > SPACE_GAP * em):
                sep = " "
            if first_word_end is None and (sep or is_cjk(text[0])):
                first_word_end = prev["x1"]
            if sep:
                parts.append(sep)
                flags.append(prev_bold and bold[i])
        parts.append(text)
        flags.extend([bold[i]] * len(text))
        sizes[round(size * 2) / 2] += 1
        x0, x1 = min(x0, char["x0"]), max(x1, char["x1"])
        top, bottom = min(top, char["top"]), max(bottom, char["bottom"])
        prev, prev_text, prev_bold, space_pending = char, text, bold[i], False
    if prev is None:
        return None
    text = "".join(parts)
    line = Line(
        page=page,
        x0=x0,
        top=top,
        x1=x1,
        bottom=bottom,
        text=text,
        bold=flags,
        size=sizes.most_common(1)[0][0],
        first_word_width=(first_word_end if first_word_end is not None else x1) - first_x0,
        trailing_space=space_pending,
    )
    normalise_leaders(line)
    return line


def normalise_leaders(line: Line) -> None:
    """Turn ``title ....... 12`` (or ``title<gap>12``) into ``title\\t12`` and mark the line as a TOC entry."""
    match = LEADERS.match(line.text)
    if match and PAGE_REF.match(match.group(2)):
        head, page = match.group(1), match.group(2)
        line.bold = line.bold[: len(head)] + [False] + line.bold[match.start(2) : match.end(2)]
        line.text = f"{head}\t{page}"
        line.is_toc = True
        return
    head, sep, tail = line.text.rpartition("\t")
    if sep and head.strip() and PAGE_REF.match(tail):
        line.is_toc = True


def page_to_lines(
    number: int,
    width: float,
    height: float,
    chars: list[dict[str, Any]],
    rules: list[tuple[float, float, float]],
    images: int,
) -> PageLines:
    """Return the page's text lines, with rotated text set apart and glyph statistics counted."""
    upright: list[dict[str, Any]] = []
    rotated: list[dict[str, Any]] = []
    for char in chars:
        (rotated if is_rotated(char) else upright).append(char)
    kept, struck = dedupe(upright)
    bold = [char_is_bold(char) or i in struck for i, char in enumerate(kept)]
    result = PageLines(number=number, width=width, height=height, lines=[], rules=rules, images=images)
    for indices in group_lines(kept):
        line = build_line(kept, indices, bold, number)
        if line is not None:
            result.lines.append(line)
    for char in kept:
        text = char["text"]
        if text and not text.isspace():
            result.glyphs += 1
            result.sizes[round(char["size"] * 2) / 2] += 1
            if is_garbage(text):
                result.garbage += 1
    if rotated:
        result.rotated = rotated_runs(rotated, number)
    return result


def rotated_runs(chars: list[dict[str, Any]], page: int) -> list[Line]:
    """Return rotated chars as runs in drawing order (a watermark is drawn as one string)."""
    runs: list[list[dict[str, Any]]] = []
    for char in chars:
        if runs and runs[-1][-1]["matrix"][:4] == char["matrix"][:4] and runs[-1][-1]["size"] == char["size"]:
            runs[-1].append(char)
        else:
            runs.append([char])
    out: list[Line] = []
    for run in runs:
        text = "".join(char["text"] for char in run).strip()
        if not text:
            continue
        out.append(
            Line(
                page=page,
                x0=min(c["x0"] for c in run),
                top=min(c["top"] for c in run),
                x1=max(c["x1"] for c in run),
                bottom=max(c["bottom"] for c in run),
                text=text,
                bold=[False] * len(text),
                size=run[0]["size"],
                first_word_width=0.0,
            )
        )
    return out
