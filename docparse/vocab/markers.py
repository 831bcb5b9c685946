"""Tables of the non-numbering cues: directions markers, lead-ins, field labels, identifier labels,
TOC lines, navigation texts and title limits, and the `Lexicon` that holds them for one parse.

The built-in tables are extended per parse through `ParseOptions` (`directions_markers`,
`field_labels`); every stage that asks "is this a marker / a field label?" asks the same
`Lexicon`, so a label added by a user is known to normalize, the segmenter and the outline stage alike.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from docparse.vocab.chars import has_han
from docparse.vocab.families import DIGIT, Numbering, Role, digits_to_int, match_numbering
from docparse.vocab.glyphs import SEPARATOR_DASHES, leader
from docparse.vocab.lazy import lazy

# Lines that announce the list of research directions. Matched as the whole block, with an
# optional full- or half-width colon. Extend through ParseOptions.directions_markers.
DEFAULT_DIRECTIONS_MARKERS: tuple[str, ...] = (
    "建议研究方向",
    "主要研究方向",
    "重点研究方向",
    "研究方向",
    "建议研究内容",
    "主要研究内容",
    "研究内容",
    "重点任务",
    "主要任务",
    "具体任务",
    "Research directions",
    "Suggested research directions",
    "Research topics",
    "Research areas",
    "Areas of interest",
    "Topics of interest",
)

# Sentences that announce a list of directions: "Specific areas of research include but are not
# limited to the following:" (Cisco), "… submissions addressing one or more of the following
# technical challenges:" (a DoD open topic), "具体任务包括：". What the list is called says it
# is a list of choices: "the following modules", "one or more of the following task groups", "any
# of the five Open Problems" (not "outcomes", "objectives" or "requirements": lists a proposal
# must meet); a bare "following" needs a verb of choosing ("addressing one or more of the
# following:", not "include all of the following:").
LIST_NOUNS = (
    r"(?:modules|areas|topics|themes|challenges|problems|questions|directions|priorities|subtopics|sub-topics"
    r"|tracks|lines\s+of\s+(?:research|work)|research\s+(?:areas|directions|topics|questions)"
    # "one or more of the following task groups:" (groups of tasks a team submits for)
    r"|(?:task\s+)?groups|sub-?tasks)"
)
# The same nouns in Chinese: tasks, questions, themes, directions, subjects to choose among.
LIST_NOUNS_ZH = r"(?:任务|问题|主题|方向|课题|选题|专题)"
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-9])"
_CHOICE = r"(?:one\s+or\s+more|any|at\s+least\s+[\w-]+|each|all|some)\s+of\s+the"
# The choices' noun opening a sentence as the subject of "include" ("Topics include", "Suggested themes may
# include", "Possible research areas include"); "OUSD(R&E) critical technology areas include:" describes a
# programme's areas, not the proposer's choices.
# An article may come first: "The suggested topics include, but are not limited to:".
_NAMED_INCLUDE = (
    rf"(?:^|(?<=[.!?;]\s))(?:(?:the|these|our)\s+)?(?:[\w-]+\s+)?{LIST_NOUNS}\s+(?:of\s+interest\s+)?"
    r"(?:may\s+|might\s+|could\s+)?include\b"
)
# "the following research topics": the choices' noun pointed to.
_FOLLOWING_NOUNS = rf"\bthe\s+following\s+(?:[\w-]+\s+){{0,2}}{LIST_NOUNS}\b"

# A sentence ending in a colon that announces a list of directions.
LEAD_IN = lazy(
    r"(?i)(?:"
    r"(?:areas of (?:research|interest)|research (?:areas|directions|topics|challenges)|topics of interest)"
    r"[^.:]*(?:include|are|cover)[^.]*"
    r"|(?:address\w*|on|in)\s+(?:one or more|any|at least one) of the following[^.:]*"
    rf"|{_CHOICE}\s+(?:[\w-]+\s+){{0,3}}{LIST_NOUNS}\b[^.:]*"
    rf"|{_FOLLOWING_NOUNS}[^.:]*"
    # "… machine translation, which includes two sub-tasks:": the parts a task is divided into, counted.
    rf"|\b(?:includ\w*|compris\w*|consists?\s+of|(?:is\s+)?divided\s+into)\s+{_COUNT}\s+(?:[\w-]+\s+){{0,2}}"
    rf"{LIST_NOUNS}\b[^.:]*"
    # "topics you could look at:", "areas you may choose from:": the choices, named, offered to the proposer.
    rf"|\b{LIST_NOUNS}\s+(?:that\s+)?you\s+(?:could|can|may|might)\b[^.:]*"
    # "Topics include, but are not limited to:", "Suggested themes include:": the choices, named, then listed.
    rf"|{_NAMED_INCLUDE}[^.]*"
    r"):\s*$"
)
# A sentence right before a list that names its items as the choices, without a colon: "We invite papers
# on topics related to NLP-OSS broadly categorized into (i) …, (ii) … and (iii) …."; "Topics include the
# following." The list must follow at once (`Lexicon.lead_in_before_list`).
LEAD_IN_BEFORE_LIST = lazy(
    rf"(?i)(?:{_NAMED_INCLUDE}"
    rf"|\b(?:on|covering|addressing)\s+(?:(?:the|any|these|following|related|relevant|other)\s+)*{LIST_NOUNS}\b"
    rf"|{_FOLLOWING_NOUNS}|\bthese\s+(?:[\w-]+\s+){{0,2}}{LIST_NOUNS}\b)"
)
# A label that names the choices, run in before the text that sets them ("问题：现某公司开发了…" over
# "1. 请构建…" "2. …", "Tasks: …" over its numbered tasks): the questions or tasks that follow are the choices.
CHOICES_LABEL = lazy(rf"(?i)^(?:{LIST_NOUNS}|(?:研究)?{LIST_NOUNS_ZH})$")
# A heading that names the choices the part offers ("Topics", "Areas of Interest", "Topics specific to Petri Nets",
# "征稿主题", "研究方向"): a list right under it, or right after a sentence of its part that ends in a colon, is the
# choices.
# Only nouns for the subjects offered: "Questions", "Problems" or "Challenges" head FAQs and obstacles as often.
_SCOPE_NOUNS = r"(?:topics|areas|themes|tracks|directions|sub-?topics|research\s+(?:areas|directions|topics))"
CHOICES_TITLE = lazy(
    rf"(?i)^(?:(?:[\w-]+\s+){{0,2}}{_SCOPE_NOUNS}(?:\s+[\w-]+){{0,5}}"
    rf"|\p{{Han}}{{0,4}}(?:{LIST_NOUNS_ZH}|范围|领域))$"
)
# A heading that asks which kinds of thing are sought, over the list that answers: "What sort of proposals
# are we looking for?", "What topics are in scope?", "Which areas are covered?".
ASKS_CHOICES = lazy(rf"(?i)^(?:what|which)\b[^?]*?\b(?:(?:sorts?|kinds?|types?)\s+of|{LIST_NOUNS})\b[^?]*\?$")
# A sentence that announces them without a colon: "…one or more of the five core challenges identified below."
LEAD_IN_BELOW = lazy(rf"(?i)\b{_CHOICE}\s+(?:[\w-]+\s+){{0,3}}{LIST_NOUNS}\b[^.:;]*\b(?:below|as\s+follows)\s*[.。]?$")
LEAD_IN_ZH = lazy(
    r"(?:(?:研究方向|研究内容|研究重点|重点方向|任务|攻关方向|申报方向|方向|维度|角度|思路)[^。；;，,：:]{0,8}"
    r"(?:包括|如下|主要有|分为|涵盖|以下)[^。；;：:（(]{0,12}(?:[（(][^）)]{0,40}[）)])?"
    # The tasks, questions or themes named after the words that point to them ("完成以下任务：", "解决如下问题：",
    # "回答下列三个问题：", "包括以下主题："), as "the following questions:" names them in English.
    rf"|(?:以下|如下|下列|下面)的?(?:[0-9一二三四五六七八九十两几]+[个项道])?{LIST_NOUNS_ZH})[：:]\s*$"
)

# A lead-in that obliges ("the strategy must address the following five questions:", "应满足以下要求：")
# announces requirements a proposal meets, all of them, not directions to choose among; unless it
# lets the proposer choose ("should address one or more of the five core challenges below").
REQUIREMENT = lazy(r"(?i)\b(?:must|shall|(?:is|are)\s+required\s+to)\b|必须|须|应当?(?:满足|符合|包括|包含)")
CHOOSING = lazy(r"(?i)\b(?:one\s+or\s+more|any|at\s+least\s+[\w-]+|either|some)\s+of\s+the\b|任选|之一|一个或多个|其中")

COLON = "[：:]"

# A run-in line that points to what follows it ("数据结构示例如下：", "The layout is as follows:"): a
# sentence's lead-in set before a colon, not a field's label.
_POINTS_BELOW = lazy(r"(?:如下|以下|下列|下面|(?i:\bas\s+follows|\bbelow|\bthe\s+following))\s*[：:]?\s*$")


def points_below(text: str) -> bool:
    """Return whether a run-in label is a lead-in pointing to what follows (``…如下``, ``… as follows``)."""
    return _POINTS_BELOW.search(text) is not None


# Texts of navigation links ("back to the table of contents"): dropped as noise.
NAVIGATION_TEXTS: frozenset[str] = frozenset(
    {"返回目录", "回到目录", "返回顶部", "回到顶部", "back to top", "back to contents", "back to toc", "top"}
)

# The heading of a table of contents: "目录", "申报主题目录", "Contents", "Table of Contents"; "Index",
# "Outline", "Agenda" only alone (a "Topic Index" lists topics, it points to no heading); a slide
# deck's "Outline" / "大纲" is a contents without pages whose entries repeat later headings.
TOC_TITLE = lazy(
    r"(?i)^(?:.{0,30}?(?:目\s*录|contents|table of contents)|index|outline|agenda|提纲|大纲|议程)\s*[:：]?$"
)
# Every text TOC_TITLE matches ends in one of these (before spaces and a colon), once casefolded:
# case-insensitive matching folds each character one to one, as casefold does these letters.
_TOC_TITLE_ENDS = ("录", "contents", "index", "outline", "agenda", "提纲", "大纲", "议程")


def is_toc_title_text(text: str) -> bool:
    """Return whether `text` is a table-of-contents title (``目录``, ``Table of contents``, ``Outline:``)."""
    end = text.rstrip()
    if end[-1:] in (":", "："):
        end = end[:-1].rstrip()
    if not end[-8:].casefold().endswith(_TOC_TITLE_ENDS):
        return False
    return TOC_TITLE.match(text) is not None


# A printed page reference: arabic, roman (front matter "ii"), appendix pages "A-1", and a
# range of these ("A-1 – A-6", "12-15").
_PAGE = rf"(?:{DIGIT}{{1,4}}|[ivxlc]{{1,6}}|[IVXLC]{{1,6}}|[A-Z][-‐–]{DIGIT}{{1,3}})"
PAGE_LABEL = rf"{_PAGE}(?:[ \t]*[-‐–—~][ \t]*{_PAGE})?"
PAGE_LABEL_RE = lazy(rf"^{PAGE_LABEL}$")

# A TOC line: a head, then a dot leader and/or a tab (or a run of spaces), then a page label.
_DOT_LEADER = leader(3, 2, rule=True)
TOC_LINE = lazy(
    r"^(?P<head>\S.*?)"
    rf"(?:[ \t\u3000]*(?:{_DOT_LEADER})[ \t\u3000]*"  # a dot leader
    r"|[ \u3000]*\t[ \t\u3000]*"  # a tab
    r"|[ \u3000]{3,})"  # a run of spaces
    rf"(?P<page>{PAGE_LABEL})$"
)
# What every line TOC_LINE matches holds somewhere: a dot leader, a tab or a run of spaces.
# TOC_LINE's lazy head tries each position of a line in turn (0.24 s over 20,000 paragraphs);
# a search for this first rules out almost every line of running text in a tenth of that.
_HAS_LEADER = lazy(rf"{_DOT_LEADER}|\t|[ \u3000]{{3,}}")


# What every page label ends in (a digit, a roman numeral's letter): a line ending otherwise is no TOC line,
# told without a search of the whole line (joining a paragraph of 90,000 lines asks it at every line).
_PAGE_LABEL_ENDS = frozenset("0123456789０１２３４５６７８９ivxlcIVXLC")


def may_end_toc_line(last: str) -> bool:
    """Return whether a line whose last visible character is `last` may be a TOC line (it ends in a page label)."""
    return last in _PAGE_LABEL_ENDS


def is_toc_line(text: str) -> bool:
    """Return whether `text` (stripped) is a table-of-contents line: head, leader, page label."""
    last = text[-2:-1] if text.endswith("\n") else text[-1:]  # (TOC_LINE's `$` also matches before a last \n)
    return may_end_toc_line(last) and _HAS_LEADER.search(text) is not None and TOC_LINE.match(text) is not None


# Sentence-ending punctuation: a block ending in one of these is not cut mid-sentence, and a
# short block without one may be a title.
TERMINAL = "。！？；!?;：:"
CLAUSE_END = "。．!?！？;；,，、"
"""What ends a sentence or a clause of one: a text ending so is running text, not a label."""
# Punctuation after which a sentence goes on: a line that ends in one is cut mid-sentence.
CONTINUING = "，、,"
TITLE_MAX_CHARS = 60
# Latin words are longer: "2.2 Measures to maximise impact - Dissemination, exploitation and
# communication [e.g. 2 pages]" (Horizon Europe form) is a heading of 90 characters.
TITLE_MAX_CHARS_LATIN = 120
assert TITLE_MAX_CHARS <= TITLE_MAX_CHARS_LATIN  # is_title_like looks for Han only between the two
# An English heading does not end in a full stop; a short one may ("Introduction."), a long
# one that does is a sentence: "1.1.3 – The creation of a Center of Excellence … is proposed."
TITLE_MAX_WORDS_WITH_STOP = 6


_TRAILING_COLON = lazy(rf"{COLON}\s*$")
_SENTENCE_END = lazy(r"(?<=[.。!?！？；;])\s*")


def _bold_label_fits(label: str) -> bool:
    if not label:
        return False
    return len(label) <= 30 or (not has_han(label) and len(label.split()) <= BOLD_LABEL_MAX_WORDS)


# Pictographs printed before a title or a label ("💡 Smart Market Bot", "👥 **Mentor(s):**"): decoration,
# not words. A run of emoji with their joiners, variation selectors, skin tones and keycaps, and
# flags (regional indicator pairs); the textual signs ©, ® and ™ are not decoration.
DECORATION = lazy(
    r"^(?:[[\p{Extended_Pictographic}\p{Regional_Indicator}]--[©®™]]"
    r"[\uFE0E\uFE0F\u20E3\p{Emoji_Modifier}\p{Regional_Indicator}]*"
    r"(?:\u200D\p{Extended_Pictographic}[\uFE0E\uFE0F\p{Emoji_Modifier}]*)*[ \t\u3000]*)+",
    regex.V1,
)


# First character → whether DECORATION can match a text opening with it: the pattern matches a text
# exactly when its first character is a pictograph (all else it takes is optional), so the answer
# for that character alone is the answer for every text opening with it.
@functools.lru_cache(maxsize=4096)
def _may_start_decoration(first: str) -> bool:
    return DECORATION.match(first) is not None


def split_decoration(text: str) -> tuple[str, str]:
    """Return the leading pictographs of `text` (stripped) and the text after them; ``""`` when there are none.

    A text that is nothing but pictographs keeps them: they are then its content, not decoration.
    """
    if not _may_start_decoration(text[:1]):
        return "", text
    found = DECORATION.match(text)
    if found is None or not text[found.end() :].strip():
        return "", text
    return found.group().strip(), text[found.end() :]


def is_decoration(text: str | None) -> bool:
    """Return whether `text` is nothing but pictographs (a field's marker ``👥``)."""
    return bool(text) and split_decoration(f"{text} x")[0] == (text or "").strip()


def is_navigation(text: str) -> bool:
    """Return whether `text` is a navigation link text such as ``返回目录``."""
    return text.strip().strip("[]【】").strip().casefold() in NAVIGATION_TEXTS


@dataclass(frozen=True, slots=True)
class TocLine:
    numbering: Numbering | None
    title: str
    page: int | None
    """The page number when it is printed in arabic digits (the first of a range)."""
    page_label: str | None
    """The page reference as printed (``12``, ``ii``, ``A-1 – A-6``); None without one (a link, a bare title)."""
    level: int | None = None
    """The entry's level where its layout gives it (a nested list of links); None: by its numbering."""
    mark: str | None = None
    """A note mark printed after the entry (``*`` for "still open *"), not part of its title."""


_ARABIC_START = lazy(rf"^{DIGIT}+")


def match_toc_line(text: str) -> TocLine | None:
    """Return the parts of a table-of-contents line (head, leader, page label), or None."""
    stripped = text.strip()
    # is_toc_line's quick rejections (a page label's last character, a leader) before the pattern.
    found = (
        TOC_LINE.match(stripped)
        if may_end_toc_line(stripped[-1:]) and _HAS_LEADER.search(stripped) is not None
        else None
    )
    if found is None:
        return None
    head = found.group("head").strip()
    numbering = match_numbering(head)
    title = numbering.rest if numbering is not None else head
    title = title.replace("\t", " ").strip()
    if not title:
        return None
    label = found.group("page")
    start = _ARABIC_START.match(label)
    return TocLine(numbering, title, digits_to_int(start.group()) if start else None, label)


def doc_label(text: str) -> str | None:
    """Return the attachment label (``附件一``, ``Appendix A``) if `text` is nothing but one, else None."""
    return doc_label_of(match_numbering(text.strip()))


def doc_label_of(numbering: Numbering | None) -> str | None:
    """Return the attachment label if `numbering` (of a whole text) is one with nothing after it, else None."""
    if numbering is None or numbering.family.role is not Role.PART or numbering.rest:
        return None
    return numbering.label.rstrip("：:").strip()


# A "title" that starts with a date or a bare number, or holds a tab (cells of a table row),
# is a row of a table: "1.1  19.04.2021  • Formatting and alignment" in a version history.
_NOT_A_TITLE_START = lazy(r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d+(?:[.,]\d+)?$|(?i:https?://|www\.)|\S+@\S+\.\w+$)")


# is_title_like's answers by text: the outline's rules ask it of one token's text again and again.
_MAX_TITLE_LIKE_KEY = 2 * TITLE_MAX_CHARS_LATIN


def is_title_like(text: str) -> bool:
    """Return whether `text` is short and unpunctuated enough to be a heading title."""
    if len(text) > _MAX_TITLE_LIKE_KEY:
        return _title_like(text)  # a long text is ruled out at once, and is not kept
    return _title_like_kept(text)


@functools.lru_cache(maxsize=4096)
def _title_like_kept(text: str) -> bool:
    return _title_like(text)


def _title_like(text: str) -> bool:
    stripped = text.strip()
    # The Chinese limit is the lower: only a length between the two needs the script looked at.
    if not 0 < len(stripped) <= TITLE_MAX_CHARS_LATIN or (len(stripped) > TITLE_MAX_CHARS and has_han(stripped)):
        return False
    # The tab apart: a `search` of one pattern holding `|\t` tried the anchored part at every position.
    if "\n" in stripped or "\t" in stripped or _NOT_A_TITLE_START.match(stripped):
        return False
    last = stripped[-1]
    if last in "。；;，,！？!?：:、":
        return False
    return not (last == "." and len(stripped.split()) > TITLE_MAX_WORDS_WITH_STOP)


def is_short_label(text: str) -> bool:
    """Return whether `text` is a short title ending in a colon (``Meeting Requirements:``), not a sentence."""
    head = text.rstrip()[:-1]
    return (
        text.rstrip()[-1:] in "：:"
        and is_title_like(head)
        and len(text) <= TITLE_MAX_CHARS
        and not any(mark in head for mark in "，。；,;")
    )


# A line that is wholly one title in lenticular brackets ("【第一批赛题】", "〖参赛须知〗"): set as a
# heading of its own in text that has no heading markup.
# A title in lenticular brackets on a line of its own (``【赛题背景】``, ``〖第一批赛题〗``).
BRACKET_TITLE = lazy(r"^(?:【(?P<title>[^【】〖〗\n]{1,40})】|〖(?P<title>[^【】〖〗\n]{1,40})〗)$")


def bracket_title(text: str) -> str | None:
    """Return the title inside a bracketed heading line (``【赛题背景】`` → ``赛题背景``), or None."""
    found = BRACKET_TITLE.match(text.strip())
    return found.group("title").strip() if found is not None and is_title_like(found.group("title")) else None


def is_bracket_title(text: str) -> bool:
    """Return whether `text` is one bracketed title of its own (``【第一批赛题】``)."""
    return bracket_title(text) is not None


def is_question_title(text: str) -> bool:
    """Return whether `text` is a short question set as a heading (``二、谁可以报名？``, ``Who can apply?``)."""
    stripped = text.strip()
    head = stripped[:-1].rstrip()
    return stripped[-1:] in "？?" and is_title_like(head) and not any(mark in head for mark in "，。；,;？?")


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and (stripped[-1] in TERMINAL or stripped[-1] in "。）)」』”\"'")


# Labels of the work a topic asks for ("研究内容", "Deliverables", "Expected Outcome"): a
# document without topics whose own parts carry these describes one piece of work (a single
# topic), not instructions (a guide). They are field labels too.
WORK_LABELS: tuple[str, ...] = (
    "研究内容",
    "研究目标",
    "考核指标",
    "预期成果",
    "验收标准",
    "技术要求",
    "详细描述",
    "项目介绍",
    "项目简介",
    "项目目标",
    "项目产出",
    "预期产出",
    "Abstract",
    "Description",
    "Project Description",
    "Objective",
    "Objectives",
    "Scope",
    "Expected Outcome",
    "Expected Outcomes",
    "Expected Impact",
    "Deliverables",
    "Technical Details",
)

# Labels of labelled fields ("研究内容：…", "**验收标准**：" + a list, "Scope: …"). Any short
# label followed by a colon is taken as a field too; this table only makes the known ones
# certain (a heading that is a known label opens a field instead of an outline level).
# Labels that repeat under sibling topics are found from the document itself (a field
# template); this table holds the labels that are fields even where they occur once.
# Extend through ParseOptions.field_labels.
DEFAULT_FIELD_LABELS: tuple[str, ...] = (
    *WORK_LABELS,
    "技术标签",
    "任务难度",
    "营员要求",
    "导师",
    "难度",
    "提交内容",
    "评分方式",
    "论文链接",
    "参考代码链接",
    "代码复现",
    "资助额度",
    "资助金额",
    "支持年限",
    "申报条件",
    "Eligibility",
    "Budget",
    "Duration",
    "Deadline",
    "First steps",
    "Skills",
    "Mentors",
    "Difficulty",
    "Phase I",
    "Phase II",
    "Phase III",
    "References",
    "Keywords",
)

# Words that name a table's columns in general ("Field | Value", "项目 | 内容"): a first row of
# these over label/value rows is the table's header, not a pair.
COLUMN_HEADER_WORDS: tuple[str, ...] = (
    "Field",
    "Fields",
    "Value",
    "Values",
    "Item",
    "Items",
    "Label",
    "Key",
    "Name",
    "Property",
    "Attribute",
    "Parameter",
    "Details",
    "Description",
    "Information",
    "Content",
    "字段",
    "项目",
    "内容",
    "名称",
    "说明",
    "属性",
    "参数",
    "值",
    "信息",
    "详情",
    "事项",
)
_COLUMN_HEADER = frozenset(word.casefold() for word in COLUMN_HEADER_WORDS)


def is_column_header_word(text: str) -> bool:
    """Return whether `text` names a table column in general (``Field``, ``Value``, ``内容``)."""
    return " ".join(text.split()).casefold() in _COLUMN_HEADER


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAYS = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?)?"
# A cell or value that is one date and nothing else: "January 13, 2022 (*)", "Friday, 19 May (8:59pm PDT)",
# "20.04.2020", "2025-03-01", "2025年3月1日"; an optional weekday before it, an optional note in brackets after.
DATE_VALUE = lazy(
    r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:"
    rf"{_MONTH}\s+{_DAYS}(?:,?\s+\d{{4}})?|{_DAYS}\s+{_MONTH}(?:,?\s+\d{{4}})?"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日"
    r")\s*(?:[(（][^)）]{0,40}[)）])?\s*$"
)


def is_date_value(text: str) -> bool:
    """Return whether `text` is one date, perhaps with its weekday and a bracketed note (``Friday, 19 May``)."""
    return DATE_VALUE.match(" ".join(text.split())) is not None


# Labels whose value is the identifier of the call's topic: "题目编号：XH-202603".
# Labels whose value names the call's one topic ("比赛题目: 复杂场景下十字路口的交通标志检测",
# "题目名称：…", "Topic title: …"): a document without topics that so names one is that topic.
# A statement of work or an RFP without a list of topics labels its one subject the same way:
# "Title: Assessment of …", "Call For Proposals: …".
TOPIC_TITLE_LABEL = lazy(
    # A lettered problem of a contest ("C 题：…", "Problem B: …"), as modelling contests set theirs.
    # The word for a topic may follow what kind it is (``综合课设题目``, ``毕业设计题目``), not a part of one
    # (``子课题``).
    r"(?i)^(?:(?![子分])\p{Han}{0,6}?(?:题目|赛题|课题|选题)(?:名称|标题)?|(?:项目|任务)(?:名称|标题)|topic"
    r"|[A-Z][ \t\u3000]?题|(?:赛题|题目|问题)[ \t\u3000]?[A-Z]|problem[ \t][A-Z]"
    r"|(?:topic|project|challenge|idea|problem)\s+(?:title|name)"
    r"|title\s+of\s+(?:the\s+)?(?:topic|project|challenge)"
    r"|title|call\s+for\s+(?:project\s+)?proposals)$"
)
# The label of a call's own title line that names the kind of document, not a topic ("Call for Proposals: …").
_CALL_LABEL = lazy(r"(?i)^call\s+for\s+(?:project\s+)?(?:proposals|papers|applications|submissions)$")


def names_call(label: str) -> bool:
    """Return whether a title label names the kind of call (``Call for Proposals``), not the topic."""
    return _CALL_LABEL.match(" ".join(label.split()).rstrip("：:")) is not None


# A labelled title may be longer than a heading: a contract's title wraps over three lines
# ("Title: Assessment of Model-Based Systems Engineering Processes in a Regulatory Review …").
LABELLED_TITLE_MAX_CHARS = 2 * TITLE_MAX_CHARS_LATIN


# The label a contest prints before its one problem's title: a letter with the word for a problem
# ("B题", "C 题", "赛题A", "问题 C", "Problem B"). One such label in a document names its one topic;
# two (``A题`` … ``B题``) head a list of problems.
PROBLEM_LABEL = r"(?:[A-Z][ \t\u3000]?题|(?:赛题|题目|问题)[ \t\u3000]?[A-Z]|(?i:problem)[ \t][A-Z])(?![A-Za-z0-9])"
_PROBLEM_LABEL = lazy(rf"{PROBLEM_LABEL}$")
# A title line led by a problem label ("B题  基于餐厅消费数据的…", "赛题A: 视频…"), or carrying one
# after the contest's name and before a colon ("2026 年 MCM 问题 C：与星同在的数据").
_PROBLEM_TITLE = lazy(
    rf"^(?:(?P<label>{PROBLEM_LABEL})(?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+)"
    rf"|[^:：\n]{{1,40}}?(?:[ \t\u3000]|——|—|-)(?P<label>{PROBLEM_LABEL})[ \t\u3000]*[:：][ \t\u3000]*)"
    r"(?P<title>\S.*)$",
    regex.V1,
)


# Parts that state a contest's one problem ("赛题简介", "题目描述", "基本任务", "Problem Statement"): a titled
# document without topics whose own parts so state its problem is one topic, as its work labels make it.
# Not field labels: under topics they are parts as printed.
# Of those, the parts that set its tasks or questions ("基本任务", "解决问题", "Tasks"): their numbered items
# are the topic's directions.
_TASK_PART = r"(?:赛题|题目)(?:任务|要求)|(?:基本|比赛|竞赛)任务|任务描述|解决问题|(?i:problem\s+statement|tasks)"
PROBLEM_PART = lazy(
    # A bare "任务" as a part's label sets a design contest's one task (``一、任务`` before ``二、要求``).
    rf"^(?:{_TASK_PART}|任务|(?:赛题|题目)(?:简介|介绍|说明|描述|详情|背景|内容|解读)"
    r"|(?i:problem\s+(?:description|overview)|task\s+description))$"
)
TASK_PART = lazy(rf"^(?:{_TASK_PART})$")


def is_problem_part(label: str) -> bool:
    """Return whether a part's label states the one problem a contest sets (``赛题简介``, ``基本任务``)."""
    return PROBLEM_PART.match(_fold(HEADING_HINT.sub("", label))) is not None


def is_task_part(label: str) -> bool:
    """Return whether a part's label sets the problem's tasks or questions (``基本任务``, ``解决问题``, ``Tasks``)."""
    return TASK_PART.match(_fold(HEADING_HINT.sub("", label))) is not None


def is_problem_label(label: str) -> bool:
    """Return whether `label` (without its colon) is a contest problem's label (``B题``, ``赛题A``, ``Problem C``)."""
    return _PROBLEM_LABEL.match(label.strip().rstrip("：:").strip()) is not None


def problem_title(text: str) -> tuple[str, str] | None:
    """Return the problem label and the title of a title line that carries one (``B题  基于…`` → ``B题``, ``基于…``)."""
    found = _PROBLEM_TITLE.match(text.strip())
    if found is None or not is_labelled_title(found.group("title")):
        return None
    return found.group("label").strip(), found.group("title").strip()


def is_topic_title_label(label: str) -> bool:
    """Return whether a field's label says its value is the topic's title (``比赛题目``, ``题目名称``).

    A bracketed note inside the label (``毕业设计（论文）题目``) and spaces a form set between its
    characters (``题    目``) are not part of it.
    """
    bare = label.strip().rstrip("：:").strip()
    if TOPIC_TITLE_LABEL.match(bare) is not None:
        return True
    folded = _CJK_GAPS.sub("", _NOTE.sub("", bare)).strip()
    return folded != bare and TOPIC_TITLE_LABEL.match(folded) is not None


# Spaces a form sets between the characters of a CJK label (``题    目``, ``课 题 名 称``).
_CJK_GAPS = lazy(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")


def is_labelled_title(value: str) -> bool:
    """Return whether the value of a title label reads as a title: a heading's, or a longer one without a sentence."""
    stripped = value.strip()
    if _PLACEHOLDER.match(stripped):
        return False  # "[Your Title].": a template's blank to fill in, no title
    if is_title_like(stripped):
        return True
    if not 0 < len(stripped) <= LABELLED_TITLE_MAX_CHARS or "\n" in stripped or has_han(stripped):
        return False
    # One unpunctuated phrase: no sentence ends inside or at its end.
    return _PHRASE_BREAK.search(f"{stripped} ") is None


# A template's blank in brackets ("[Your Title].", "[Insert Date]", "【项目名称】"): text to replace, not a value.
_PLACEHOLDER = lazy(r"^[\[【<{][^\]】>}\n]*[\]】>}][.。]?$")
_PHRASE_BREAK = lazy(r"[.。!?！？；;:：,，](?:\s|$)")


IDENTIFIER_LABELS: tuple[str, ...] = (
    "题目编号",
    "课题编号",
    "项目编号",
    "任务编号",
    "榜单编号",
    "赛题编号",
    "指南编号",
    "Topic number",
    "Topic ID",
    "Topic identifier",
    "Topic code",
)

# A page hint after a heading ("Objectives [e.g. 1 pages]"): not part of its label.
HEADING_HINT = lazy(r"\s*[\[(（【][^\])）】]{0,40}[\])）】]\s*$")

# Emphasis markers left as text around a label (``**Description: **``, not rendered bold by CommonMark).
_STRAY_EMPHASIS = lazy(r"^(?:\*\*|__)(?=\S)")
# A label may carry a bracketed note before its colon ("Expected size (in hours, approx.): 175"):
# the note may hold the punctuation a label may not.
_LABEL_RUN = r"(?:[^：:，,。；;！？!?\n(（\[【]|[(（\[【][^)）\]】\n]{0,40}[)）\]】])"
_COLON = r"(?P<colon>[ \t\u3000]*[：:](?!//)[ \t\u3000]*)"
# A label run into its text with a dash between spaces instead of a colon ("Deadlines – The contractor
# accepts …", "Costs - the contractor …"): a capitalised or Han label of a few words. One such line is a
# sentence like any other; the segment stage takes a run of them (`dash_label`) as fields.
DASH_LABEL = lazy(
    r"^(?P<label>(?:\p{Lu}|\p{Han})[^\n:：;；.。!?！？–—]{0,40}?)"
    rf"(?P<colon>[ \t]+[{SEPARATOR_DASHES}][ \t]+)(?P<rest>\S.*)$",
    regex.S,
)
# A dash label's words, at most (a longer lead is a sentence with a dash in it).
DASH_LABEL_MAX_WORDS = 6


def dash_label(text: str) -> FieldMatch | None:
    """Return the label and text of `text` when it runs a short title-like label into it with a dash."""
    found = DASH_LABEL.match(text.strip())
    if found is None:
        return None
    label = found.group("label").strip()
    if len(label.split()) > DASH_LABEL_MAX_WORDS or not is_title_like(label):
        return None
    return FieldMatch(label, found.group("rest").strip(), False, found.group("colon"))


_RUN_IN = lazy(rf"^(?P<label>{_LABEL_RUN}{{1,60}}?){_COLON}(?P<rest>.*)$", regex.S)
_NOTE = lazy(r"[(（\[【][^)）\]】\n]{0,40}[)）\]】]")
# A further label run in after a sentence of the value: "Difficulty: medium. Requirements: C.
# Potential mentors: …", "难度：中；导师：张三".
_CHAINED = lazy(
    r"(?:(?<=[.;!?])[ \t]+|(?<=[。；！？])[ \t\u3000]*)"
    rf"(?P<label>{_LABEL_RUN}{{1,60}}?){_COLON}"
)
# An unknown run-in label is accepted when it is this short: longer lead phrases before a
# colon are sentences ("The goal of this RFP is: …"), not labels.
# A bold lead that carries its own colon is a label up to 30 characters; a Latin one up to
# this many words ("Components of Participating Organizations:", NIH Guide notices).
BOLD_LABEL_MAX_WORDS = 6
# Among rows of bold labels (a label/value grid), a bold label with its colon may be longer:
# "Funds Available and Anticipated Number of Awards:" between "Funding Instrument:" rows.
ROW_LABEL_MAX_WORDS = 12
GENERIC_LABEL_MAX_CJK = 12
GENERIC_LABEL_MAX_WORDS = 4
# ALL-CAPS labels of US solicitations are longer: "OUSD (R&E) CRITICAL TECHNOLOGY AREA(S):",
# "PHASE III DUAL USE APPLICATIONS:".
CAPS_LABEL = lazy(r"^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\d (),&/'’.\-]{2,60}$")
CAPS_LABEL_MAX_WORDS = 8


# The value of a longer key is a few words without sentence punctuation ("Multiple", "Ongoing").
SHORT_VALUE_MAX_WORDS = 4


def _has_colon(text: str) -> bool:
    return ":" in text or "：" in text


def _generic_label(label: str, rest: str) -> bool:
    """Return whether an unknown phrase before a colon is short enough to be a label (a bracketed note aside)."""
    bare = _SPACES.sub(" ", _NOTE.sub(" ", label)).strip()
    if not bare:
        return False
    if has_han(bare):
        return len(bare) <= GENERIC_LABEL_MAX_CJK
    words = bare.split()
    if CAPS_LABEL.match(label) and len(words) <= CAPS_LABEL_MAX_WORDS:
        return True
    if len(bare) <= 30 and bare[:1].isupper() and len(words) <= GENERIC_LABEL_MAX_WORDS:
        return True
    # A key and a short value ("Accepting one or multiple proposals: Multiple", "Camera Ready Manuscript
    # submission: 20.04.2020"): a sentence before a colon goes on with more than a few words.
    return bare[:1].isupper() and len(words) <= BOLD_LABEL_MAX_WORDS and _short_value(rest)


def label_key(label: str) -> str:
    """Return a label as compared for repetition: without pictographs, bracketed note, colon, case."""
    text = split_decoration(label.strip())[1]
    return _fold(_NOTE.sub(" ", text)) or _fold(text)


def _short_value(rest: str) -> bool:
    """Return whether `rest` is a few words without sentence punctuation, or one date (``20.04.2020``)."""
    words = rest.split()
    if 0 < len(words) <= SHORT_VALUE_MAX_WORDS and not any(mark in rest for mark in ".,;:!?。，；：！？"):
        return True
    return is_date_value(rest)  # "Camera Ready Manuscript submission: 20.04.2020": an event and its date


@dataclass(frozen=True, slots=True)
class FieldMatch:
    label: str
    rest: str
    known: bool
    colon: str = "："
    """The colon printed after the label with the spaces around it (``：``, ``: ``), none after it
    where no text follows."""


_SPACES = lazy(r"\s+")


def _fold(label: str) -> str:
    return _SPACES.sub(" ", label.strip().rstrip("：:").strip()).casefold()


_WORK = frozenset(_fold(label) for label in WORK_LABELS)


@dataclass(frozen=True)
class Lexicon:
    """The marker and label tables of one parse: the built-in rows and those added by the user."""

    directions_markers: tuple[str, ...] = DEFAULT_DIRECTIONS_MARKERS
    field_labels: tuple[str, ...] = DEFAULT_FIELD_LABELS
    identifier_labels: tuple[str, ...] = IDENTIFIER_LABELS

    @classmethod
    def with_extra(cls, directions_markers: Iterable[str] = (), field_labels: Iterable[str] = ()) -> Lexicon:
        """Return the built-in tables extended by the given rows (a user's rows come first)."""
        return cls(
            directions_markers=(*directions_markers, *DEFAULT_DIRECTIONS_MARKERS),
            field_labels=(*field_labels, *DEFAULT_FIELD_LABELS),
        )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_markers", {_fold(m): m for m in reversed(self.directions_markers)})
        object.__setattr__(self, "_longest", max(map(len, self._markers), default=0))  # type: ignore[attr-defined]
        object.__setattr__(self, "_fields", frozenset(_fold(label) for label in self.field_labels))
        object.__setattr__(self, "_identifiers", frozenset(_fold(label) for label in self.identifier_labels))

    def directions_marker(self, text: str) -> str | None:
        """Return the marker as printed if `text` is a directions marker line, else None."""
        # Folding keeps every character that is not a space or a colon (casefold only lengthens
        # one): a text with more of them than the longest folded marker has is no marker.
        if len(text) > self._longest and (  # type: ignore[attr-defined]
            len("".join(text.split())) - text.count(":") - text.count("：") > self._longest  # type: ignore[attr-defined]
        ):
            return None
        body = _TRAILING_COLON.sub("", text.strip()).strip()
        return body if _fold(body) in self._markers else None  # type: ignore[attr-defined]

    def is_field_label(self, label: str) -> bool:
        """Return whether `label` (without its colon) is in the table of field labels."""
        return _fold(label) in self._fields  # type: ignore[attr-defined]

    def is_work_label(self, label: str) -> bool:
        """Return whether `label` names the work a topic asks for (``Deliverables``, ``研究内容``)."""
        return _fold(HEADING_HINT.sub("", label)) in _WORK

    def is_identifier_label(self, label: str) -> bool:
        """Return whether `label` names the topic's identifier (``题目编号``)."""
        return _fold(label) in self._identifiers  # type: ignore[attr-defined]

    def match_field(self, text: str, bold_lead: str = "") -> FieldMatch | None:
        """Return the label and run-in text if `text` starts with a field label and a colon.

        `bold_lead` is the bold text at the start of the block, if any: a bold label
        (``**详细描述：**``, ``**验收标准**：``) is a label whatever its length.
        """
        stripped = text.strip()
        lead = bold_lead.strip()
        if lead and stripped.startswith(lead):
            label = lead.rstrip("：:").strip()
            tail = stripped[len(lead) :]
            after = tail.lstrip()
            space = tail[: len(tail) - len(after)]
            if lead[-1] in "：:" and _bold_label_fits(label):
                return FieldMatch(label, after, self.is_field_label(label), lead[-1] + (space if after else ""))
            if label and len(label) <= 30 and after[:1] in ("：", ":"):
                rest = after[1:].strip()
                colon = after[: len(after) - len(after[1:].lstrip())] if rest else after[0]
                return FieldMatch(label, rest, self.is_field_label(label), colon)
            if label and len(label) <= 30 and _QUALIFIER.match(after):
                # "**参考场景池**（供参考，不强制）：古籍识别、…": the bold lead is the label; its
                # qualifier stays at the head of the value.
                return FieldMatch(label, after, self.is_field_label(label))
        # A run-in label ends at a colon: without one, the pattern's lazy label run need not be tried
        # at every length (a fifth of the segmenter's time on a call of colon-less paragraphs).
        found = _RUN_IN.match(stripped) if ":" in stripped or "：" in stripped else None
        if found is None:
            return None
        label, rest, colon = found.group("label").strip(), found.group("rest").strip(), found.group("colon")
        colon = colon if rest else colon.rstrip()
        stray = _STRAY_EMPHASIS.match(label)
        if stray is not None and rest.startswith(stray.group()):
            # "**Description: **": emphasis the format left as text (a space before the closing
            # `**`), a bold label all the same.
            label, rest = label[len(stray.group()) :].strip(), rest[len(stray.group()) :].strip()
            colon = colon if rest else colon.rstrip()
            return FieldMatch(label, rest, self.is_field_label(label), colon) if _bold_label_fits(label) else None
        if self.is_field_label(label) or self.is_identifier_label(label):
            return FieldMatch(label, rest, True, colon)
        return FieldMatch(label, rest, False, colon) if _generic_label(label, rest) else None

    def row_label(self, text: str, bold_lead: str) -> FieldMatch | None:
        """Return the label of a row of a label/value grid: a bold lead ending in a colon, up to ROW_LABEL_MAX_WORDS."""
        lead = bold_lead.strip()
        label = lead.rstrip("：:").strip()
        stripped = text.strip()
        if not label or lead[-1] not in "：:" or not stripped.startswith(lead) or "\n" in label:
            return None
        words = label.split()
        if has_han(label) or len(words) > ROW_LABEL_MAX_WORDS:
            return None
        if any(len(word) > 3 and word[:1].islower() for word in words):
            return None  # "The applicant organization must ensure …:" is a sentence; a long label is in Title Case
        return FieldMatch(label, stripped[len(lead) :].strip(), self.is_field_label(label))

    def chained(self, rest: str, evidence: frozenset[str] = frozenset()) -> list[FieldMatch]:
        """Return the labels run in after the first one's value, each with its value; [] when there are none.

        ``Difficulty: medium. Requirements: C. Potential mentors: Ana`` after ``Difficulty``: a label
        after a sentence end counts where it is known, or repeated in the document (`evidence`,
        keys of `label_key`), so that a sentence such as "Note: see below." is not cut.
        """
        out: list[FieldMatch] = []
        if not _has_colon(rest):
            return out  # every chained label ends at a colon
        start = 0
        for found in _CHAINED.finditer(rest):
            label = found.group("label").strip()
            if not (self.is_field_label(label) or label_key(label) in evidence) or not _generic_label(label, "x"):
                continue
            if out:
                out[-1] = FieldMatch(out[-1].label, rest[start : found.start()].strip(), out[-1].known, out[-1].colon)
            else:
                out.append(FieldMatch("", rest[: found.start()].strip(), False))
            out.append(FieldMatch(label, "", self.is_field_label(label), found.group("colon")))
            start = found.end()
        if out:
            out[-1] = FieldMatch(out[-1].label, rest[start:].strip(), out[-1].known, out[-1].colon)
        return out

    def chain_candidates(self, rest: str) -> list[str]:
        """Return every label-like phrase run in after a sentence of `rest` (for counting repetitions)."""
        if not _has_colon(rest):
            return []  # every chained label ends at a colon: no pattern search over a plain paragraph
        return [
            label
            for found in _CHAINED.finditer(rest)
            if _generic_label(label := found.group("label").strip(), "x") and not self.is_field_label(label)
        ]

    def lead_in(self, text: str) -> str | None:
        """Return the lead-in sentence if the paragraph announces a list of directions.

        That is its last sentence when it ends in a colon ("…addresses any of the following:"),
        or a sentence that points below ("…one or more of the five core challenges identified below.").
        """
        stripped = text.strip()
        if not stripped:
            return None
        if stripped[-1] in "：:":
            if LEAD_IN.search(stripped) is None and LEAD_IN_ZH.search(stripped) is None:
                return None
            sentences = _SENTENCE_END.split(stripped[:-1])
            return _offers_choice(sentences[-1].strip())
        # LEAD_IN_BELOW ends in `below` or `as follows`: a paragraph holding neither word (most)
        # needs no splitting into sentences.
        folded = stripped.casefold()
        if "below" not in folded and "follows" not in folded:
            return None
        for sentence in _SENTENCE_END.split(stripped):
            if LEAD_IN_BELOW.search(sentence.strip()):
                return _offers_choice(sentence.strip())
        return None

    def lead_in_before_list(self, text: str) -> str | None:
        """Return the lead-in of a line that a list follows at once, where it names the list as the choices.

        A heading that asks what sort of thing is sought ("What sort of proposals are we looking for?",
        `ASKS_CHOICES`), or a last sentence naming the choices without a colon ("We invite papers on topics
        related to …, broadly categorized into (i) …", `LEAD_IN_BEFORE_LIST`); the lead-ins with a colon
        are `lead_in`'s.
        """
        stripped = text.strip()
        if not stripped or self.lead_in(stripped) is not None or stripped[-1] in "：:":
            return None
        if ASKS_CHOICES.match(stripped):
            return _offers_choice(stripped)
        found = self.match_field(stripped)
        if found is not None and CHOICES_LABEL.match(found.label.strip()):
            return _offers_choice(found.label.strip())
        sentences = [sentence for sentence in _SENTENCE_END.split(stripped) if sentence.strip()]
        last = sentences[-1].strip() if sentences else ""
        return _offers_choice(last) if LEAD_IN_BEFORE_LIST.search(last) else None


def names_choices(title: str) -> bool:
    """Return whether a heading names the choices its part offers (``Topics``, ``Areas of Interest``, ``研究方向``)."""
    return CHOICES_TITLE.match(" ".join(title.strip().rstrip("：:").split())) is not None


def colon_sentence(text: str) -> str | None:
    """Return the last sentence of a paragraph that ends in a colon (without the colon), else None."""
    stripped = text.strip()
    if not stripped or stripped[-1] not in "：:":
        return None
    sentences = [sentence for sentence in _SENTENCE_END.split(stripped[:-1]) if sentence.strip()]
    return _offers_choice(sentences[-1].strip()) if sentences else None


def _offers_choice(sentence: str) -> str | None:
    """Return a lead-in sentence unless it states requirements to meet rather than choices (`REQUIREMENT`)."""
    if not sentence or (REQUIREMENT.search(sentence) is not None and CHOOSING.search(sentence) is None):
        return None
    return sentence


DEFAULT_LEXICON = Lexicon()


# Headings of a listing of the call's topics: it names the topics, it does not hold them.
TOPIC_INDEX_TITLE = lazy(
    r"(?i)(?:\btopic\s+(?:index|list)\b|\blist\s+of\s+topics\b|\bindex\s+of\s+topics\b"
    r"|题目(?:清单|列表|一览)|榜单(?:清单|列表)?$|选题(?:清单|列表|目录)|课题(?:清单|列表|一览))"
)
# Notes after a directions list: paragraphs that start like this are notes, not strays.
NOTE_PREFIX = lazy(r"(?i)^(?:注|备注|说明|附注|note|notes|remark)\s*[0-9０-９]*\s*[:：]")


def is_topic_index_title(text: str) -> bool:
    """Return whether `text` heads a listing of the call's topics (``Army SBIR 25.4 Topic Index``)."""
    return is_title_like(text) and TOPIC_INDEX_TITLE.search(text) is not None


# Headings of a part that holds the call's topics: the nodes right under such a heading are
# topics even where none carries directions ("1. 开放课题" over "1.1 …", "## Topics", "# Project
# ideas"). The word that names topics ends the title: "题目介绍" introduces a topic, it holds none.
# A question works too: "Higress 开放了哪些课题？", "Which projects are open?".
TOPIC_CONTAINER_TITLE = lazy(
    r"(?:(?:课题|主题|选题|题目|榜单|任务|项目|赛题)(?:指南|列表|清单|一览|详情|汇总|合集)?"
    r"|(?i:\b(?:topics|ideas|projects|tasks|challenges|rfps|themes)(?:\s+(?:are\s+)?(?:open|offered))?))\s*[？?]?\s*$"
)


# A short bracketed qualifier between a bold label and its colon: "**参考场景池**（供参考）：…".
_QUALIFIER = lazy(r"^[（(][^（）()\n]{1,40}[）)]\s*[：:]")

# A document heading that only says what kind of page it is (``# 项目``, ``# Project``): the page's
# own title is the line under it.
GENERIC_TITLE = lazy(
    r"^(?:(?:项目|课题|题目|赛题|选题|主题|任务)(?:详情|介绍|信息|说明|简介)?"
    r"|(?i:(?:project|topic|challenge|task|idea)s?(?:\s+(?:details|description|information|overview))?))\s*[:：]?$"
)


# Titles of a part of a call, not of the call (``# Introduction``, ``# Important Dates``, ``# 背景``):
# a first heading set at the level of the parts that follow it is the document's title only
# when it names something else (``# EvaHan2023`` over ``# Important Dates``, ``# Data``).
PART_TITLES = frozenset(
    (
        "introduction", "overview", "background", "summary", "executive summary", "about", "about us",
        "purpose", "context", "motivation", "goals", "aims", "objectives", "scope", "timeline",
        "important dates", "key dates", "dates", "deadlines", "schedule", "faq", "faqs",
        "frequently asked questions", "contact", "contacts", "contact us", "preface", "foreword",
        "general information", "description", "abstract", "contents", "table of contents", "news",
        "前言", "引言", "背景", "项目背景", "活动背景", "概述", "简介", "活动简介", "总则", "说明", "目的",
        "重要日期", "时间安排", "日程安排", "联系方式", "目录", "通知", "公告",
    )
)  # fmt: skip


def is_part_title(text: str) -> bool:
    """Return whether a heading names a part of a call (``Introduction``, ``背景``), not the call."""
    return text.strip().rstrip("：:.。").strip().casefold() in PART_TITLES


def is_generic_title(text: str) -> bool:
    """Return whether a heading only names the kind of page (``项目``, ``Project details``), not the call."""
    return GENERIC_TITLE.match(text.strip()) is not None


# A heading that names one aspect of a single call (``一、项目背景``, ``二、场景概述``, ``四、任务规则``,
# ``Background``): a document whose top-level headings are such aspects describes one task, so a
# title that names topics (``…（小米杯）赛题``: "the contest's task") does not make them topics.
ASPECT_TITLE = lazy(
    r"(?:背景|概述|概况|简介|介绍|说明|规则|要求|安排|流程|须知|布局|目标|内容)\s*$"
    r"|(?i:\b(?:background|overview|introduction|rules|requirements|schedule|timeline|objectives?)\s*$)"
)


def is_aspect_title(title: str | None) -> bool:
    """Return whether a heading names an aspect of one call (``项目背景``, ``Background``), not a topic."""
    return bool(title) and ASPECT_TITLE.search(title or "") is not None


# A title set in lenticular brackets on a line of its own ("【赛题背景】", "〖数据说明〗"): one of a
# family of such headings when the document prints two or more.
# Words that lead a caption, not a heading: a run "图 1-…", "Figure 2: …" counts like labelled
# topics but names figures and tables.
_CAPTION_WORDS = ("图表", "附图", "附表", "图", "表", "Figure", "Fig", "Table", "Chart", "Exhibit", "Photo")
CAPTION_WORDS = frozenset(word.casefold() for word in _CAPTION_WORDS)
# A caption line: a caption word, its number (``图1``, ``图 2-3``, ``Figure 4.``, ``Fig. 5``) and its title.
CAPTION_LINE = lazy(
    rf"^(?i:{'|'.join(_CAPTION_WORDS)})\.?[ \t\u3000]*[0-9０-９]{{1,3}}(?:[-.．–][0-9０-９]{{1,3}})*"
    r"(?:[ \t\u3000:：.．、]|$)"
)


# Lead words of counted run-in items that name a task or a choice ("任务一：…", "Task 2: …"):
# such a run is a list of the clause's directions; "Consent 1: …" of a form is not.
TASK_WORDS = frozenset(
    word.casefold()
    for word in (
        *("任务", "子任务", "方向", "研究方向", "赛题", "课题", "题目", "选题", "赛道", "挑战", "场景"),
        *("Task", "Subtask", "Topic", "Direction", "Option", "Track", "Challenge", "Theme", "Scenario"),
    )
)


def is_task_word(word: str) -> bool:
    """Return whether `word` leads a counted task or choice (``任务``, ``Task``)."""
    return word.strip().casefold() in TASK_WORDS


def is_caption(text: str) -> bool:
    """Return whether `text` is a figure's or table's caption line (``图1 迷宫地形示意图``, ``Table 2: Budget``)."""
    return CAPTION_LINE.match(text.strip()) is not None


def is_caption_word(word: str) -> bool:
    """Return whether `word` leads a figure or table caption (``图``, ``Figure``)."""
    return word.strip().casefold() in CAPTION_WORDS


def names_topics(title: str | None) -> bool:
    """Return whether a heading's title says that topics sit under it (``开放课题``, ``Topics``)."""
    return bool(title) and TOPIC_CONTAINER_TITLE.search(title or "") is not None
