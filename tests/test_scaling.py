"""Linear time without timing: joining looks at a bounded window, incremental state equals the whole.

The scaling itself is measured by bench/bench_scaling.py (CPU time and peak memory per size);
these tests pin the mechanisms that make it linear, and that they change no result.
"""

from __future__ import annotations

import random
from functools import reduce
from typing import Any

import pytest

import docparse
from docparse import normalize as normalize_module
from docparse.blocks import Block, Span
from docparse.model import Paragraph
from docparse.model.provenance import Provenance
from docparse.normalize import PROBE_CHARS, _Joined, join_blocks
from docparse.outline.draft import ContentScan, DraftField, DraftNode, Strength
from docparse.read.docx.numbering import MAX_LABEL_CHARS

from .read.docx_factory import make_docx, p, r
from .read.test_numbering import _abstract, _labels, _lvl, _num, _numbering

PIECES = ["word", "Word", "hyphen-", "end.", "  ", "", " lead", "tail ", "研究", "方向", "“引号”", "-", "a-", "\t"]


def _random_block(rng: random.Random) -> Block:
    spans = tuple(Span(rng.choice(PIECES), bold=rng.random() < 0.4) for _ in range(rng.randint(0, 4)))
    text = "".join(span.text for span in spans)
    if rng.random() < 0.1:
        spans = ()  # a block without spans (a table's text, a code line)
    return Block(text=text, spans=spans)


@pytest.mark.parametrize("seed", range(300))
def test_incremental_join_equals_joining_block_by_block(seed: int) -> None:
    rng = random.Random(seed)
    blocks = [_random_block(rng) for _ in range(rng.randint(2, 8))]
    expected = reduce(join_blocks, blocks)
    joined = _Joined(blocks[0])
    for block in blocks[1:]:
        joined.add(block)
    assert joined.block().text == expected.text
    assert joined.block().spans == expected.spans


def test_joining_thousands_of_lines_looks_at_a_bounded_window(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    original = normalize_module.is_toc_line

    def recording(text: str) -> bool:
        seen.append(len(text))
        return original(text)

    monkeypatch.setattr(normalize_module, "is_toc_line", recording)
    text = "1. Title\n" + "".join(f"word text {i:05d}\n" for i in range(3000))
    document = docparse.parse_text(text, markdown=False)
    assert len(seen) >= 3000
    assert max(seen) <= 2 * PROBE_CHARS + 10  # the paragraph itself is 48,000 characters
    assert document.preamble[0].text.endswith("word text 02999")  # type: ignore[union-attr]


def test_a_long_joined_paragraph_still_ends_at_a_toc_line() -> None:
    lines = "".join(f"word text {i:05d}\n" for i in range(200))
    text = f"1. Title\n{lines}Chapter two ........ 12\nafter the toc line\n"
    blocks = docparse.read.read_blocks(text.encode(), options=docparse.ParseOptions(), format="text").blocks
    joined = list(normalize_module.iter_joined_lines(blocks))
    assert [block.text for block in joined[-2:]] == ["Chapter two ........ 12", "after the toc line"]
    assert len(joined[0].text) > 2 * PROBE_CHARS


def test_has_directions_follows_appends_and_replaced_content() -> None:
    node = DraftNode(level=1, title="t", numbering=None, provenance=Provenance())
    paragraph = ("description", object())
    for _ in range(5):
        node.content.append(paragraph)  # type: ignore[arg-type]
        assert not node.has_directions
    node.content.append(("directions", object()))  # type: ignore[arg-type]
    assert node.has_directions
    node.content = [paragraph]  # type: ignore[list-item]
    assert not node.has_directions
    node.content.append(("directions", object()))
    assert node.has_directions


def test_a_level_text_of_many_placeholders_gives_a_bounded_label() -> None:
    numbering = _numbering(_abstract(0, _lvl(0, "decimal", "%1" * 100_000)) + _num(1, 0))
    labels = _labels(numbering, [(1, 0, None)] * 50)
    assert all(label is not None and len(label) <= MAX_LABEL_CHARS for label in labels)
    assert labels[0] == "1" * 32  # the level text is cut at 64 characters: 32 placeholders
    assert labels[9] == "10" * 32


def test_a_docx_with_a_huge_level_text_exports_a_small_document() -> None:
    numbering = _abstract(0, _lvl(0, "decimal", "%1" * 50_000)) + _num(1, 0)
    para = p(r("x"), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    document = docparse.parse(make_docx(para * 50, numbering=numbering))
    assert len(docparse.to_json(document)) < 100_000


def test_has_fields_follows_appends_and_replaced_content() -> None:
    node = DraftNode(level=1, title="t", numbering=None, provenance=Provenance())
    node.content.append(("description", object()))  # type: ignore[arg-type]
    assert not node.has_fields
    node.content.append(
        ("fields", DraftField(label="Scope", text="", depth=0, provenance=Provenance(), strength=Strength.STRONG))
    )
    assert node.has_fields
    node.content = [("description", object())]  # type: ignore[list-item]
    assert not node.has_fields


def test_the_outline_looks_at_each_placed_part_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    looked: list[int] = []
    original = ContentScan.holds

    def counting(self: ContentScan, content: list[Any], slot: Any) -> bool:
        before = 0 if self.content is not content else self.scanned
        # A scan that found its item already looks at nothing more of the same list.
        looked.append(0 if self.content is content and self.found else max(len(content) - before, 0))
        return original(self, content, slot)

    monkeypatch.setattr(ContentScan, "holds", counting)
    # Bold capital lines after a field ask whether the open node holds fields, once a line: the
    # question used to rescan the node (12.9 s for a DOCX of 20,000 paragraphs).
    text = "Scope: the call.\n\n" + "\n\n".join(f"**PART {i} OF THE CALL**\n\ntext {i}" for i in range(2000))
    docparse.parse_text(text)
    assert sum(looked) <= 3 * 4002


def test_a_docx_of_twenty_thousand_short_paragraphs_keeps_them() -> None:
    count = 20_000
    body = [p(r(f"Paragraph {i} of a long call, with some ordinary words in it")) for i in range(count)]
    document = docparse.parse(make_docx(body), format="docx")
    # Prose alone under a title is one topic's statement: its paragraphs are that topic's, not the preamble's.
    held = [*document.preamble, *(part for node in document.iter_nodes() for part in node.description)]
    texts = [part.text for part in held if isinstance(part, Paragraph)] + ([document.title] if document.title else [])
    assert len(texts) == count
    assert sorted(int(text.split()[1]) for text in texts) == list(range(count))


def test_a_crowded_markdown_paragraph_of_many_lines_is_one_paragraph_again() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import hostile3

    from docparse.read.text import MAX_PARAGRAPH_BRACKETS

    count = MAX_PARAGRAPH_BRACKETS + 500
    document = docparse.parse(hostile3.markdown_brackets("lines", count), name="call.md")
    [section] = document.sections
    # Set apart from markdown-it, its lines still continue one another as a paragraph's lines do.
    # (The next paragraph, not ending a sentence, is then taken as cut by a stray blank line: normalize's rejoin.)
    [paragraph] = [part.text for part in section.description]
    assert paragraph.startswith(" ".join("[" * count)) and paragraph.count("[") == count
    assert [d.code for d in document.diagnostics].count("DP113") == 1


def test_joining_a_long_paragraph_builds_no_probe_at_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    original = _Joined.probe

    def counting(self: _Joined) -> Block:
        built.append(self.length)
        return original(self)

    monkeypatch.setattr(_Joined, "probe", counting)
    text = "1. Title\n" + "".join(f"word text {i:05d}\n" for i in range(3000))
    document = docparse.parse_text(text, markdown=False)
    # Once over 2 × PROBE_CHARS the paragraph is judged by its lines and its last character (a TOC
    # line ends in a page label): a probe with spans only while it is short, and once for its head.
    assert len(built) < 2 * PROBE_CHARS // len("word text 00000") + 2
    assert document.preamble[0].text.endswith("word text 02999")  # type: ignore[union-attr]


@pytest.mark.parametrize("seed", range(50))
def test_the_page_label_test_before_the_toc_search_changes_no_verdict(seed: int) -> None:
    from docparse.vocab.markers import TOC_LINE, is_toc_line

    rng = random.Random(seed)
    pieces = ["Chapter", " ", "\t", "...", "……", "___", "   ", "12", "iv", "A-3", "研究", "．", "x", "\n", "5 - 7", "C"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert is_toc_line(text) is (TOC_LINE.match(text) is not None), text
