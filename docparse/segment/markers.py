"""Tables of the non-numbering cues: directions markers, TOC lines, navigation, attachment labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from docparse.segment.families import DIGIT, Numbering, digits_to_int, match_numbering

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
    "Research directions",
    "Suggested research directions",
    "Research topics",
    "Research areas",
)

# English lead-in sentences that end a paragraph and announce a list of directions
# (the Cisco call: "Specific areas of research include but are not limited to the following:").
LEAD_IN = regex.compile(
    r"(?i)(?:areas of (?:research|interest)|research (?:areas|directions|topics)|topics of interest)"
    r"[^.:]*(?:include|are|cover)[^.]*:\s*$"
)

COLON = "[：:]"

# Texts of navigation links ("back to the table of contents"): dropped as noise.
NAVIGATION_TEXTS: frozenset[str] = frozenset(
    {"返回目录", "回到目录", "返回顶部", "回到顶部", "back to top", "back to contents", "back to toc", "top"}
)

# The heading of a table of contents: "目录", "申报主题目录", "Contents", "Table of Contents".
TOC_TITLE = regex.compile(r"(?i)^.{0,30}?(?:目\s*录|contents|table of contents)\s*[:：]?$")

# A TOC line: a head, then a dot leader and/or a tab (or a run of spaces), then a page number.
TOC_LINE = regex.compile(
    r"^(?P<head>\S.*?)"
    r"(?:[ \t\u3000]*(?:[.．·・]{3,}|…{2,}|_{3,})[ \t\u3000]*"  # a dot leader
    r"|[ \u3000]*\t[ \t\u3000]*"  # a tab
    r"|[ \u3000]{3,})"  # a run of spaces
    rf"(?P<page>{DIGIT}{{1,4}})$"
)

# Attachment labels that open many Chinese calls: "附件一:", "附件 2", "Annex 1".
DOC_LABEL = regex.compile(
    r"(?i)^(?P<label>(?:附件|附表|annex|attachment|appendix)"
    r"[ \t\u3000]*[0-9０-９一二三四五六七八九十A-Z]{0,3})[ \t\u3000]*[:：]?$"
)

# Sentence-ending punctuation: a block ending in one of these is not cut mid-sentence, and a
# short block without one may be a title.
TERMINAL = "。！？；!?;：:"
TITLE_MAX_CHARS = 60
# Latin words are longer: "2.2 Measures to maximise impact - Dissemination, exploitation and
# communication [e.g. 2 pages]" (Horizon Europe form) is a heading of 90 characters.
TITLE_MAX_CHARS_LATIN = 120


_TRAILING_COLON = regex.compile(rf"{COLON}\s*$")
_SENTENCE_END = regex.compile(r"(?<=[.。!?！？；;])\s*")


def directions_marker(text: str, extra: Iterable[str] = ()) -> str | None:
    """Return the marker as printed if `text` is a directions marker line, else None."""
    stripped = text.strip()
    body = _TRAILING_COLON.sub("", stripped).strip()
    for marker in (*extra, *DEFAULT_DIRECTIONS_MARKERS):
        if body.casefold() == marker.casefold():
            return body
    return None


def is_navigation(text: str) -> bool:
    """Return whether `text` is a navigation link text such as ``返回目录``."""
    return text.strip().strip("[]【】").strip().casefold() in NAVIGATION_TEXTS


@dataclass(frozen=True, slots=True)
class TocLine:
    numbering: Numbering | None
    title: str
    page: int


def match_toc_line(text: str) -> TocLine | None:
    """Return the parts of a table-of-contents line (head, leader, page number), or None."""
    found = TOC_LINE.match(text.strip())
    if found is None:
        return None
    head = found.group("head").strip()
    numbering = match_numbering(head)
    title = numbering.rest if numbering is not None else head
    title = title.replace("\t", " ").strip()
    if not title:
        return None
    return TocLine(numbering, title, digits_to_int(found.group("page")))


def match_doc_label(text: str) -> str | None:
    """Return the attachment label (``附件一``) if `text` is one, else None."""
    found = DOC_LABEL.match(text.strip())
    return found.group("label") if found else None


# A "title" that starts with a date or a bare number, or holds a tab (cells of a table row),
# is a row of a table: "1.1  19.04.2021  • Formatting and alignment" in a version history.
_NOT_A_TITLE = regex.compile(r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d+(?:[.,]\d+)?$)|\t")


def is_title_like(text: str) -> bool:
    """Return whether `text` is short and unpunctuated enough to be a heading title."""
    stripped = text.strip()
    limit = TITLE_MAX_CHARS if _HAS_CJK.search(stripped) else TITLE_MAX_CHARS_LATIN
    return (
        0 < len(stripped) <= limit
        and stripped[-1] not in "。；;，,！？!?：:"
        and "\n" not in stripped
        and _NOT_A_TITLE.search(stripped) is None
    )


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and (stripped[-1] in TERMINAL or stripped[-1] in "。）)」』”\"'")


# Labels of labelled fields ("研究内容：…", "**验收标准**：" + a list, "Scope: …"). Any short
# label followed by a colon is taken as a field too; this table only makes the known ones
# certain (a heading that is a known label opens a field instead of an outline level).
# Extend through ParseOptions.field_labels.
DEFAULT_FIELD_LABELS: tuple[str, ...] = (
    "研究内容",
    "研究目标",
    "考核指标",
    "预期成果",
    "技术标签",
    "任务难度",
    "详细描述",
    "验收标准",
    "技术要求",
    "营员要求",
    "提交内容",
    "评分方式",
    "论文链接",
    "参考代码链接",
    "代码复现",
    "资助额度",
    "资助金额",
    "支持年限",
    "申报条件",
    "Abstract",
    "Description",
    "Scope",
    "Expected Outcome",
    "Expected Outcomes",
    "Expected Impact",
    "Deliverables",
    "Eligibility",
    "Budget",
    "Duration",
    "Deadline",
)

_RUN_IN = regex.compile(
    r"^(?P<label>[^：:，,。；;！？!?\n]{1,30}?)[ \t\u3000]*[：:](?!//)[ \t\u3000]*(?P<rest>.*)$", regex.S
)
_HAS_CJK = regex.compile(r"\p{Han}")
# An unknown run-in label is accepted when it is this short: longer lead phrases before a
# colon are sentences ("The goal of this RFP is: …"), not labels.
GENERIC_LABEL_MAX_CJK = 12
GENERIC_LABEL_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class FieldMatch:
    label: str
    rest: str
    known: bool


def is_field_label(label: str, extra: Iterable[str] = ()) -> bool:
    """Return whether `label` (without its colon) is in the table of field labels."""
    return _known(label.strip().rstrip("：:").strip(), extra)


def _known(label: str, extra: Iterable[str]) -> bool:
    folded = label.casefold()
    return any(folded == known.casefold() for known in (*extra, *DEFAULT_FIELD_LABELS))


def match_field(text: str, bold_lead: str = "", extra: Iterable[str] = ()) -> FieldMatch | None:
    """Return the label and run-in text if `text` starts with a field label and a colon.

    `bold_lead` is the bold text at the start of the block, if any: a bold label
    (``**详细描述：**``, ``**验收标准**：``) is a label whatever its length.
    """
    stripped = text.strip()
    lead = bold_lead.strip()
    if lead and stripped.startswith(lead):
        label = lead.rstrip("：:").strip()
        after = stripped[len(lead) :].lstrip()
        if label and len(label) <= 30:
            if lead[-1] in "：:":
                return FieldMatch(label, after, _known(label, extra))
            if after[:1] in ("：", ":"):
                return FieldMatch(label, after[1:].strip(), _known(label, extra))
    found = _RUN_IN.match(stripped)
    if found is None:
        return None
    label, rest = found.group("label").strip(), found.group("rest").strip()
    if _known(label, extra):
        return FieldMatch(label, rest, True)
    if _HAS_CJK.search(label):
        return FieldMatch(label, rest, False) if len(label) <= GENERIC_LABEL_MAX_CJK else None
    words = label.split()
    if label[:1].isupper() and len(words) <= GENERIC_LABEL_MAX_WORDS:
        return FieldMatch(label, rest, False)
    return None


# A sentence that ends a paragraph and announces a list of directions.
LEAD_IN_ZH = regex.compile(r"(?:研究方向|研究内容|研究重点|重点方向|方向)[^。；;]{0,20}[：:]\s*$")


def lead_in(text: str, extra: Iterable[str] = ()) -> str | None:
    """Return the lead-in sentence if the paragraph ends by announcing a list of directions."""
    stripped = text.strip()
    if not stripped or stripped[-1] not in "：:":
        return None
    if LEAD_IN.search(stripped) is None and LEAD_IN_ZH.search(stripped) is None:
        return None
    sentences = _SENTENCE_END.split(stripped[:-1])
    return sentences[-1].strip() or None
