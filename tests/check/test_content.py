"""Content rules (DP4xx): unplaced text, and the share of text dropped as page furniture."""

from __future__ import annotations

import docparse
from docparse import Document
from docparse.check.content import MAX_DROPPED_SHARE, kept_length, much_dropped
from docparse.model.document import Dropped, DropReason

from .seedcalls import SEED_TEXT, replace_once


def _with_dropped(document: Document, reason: DropReason, letters: int) -> Document:
    furniture = Dropped(text="页" * letters, reason=reason)
    return document.model_copy(update={"dropped": (*document.dropped, furniture)})


def test_one_finding_per_unplaced_paragraph() -> None:
    strays = "以上课题的申报截止日期另行通知。\n\n请关注官网。\n\n"
    document = docparse.parse_text(replace_once(SEED_TEXT, "\n2. 半开放课题\n", f"\n{strays}2. 半开放课题\n"))
    assert len(document.unplaced) == 2
    assert [d.code for d in document.diagnostics if d.code == "DP401"] == ["DP401", "DP401"]


def test_furniture_over_a_tenth_of_the_text_is_reported() -> None:
    document = docparse.parse_text(SEED_TEXT)
    kept = kept_length(document)
    # furniture / (kept + furniture) > 10 %  ⇔  furniture > kept / 9
    limit = int(kept * MAX_DROPPED_SHARE / (1 - MAX_DROPPED_SHARE))
    assert list(much_dropped(_with_dropped(document, DropReason.RUNNING_HEADER, limit))) == []
    (finding,) = much_dropped(_with_dropped(document, DropReason.RUNNING_HEADER, limit + 1))
    assert (finding.code, finding.node) == ("DP402", None)


def test_back_links_and_markup_are_not_furniture() -> None:
    document = docparse.parse_text(SEED_TEXT)
    for reason in (DropReason.BACK_LINK, DropReason.MARKUP):
        assert list(much_dropped(_with_dropped(document, reason, kept_length(document)))) == []
    assert len(list(much_dropped(_with_dropped(document, DropReason.FOOTNOTE, kept_length(document))))) == 1
