"""Read stage, PDF: what goes between two lines joined into one paragraph (a space, nothing, a cut hyphen)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from docparse.read.pdf.text import HYPHENS
from docparse.vocab.chars import is_cjk

if TYPE_CHECKING:  # lines → source → grid → joins: the type only, at run time no import
    from docparse.read.pdf.lines import Line

TERMINAL = set('。．.！!？?；;：:」』”"）)')
"""A line ending in one of these may end its paragraph (closing brackets and quotes after a full stop too)."""

# Boundaries whose spacing a PDF cannot show at a line wrap: between a CJK character and a
# Latin letter or digit ("基于 ARM" or "大batch"), and after a half-width comma, semicolon or
# colon before CJK ("机器人, 金融" or "输出,促进"). A wrap that falls on such a boundary
# swallows the space, if there was one, and justified text leaves no gap to measure.
_HALF_PUNCT = ",;:"


def _boundary(left: str, right: str) -> str | None:
    """Return the kind of boundary between two characters, or None if spacing there is clear."""
    if not left or not right or left.isspace() or right.isspace():
        return None
    # CJK punctuation (、，。) never takes a space: only CJK letters count.
    if left.isalnum() and right.isalnum() and is_cjk(left) != is_cjk(right):
        return "cjk-latin"
    if left in _HALF_PUNCT and is_cjk(right):
        return "punct-cjk"
    return None


def spacing_votes(lines: list[Line]) -> Counter[tuple[str, bool]]:
    """Count, inside the lines, each boundary kind written with and without a space."""
    votes: Counter[tuple[str, bool]] = Counter()
    for line in lines:
        text = line.text
        for i in range(1, len(text)):
            if text[i] == " " and i + 1 < len(text):
                kind = _boundary(text[i - 1], text[i + 1])
                if kind is not None:
                    votes[(kind, True)] += 1
            else:
                kind = _boundary(text[i - 1], text[i])
                if kind is not None:
                    votes[(kind, False)] += 1
    return votes


def joint(
    prev: Line, line: Line, votes: Counter[tuple[str, bool]] | None = None, *, spaced: bool = False
) -> tuple[int, str]:
    """Return how many chars to cut from the end of `prev` and what to put before `line` when joining them.

    A Latin word hyphenated at the line end is rejoined (`environ-` + `ment`), unless the word already
    holds a hyphen (`state-of-the-` + `art`: the compound's own hyphen); a space the PDF
    drew at the wrap point is kept; Latin words get a space; a CJK line end joins with nothing,
    except at a CJK–Latin or comma–CJK boundary, where the paragraph's own habit (`votes`, the
    same boundaries inside its lines) decides whether the wrap swallowed a space. `spaced` says the
    geometry shows the line was broken at a space (a short line before a run too long for its room).
    """
    return text_joint(prev.text, line.text, votes, spaced=prev.trailing_space or spaced)


def text_joint(
    before: str, after: str, votes: Counter[tuple[str, bool]] | None = None, *, spaced: bool = False
) -> tuple[int, str]:
    """Return `joint` for two lines known by their texts only (a table cell's wrapped lines)."""
    last = before[-1:]
    first = after[:1]
    if last in HYPHENS and len(before) > 1 and before[-2].isalpha() and not is_cjk(before[-2]):
        if _in_address(before):
            return 0, ""  # a hyphen inside a URL or path is the address's own, broken after
        if "-" in before.rsplit(None, 1)[-1][:-1]:
            return 0, ""  # a compound already hyphenated (`Chinese-RoBERTa-` + `wwm-ext`) broken at a hyphen of its own
        return (1, "") if first.islower() else (0, "")
    if spaced:
        return 0, " "
    if _in_address(before) and (last in "/_.=?&#%" or _address_rest(after)):
        return 0, ""  # a URL broken after one of its separators, or anywhere, runs on
    kind = _boundary(last, first)
    if kind is not None and votes is not None:
        return 0, " " if votes[(kind, True)] > votes[(kind, False)] else ""
    if is_cjk(last) or is_cjk(first):
        return 0, ""
    return 0, " "


def join_wrapped(before: str, after: str) -> str:
    """Return `before` and `after` (ends trimmed) as one text wrapped from the one into the other (`text_joint`):
    a table cell's lines, a cell cut by a page break or by staggered boxes."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return before or after
    cut, sep = text_joint(before.rsplit("\n", 1)[-1], after.split("\n", 1)[0])
    return (before[:-cut] if cut else before) + sep + after


def _in_address(text: str) -> bool:
    """Return whether the last word of `text` is a URL, a path or an address (`https://a/b-`)."""
    word = text.rsplit(None, 1)[-1] if text.strip() else ""
    return "://" in word or word.startswith("www.") or word.count("/") >= 2 or "@" in word[1:]


def _address_rest(text: str) -> bool:
    """Return whether `text` starts with the rest of a broken address (`t/，了解…`, `2d/index.html`)."""
    head = ""
    for ch in text:
        if ch.isspace() or is_cjk(ch):
            break
        head += ch
    return any(sep in head for sep in "/#?=") or (len(head) > 1 and "." in head[:-1])
