"""Reading stage, DOCX automatic numbering: lxml elements in, printed labels out.

`Numbering` turns the numbering of ``numbering.xml`` into the labels Word prints, statefully, in
document order, with the paragraph styles' numbering resolved by `styles.Styles`:

- a paragraph's ``w:numPr`` (or the one inherited through its style chain) names a ``w:num``,
  which points to a ``w:abstractNum`` (following ``w:numStyleLink`` to the list style's
  definition); ``numId`` 0 means "no number";
- a missing ``w:ilvl`` comes from the style chain, else from the level whose ``w:pStyle``
  names the paragraph's style (or a style it is based on), else it is 0;
- counters are shared per abstract definition: paragraphs of two ``w:num`` over one abstract
  definition continue one list; a ``w:startOverride`` restarts its level the first time its
  ``w:num`` is used (Word's rule; docx4j does the same);
- a level restarts when a higher level advances, or per ``w:lvlRestart`` (0 = never);
- ``%n`` in ``w:lvlText`` is level n's counter in level n's ``w:numFmt``, or in Arabic digits
  when the level rendered has ``w:isLgl`` (``decimalZero`` stays zero-padded, as Word prints
  "Section 1.01"); a level referenced before it was ever used shows its start;
- a missing ``w:start`` is 0, as the standard says and Word prints;
- Chinese counting formats (``chineseCounting``, ``chineseCountingThousand``, ``taiwaneseCounting``,
  ``japaneseCounting``) all print 一 … 十 十一 … 二十一 … 一百零一 … 一千 … 一万, as LibreOffice does
  (its NUMBER_LOWER_ZH); ``chineseLegalSimplified`` prints 壹 … 壹拾壹; ``ideographTraditional``
  cycles 甲 … 癸; ``decimalEnclosedCircle`` prints ① … ⑳ then plain decimal; an unknown format
  prints decimal;
- bullet levels print their ``w:lvlText`` character, with Symbol/Wingdings code points (U+F0B7,
  Wingdings ``§``, ``n`` …) mapped to the Unicode bullet they show (•, ▪, ■ …).

The suffix after the number (tab, space, nothing) is not part of the label.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from docparse.read.docx.ooxml import MC, W_ILVL, W_NUMID, W_VAL, W, int_attr, int_val, on_off
from docparse.read.docx.styles import Styles
from docparse.read.xmlsafe import parse_xml

MAX_LEVELS: Final = 9


# ---------------------------------------------------------------------------------------------
# Number formats


_ROMAN: Final = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _roman(value: int) -> str:
    # Past 3999 Roman numerals need overlines; a hostile w:start must not build a megabyte of Ms.
    if not 0 < value < 4000:
        return str(value)
    out: list[str] = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


def _letters(value: int) -> str:
    # Word repeats the letter past z: 26 → Z, 27 → AA, 28 → BB, 53 → AAA (up to 780, 30 letters).
    if not 0 < value <= 780:
        return str(value)
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


_ZH_DIGITS: Final = "〇一二三四五六七八九"
_ZH_UNITS: Final = ("", "十", "百", "千")
_ZH_LEGAL_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_ZH_LEGAL_UNITS: Final = ("", "拾", "佰", "仟")
_TW_LEGAL_DIGITS: Final = "零壹貳參肆伍陸柒捌玖"


def _zh_below_10k(value: int, digits: str, units: tuple[str, ...], zero: str) -> str:
    out: list[str] = []
    pending_zero = False
    for power in (3, 2, 1, 0):
        digit = value // 10**power % 10
        if digit == 0:
            pending_zero = pending_zero or bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        out.append(digits[digit] + units[power])
    return "".join(out)


def _zh_counting(value: int, *, legal: bool = False, traditional: bool = False) -> str:
    """Return `value` in Chinese counting numerals (一百零一), or legal capitals (壹佰零壹)."""
    if value < 0 or value >= 10**8:
        return str(value)
    digits = (_TW_LEGAL_DIGITS if traditional else _ZH_LEGAL_DIGITS) if legal else _ZH_DIGITS
    units = _ZH_LEGAL_UNITS if legal else _ZH_UNITS
    myriad = ("萬" if traditional else "万") if legal else "万"
    if value == 0:
        return digits[0]
    zero = "零"
    high, low = divmod(value, 10_000)
    if high:
        text = _zh_below_10k(high, digits, units, zero) + myriad
        if low:
            text += (zero if low < 1000 else "") + _zh_below_10k(low, digits, units, zero)
    else:
        text = _zh_below_10k(low, digits, units, zero)
    # Counting numerals say 十一, not 一十一; legal capitals keep 壹拾壹 (what Word prints).
    if not legal and text.startswith("一十"):
        text = text[1:]
    return text


def _zh_digital(value: int) -> str:
    return "".join(_ZH_DIGITS[int(d)] for d in str(value)) if value >= 0 else str(value)


def _cycle(symbols: str) -> Callable[[int], str]:
    def render(value: int) -> str:
        return symbols[(value - 1) % len(symbols)] if value > 0 else str(value)

    return render


def _enclosed(first: int, count: int) -> Callable[[int], str]:
    def render(value: int) -> str:
        return chr(first + value - 1) if 1 <= value <= count else str(value)

    return render


def _full_width(value: int) -> str:
    return "".join(chr(0xFF10 + int(d)) if d.isdigit() else d for d in str(value))


_FORMATTERS: Final[dict[str, Callable[[int], str]]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda v: f"0{v}" if 0 <= v < 10 else str(v),
    "upperRoman": _roman,
    "lowerRoman": lambda v: _roman(v).lower(),
    "upperLetter": _letters,
    "lowerLetter": lambda v: _letters(v).lower(),
    "ordinal": _ordinal,
    "chineseCounting": _zh_counting,
    "chineseCountingThousand": _zh_counting,
    "taiwaneseCounting": _zh_counting,
    "taiwaneseCountingThousand": _zh_counting,
    "japaneseCounting": _zh_counting,
    "ideographDigital": _zh_digital,
    "taiwaneseDigital": _zh_digital,
    "chineseLegalSimplified": lambda v: _zh_counting(v, legal=True),
    "ideographLegalTraditional": lambda v: _zh_counting(v, legal=True, traditional=True),
    "ideographTraditional": _cycle("甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": _cycle("子丑寅卯辰巳午未申酉戌亥"),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "none": lambda _v: "",
    "bullet": lambda _v: "",
}

NUMBER_FORMATS: Final = frozenset(_FORMATTERS)
"""The ``w:numFmt`` values rendered; any other value renders as decimal."""


def format_number(value: int, number_format: str) -> str:
    """Return `value` printed in the ``w:numFmt`` `number_format` (decimal when unknown)."""
    return _FORMATTERS.get(number_format, str)(value)


# The symbol fonts draw their own glyphs at Latin code points; Word stores them either as the
# font's 8-bit code or moved to the private-use area at U+F0xx. These map them to Unicode.
_WINGDINGS: Final = {
    0x6C: "●",
    0x6E: "■",
    0x6F: "□",
    0x71: "❑",
    0x75: "◆",
    0x76: "❖",
    0xA7: "▪",
    0xA8: "◻",
    0xD8: "➢",
    0xFC: "✓",
}
_SYMBOL: Final = {
    0xB7: "•",
    0xA7: "♣",
    0xA8: "♦",
    0xA9: "♥",
    0xAA: "♠",
    0xAC: "←",
    0xAD: "↑",
    0xAE: "→",
    0xAF: "↓",
    0xB0: "°",
    0xB1: "±",
    0xB3: "≥",
    0xA3: "≤",
    0xB4: "×",
    0xB8: "÷",
    0xB9: "≠",
    0xBA: "≡",
    0xBB: "≈",
    0xA5: "∞",
    0xD6: "√",
    0xD7: "⋅",
    0x2D: "−",
    **{0x41 + i: greek for i, greek in enumerate("ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")},
    **{0x61 + i: greek for i, greek in enumerate("αβχδεφγηιϕκλμνοπθρστυϖωξψζ")},
}


def symbol_char(code: str | None, font: str | None) -> str | None:
    """Return the Unicode character of a ``w:sym`` (hex `code` in `font`), or None when unknown."""
    try:
        point = int(code or "", 16)
    except ValueError:
        return None
    private = 0xF000 <= point <= 0xF0FF
    if private:
        point -= 0xF000
    name = (font or "").lower()
    if name.startswith("symbol"):
        if point in _SYMBOL:
            return _SYMBOL[point]
        return chr(point) if 0x20 <= point < 0x7F and not chr(point).isalpha() else None
    if name.startswith(("wingdings", "webdings")):
        return _WINGDINGS.get(point)
    # A surrogate code point is no character (UTF-8 cannot encode it); a control character
    # prints nothing. Both are what a hostile `w:char` would hold.
    if private or not 0x20 <= point < 0x110000 or 0xD800 <= point <= 0xDFFF or 0x7F <= point < 0xA0:
        return None
    return chr(point)


def bullet_text(text: str, font: str | None = None) -> str:
    """Return the bullet `text` of a list level with symbol-font code points mapped to Unicode.

    An unmappable symbol-font glyph becomes ``•``; a Courier New ``o`` (Word's second-level
    bullet) becomes ``◦``, the white circle it prints.
    """
    name = (font or "").lower()
    out: list[str] = []
    for char in text:
        point = ord(char)
        private = 0xF000 <= point <= 0xF0FF
        if private and not name.startswith(("symbol", "wingdings", "webdings")):
            # The font is unknown: U+F0B7 is Symbol's bullet, the others are Wingdings bullets.
            out.append("•" if point == 0xF0B7 else _WINGDINGS.get(point - 0xF000, "•"))
        elif private or (name.startswith(("symbol", "wingdings", "webdings")) and not char.isspace()):
            out.append(symbol_char(f"{point:X}", font) or "•")
        elif char == "o" and name.startswith("courier"):
            out.append("◦")
        else:
            out.append(char)
    return "".join(out).strip()


# ---------------------------------------------------------------------------------------------
# Numbering


@dataclass(frozen=True, slots=True)
class Level:
    """One ``w:lvl`` of an abstract numbering definition."""

    start: int = 0
    number_format: str = "decimal"
    text: str | None = None
    restart: int | None = None
    legal: bool = False
    paragraph_style: str | None = None
    font: str | None = None


@dataclass(frozen=True, slots=True)
class ListLabel:
    """The label Word prints before a numbered paragraph."""

    text: str
    level: int
    """The ``w:ilvl`` of the paragraph, 0-based."""
    bullet: bool = False


@dataclass(slots=True)
class _Num:
    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


def _parse_level(element: etree._Element) -> Level:
    number_format = element.find(f"{W}numFmt")
    if number_format is None:
        # Word 2010 writes custom formats as mc:AlternateContent with a plain format as fallback.
        number_format = element.find(f"{MC}AlternateContent/{MC}Fallback/{W}numFmt")
    text = element.find(f"{W}lvlText")
    fonts = element.find(f"{W}rPr/{W}rFonts")
    restart = element.find(f"{W}lvlRestart")
    pstyle = element.find(f"{W}pStyle")
    start = int_val(element.find(f"{W}start"))
    return Level(
        start=start if start is not None else 0,
        number_format=(number_format.get(W_VAL) if number_format is not None else None) or "decimal",
        text=_level_text(text.get(W_VAL)) if text is not None else None,
        restart=int_val(restart),
        legal=bool(on_off(element.find(f"{W}isLgl"))),
        paragraph_style=pstyle.get(W_VAL) if pstyle is not None else None,
        font=(fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")) if fonts is not None else None,
    )


# A real level text is a few characters (``%1.%2.``, ``第%1章``, ``(%1)``); a hostile one
# repeats ``%1`` 400,000 times and every numbered paragraph would print it expanded (36 MB of
# JSON for 50 paragraphs). Past these lengths the level text, then the label, is cut.
MAX_LEVEL_TEXT_CHARS = 64
MAX_LABEL_CHARS = 128


def _level_text(value: str | None) -> str | None:
    return value[:MAX_LEVEL_TEXT_CHARS] if value is not None else None


def _parse_levels(element: etree._Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in element.iterchildren(f"{W}lvl"):
        ilvl = int_attr(lvl.get(f"{W}ilvl"))
        if ilvl is not None and 0 <= ilvl < MAX_LEVELS and ilvl not in levels:
            levels[ilvl] = _parse_level(lvl)
    return levels


_PLACEHOLDER = re.compile(r"%([1-9])")


@functools.lru_cache(maxsize=256)
def _template(text: str) -> tuple[str, ...]:
    """Return a level's text split at its placeholders: literal, level digit, literal, … (``%1.%2`` → 5 parts)."""
    return tuple(_PLACEHOLDER.split(text))


_ARABIC_KEPT_BY_LEGAL: Final = frozenset({"decimal", "decimalZero", "none", "bullet"})


class Numbering:
    """The numbering definitions of a document and the counters of its lists, in document order."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        """Read the ``w:numbering`` element `root` (None: a document without numbering)."""
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}
        self._nums: dict[int, _Num] = {}
        self._effective: dict[int, tuple[str, dict[int, Level]] | None] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._restarts: dict[tuple[int, int], tuple[dict[int, Level], tuple[int, ...]]] = {}
        """The levels each level of a list restarts, by the list's levels (held, so their id stays theirs)."""
        self._used: set[int] = set()
        if root is None:
            return
        for element in root.iterchildren(f"{W}abstractNum"):
            abstract_id = element.get(f"{W}abstractNumId")
            if abstract_id is None or abstract_id in self._abstract:
                continue
            self._abstract[abstract_id] = _parse_levels(element)
            link = element.find(f"{W}numStyleLink")
            if link is not None and link.get(W_VAL):
                self._style_link[abstract_id] = link.get(W_VAL) or ""
        for element in root.iterchildren(f"{W}num"):
            num_id = int_attr(element.get(f"{W}numId"))
            abstract = element.find(f"{W}abstractNumId")
            if num_id is None or abstract is None or abstract.get(W_VAL) is None or num_id in self._nums:
                continue
            num = _Num(abstract_id=abstract.get(W_VAL) or "")
            for override in element.iterchildren(f"{W}lvlOverride"):
                ilvl = int_attr(override.get(f"{W}ilvl"))
                if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                    continue
                start = int_val(override.find(f"{W}startOverride"))
                if start is not None:
                    num.starts[ilvl] = start
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    num.levels[ilvl] = _parse_level(lvl)
            self._nums[num_id] = num

    @classmethod
    def from_xml(cls, data: bytes | None, styles: Styles, *, path: str | None = None) -> Numbering:
        """Return the numbering of the ``numbering.xml`` bytes `data` (None: no numbering)."""
        return cls(None if data is None else parse_xml(data, part="numbering.xml", path=path), styles)

    def _resolve_abstract(self, abstract_id: str) -> str:
        # numStyleLink: the list style names a num whose abstract definition holds the levels.
        seen = {abstract_id}
        while abstract_id in self._style_link and not self._abstract.get(abstract_id):
            style = self._styles.get(self._style_link[abstract_id])
            num = self._nums.get(style.num_id) if style is not None and style.num_id is not None else None
            if num is None or num.abstract_id in seen:
                break
            abstract_id = num.abstract_id
            seen.add(abstract_id)
        return abstract_id

    def _levels(self, num_id: int) -> tuple[str, dict[int, Level]] | None:
        if num_id in self._effective:
            return self._effective[num_id]
        num = self._nums.get(num_id)
        result: tuple[str, dict[int, Level]] | None = None
        if num is not None:
            key = self._resolve_abstract(num.abstract_id)
            levels = dict(self._abstract.get(key, {}))
            levels.update(num.levels)
            for ilvl, start in num.starts.items():
                if ilvl in levels:
                    level = levels[ilvl]
                    levels[ilvl] = dataclasses.replace(level, start=start)
            result = (key, levels) if levels else None
        self._effective[num_id] = result
        return result

    def label_for(self, num_pr: etree._Element | None, style_id: str | None) -> ListLabel | None:
        """Return the label of the next paragraph, with ``w:numPr`` `num_pr` and style `style_id`.

        Stateful: call it once per paragraph, in document order, for every paragraph (it
        advances the counters of the paragraph's list). `num_pr` is the paragraph's own
        ``w:numPr`` (None when it has none); its style chain supplies what it leaves out.
        """
        num_id = ilvl = None
        if num_pr is not None:
            for prop in num_pr:
                if prop.tag == W_NUMID:
                    num_id = int_val(prop)
                elif prop.tag == W_ILVL:
                    ilvl = int_val(prop)
        style = self._styles.resolve(style_id)
        if num_id is None:
            num_id = style.num_id
        if num_id is None or num_id == 0 or not self._nums:
            return None
        found = self._levels(num_id)
        if found is None:
            return None
        key, levels = found
        if ilvl is None:
            ilvl = style.ilvl
        if ilvl is None:
            ilvl = next(
                (i for sid in style.chain for i, lvl in levels.items() if lvl.paragraph_style == sid),
                0,
            )
        return self.advance(num_id, min(max(ilvl, 0), MAX_LEVELS - 1), key, levels)

    def _restarted(self, levels: dict[int, Level], ilvl: int) -> tuple[int, ...]:
        """Return the levels deeper than `ilvl` that a paragraph at `ilvl` of `levels` restarts (kept per list)."""
        known = self._restarts.get((id(levels), ilvl))
        if known is not None and known[0] is levels:
            return known[1]
        found: list[int] = []
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart == 0:
                continue
            # lvlRestart is 1-based: "restart after level k"; omitted (or nonsensical) = the level above.
            threshold = deeper if restart is None or restart > deeper else restart
            if ilvl + 1 <= threshold:
                found.append(deeper)
        self._restarts[(id(levels), ilvl)] = (levels, tuple(found))
        return tuple(found)

    def advance(
        self, num_id: int, ilvl: int, key: str | None = None, levels: dict[int, Level] | None = None
    ) -> ListLabel | None:
        """Count one paragraph at level `ilvl` of list `num_id` and return its label."""
        if key is None or levels is None:
            found = self._levels(num_id)
            if found is None:
                return None
            key, levels = found
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(key, [None] * MAX_LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for overridden in self._nums[num_id].starts:
                counters[overridden] = None
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in self._restarted(levels, ilvl):
            counters[deeper] = None
        if level.text is None:
            return None
        if level.number_format == "bullet":
            text = bullet_text(level.text, level.font)
        else:
            parts = _template(level.text)
            pieces = list(parts)
            for at in range(1, len(parts), 2):
                index = int(parts[at]) - 1
                referenced = levels.get(index, level)
                value = counters[index]
                if value is None:
                    value = referenced.start
                number_format = referenced.number_format
                # isLgl prints Arabic digits; decimalZero already is (Word prints "Section 1.01").
                if level.legal and number_format not in _ARABIC_KEPT_BY_LEGAL:
                    number_format = "decimal"
                pieces[at] = format_number(value, number_format)
            text = "".join(pieces).strip()[:MAX_LABEL_CHARS]
        if not text:
            return None
        return ListLabel(text=text, level=ilvl, bullet=level.number_format == "bullet")
