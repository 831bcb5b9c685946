"""Glyphs whose ToUnicode text is not one plain character: ligatures (several letters) and controls."""

from __future__ import annotations

import json

import pytest

import docparse
from docparse.errors import InternalError
from docparse.model.document import DropReason
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf, reader
from docparse.read.pdf.text import clean_glyph, is_control, is_garbage, is_stray

from ..conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
CONTROLS = "\x00\u202e\x07"
"""What the bad map of pdf-control-chars.pdf gives for its two symbols (see make_hostile_pdfs.py)."""


def test_char_classes_take_a_glyph_of_several_characters() -> None:
    assert not is_stray("fi") and not is_garbage("ffi")
    assert is_stray("f\u2020") and is_garbage("f\ufffd")
    assert clean_glyph("\ufb03") == ("ffi", "")
    assert clean_glyph("a\x00\u202eb\x85") == ("ab", "\x00\u202e\x85")
    assert not any(is_control(ch) for ch in "\t\n\r a中")


def test_ligature_glyphs_read_as_their_letters() -> None:
    reading = read_pdf((HOSTILE / "pdf-ligatures.pdf").read_bytes(), options=ParseOptions())
    assert [block.text for block in reading.blocks] == [
        "1.1 Efficient fine-tuning",
        "The first official flow of figures was sufficient for the staff.",
    ]
    assert not reading.dropped


def test_ligatures_go_through_the_whole_pipeline() -> None:
    document = docparse.parse(HOSTILE / "pdf-ligatures.pdf")
    assert "Efficient fine-tuning" in json.dumps(docparse.outline_data(document), ensure_ascii=False)


def test_control_and_bidi_characters_are_dropped_and_recorded() -> None:
    reading = read_pdf((HOSTILE / "pdf-control-chars.pdf").read_bytes(), options=ParseOptions())
    assert [block.text for block in reading.blocks] == [
        "1.1 Research on deep learning",
        "Training converges faster with better optimisers.",
    ]
    [record] = reading.dropped
    assert record.reason is DropReason.CONTROL
    assert record.text == CONTROLS
    [region] = record.provenance.regions
    assert region.page == 1 and region.bbox.x0 > 72 and region.bbox.top < region.bbox.bottom


def test_no_control_character_reaches_the_outline() -> None:
    document = docparse.parse(HOSTILE / "pdf-control-chars.pdf")
    exported = json.dumps(docparse.outline_data(document), ensure_ascii=False)
    assert not any(ch in exported for ch in CONTROLS)
    assert [d.text for d in document.dropped if d.reason is DropReason.CONTROL] == [CONTROLS]


def test_an_unexpected_failure_inside_the_reader_is_a_docparse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise TypeError("ord() expected a character, but string of length 2 found")

    monkeypatch.setattr(reader, "page_to_lines", broken)
    with pytest.raises(InternalError, match="TypeError") as caught:
        docparse.parse((HOSTILE / "pdf-ligatures.pdf").read_bytes(), name="x.pdf")
    assert caught.value.path == "x.pdf" and isinstance(caught.value.cause, TypeError)
