"""Any glyph text pdfminer may hand over (several characters, controls, surrogates, private use,
`(cid:N)`, empty) goes through lines, furniture and paragraphs without an exception."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from docparse.read.pdf.furniture import remove_furniture
from docparse.read.pdf.lines import page_to_lines
from docparse.read.pdf.paragraphs import lines_to_blocks

GLYPH_TEXT = st.one_of(
    st.text(min_size=0, max_size=4),
    st.sampled_from(["fi", "ffi", "\ufb01", "\x00", "\u202e", "(cid:12)", "\ufffd", "\ue000", " ", "\t", "\n", "1"]),
)


@st.composite
def chars(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for _ in range(draw(st.integers(min_value=1, max_value=60))):
        size = draw(st.sampled_from([6.0, 10.0, 10.5, 14.0]))
        x0 = draw(st.floats(min_value=0, max_value=500, allow_nan=False))
        top = draw(st.floats(min_value=0, max_value=800, allow_nan=False))
        out.append(
            {
                "text": draw(GLYPH_TEXT),
                "x0": x0,
                "x1": x0 + size * draw(st.sampled_from([0.0, 0.5, 1.0])),
                "top": top,
                "bottom": top + size,
                "size": size,
                "fontname": draw(st.sampled_from(["ABCDEF+SimSun", "Helvetica-Bold", "F1"])),
                "upright": draw(st.booleans()),
                "matrix": draw(st.sampled_from([(1, 0, 0, 1, 0, 0), (0, 1, -1, 0, 0, 0), (-1, 0, 0, -1, 0, 0)])),
                "render_mode": draw(st.sampled_from([0, 2])),
            }
        )
    return out


@settings(max_examples=60, deadline=None)
@given(pages=st.lists(chars(), min_size=1, max_size=3))
def test_any_glyph_text_reads_without_an_exception(pages: list[list[dict[str, Any]]]) -> None:
    read = [page_to_lines(n + 1, 595.0, 842.0, page, [], 0) for n, page in enumerate(pages)]
    for page in read:
        for line in page.lines:
            assert len(line.bold) == len(line.text)
            assert not any(0 < ord(ch) < 0x20 and ch not in "\t\n\r" for ch in line.text)
            assert "\u202e" not in line.text
    remove_furniture(read, 10.0)
    blocks, _ = lines_to_blocks([page.lines for page in read], 10.0, [595.0] * len(read))
    assert all("\x00" not in block.text for block in blocks)
