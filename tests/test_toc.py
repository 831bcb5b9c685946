"""Table-of-contents entries: numbered entries keep their number, parts their label, and all link."""

from __future__ import annotations

import docparse
from docparse.model import SectionRole

CALL = """Table of Contents

1. Introduction\t1
1.1 Scope\t2
Appendix A: Definitions\tA-1 – A-3

1. Introduction

1.1 Scope

The programme funds research.

Appendix A: Definitions

Words used in this call.
"""


def test_an_appendix_entry_is_labelled_top_level_and_points_to_its_part() -> None:
    document = docparse.parse_text(CALL)
    entries = [(e.number, e.label, e.level, e.page_label) for e in document.toc]
    assert entries == [("1", "1.", 1, "1"), ("1.1", "1.1", 2, "2"), (None, "Appendix A:", 1, "A-1 – A-3")]
    appendix = document.sections[-1]
    assert (appendix.role, appendix.title) == (SectionRole.APPENDIX, "Definitions")
    targets = [document.get(e.target) for e in document.toc if e.target is not None]
    assert [node.title for node in targets] == ["Introduction", "Scope", "Definitions"]
