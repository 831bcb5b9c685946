"""The table of numbering families: how a label at the start of a block is recognised and valued.

One row per family. Order matters: the first family whose pattern matches wins, so more
specific patterns (``1.1`` before ``1.``, ``（一）`` before ``（1）``) come first. Digits and
punctuation match in their half- and full-width forms; the text is never NFKC-normalised
before matching (that would turn ``①`` into ``1`` and ``…`` into ``...``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

import regex

DIGIT = r"[0-9０-９]"
HAN_NUMERAL = r"[〇零一二三四五六七八九十百千两]"
DOT = r"[.．]"
OPEN = r"[(（]"
CLOSE = r"[)）]"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
# Bullets that Chinese calls also use to head sub-topics (the reference call's "■" tracks) ...
HEADING_BULLETS = "■□●○◆◇▶►❖➢➤◎☆★"
# ... and those that word processors put before list items only.
LIST_BULLETS = "•▪▫◼◾✓√◦"


class Role(StrEnum):
    """What a family is usually used for; the builder still decides from context."""

    OUTLINE = "outline"
    """Headings (``1.``, ``1.1``, ``一、``, ``第一章``): a list only inside a directions list."""
    LIST = "list"
    """List items (``1)``, ``(1)``, ``①``, Markdown ``-``): a heading only when the format says so."""
    EITHER = "either"
    """Bullets such as ``■``: a heading when short and outside a list, else a list item."""


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    pattern: regex.Pattern[str]
    role: Role
    example: str


def _family(name: str, pattern: str, role: Role, example: str) -> Family:
    return Family(name, regex.compile(pattern, regex.V1), role, example)


# Each pattern captures the label as printed in group "label" and the number text in "num".
# After the label, whitespace (ASCII, tab or the ideographic space) is optional.
_SP = r"[ \t\u3000]*"
FAMILIES: tuple[Family, ...] = (
    _family(
        "chapter", rf"^(?P<label>第(?P<num>{DIGIT}+|{HAN_NUMERAL}+)[章节篇部条])(?:{_SP}|$)", Role.OUTLINE, "第一章"
    ),
    _family(
        "project", rf"^(?P<label>项目(?P<num>{DIGIT}+|{HAN_NUMERAL}+)[：:、.．]?)(?:{_SP}|$)", Role.OUTLINE, "项目一"
    ),
    _family("no", rf"^(?P<label>(?i:no){DOT}?{_SP}(?P<num>{DIGIT}+)[：:、]?)(?:{_SP}|$)", Role.OUTLINE, "No.236："),
    _family(
        "decimal-multi",
        rf"^(?P<label>(?P<num>{DIGIT}{{1,3}}(?:{DOT}{DIGIT}{{1,3}})+)(?!{DIGIT}){DOT}?)"
        r"(?:[ \t\u3000]+|(?=\p{Han})|$)",
        Role.OUTLINE,
        "1.1",
    ),
    _family(
        "decimal",
        rf"^(?P<label>(?P<num>{DIGIT}{{1,3}})[.．、](?!{DIGIT}))(?:{_SP}|$)",
        Role.OUTLINE,
        "1.",
    ),
    _family("cjk", rf"^(?P<label>(?P<num>{HAN_NUMERAL}{{1,3}})[、．.])(?:{_SP}|$)", Role.OUTLINE, "一、"),
    _family("cjk-paren", rf"^(?P<label>{OPEN}(?P<num>{HAN_NUMERAL}{{1,3}}){CLOSE})(?:{_SP}|$)", Role.OUTLINE, "（一）"),
    _family("paren", rf"^(?P<label>{OPEN}(?P<num>{DIGIT}{{1,3}}){CLOSE})(?:{_SP}|$)", Role.LIST, "（1）"),
    _family("paren-right", rf"^(?P<label>(?P<num>{DIGIT}{{1,3}}){CLOSE})(?:{_SP}|$)", Role.LIST, "1)"),
    _family("circled", rf"^(?P<label>(?P<num>[{CIRCLED}]))(?:{_SP}|$)", Role.LIST, "①"),
    _family("latin-paren", rf"^(?P<label>{OPEN}?(?P<num>[a-z]){CLOSE})(?:[ \t\u3000]+|$)", Role.LIST, "a)"),
    _family("roman", r"^(?P<label>(?P<num>(?:X{0,3})(?:IX|IV|V?I{0,3}))[.．])(?:[ \t\u3000]+|$)", Role.OUTLINE, "IV."),
    _family("bullet", rf"^(?P<label>(?P<num>[{HEADING_BULLETS}]))(?:{_SP}|$)", Role.EITHER, "■"),
    _family("list-bullet", rf"^(?P<label>(?P<num>[{LIST_BULLETS}]))(?:{_SP}|$)", Role.LIST, "•"),
    _family("dash", r"^(?P<label>(?P<num>[-–*+]))(?:[ \t\u3000]+|$)", Role.LIST, "-"),
)

FAMILIES_BY_NAME: dict[str, Family] = {family.name: family for family in FAMILIES}


@dataclass(frozen=True, slots=True)
class Numbering:
    """A recognised label at the start of a text."""

    family: Family
    label: str
    """The label as printed, e.g. ``1.1``, ``（一）``, ``■``."""
    value: tuple[int, ...]
    """The number as integers, ``(1, 1)`` for ``1.1``; ``()`` for bullets."""
    rest: str
    """The text after the label and the whitespace that follows it."""

    @property
    def key(self) -> tuple[str, int]:
        """Return the family and depth: two labels with the same key are siblings in a list or outline."""
        return (self.family.name, max(len(self.value), 1))

    @property
    def number(self) -> str | None:
        """Return the number as text with ASCII digits (``1.1``), or None for bullets."""
        return ".".join(str(v) for v in self.value) if self.value else None

    @property
    def last(self) -> int | None:
        return self.value[-1] if self.value else None


def match_numbering(text: str) -> Numbering | None:
    """Return the numbering label at the start of `text`, or None."""
    for family in FAMILIES:
        found = family.pattern.match(text)
        if found is None or not found.group("label"):
            continue
        value = _value(family.name, found.group("num"))
        if value is None:
            continue
        return Numbering(family, found.group("label"), value, text[found.end() :].strip())
    return None


_DOT_RE = regex.compile(DOT)
_DIGITS_RE = regex.compile(rf"{DIGIT}+")


def _value(family: str, num: str) -> tuple[int, ...] | None:
    if family in ("bullet", "list-bullet", "dash"):
        return ()
    if family == "circled":
        return (CIRCLED.index(num) + 1,)
    if family == "latin-paren":
        return (ord(num) - ord("a") + 1,)
    if family == "roman":
        return (roman_to_int(num),) if num else None
    values = []
    for part in _DOT_RE.split(num):
        value = digits_to_int(part) if _DIGITS_RE.fullmatch(part) else han_to_int(part)
        if value is None:
            return None
        values.append(value)
    return tuple(values)


def digits_to_int(text: str) -> int:
    """Return the integer written with ASCII or full-width digits."""
    return int("".join(str(unicodedata.digit(ch)) for ch in text))


_HAN_DIGITS = {
    ch: value
    for value, chars in enumerate(("〇零", "一", "二两", "三", "四", "五", "六", "七", "八", "九"))
    for ch in chars
}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}


def han_to_int(text: str) -> int | None:
    """Return the value of a Chinese numeral such as ``十二`` or ``一百零五``; None if malformed."""
    if not text:
        return None
    total, digit = 0, None
    for ch in text:
        if ch in _HAN_DIGITS:
            digit = _HAN_DIGITS[ch]
        elif ch in _HAN_UNITS:
            total += (1 if digit is None else digit) * _HAN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


_ROMAN = {"I": 1, "V": 5, "X": 10}


def roman_to_int(text: str) -> int:
    """Return the value of a Roman numeral made of I, V and X."""
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total
