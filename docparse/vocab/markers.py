"""Tables of the non-numbering cues: directions markers, lead-ins, field labels, identifier labels,
TOC lines, navigation texts and title limits, and the `Lexicon` that holds them for one parse.

The built-in tables are extended per parse through `ParseOptions` (`directions_markers`,
`field_labels`); every stage that asks "is this a marker / a field label?" asks the same
`Lexicon`, so a label added by a user is known to normalize, the segmenter and the builder alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from docparse.vocab.chars import has_han
from docparse.vocab.families import DIGIT, Numbering, Role, digits_to_int, match_numbering

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
# is a list of choices: "the following modules", "any of the five Open Problems" (not
# "outcomes", "objectives" or "requirements": lists a proposal must meet); a bare "following"
# needs a verb of choosing ("addressing one or more of the following:", not "include all of
# the following:").
LIST_NOUNS = (
    r"(?:modules|areas|topics|themes|challenges|problems|questions|directions|priorities|subtopics|sub-topics"
    r"|tracks|lines\s+of\s+(?:research|work)|research\s+(?:areas|directions|topics|questions))"
)
_CHOICE = r"(?:one\s+or\s+more|any|at\s+least\s+[\w-]+|each|all|some)\s+of\s+the"

# A sentence ending in a colon that announces a list of directions.
LEAD_IN = regex.compile(
    r"(?i)(?:"
    r"(?:areas of (?:research|interest)|research (?:areas|directions|topics|challenges)|topics of interest)"
    r"[^.:]*(?:include|are|cover)[^.]*"
    r"|(?:address\w*|on|in)\s+(?:one or more|any|at least one) of the following[^.:]*"
    rf"|{_CHOICE}\s+(?:[\w-]+\s+){{0,3}}{LIST_NOUNS}\b[^.:]*"
    rf"|\bthe\s+following\s+(?:[\w-]+\s+){{0,2}}{LIST_NOUNS}\b[^.:]*"
    r"):\s*$"
)
# A sentence that announces them without a colon: "…one or more of the five core challenges identified below."
LEAD_IN_BELOW = regex.compile(
    rf"(?i)\b{_CHOICE}\s+(?:[\w-]+\s+){{0,3}}{LIST_NOUNS}\b[^.:;]*\b(?:below|as\s+follows)\s*[.。]?$"
)
LEAD_IN_ZH = regex.compile(
    r"(?:研究方向|研究内容|研究重点|重点方向|任务|攻关方向|申报方向|方向)[^。；;，,：:]{0,8}"
    r"(?:包括|如下|主要有|分为|涵盖|以下)[^。；;：:]{0,12}[：:]\s*$"
)

COLON = "[：:]"

# Texts of navigation links ("back to the table of contents"): dropped as noise.
NAVIGATION_TEXTS: frozenset[str] = frozenset(
    {"返回目录", "回到目录", "返回顶部", "回到顶部", "back to top", "back to contents", "back to toc", "top"}
)

# The heading of a table of contents: "目录", "申报主题目录", "Contents", "Table of Contents".
TOC_TITLE = regex.compile(r"(?i)^.{0,30}?(?:目\s*录|contents|table of contents)\s*[:：]?$")

# A printed page reference: arabic, roman (front matter "ii"), appendix pages "A-1", and a
# range of these ("A-1 – A-6", "12-15").
_PAGE = rf"(?:{DIGIT}{{1,4}}|[ivxlc]{{1,6}}|[IVXLC]{{1,6}}|[A-Z][-‐–]{DIGIT}{{1,3}})"
PAGE_LABEL = rf"{_PAGE}(?:[ \t]*[-‐–—~][ \t]*{_PAGE})?"
PAGE_LABEL_RE = regex.compile(rf"^{PAGE_LABEL}$")

# A TOC line: a head, then a dot leader and/or a tab (or a run of spaces), then a page label.
_DOT_LEADER = r"[.．·・]{3,}|…{2,}|_{3,}"
TOC_LINE = regex.compile(
    r"^(?P<head>\S.*?)"
    rf"(?:[ \t\u3000]*(?:{_DOT_LEADER})[ \t\u3000]*"  # a dot leader
    r"|[ \u3000]*\t[ \t\u3000]*"  # a tab
    r"|[ \u3000]{3,})"  # a run of spaces
    rf"(?P<page>{PAGE_LABEL})$"
)
# What every line TOC_LINE matches holds somewhere: a dot leader, a tab or a run of spaces.
# TOC_LINE's lazy head tries each position of a line in turn (0.24 s over 20,000 paragraphs);
# a search for this first rules out almost every line of running text in a tenth of that.
_HAS_LEADER = regex.compile(rf"{_DOT_LEADER}|\t|[ \u3000]{{3,}}")


def is_toc_line(text: str) -> bool:
    """Return whether `text` (stripped) is a table-of-contents line: head, leader, page label."""
    return _HAS_LEADER.search(text) is not None and TOC_LINE.match(text) is not None


# Sentence-ending punctuation: a block ending in one of these is not cut mid-sentence, and a
# short block without one may be a title.
TERMINAL = "。！？；!?;：:"
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


_TRAILING_COLON = regex.compile(rf"{COLON}\s*$")
_SENTENCE_END = regex.compile(r"(?<=[.。!?！？；;])\s*")


def _bold_label_fits(label: str) -> bool:
    if not label:
        return False
    return len(label) <= 30 or (not has_han(label) and len(label.split()) <= BOLD_LABEL_MAX_WORDS)


def is_navigation(text: str) -> bool:
    """Return whether `text` is a navigation link text such as ``返回目录``."""
    return text.strip().strip("[]【】").strip().casefold() in NAVIGATION_TEXTS


@dataclass(frozen=True, slots=True)
class TocLine:
    numbering: Numbering | None
    title: str
    page: int | None
    """The page number when it is printed in arabic digits (the first of a range)."""
    page_label: str
    """The page reference as printed (``12``, ``ii``, ``A-1 – A-6``)."""


_ARABIC_START = regex.compile(rf"^{DIGIT}+")


def match_toc_line(text: str) -> TocLine | None:
    """Return the parts of a table-of-contents line (head, leader, page label), or None."""
    stripped = text.strip()
    found = TOC_LINE.match(stripped) if _HAS_LEADER.search(stripped) else None
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
_NOT_A_TITLE = regex.compile(
    r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d+(?:[.,]\d+)?$|(?i:https?://|www\.)|\S+@\S+\.\w+$)|\t"
)


def is_title_like(text: str) -> bool:
    """Return whether `text` is short and unpunctuated enough to be a heading title."""
    stripped = text.strip()
    # The Chinese limit is the lower: only a length between the two needs the script looked at.
    if not 0 < len(stripped) <= TITLE_MAX_CHARS_LATIN or (len(stripped) > TITLE_MAX_CHARS and has_han(stripped)):
        return False
    if "\n" in stripped or _NOT_A_TITLE.search(stripped):
        return False
    last = stripped[-1]
    if last in "。；;，,！？!?：:、":
        return False
    return not (last == "." and len(stripped.split()) > TITLE_MAX_WORDS_WITH_STOP)


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

# Labels whose value is the identifier of the call's topic: "题目编号：XH-202603".
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
HEADING_HINT = regex.compile(r"\s*[\[(（【][^\])）】]{0,40}[\])）】]\s*$")

_RUN_IN = regex.compile(
    r"^(?P<label>[^：:，,。；;！？!?\n]{1,60}?)(?P<colon>[ \t\u3000]*[：:](?!//)[ \t\u3000]*)(?P<rest>.*)$", regex.S
)
# An unknown run-in label is accepted when it is this short: longer lead phrases before a
# colon are sentences ("The goal of this RFP is: …"), not labels.
# A bold lead that carries its own colon is a label up to 30 characters; a Latin one up to
# this many words ("Components of Participating Organizations:", NIH Guide notices).
BOLD_LABEL_MAX_WORDS = 6
GENERIC_LABEL_MAX_CJK = 12
GENERIC_LABEL_MAX_WORDS = 4
# ALL-CAPS labels of US solicitations are longer: "OUSD (R&E) CRITICAL TECHNOLOGY AREA(S):",
# "PHASE III DUAL USE APPLICATIONS:".
CAPS_LABEL = regex.compile(r"^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\d (),&/'’.\-]{2,60}$")
CAPS_LABEL_MAX_WORDS = 8


# The value of a longer key is a few words without sentence punctuation ("Multiple", "Ongoing").
SHORT_VALUE_MAX_WORDS = 4


def _short_value(rest: str) -> bool:
    words = rest.split()
    return 0 < len(words) <= SHORT_VALUE_MAX_WORDS and not any(mark in rest for mark in ".,;:!?。，；：！？")


@dataclass(frozen=True, slots=True)
class FieldMatch:
    label: str
    rest: str
    known: bool
    colon: str = "："
    """The colon printed after the label with the spaces around it (``：``, ``: ``), none after it
    where no text follows."""


_SPACES = regex.compile(r"\s+")


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
        object.__setattr__(self, "_fields", frozenset(_fold(label) for label in self.field_labels))
        object.__setattr__(self, "_identifiers", frozenset(_fold(label) for label in self.identifier_labels))

    def directions_marker(self, text: str) -> str | None:
        """Return the marker as printed if `text` is a directions marker line, else None."""
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
        found = _RUN_IN.match(stripped)
        if found is None:
            return None
        label, rest, colon = found.group("label").strip(), found.group("rest").strip(), found.group("colon")
        colon = colon if rest else colon.rstrip()
        if self.is_field_label(label) or self.is_identifier_label(label):
            return FieldMatch(label, rest, True, colon)
        if has_han(label):
            return FieldMatch(label, rest, False, colon) if len(label) <= GENERIC_LABEL_MAX_CJK else None
        words = label.split()
        if CAPS_LABEL.match(label) and len(words) <= CAPS_LABEL_MAX_WORDS:
            return FieldMatch(label, rest, False, colon)
        if len(label) <= 30 and label[:1].isupper() and len(words) <= GENERIC_LABEL_MAX_WORDS:
            return FieldMatch(label, rest, False, colon)
        if label[:1].isupper() and len(words) <= BOLD_LABEL_MAX_WORDS and _short_value(rest):
            # A key and a short value ("Accepting one or multiple proposals: Multiple"): a
            # sentence before a colon goes on with more than a few words.
            return FieldMatch(label, rest, False, colon)
        return None

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
            return sentences[-1].strip() or None
        # LEAD_IN_BELOW ends in `below` or `as follows`: a paragraph holding neither word (most)
        # needs no splitting into sentences.
        folded = stripped.casefold()
        if "below" not in folded and "follows" not in folded:
            return None
        for sentence in _SENTENCE_END.split(stripped):
            if LEAD_IN_BELOW.search(sentence.strip()):
                return sentence.strip()
        return None


DEFAULT_LEXICON = Lexicon()


# Headings of a listing of the call's topics: it names the topics, it does not hold them.
TOPIC_INDEX_TITLE = regex.compile(
    r"(?i)(?:\btopic\s+(?:index|list)\b|\blist\s+of\s+topics\b|\bindex\s+of\s+topics\b"
    r"|题目(?:清单|列表|一览)|榜单(?:清单|列表)?$|选题(?:清单|列表|目录)|课题(?:清单|列表|一览))"
)
# Notes after a directions list: paragraphs that start like this are notes, not strays.
NOTE_PREFIX = regex.compile(r"(?i)^(?:注|备注|说明|附注|note|notes|remark)\s*[0-9０-９]*\s*[:：]")


def is_topic_index_title(text: str) -> bool:
    """Return whether `text` heads a listing of the call's topics (``Army SBIR 25.4 Topic Index``)."""
    return is_title_like(text) and TOPIC_INDEX_TITLE.search(text) is not None


# Headings of a part that holds the call's topics: the nodes right under such a heading are
# topics even where none carries directions ("1. 开放课题" over "1.1 …", "## Topics", "# Project
# ideas"). The word that names topics ends the title: "题目介绍" introduces a topic, it holds none.
# A question works too: "Higress 开放了哪些课题？", "Which projects are open?".
TOPIC_CONTAINER_TITLE = regex.compile(
    r"(?:(?:课题|主题|选题|题目|榜单|任务|项目|赛题)(?:指南|列表|清单|一览|详情|汇总|合集)?"
    r"|(?i:\b(?:topics|ideas|projects|tasks|challenges|rfps|themes)(?:\s+(?:are\s+)?(?:open|offered))?))\s*[？?]?\s*$"
)


def names_topics(title: str | None) -> bool:
    """Return whether a heading's title says that topics sit under it (``开放课题``, ``Topics``)."""
    return bool(title) and TOPIC_CONTAINER_TITLE.search(title or "") is not None
