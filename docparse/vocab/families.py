"""The table of numbering families: how a label at the start of a block is recognised and valued.

One row per family, with every fact the rest of docparse branches on: the pattern, the role
(outline heading, list item, either, topic identifier, document part), the value parser, and
the sequence behaviour (positions that count up, identifiers, or bullets without a number).
Order matters: the first family whose pattern matches wins, so more specific patterns (``1.1``
before ``1.``, ``（一）`` before ``（1）``) come first. Digits and punctuation match in their half-
and full-width forms; the text is never NFKC-normalised before matching (that would turn ``①``
into ``1`` and ``…`` into ``...``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import regex

from docparse.vocab.glyphs import HEADING_BULLETS, LIST_BULLETS, SEPARATOR_DASHES, SYMBOL_BULLETS
from docparse.vocab.lazy import lazy

DIGIT = r"[0-9０-９]"
HAN_NUMERAL = r"[〇零一二三四五六七八九十百千两]"
DOT = r"[.．]"
OPEN = r"[(（]"
CLOSE = r"[)）]"
# A space inside the brackets ("（ 一）", "（ 1）"): how text extracted from some PDFs prints them.
_PAD = r"[ \u3000\xa0]?"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
# The en dash of a slide's sub-items, set close to its text ("–比赛题目: …"): a bullet when a word
# follows, not a number ("–2021") or more punctuation.
_CLOSE_DASH = r"–(?=[^\s\d.,;:!?，。；：、\-–—])"


class Role(StrEnum):
    """What a family is usually used for; the outline stage still decides from context."""

    OUTLINE = "outline"
    """Headings (``1.``, ``1.1``, ``一、``, ``第一章``): a list only inside a directions list."""
    LIST = "list"
    """List items (``1)``, ``(1)``, ``①``, Markdown ``-``): a heading only when the format says so."""
    EITHER = "either"
    """Bullets such as ``■``: a heading when short and outside a list, else a list item."""
    IDENTIFIER = "identifier"
    """Topic identifiers (``No.236``, ``A254-049``, ``XH-202603``): a topic heading when titled."""
    PART = "part"
    """Document parts (``附件一``, ``Appendix A``): an attachment label, or an appendix heading."""


class Sequence(StrEnum):
    """How the numbers of one family behave from one sibling to the next."""

    POSITION = "position"
    """Numbers count up from 1: a gap or a duplicate is a finding."""
    IDENTIFIER = "identifier"
    """Numbers are ids (``No.236``): only order and uniqueness count."""
    NONE = "none"
    """Bullets carry no number."""


Value = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    pattern: regex.Pattern[str]
    role: Role
    value: Callable[[str], Value | None]
    """Parse the ``num`` group into integers; None rejects the match (``十十``)."""
    sequence: Sequence
    example: str
    trailing_zero_is_parent: bool = False
    """``1.0`` is the chapter ``1`` itself (DoD, US federal style): ``1.1`` sits under it."""


def digits_to_int(text: str) -> int:
    """Return the integer written with ASCII or full-width digits."""
    if text.isascii() and text.isdigit():  # the common case, without a digit lookup per character
        return int(text)
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


def roman_to_int(text: str) -> int | None:
    """Return the value of a Roman numeral made of I, V and X (either case); None if empty."""
    if not text:
        return None
    text = text.upper()
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


_DOT_RE = lazy(DOT)
_DIGITS_RE = lazy(rf"{DIGIT}+")
_ROMAN_RE = lazy(r"[IVXivx]+")


def _number(part: str) -> int | None:
    return digits_to_int(part) if _DIGITS_RE.fullmatch(part) else han_to_int(part)


def dotted_value(num: str) -> Value | None:
    """Return ``(1, 2)`` for ``1.2`` (half- or full-width), ``(1,)`` for ``一``."""
    values = []
    for part in _DOT_RE.split(num):
        value = _number(part)
        if value is None:
            return None
        values.append(value)
    return tuple(values)


def circled_value(num: str) -> Value | None:
    return (CIRCLED.index(num) + 1,)


def letter_value(num: str) -> Value | None:
    """Return ``(1,)`` for ``a`` or ``A``; a number written in digits or Roman numerals also counts."""
    if _DIGITS_RE.fullmatch(num):
        return (digits_to_int(num),)
    if len(num) == 1 and num.isascii() and num.isalpha():
        return (ord(num.upper()) - ord("A") + 1,)
    if _ROMAN_RE.fullmatch(num):
        value = roman_to_int(num)
        return None if value is None else (value,)
    return None


def han_or_letter_value(num: str) -> Value | None:
    value = han_to_int(num)
    return (value,) if value is not None else letter_value(num)


def roman_value(num: str) -> Value | None:
    value = roman_to_int(num)
    return None if value is None else (value,)


def numeric_value(num: str) -> Value | None:
    """Return ``(4,)`` for a one-character numeral such as ``Ⅳ``."""
    return (int(unicodedata.numeric(num)),) if len(num) == 1 else None


def arabic_or_roman_value(num: str) -> Value | None:
    """Return ``(3,)`` for ``3`` or ``III``."""
    if _DIGITS_RE.fullmatch(num):
        return (digits_to_int(num),)
    return roman_value(num)


def no_value(num: str) -> Value | None:
    return ()


def identifier_value(num: str) -> Value | None:
    """Identifiers have no position: ``A254-049`` is an id, not the 49th of anything."""
    return ()


def _family(
    name: str,
    pattern: str,
    role: Role,
    value: Callable[[str], Value | None],
    sequence: Sequence,
    example: str,
    **extra: bool,
) -> Family:
    return Family(name, lazy(pattern, regex.V1), role, value, sequence, example, **extra)


# Each pattern captures the label as printed in group "label" and the number text in "num".
# After the label, whitespace (ASCII, tab or the ideographic space) is optional.
_SP = r"[ \t\u3000\xa0]*"
_GAP = r"(?:[ \t\u3000\xa0]+|$)"
# A topic identifier: capitals and digits in two or more hyphenated parts, with at least three
# digits (A254-049, XH-202603, A83-002, HORIZON-WIDERA-2025-01-ACCESS-01); "COVID-19" has two, and a
# name and a year alone ("ICCDI-2023", "IWDW-2019") name an edition of an event, not a topic.
_IDENTIFIER = r"(?=(?:[^\d\s]*\d){3})(?![A-Z]+-(?:19|20)[0-9]{2}(?![-A-Z0-9]))[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+"
# A tag that only announces the title on an identifier's line: "A254-049 TITLE: …".
TITLE_TAG = r"(?:TITLE|Title|题目|名称)[ \t]*[:：]"
# Words that name the numbered topics of a call ("项目一", "赛题十二", "Topic 3:"): one family, so
# that the lines of a soft-wrapped list of them are told apart and count up as siblings.
TOPIC_WORDS_ZH = ("项目", "赛题", "课题", "题目", "选题", "专题")
# Characters that make a word with the numeral before them (一般, 一致, 一样, 一览, 一律, 一定 …).
_NUMERAL_WORD = "[般致样览律定切旦些起同直]"
TOPIC_WORDS_EN = ("Topic", "Project", "Challenge", "TOPIC", "PROJECT", "CHALLENGE")
P = Role
S = Sequence
FAMILIES: tuple[Family, ...] = (
    _family(
        "chapter",
        # 部分 is one word ("第一部分 招标公告"): the label ends after it, not at 部. A colon after it
        # ("第一部分：系统建模") separates the title as a space does.
        rf"^(?P<label>第(?P<num>{DIGIT}+|{HAN_NUMERAL}+)(?:部分|[章节篇部条]))(?:[：:]?{_SP}|$)",
        P.OUTLINE,
        dotted_value,
        S.POSITION,
        "第一章",
    ),
    # The English counterparts of 第一部分 / 第一节 / 第一章: "Part 1. Overview Information",
    # "Section III. Eligibility Information" (NIH Guide notices), "Chapter 2: Eligibility".
    # One family per word, so that Part, Section and Chapter are never siblings.
    *(
        _family(
            word.lower(),
            rf"^(?P<label>(?:{word}|{word.upper()})[ \t]+(?P<num>{DIGIT}{{1,2}}|[IVX]{{1,5}})(?!\w)[.:：]?)"
            r"(?:[ \t\u3000\xa0]+|$)",
            P.OUTLINE,
            arabic_or_roman_value,
            S.POSITION,
            f"{word} 1.",
        )
        for word in ("Part", "Section", "Chapter")
    ),
    # A word that names what is numbered, then its number: "项目一：…", "赛题十二：…", "Topic 3: …".
    # A word run on from the numeral ("项目一般…", "题目一致") is no label; the English form needs its
    # colon or dot ("Project 2 will …" is a sentence, not a label).
    _family(
        "project",
        rf"^(?P<label>(?:{'|'.join(TOPIC_WORDS_ZH)})(?P<num>{DIGIT}+|{HAN_NUMERAL}+)(?:[：:、.．]|(?!{_NUMERAL_WORD}))"
        rf"|(?:{'|'.join(TOPIC_WORDS_EN)})[ \t]+(?P<num>{DIGIT}{{1,3}})[:：.])(?:{_SP}|$)",
        P.OUTLINE,
        dotted_value,
        S.POSITION,
        "项目一",
    ),
    _family(
        "appendix",
        # "Appendix: Selection of Resources" names its one appendix without a number.
        rf"^(?P<label>(?i:appendix|annex|attachment|enclosure)(?:[ \t]+(?P<num>[A-Z]|{DIGIT}{{1,2}}|[IVX]{{1,4}})"
        r"(?![\w.])[ \t]*[:：.]?|[ \t]*[:：]))(?:[ \t\u3000\xa0]+|$)",
        P.PART,
        lambda num: letter_value(num) if num else (),
        S.POSITION,
        "Appendix A",
    ),
    _family(
        "attachment",
        rf"^(?P<label>(?:附件|附录|附表)(?:[ \t\u3000\xa0]*(?P<num>{DIGIT}{{1,2}}|{HAN_NUMERAL}{{1,3}}|[A-Z])"
        r"[ \t\u3000\xa0]*[：:、.．]?|[ \t\u3000\xa0]*[：:]|(?=[ \t\u3000\xa0]*$)))[ \t\u3000\xa0]*",
        P.PART,
        lambda num: han_or_letter_value(num) if num else (),
        S.POSITION,
        "附件一",
    ),
    _family("appended", rf"^(?P<label>附(?P<num>)[：:]){_SP}", P.PART, no_value, S.IDENTIFIER, "附："),
    _family(
        "no",
        rf"^(?P<label>(?i:no){DOT}?{_SP}(?P<num>{DIGIT}+)[：:、]?)(?:{_SP}|$)",
        P.IDENTIFIER,
        dotted_value,
        S.IDENTIFIER,
        "No.236：",
    ),
    # A catalogue's own codes for its items: one or two capitals and a counter, closed by a dot ("R1. Rum
    # River水文模拟", "T3. Scalable indexing") or by a dash between spaces ("PS1 - AI/ML": the label keeps
    # its dash as printed, as "1 - General information" does). Closed, so that "G20 summit" or "A4 paper"
    # in running text is no code, and never by a colon: "L0：…" (a level) or "Q1: …" is a label. An
    # identifier, as `No.236` is, so a heading it numbers names a topic.
    _family(
        "code",
        rf"^(?P<label>(?P<num>[A-Z]{{1,2}}{DIGIT}{{1,3}})(?:[.．]|[ \t]+[{SEPARATOR_DASHES}](?=[ \t])))"
        r"(?:[ \t\u3000\xa0]+|$)",
        P.IDENTIFIER,
        identifier_value,
        S.IDENTIFIER,
        "R1.",
    ),
    _family(
        "identifier",
        rf"^(?P<label>(?P<num>{_IDENTIFIER}))(?=[ \t]*[:：]|[ \t\u3000\xa0]+\S|$)(?:[ \t]*(?:{TITLE_TAG}|[:：]))?{_SP}",
        P.IDENTIFIER,
        identifier_value,
        S.IDENTIFIER,
        "A254-049",
    ),
    # A contract's section letter before its clause numbers (the US Uniform Contract Format's
    # "C.1 Background", "C.7.1 Introduction" in Section C, the statement of work): the number
    # after the letter is the outline position; the letter names the part the clauses belong to.
    _family(
        "lettered-decimal",
        rf"^(?P<label>[A-Z]{DOT}(?P<num>{DIGIT}{{1,3}}(?:{DOT}{DIGIT}{{1,3}})*)(?!{DIGIT}){DOT}?){_GAP}",
        P.OUTLINE,
        dotted_value,
        S.POSITION,
        "C.1",
    ),
    _family(
        "decimal-multi",
        rf"^(?P<label>(?P<num>{DIGIT}{{1,3}}(?:{DOT}{DIGIT}{{1,3}})+)(?!{DIGIT}){DOT}?)"
        r"(?:[ \t\u3000\xa0]+|(?=\p{Han})|$)",
        P.OUTLINE,
        dotted_value,
        S.POSITION,
        "1.1",
        trailing_zero_is_parent=True,
    ),
    _family(
        "decimal",
        # "1：FPGA 实现…": a full-width colon closes the number as a dot does (never before a digit: "1：1", "9：00").
        rf"^(?P<label>(?P<num>{DIGIT}{{1,3}})[.．、：](?!{DIGIT}))(?:{_SP}|$)",
        P.OUTLINE,
        dotted_value,
        S.POSITION,
        "1.",
    ),
    _family(
        "dash-number",
        rf"^(?P<label>(?P<num>{DIGIT}{{1,2}})[ \t]+[{SEPARATOR_DASHES}][ \t]+)(?=\S)",
        P.OUTLINE,
        dotted_value,
        S.POSITION,
        "1 - General information",
    ),
    _family(
        "cjk",
        rf"^(?P<label>(?P<num>{HAN_NUMERAL}{{1,3}})[、．.])(?:{_SP}|$)",
        P.OUTLINE,
        dotted_value,
        S.POSITION,
        "一、",
    ),
    _family(
        "cjk-paren",
        rf"^(?P<label>{OPEN}{_PAD}(?P<num>{HAN_NUMERAL}{{1,3}}){_PAD}{CLOSE})(?:{_SP}|$)",
        P.OUTLINE,
        dotted_value,
        S.POSITION,
        "（一）",
    ),
    _family(
        "paren",
        rf"^(?P<label>{OPEN}{_PAD}(?P<num>{DIGIT}{{1,3}}){_PAD}{CLOSE})(?:{_SP}|$)",
        P.LIST,
        dotted_value,
        S.POSITION,
        "（1）",
    ),
    _family(
        "paren-right",
        rf"^(?P<label>(?P<num>{DIGIT}{{1,3}}){CLOSE})(?:{_SP}|$)",
        P.LIST,
        dotted_value,
        S.POSITION,
        "1)",
    ),
    _family("circled", rf"^(?P<label>(?P<num>[{CIRCLED}]))(?:{_SP}|$)", P.LIST, circled_value, S.POSITION, "①"),
    _family("latin-paren", rf"^(?P<label>{OPEN}?(?P<num>[a-z]){CLOSE}){_GAP}", P.LIST, letter_value, S.POSITION, "a)"),
    _family("latin-dot", rf"^(?P<label>(?P<num>[a-z])[.．]){_GAP}", P.LIST, letter_value, S.POSITION, "a."),
    _family(
        "roman",
        r"^(?P<label>(?P<num>(?:X{0,3})(?:IX|IV|V?I{0,3}))[.．])(?:[ \t\u3000\xa0]+|$)",
        P.OUTLINE,
        roman_value,
        S.POSITION,
        "IV.",
    ),
    # The Roman numerals of Unicode's number forms, one character each ("Ⅰ. 基本数据结构", "Ⅱ、"): Chinese
    # word processors' numbering of parts.
    _family("roman-char", rf"^(?P<label>(?P<num>[Ⅰ-Ⅻ])[.．、])(?:{_SP}|$)", P.OUTLINE, numeric_value, S.POSITION, "Ⅳ."),
    _family("bullet", rf"^(?P<label>(?P<num>[{HEADING_BULLETS}]))(?:{_SP}|$)", P.EITHER, no_value, S.NONE, "■"),
    _family("list-bullet", rf"^(?P<label>(?P<num>[{LIST_BULLETS}]))(?:{_SP}|$)", P.LIST, no_value, S.NONE, "•"),
    _family("symbol-bullet", rf"^(?P<label>(?P<num>[{SYMBOL_BULLETS}]))(?:{_SP}|$)", P.EITHER, no_value, S.NONE, "†"),
    _family(
        "dash",
        rf"^(?P<label>(?P<num>[-–*+]))(?:[ \t\u3000\xa0]+|$)|^(?P<label>(?P<num>{_CLOSE_DASH}))",
        P.LIST,
        no_value,
        S.NONE,
        "-",
    ),
)
del P, S

# The counted units of work a statement of work lists under its scope ("Task 1:", "Work Package 2",
# "Lot 3"): not a numbering that starts a line of the outline (the word is the title), matched only
# against a field's label by the shape rules, which read a run of them as the call's directions.
WORK_UNIT = _family(
    "work-unit",
    r"^(?P<label>(?P<word>(?i:task|sub-?task|work[ \t]*package|work[ \t]*stream|thrust|lot))[ \t]+(?P<num>[0-9]{1,2}))"
    r"[ \t]*[:：.]?$",
    Role.LIST,
    dotted_value,
    Sequence.POSITION,
    "Task 1",
)

# A number and a space before a capitalised or Han title ("1 Introduction", "4 Scope of Work",
# "1 存储管理": Google Docs', LaTeX's and Typst's headings): in running text "2 trains of actuation
# logic" or "2 个测试点" is a count, so this is a numbering only on a line the format or the
# reader's typography marks as a heading.
BARE_NUMBER = _family(
    "bare-number",
    r"^(?P<label>(?P<num>[0-9]{1,2}))[ \t\u3000\xa0]+(?=\p{Lu}|\p{Han})",
    Role.OUTLINE,
    dotted_value,
    Sequence.POSITION,
    "1 Introduction",
)
# Headings numbered with bare numbers count from 1 at least this far (one such line is no outline).
BARE_NUMBER_MIN_HEADINGS = 2


# A heading that labels itself with a lead word and a letter or number, then a dash or colon and
# its title: "赛题方向 A-战略模拟器 Agent", "赛题方向 B：…", "Topic 2 – Data", "IDEA 3: …", "方向一：…". Not in
# FAMILIES: any word may lead, so one such line says nothing; the segment stage takes a run of them
# with one lead word and counting markers (`match_labelled`), typeset as headings, as a family.
LABELLED = _family(
    "labelled",
    rf"^(?P<label>(?:(?P<word>\p{{Han}}{{2,8}}?)[ \t\u3000\xa0]*"
    r"|(?P<word>[A-Z](?:[a-z]{1,15}|[A-Z]{1,15})(?:[ \t][A-Za-z](?:[a-z]{1,15}|[A-Z]{1,15}))?)[ \t]+)"
    rf"(?P<num>[A-Z]|{DIGIT}{{1,2}}|{HAN_NUMERAL}{{1,3}}))(?![A-Za-z0-9])"
    r"[ \t\u3000\xa0]*(?:[-–—](?![0-9])|[:：][-–—]?+)[ \t\u3000\xa0]*(?=\S)",
    Role.OUTLINE,
    han_or_letter_value,
    Sequence.POSITION,
    "赛题方向 A-",
)


# The same label leading a run-in item of body text ("任务一：裁判随机发放的任务卡 1，…" then
# "任务二：…"): a counted item, not a heading, so a family of its own with the list role.
LABELLED_ITEM = Family("labelled-item", LABELLED.pattern, Role.LIST, LABELLED.value, Sequence.POSITION, "任务一：")


# A self-labelled heading without a title: the label alone, maybe closed by its colon or a dash
# ("Problem Statement 3 :-", "Topic 2:"); the label itself is then the heading's title.
LABEL_ALONE = lazy(
    LABELLED.pattern.pattern.split(r"(?![A-Za-z0-9])")[0]
    + r"(?![A-Za-z0-9])[ \t\u3000\xa0]*(?P<note>[（(][^（）()\n]{1,40}[）)])?"
    + r"[ \t\u3000\xa0]*(?:[:：][-–—]?|[-–—])?[ \t\u3000\xa0]*$",
    regex.V1,
)


def match_labelled(text: str, *, item: bool = False, alone: bool = False) -> tuple[str, Numbering] | None:
    """Return the lead word and the label of a self-labelled heading (``赛题方向 A-…``), or None.

    `item` gives the label the run-in item family (``任务一：…`` in body text) instead; `alone` also
    takes a label without a title (``Problem Statement 3 :-``), whose rest is then the label itself, or a
    label with only a bracketed note (``命题 1（华为命题）``), whose rest is the note.
    """
    found = LABELLED.pattern.match(text)
    if found is None and alone and (bare := LABEL_ALONE.match(text)) is not None:
        value = LABELLED.value(bare.group("num"))
        label = bare.group("label").strip()
        # "命题 1（华为命题）": the bracketed note after the label is all the title the heading has.
        rest = bare.group("note") or label
        return (bare.group("word"), Numbering(LABELLED, label, value, rest, bare.group("num"))) if value else None
    if found is None:
        return None
    value = LABELLED.value(found.group("num"))
    if value is None:
        return None
    family = LABELLED_ITEM if item else LABELLED
    numbering = Numbering(family, found.group("label").strip(), value, text[found.end() :].strip(), found.group("num"))
    return found.group("word"), numbering


# Word's second-level bullet, a Courier New "o", left as a letter in the text ("o The range of properties…",
# "o 比较并对比…"): not in FAMILIES, since "o" also starts words; the segment stage reads it as a bullet only
# right under a bullet item or another such line.
O_BULLET = _family(
    "o-bullet", r"^(?P<label>(?P<num>o))[ \t\u3000\xa0]+(?=\p{Lu}|\p{Han})", Role.LIST, no_value, Sequence.NONE, "o"
)

FAMILIES_BY_NAME: dict[str, Family] = {
    family.name: family for family in (*FAMILIES, WORK_UNIT, BARE_NUMBER, LABELLED, LABELLED_ITEM, O_BULLET)
}
# Families whose label word names a topic (`TOPIC_WORDS_ZH`, `TOPIC_WORDS_EN`): "赛题一：…" is a topic's title.
TOPIC_FAMILIES = frozenset({"project"})
# Families whose numbers are identifiers rather than positions: only order and uniqueness count.
IDENTIFIER_FAMILIES = frozenset(family.name for family in FAMILIES if family.sequence is Sequence.IDENTIFIER)


def without_trailing_zeros(value: Value) -> Value:
    """Return ``(1,)`` for ``(1, 0)``: a number ending in zeros (``1.0``) is its parent itself."""
    while len(value) > 1 and value[-1] == 0:
        value = value[:-1]
    return value


def number_path(number: str | None) -> Value | None:
    """Return the outline position of a number as the model writes it: ``1.2`` → ``(1, 2)``, ``1.0`` → ``(1,)``.

    None when `number` is empty or not dotted digits (an identifier, an appendix letter).
    """
    if not number:
        return None
    try:
        value = tuple(int(part) for part in number.split("."))
    except ValueError:
        return None
    return without_trailing_zeros(value)


@dataclass(frozen=True, slots=True)
class Numbering:
    """A recognised label at the start of a text."""

    family: Family
    label: str
    """The label as printed, e.g. ``1.1``, ``（一）``, ``■``, ``A254-049``."""
    value: Value
    """The number as integers, ``(1, 1)`` for ``1.1``; ``()`` for bullets and identifiers."""
    rest: str
    """The text after the label and the whitespace that follows it."""
    num: str = ""
    """The number as printed inside the label (``1.1``, ``一``, ``A``, ``A254-049``)."""
    tag: str = ""
    """A title tag consumed after an identifier (``TITLE:``), kept for accounting."""
    path: Value = field(init=False, repr=False, compare=False)
    """The value as a position in the outline: ``1.0`` is ``(1,)``, the chapter itself."""
    key: tuple[str, int] = field(init=False, repr=False, compare=False)
    """The family and depth: two labels with the same key are siblings in a list or outline."""

    def __post_init__(self) -> None:
        # Kept, not computed at each use: the outline's rules ask a token's key and path
        # hundreds of thousands of times in a long call (a tenth of the outline stage).
        path = without_trailing_zeros(self.value) if self.family.trailing_zero_is_parent else self.value
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "key", (self.family.name, max(len(path), 1)))

    @property
    def number(self) -> str | None:
        """Return the number as text: ASCII digits (``1.1``), the identifier, or None for bullets."""
        if self.family.sequence is Sequence.IDENTIFIER and not self.value:
            return self.num or None
        if not self.value:
            return None
        if self.family.role is Role.PART and not self.num.isdigit():
            return self.num.upper() if self.num.isascii() else str(self.value[-1])
        return ".".join(str(v) for v in self.value)

    @property
    def last(self) -> int | None:
        return self.path[-1] if self.path else None

    def follows(self, previous: Numbering) -> bool:
        """Return whether this label is the next sibling of `previous` (``d.`` after ``c.``, ``2.3`` after ``2.2``)."""
        if self.key != previous.key or self.family.sequence is not Sequence.POSITION or not self.path:
            return False
        return self.path[:-1] == previous.path[:-1] and self.path[-1] == (previous.last or 0) + 1

    @property
    def is_bullet(self) -> bool:
        return self.family.sequence is Sequence.NONE and self.family.role in (Role.LIST, Role.EITHER)


# A capital letter as a heading's label ("A. Proposal Preparation Instructions"): in no family list, since
# "A. Smith" begins a sentence alike. A table of contents vouches for it: an entry printed with it, and the
# body line that entry names (`match_letter_heading`).
LETTER_HEADING = _family(
    "latin-upper-dot",
    rf"^(?P<label>(?P<num>[A-Z])(?:{DOT}|{CLOSE}))[ \t\u3000\xa0]+(?=\S)",
    Role.OUTLINE,
    letter_value,
    Sequence.POSITION,
    "A.",
)


def match_letter_heading(text: str) -> Numbering | None:
    """Return the capital-letter label at the start of a title (``A. Due Dates``), or None."""
    return match_families(text, (LETTER_HEADING,))


def match_numbering(text: str) -> Numbering | None:
    """Return the numbering label at the start of `text`, or None."""
    return match_families(text, _families_for(text[:1]))


def match_heading_numbering(text: str) -> Numbering | None:
    """Return the numbering label at the start of a heading's text: any family, or a bare number."""
    return match_numbering(text) or match_families(text, (BARE_NUMBER,))


def match_families(text: str, families: Iterable[Family]) -> Numbering | None:
    """Return the label of the first of `families` that numbers the start of `text`, or None."""
    for family in families:
        found = family.pattern.match(text)
        if found is None or not found.group("label"):
            continue
        num = found.group("num") or ""
        value = family.value(num)
        if value is None:
            continue
        tag = text[found.end("label") : found.end()].strip() if family.role is Role.IDENTIFIER else ""
        label = found.group("label").strip()
        return Numbering(family, label, value, _after_separator(label, text[found.end() :].strip()), num, tag)
    return None


# A dash set between spaces after a heading's number stands where a colon or dot would:
# "SECTION 1 – OVERVIEW AND SCOPE OF WORK", "2.1 - TECHNICAL SPECIFICATIONS".
_SEPARATOR_DASH = lazy(rf"^[{SEPARATOR_DASHES}][ \t\u3000\xa0]+(?=\S)")


def _after_separator(label: str, rest: str) -> str:
    """Return `rest` without a dash that separates an outline number from its title (``1 – Title`` → ``Title``).

    Only after a label that ends in its number: after ``1.`` or ``(a)`` the label has its own
    punctuation, and a dash that follows is the text's own.
    """
    if not label[-1:].isalnum():
        return rest
    return _SEPARATOR_DASH.sub("", rest, count=1)


# First character → the families whose pattern can match a text that starts with it. Every
# block is tried against the labels, and most of the 24 patterns fail on the first character
# (a Han character, a letter): `regex`'s partial matching says exactly which can still match
# ("could a text starting with this character match?"), once per character, so the loop above
# tries 2 to 5 patterns instead of all. Bounded: past `_MAX_FIRSTS` characters it is not kept.
_FIRSTS: dict[str, tuple[Family, ...]] = {}
_MAX_FIRSTS = 4096


def _families_for(first: str) -> tuple[Family, ...]:
    found = _FIRSTS.get(first)
    if found is None:
        found = tuple(family for family in FAMILIES if family.pattern.match(first, partial=True)) if first else FAMILIES
        if len(_FIRSTS) < _MAX_FIRSTS:
            _FIRSTS[first] = found
    return found
