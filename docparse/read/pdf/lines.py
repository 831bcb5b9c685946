"""Read stage, PDF lines: one page's chars → text lines with font size, bold flags and a box.

Works from pdfplumber's char dicts, never from `extract_text(layout=True)`:

- rotated chars (a rotation in the text matrix, or pdfminer's ``upright`` false) are set apart:
  they are watermarks or margin notes, not running text;
- a char drawn twice at the same spot (within 1 pt, same text, font and size) is kept once;
  pdfplumber's `dedupe_chars` does the same but sorts with ``list.index`` (quadratic in the
  page's chars), so this module compares each char with its neighbours in its line instead;
- chars are grouped into lines by their vertical centre and ordered by x;
- spaces come from the geometry: between two CJK chars never (letter-spaced titles stay
  `申报指南`), elsewhere where the PDF draws a space or leaves a gap over 0.18 em (between CJK
  and Latin only when the page draws no space glyphs at all); a gap over
  2.5 em (a tab stop, a TOC page column) becomes ``\\t``; a run of leader dots before a final
  page reference (`12`, `ii`, `A-1 – A-6`) becomes one ``\\t`` so a TOC line reads ``title\\tpage``;
- the line's size is the size most of its glyphs have, small capitals counted at the size of
  the capitals they follow (`P` 11 pt + `OTENTIAL` 9 pt is an 11-pt word);
- superscript note marks (smaller, raised digits or `*†‡` after a glyph that is not a digit)
  are taken out of the line and kept apart as `PageLines.marks`;
- bold is a font whose name (after the ``ABCDEF+`` subset tag) says Bold / Heavy / Black /
  Semibold / Demi (or TeX's code for it, ``CMBX10``), or text drawn with fill + stroke (render
  mode 2, LibreOffice's fake bold for CJK fonts without a bold face), or a glyph over-struck at a
  small offset.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from docparse.read.pdf.columns import reading_order
from docparse.read.pdf.fonts import font_label
from docparse.read.pdf.text import clean_glyph, is_garbage, is_stray
from docparse.vocab.chars import CJK_FIRST, is_cjk
from docparse.vocab.glyphs import SYMBOL_FONT_BULLETS, leader, symbol_glyph
from docparse.vocab.markers import PAGE_LABEL

# Fraction of the font size: a wider gap between two glyph boxes is a word space, a wider one a tab.
SPACE_GAP = 0.18
TAB_GAP = 2.5
# Between CJK and Latin text a producer that draws its spaces leaves 0.2-0.3 em of typography
# (LibreOffice's Asian/Western auto-spacing); a gap this wide is a separator all the same: a list
# label and its text (`–` then a tab then `在…`, `1.` then `项目…`).
CJK_LATIN_SPACE_GAP = 0.75
DEDUPE_TOLERANCE = 1.0
# A text matrix whose off-diagonal terms exceed this share of the diagonal is rotated.
ROTATION_EPSILON = 0.05
# TeX's Computer Modern and cm-super name their bold faces by a code: CMBX10 (bold extended),
# CMB10, CMSSBX10 (sans), SFBX1000.
BOLD_FONT = re.compile(
    r"bold|heavy|black|semibold|demi|extrabold|ultrabold|,bd\b|-bd\b|^(?:cm|sf)(?:ss)?bx\d|^cmb\d", re.IGNORECASE
)
FILL_STROKE_MODES = (2, 6)
# PAGE_LABEL (a printed page reference, `ii`, `A-1 – A-6`) is the segmenter's, which reads the TOC lines written here.
_BLANKS = r"[ \t]*"
LEADERS = re.compile(rf"^(.*?\S){_BLANKS}(?:{leader(4, 2, gap=_BLANKS)}){_BLANKS}({PAGE_LABEL})$")
TAB_PAGE = re.compile(rf"^.*?\S[ \t]*\t[ \t]*(?:{PAGE_LABEL})$")
CJK_FONT = re.compile(
    r"GB|CJK|Song|Hei|Kai|Ming|Fang|YaHei|SimSun|FZ|Hiragino|Gothic|Mincho|Batang|Gulim|WenQuanYi|SourceHan|"
    r"Noto\w*(SC|TC|JP|KR)|Han",
)
SIZE_STEP = 0.6
BOX_SIZE_RATIO = 1.25
"""Sizes this far apart are clearly different: 10 pt and 14 pt, not 10.5 pt and 12 pt."""
BOX_OVERLAP = 0.25
"""Share of an em by which two glyphs must overlap to be in two boxes (kerning overlaps less)."""
SMALL_CAPS_MIN = 0.6
"""Smallest share of the capitals' size at which smaller capitals are small capitals, not a superscript."""
MIN_FONT_GLYPHS = 10
STRAY_SHARE = 0.2


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
    second_word_x0: float | None = None
    """Where the text after the first word starts (after a space or tab): a hanging indent's column."""
    trailing_space: bool = False
    """The PDF draws a space after the last glyph (the source had a space at the wrap point)."""
    is_toc: bool = False
    """The line ends in a page number after leaders or a tab: a table-of-contents entry."""
    tab_gaps: list[float] = field(default_factory=list)
    """Width of each gap that became a tab, in order (justified text stretches its spaces alike)."""
    narrowest_gap: float | None = None
    """Width of the narrowest gap that became a space or a tab (None without one)."""
    column: tuple[float, float] | None = None
    """Left and right edges of the text column the line sits in, on a page set in two columns."""
    head_width: float = 0.0
    """Width of the text before the first space or tab (the whole line without one): what a producer
    that breaks lines only at spaces (fpdf2's `multi_cell`) could not have cut."""

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
    fonts: dict[str, list[int]] = field(default_factory=dict)
    """Per font name: glyphs, CJK glyphs, stray symbols, garbage glyphs on the page."""
    marks: list[tuple[str, float, float, float, float]] = field(default_factory=list)
    """Superscript note marks taken out of the running text, as ``(text, x0, top, x1, bottom)``."""
    controls: list[tuple[str, float, float, float, float]] = field(default_factory=list)
    """Control and bidi characters taken out of the text, as ``(chars, x0, top, x1, bottom)``."""


def is_rotated(char: dict[str, Any]) -> bool:
    """Return True when the glyph is not drawn upright and level."""
    if not char["upright"]:
        return True
    matrix = char["matrix"]
    if not matrix[1] and not matrix[2]:
        return bool(matrix[0] < 0)  # upside down
    scale = max(abs(float(matrix[0])), abs(float(matrix[3])), 1e-9)
    return abs(float(matrix[1])) > ROTATION_EPSILON * scale or abs(float(matrix[2])) > ROTATION_EPSILON * scale


def font_is_bold(fontname: object) -> bool:
    """Return True when a font name (after its ``ABCDEF+`` subset tag) names a bold weight."""
    name = font_label(fontname)
    name = name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name
    return bool(BOLD_FONT.search(name))


def bold_flags(chars: list[dict[str, Any]]) -> list[bool]:
    """Return, per char, whether it is bold by font name or by fill + stroke rendering."""
    by_font: dict[object, bool] = {}
    flags = []
    for char in chars:
        font = char.get("fontname", "")
        bold = by_font.get(font)
        if bold is None:
            bold = by_font[font] = font_is_bold(font)
        flags.append(bold or char.get("render_mode", 0) in FILL_STROKE_MODES)
    return flags


def dedupe_line(chars: list[dict[str, Any]], indices: list[int], bold: list[bool]) -> list[int]:
    """Return the line's char indices (ordered by x) without glyphs drawn again at the same spot.

    A duplicate lies within 1 pt of its original, so in x order it is among the few chars just
    before it. An over-strike at an offset (not exactly on top) is the typewriter's bold: the
    kept glyph is marked bold in `bold`.
    """
    kept: list[int] = []
    for i in indices:
        char = chars[i]
        text, x0, top = char["text"], char["x0"], char["top"]
        duplicate = False
        for j in reversed(kept):
            other = chars[j]
            if x0 - other["x0"] > DEDUPE_TOLERANCE:
                break
            if (
                other["text"] == text
                and abs(other["top"] - top) <= DEDUPE_TOLERANCE
                and other["fontname"] == char["fontname"]
                and abs(other["size"] - char["size"]) < 0.5
            ):
                duplicate = True
                if abs(other["x0"] - x0) > 0.05 or abs(other["top"] - top) > 0.05:
                    bold[j] = True
                break
        if not duplicate:
            kept.append(i)
    return kept


def group_lines(chars: list[dict[str, Any]]) -> list[list[int]]:
    """Return indices of `chars` grouped into lines (top to bottom), each ordered left to right."""
    middles = [char["top"] + char["bottom"] for char in chars]
    order = sorted(range(len(chars)), key=middles.__getitem__)
    lines: list[list[int]] = []
    band_top = band_bottom = 0.0
    for i in order:
        char = chars[i]
        top, bottom = char["top"], char["bottom"]
        middle = middles[i] / 2
        # Either centre inside the other box: a superscript joins its line, the next line does not.
        if lines and (band_top <= middle <= band_bottom or top <= (band_top + band_bottom) / 2 <= bottom):
            lines[-1].append(i)
            if top < band_top:
                band_top = top
            if bottom > band_bottom:
                band_bottom = bottom
            continue
        lines.append([i])
        band_top, band_bottom = top, bottom
    lefts = [char["x0"] for char in chars]
    for line in lines:
        line.sort(key=lefts.__getitem__)
    return lines


def split_boxes(chars: list[dict[str, Any]], indices: list[int]) -> list[list[int]]:
    """Return the line ``chars[indices]`` (ordered by x) as one line per text box when boxes share its height.

    Glyphs of clearly different sizes that overlap one another across the line belong to two
    boxes side by side, not to one line (Word 2016: a 10-pt flow-chart box drawn over a 14-pt
    title, `完成簽約撥款` + `115年度…`). A superscript or small capitals touch their line
    without overlapping it, and stay. Each box's glyphs keep their order; the boxes come left
    to right.
    """
    sizes = [chars[i]["size"] for i in indices if not chars[i]["text"].isspace()]
    if not sizes or max(sizes) < min(sizes) * BOX_SIZE_RATIO:
        return [indices]
    tiers = size_tiers(sizes)
    tier_of = {size: n for n, group in enumerate(tiers) for size in group}
    overlapping = False
    prev: dict[str, Any] | None = None
    for i in indices:
        char = chars[i]
        if char["text"].isspace():
            continue
        if (
            prev is not None
            and tier_of[char["size"]] != tier_of[prev["size"]]
            and prev["x1"] - char["x0"] > min(char["size"], prev["size"]) * BOX_OVERLAP
        ):
            overlapping = True
            break
        prev = char
    if not overlapping:
        return [indices]
    boxes: list[list[int]] = [[] for _ in tiers]
    for i in indices:
        size = chars[i]["size"]
        # A space glyph goes with the tier nearest its size.
        tier = tier_of.get(size)
        if tier is None:
            tier = min(range(len(tiers)), key=lambda n: abs(tiers[n][0] - size))
        boxes[tier].append(i)
    return sorted((box for box in boxes if box), key=lambda box: chars[box[0]]["x0"])


SUPERSCRIPT_SIZE = 0.8
"""Largest share of the line's body size at which a raised glyph is a superscript."""
SUPERSCRIPT_RISE = 0.25
"""Ems by which a superscript's foot sits above the line's baseline, at the least."""
NOTE_MARK_CHARS = frozenset("0123456789*†‡§¶")


def take_note_marks(
    chars: list[dict[str, Any]], indices: list[int], marks: list[tuple[str, float, float, float, float]]
) -> list[int]:
    """Return the line's char indices without superscript note marks (`前沿。¹`), adding each mark to `marks`.

    A mark is a run of digits or note signs (`*`, `†`...), and commas between them, set smaller
    than the line's body text and raised off its baseline, after a glyph of the line that is not a
    digit (`10⁶` is a power, and a mark that starts its line labels the footnote itself).
    """
    sizes = {chars[i]["size"] for i in indices}
    if len(sizes) < 2:
        return indices
    counts: Counter[float] = Counter(chars[i]["size"] for i in indices if not chars[i]["text"].isspace())
    if not counts:
        return indices
    body = counts.most_common(1)[0][0]
    if min(sizes) > body * SUPERSCRIPT_SIZE:
        return indices
    baseline = Counter(round(chars[i]["bottom"], 1) for i in indices if chars[i]["size"] == body).most_common(1)[0][0]
    kept: list[int] = []
    run: list[int] = []

    def close() -> None:
        commas = []
        while run and chars[run[-1]]["text"] == ",":
            commas.append(run.pop())  # a comma after a mark is the sentence's
        if run:
            found = [chars[i] for i in run]
            # The glyph before the mark now reaches over it: no word space opens where the mark was.
            before = chars[kept[-1]]
            before["x1"] = max(before["x1"], found[-1]["x1"])
            text = "".join(char["text"] for char in found)
            box = (min(c["x0"] for c in found), min(c["top"] for c in found), max(c["x1"] for c in found))
            marks.append((text, *box, max(c["bottom"] for c in found)))
            run.clear()
        kept.extend(reversed(commas))

    last = ""
    for i in indices:
        char = chars[i]
        text = char["text"]
        raised = char["size"] <= body * SUPERSCRIPT_SIZE and char["bottom"] <= baseline - body * SUPERSCRIPT_RISE
        if raised and (text in NOTE_MARK_CHARS or (run and text == ",")) and (run or (last and not last.isdigit())):
            run.append(i)
            continue
        close()
        kept.append(i)
        if not text.isspace():
            last = text
    close()
    if len(kept) < len(indices):
        order = {index: n for n, index in enumerate(indices)}
        kept.sort(key=order.__getitem__)
    return kept


def size_tiers(sizes: list[float]) -> list[list[float]]:
    """Return the distinct `sizes` in tiers, smallest first, cut where one size is BOX_SIZE_RATIO times the last."""
    tiers: list[list[float]] = []
    for size in sorted(set(sizes)):
        if tiers and size < tiers[-1][-1] * BOX_SIZE_RATIO:
            tiers[-1].append(size)
        else:
            tiers.append([size])
    return tiers


def build_line(  # noqa: C901 (one pass per glyph of the document, its tests inlined: see the loop)
    chars: list[dict[str, Any]],
    indices: list[int],
    bold: list[bool],
    page: PageLines,
    fonts: dict[str, list[int]],
    *,
    draws_spaces: bool,
) -> Line | None:
    """Return the text line made of ``chars[indices]`` (already ordered by x), or None if it is blank.

    `draws_spaces` says the page's producer draws space glyphs. Then a gap between CJK and Latin
    text is typography (LibreOffice's Asian/Western auto-spacing, 0.2-0.3 em), not a space.
    The page's glyph counts (`page.glyphs`, `page.garbage`, `page.sizes`) and the per-font
    counts in `fonts` (glyphs, CJK glyphs, stray symbols, garbage) are updated on the way.
    """
    parts: list[str] = []
    flags: list[bool] = []
    sizes: dict[float, int] = {}
    prev: dict[str, Any] | None = None
    prev_bold = prev_cjk = prev_upper = space_pending = False
    lowered: set[float] = set()
    """Sizes at which the line draws a glyph that is not a capital letter."""
    caps: set[float] = set()
    """Sizes at which a capital follows a larger capital in one word: small capitals."""
    top = float("inf")
    x1 = bottom = float("-inf")
    first_word_end: float | None = None
    second_word_x0: float | None = None
    head_end: float | None = None
    tab_gaps: list[float] = []
    narrowest_gap: float | None = None
    first_x0 = 0.0
    font_name: object = None
    stats = [0, 0, 0, 0]
    # The loop runs once per glyph of the document: the char class tests are inlined for the
    # common case (one BMP char below the private-use area) and call the helpers otherwise.
    for i in indices:
        char = chars[i]
        text = char["text"]
        if not text:
            continue
        code = ord(text[0])
        if (
            len(text) != 1
            or not (0x20 <= code < 0x7F or 0xA0 <= code < 0xE000)
            or 0x2066 <= code <= 0x2069
            or (0x200E <= code <= 0x202E)
        ):
            # Not one plain character: several (a ligature's `fi`), a ligature sign, or a control.
            text, controls = clean_glyph(text)
            if controls:
                page.controls.append((controls, char["x0"], char["top"], char["x1"], char["bottom"]))
                # Still counted for the font: glyph ids read through a Western encoding give C1 controls.
                counts = fonts.setdefault(str(char["fontname"]), [0, 0, 0, 0])
                counts[0] += 1
                counts[2] += 1
            if not text:
                continue
            code = ord(text[0])
        if text.isspace():
            space_pending = prev is not None
            continue
        if len(text) == 1 and 0x20 <= code < 0xE000:
            garbage = False
            cjk = code >= CJK_FIRST and is_cjk(text)
            stray = 0x80 <= code < CJK_FIRST and is_stray(text)
        else:
            garbage = is_garbage(text)
            if garbage and text.startswith("(cid:"):
                text = "\ufffd"  # pdfminer's spelling of a glyph id without Unicode; U+FFFD says the same
            cjk = is_cjk(text)
            stray = is_stray(text)
        size = char["size"]
        is_bold = bold[i]
        upper = text.isupper()
        if not upper:
            lowered.add(size)
        elif prev_upper and prev is not None and not space_pending and size < prev["size"] - SIZE_STEP:
            caps.add(size)
        if prev is not None:
            gap = char["x0"] - prev["x1"]
            em = prev["size"] if prev["size"] < size else size
            em = em or 1.0
            sep = ""
            if gap > TAB_GAP * em:
                sep = "\t"
                tab_gaps.append(gap)
            elif not (cjk and prev_cjk) and (
                space_pending
                or (gap > SPACE_GAP * em and not (draws_spaces and cjk != prev_cjk))
                or gap > CJK_LATIN_SPACE_GAP * em
            ):
                sep = " "
            # CJK punctuation inside a Latin run (`WebGL、WebAssembly、WebGPU`) does not end the first
            # word: LibreOffice wraps such a run as one unit.
            if first_word_end is None and (sep or (cjk and (text.isalpha() or prev_cjk))):
                first_word_end = prev["x1"]
            if sep and (narrowest_gap is None or gap < narrowest_gap):
                narrowest_gap = gap
            if sep and second_word_x0 is None:
                second_word_x0 = char["x0"]
                head_end = prev["x1"]
            if sep:
                parts.append(sep)
                flags.append(prev_bold and is_bold)
        else:
            first_x0 = char["x0"]
            if cjk:
                first_word_end = char["x1"]
        parts.append(text)
        if len(text) == 1:
            flags.append(is_bold)
        else:
            flags.extend([is_bold] * len(text))
        sizes[size] = sizes.get(size, 0) + 1
        if char["x1"] > x1:
            x1 = char["x1"]
        if char["top"] < top:
            top = char["top"]
        if char["bottom"] > bottom:
            bottom = char["bottom"]
        if char["fontname"] is not font_name:
            font_name = char["fontname"]
            stats = fonts.setdefault(str(font_name), [0, 0, 0, 0])
        stats[0] += 1
        if cjk:
            stats[1] += 1
        if stray:
            stats[2] += 1
        if garbage:
            stats[3] += 1
        prev, prev_cjk, prev_bold, prev_upper, space_pending = char, cjk, is_bold, upper, False
    if prev is None:
        return None
    if caps:
        capitals = max(sizes)
        for size in caps - lowered:
            if size >= capitals * SMALL_CAPS_MIN:
                sizes[capitals] += sizes.pop(size)
    rounded: Counter[float] = Counter()
    for size, count in sizes.items():
        rounded[round(size * 2) / 2] += count
    page.sizes.update(rounded)
    glyphs = sum(rounded.values())
    page.glyphs += glyphs
    line = Line(
        page=page.number,
        x0=first_x0,
        top=top,
        x1=x1,
        bottom=bottom,
        text="".join(parts),
        bold=flags if any(flags) else not_bold(len(flags)),
        size=rounded.most_common(1)[0][0],
        first_word_width=(first_word_end if first_word_end is not None else x1) - first_x0,
        second_word_x0=second_word_x0,
        trailing_space=space_pending,
        tab_gaps=tab_gaps,
        narrowest_gap=narrowest_gap,
        head_width=(head_end if head_end is not None else x1) - first_x0,
    )
    normalise_leaders(line)
    return line


_NOT_BOLD: dict[int, list[bool]] = {}


def not_bold(length: int) -> list[bool]:
    """Return a list of `length` False flags, one shared list per length: most lines have no bold.

    A line's flags are never changed in place (a change makes a new list), so lines may share
    them: a long call's pages hold a list of flags per line until its paragraphs are built.
    """
    flags = _NOT_BOLD.get(length)
    if flags is None:
        flags = [False] * length
        if length <= 4096:
            _NOT_BOLD[length] = flags
    return flags


def normalise_leaders(line: Line) -> None:
    """Turn ``title ....... 12`` (or ``title<gap>12``) into ``title\\t12`` and mark the line as a TOC entry."""
    match = LEADERS.match(line.text)
    if match:
        head, page = match.group(1), match.group(2)
        line.bold = [*line.bold[: len(head)], False, *line.bold[match.start(2) : match.end(2)]]
        line.text = f"{head}\t{page}"
        line.is_toc = True
        return
    if TAB_PAGE.match(line.text):
        line.is_toc = True


def page_to_lines(
    number: int,
    width: float,
    height: float,
    chars: list[dict[str, Any]],
    rules: list[tuple[float, float, float]],
    images: int,
    *,
    guessed: frozenset[str] = frozenset(),
) -> PageLines:
    """Return the page's text lines, with rotated text set apart and glyph statistics counted.

    Glyphs without real Unicode count as garbage: ``(cid:N)``, private-use, U+FFFD; and all the
    glyphs of a font named as Chinese, Japanese or Korean that yields no CJK char at all and a
    good share of stray symbols (``€‚ƒ„…†‡``: glyph ids read through a Western encoding), which is
    what a subset font without a ToUnicode map gives. The glyphs of fonts in `guessed` (composite
    fonts whose text pdfminer could only guess, `fonts.GuessingFonts`) read as U+FFFD.
    """
    upright: list[dict[str, Any]] = []
    rotated: list[dict[str, Any]] = []
    for char in chars:
        if guessed and str(char["fontname"]) in guessed:
            char["text"] = "\ufffd"  # what pdfminer read is a guess (see fonts.guesses_text), not the glyph
        if char["text"] in SYMBOL_FONT_BULLETS and (glyph := symbol_glyph(str(char["fontname"]), char["text"])):
            char["text"] = glyph  # Wingdings "l" is the bullet it draws, not the letter
        matrix = char["matrix"]
        if char["upright"] and not matrix[1] and not matrix[2] and matrix[0] > 0:
            upright.append(char)  # the common case, tested inline: level, upright, not mirrored
        else:
            (rotated if is_rotated(char) else upright).append(char)
    bold = bold_flags(upright)
    result = PageLines(number=number, width=width, height=height, lines=[], rules=rules, images=images)
    draws_spaces = any(char["text"] == " " for char in upright)
    fonts = result.fonts
    for grouped, column in reading_order(upright, group_lines(upright), group_lines, bold):
        for indices in split_boxes(upright, grouped):
            unique = dedupe_line(upright, indices, bold)
            unique = take_note_marks(upright, unique, result.marks)
            line = build_line(upright, unique, bold, result, fonts, draws_spaces=draws_spaces)
            if line is not None:
                line.column = column
                result.lines.append(line)
    for name, (total, cjk, stray, garbage) in fonts.items():
        result.garbage += garbage
        if total >= MIN_FONT_GLYPHS and cjk == 0 and stray >= total * STRAY_SHARE and CJK_FONT.search(str(name)):
            result.garbage += total - garbage
    if rotated:
        result.rotated = rotated_runs(rotated, number)
    return result


def rotated_runs(chars: list[dict[str, Any]], page: int) -> list[Line]:
    """Return rotated chars as runs in drawing order (a watermark is drawn as one string)."""
    runs: list[list[dict[str, Any]]] = []
    for char in chars:
        # Same rotation as the previous glyph: same run (a rotated glyph's `size` is its box height, so not compared).
        if runs and runs[-1][-1]["matrix"][:4] == char["matrix"][:4]:
            runs[-1].append(char)
        else:
            runs.append([char])
    out: list[Line] = []
    for run in runs:
        text = "".join(clean_glyph(char["text"])[0] for char in run).strip()
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
