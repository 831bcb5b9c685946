"""The committed DOCX renderings of the reference call: they open and carry the Word structures they claim.

Checks the files themselves (python-docx + the raw XML), not docparse's reader: typed numbers and
typed TOC in one, Word automatic numbering and a TOC field in the other; bold direction titles,
back-links to the TOC, the page break inside the 1.5 description, header and footer fields.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from .conftest import FIXTURES, SEED
from .helpers import seed_direction_texts

TYPED = FIXTURES / "seed-docx-typed" / "input.docx"
AUTONUM = FIXTURES / "seed-docx-autonum" / "input.docx"
BOTH = pytest.mark.parametrize("path", [TYPED, AUTONUM], ids=["typed", "autonum"])
HEADER = "2021年度百度飞桨开源课题 申报指南"
W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _open(path: Path) -> Document:
    assert path.is_file(), f"{path} is missing: run fixtures/generate/make_seed_docx.py"
    return docx.Document(str(path))


def _text(p: etree._Element) -> str:
    """Return a paragraph's visible text: w:t and run tabs, without field instructions."""
    out = []
    for r in p.iter(qn("w:r")):
        for node in r:
            if node.tag == qn("w:t"):
                out.append(node.text or "")
            elif node.tag == qn("w:tab"):
                out.append("\t")
    return "".join(out)


def _paragraphs(doc: Document) -> list[etree._Element]:
    """Return every body paragraph, including those inside content controls (the TOC sdt)."""
    return list(doc.element.body.iter(qn("w:p")))


def _bold_runs(doc: Document) -> list[str]:
    """Return the text of the runs with direct bold formatting, in order."""
    out = []
    for r in doc.element.body.iter(qn("w:r")):
        b = r.find("w:rPr/w:b", W)
        if b is not None and b.get(qn("w:val"), "true") not in ("0", "false"):
            out.append("".join(t.text or "" for t in r.iter(qn("w:t"))))
    return out


def _seed_bold_titles() -> list[str]:
    return re.findall(r"^- \d+\) \*\*([^*]+)\*\*", SEED.read_text(encoding="utf-8"), flags=re.M)


@BOTH
def test_front_section_unnumbered_body_numbered_from_one(path: Path) -> None:
    doc = _open(path)
    front, body = doc.sections  # the front matter (label, TOC) ends with a section break
    for section in (front, body):
        assert section.page_width is not None and round(section.page_width.mm) == 210  # A4
    assert [p.text for p in front.header.paragraphs] == [HEADER]
    assert body.header.is_linked_to_previous  # the running header shows on every page
    assert front._sectPr.find("w:footerReference", W) is None  # no footer, so no page number
    assert body._sectPr.find("w:pgNumType", W).get(qn("w:start")) == "1"  # type: ignore[union-attr]
    footer = body.footer.paragraphs[0]._p
    instructions = [t.text.strip() for t in footer.iter(qn("w:instrText")) if t.text]
    assert instructions == ["PAGE", "SECTIONPAGES"]
    assert _text(footer) == "第 1 页 共 7 页"  # cached results as Word saves them; 7 body pages
    paragraphs = _paragraphs(doc)
    (end,) = [i for i, p in enumerate(paragraphs) if p.find("w:pPr/w:sectPr", W) is not None]
    assert _text(paragraphs[end + 1]) == "申报主题"  # the body section starts with the title


@BOTH
def test_headings_turning_the_toc_page_start_a_page(path: Path) -> None:
    starts = [_text(p) for p in _paragraphs(_open(path)) if p.find("w:pPr/w:pageBreakBefore", W) is not None]
    # The seed's TOC: 1./1.1 → 1, 1.2 → 2, 1.3/1.4/1.5 → 3, 2./2.1/2.2 → 5, 2.3 → 7.
    titles = ["深度学习框架技术", "强化学习/进化学习", "半开放课题", "深度学习框架评估评价体系"]
    assert [re.sub(r"^[\d.]+ ", "", t) for t in starts] == titles


@BOTH
def test_bold_direction_titles_are_bold_runs(path: Path) -> None:
    expected = _seed_bold_titles()
    assert len(expected) == 16  # 1.1 and 1.2 have bold titles; the other 34 directions have none
    assert _bold_runs(_open(path)) == expected


def test_typed_directions_carry_their_numbers_in_the_text() -> None:
    texts = [_text(p) for p in _paragraphs(_open(TYPED))]
    directions = [t for t in texts if re.match(r"^\d+\) ", t)]
    assert [re.sub(r"^\d+\) ", "", t) for t in directions] == seed_direction_texts()
    assert len(directions) == 50
    assert "1.1 机器学习基础理论\t1" in texts  # typed TOC entry
    assert "■ 深度学习在 Web 端的应用研究" in texts


def _numbering(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/numbering.xml"))


def test_autonum_directions_are_numbered_lists_restarting_at_one() -> None:
    numbering = _numbering(AUTONUM)
    abstract = {
        a.get(qn("w:abstractNumId")): a.find("w:lvl[@w:ilvl='0']/w:lvlText", W).get(qn("w:val"))  # type: ignore[union-attr]
        for a in numbering.findall("w:abstractNum", W)
    }
    nums = {n.get(qn("w:numId")): n for n in numbering.findall("w:num", W)}
    direction_nums: list[str] = []
    texts: list[str] = []
    for p in _paragraphs(_open(AUTONUM)):
        num_id = p.find("w:pPr/w:numPr/w:numId", W)
        if num_id is None:
            continue
        num = nums[num_id.get(qn("w:val"))]
        assert abstract[num.find("w:abstractNumId", W).get(qn("w:val"))] == "%1)"  # type: ignore[union-attr]
        start = num.find("w:lvlOverride[@w:ilvl='0']/w:startOverride", W)
        assert start is not None and start.get(qn("w:val")) == "1"
        direction_nums.append(num_id.get(qn("w:val")) or "")
        texts.append(_text(p))
    assert texts == seed_direction_texts()  # no typed `1)` in the text
    # One list per topic or track: 6 topics with directions + 5 tracks.
    assert len(dict.fromkeys(direction_nums)) == 11


def test_autonum_headings_are_numbered_through_their_styles() -> None:
    doc = _open(AUTONUM)
    numbering = _numbering(AUTONUM)
    levels = {}
    for style_id, ilvl in (("Heading1", "0"), ("Heading2", "1"), ("Heading3", "2")):
        style = doc.styles.element.find(f"w:style[@w:styleId='{style_id}']", W)
        assert style is not None and style.find("w:pPr/w:numPr/w:numId", W) is not None
        path = f"w:abstractNum/w:lvl[@w:ilvl='{ilvl}'][w:pStyle/@w:val='{style_id}']/w:lvlText/@w:val"
        found = numbering.xpath(path, namespaces=W)
        assert isinstance(found, list) and len(found) == 1
        levels[style_id] = str(found[0])
    assert levels == {"Heading1": "%1.", "Heading2": "%1.%2", "Heading3": "■"}
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style is not None and p.style.name]
    assert ("Heading 1", "开放课题") in headings and ("Heading 2", "机器学习基础理论") in headings
    assert ("Heading 3", "深度学习在 Web 端的应用研究") in headings


def test_autonum_toc_is_a_toc_field_in_a_content_control() -> None:
    body = _open(AUTONUM).element.body
    sdt = body.find("w:sdt", W)
    assert sdt is not None
    assert sdt.find("w:sdtPr/w:docPartObj/w:docPartGallery", W).get(qn("w:val")) == "Table of Contents"
    instr = [t.text for t in sdt.iter(qn("w:instrText"))]
    assert instr[0] == ' TOC \\o "1-2" \\h \\z \\u '
    entries = [_text(p) for p in sdt.iter(qn("w:p")) if p.find("w:pPr/w:pStyle", W) is not None]
    assert entries[0] == "申报主题目录"
    assert entries[1:3] == ["1.\t开放课题\t1", "1.1\t机器学习基础理论\t1"]
    assert len(entries) == 11
    anchors = [h.get(qn("w:anchor")) for h in sdt.iter(qn("w:hyperlink"))]
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert len(anchors) == 10 and set(anchors) <= bookmarks


@BOTH
def test_back_links_point_at_the_toc_heading(path: Path) -> None:
    body = _open(path).element.body
    links = [h for h in body.iter(qn("w:hyperlink")) if _text(h) == "返回目录"]
    assert len(links) == 11
    anchor = {h.get(qn("w:anchor")) for h in links}
    assert len(anchor) == 1
    (target,) = [
        p for p in body.iter(qn("w:p")) if any(b.get(qn("w:name")) in anchor for b in p.iter(qn("w:bookmarkStart")))
    ]
    assert _text(target) == "申报主题目录"


@BOTH
def test_page_break_cuts_the_15_description(path: Path) -> None:
    (p,) = [p for p in _paragraphs(_open(path)) if "着重方法的效果和效率" in _text(p)]
    pieces: list[str] = [""]
    for r in p.iter(qn("w:r")):
        for node in r:
            if node.tag == qn("w:br") and node.get(qn("w:type")) == "page":
                pieces.append("")
            elif node.tag == qn("w:t"):
                pieces[-1] += node.text or ""
    assert len(pieces) == 2
    assert pieces[0].endswith("着重方法") and pieces[1].startswith("的效果和效率")


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    script = FIXTURES / "generate" / "make_seed_docx.py"
    spec = importlib.util.spec_from_file_location("make_seed_docx", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_seed_docx", module)
    spec.loader.exec_module(module)
    assert module.main(["--seed", str(SEED), "--out", str(tmp_path)]) == 0
    for folder in ("seed-docx-typed", "seed-docx-autonum"):
        rebuilt = (tmp_path / folder / "input.docx").read_bytes()
        assert rebuilt == (FIXTURES / folder / "input.docx").read_bytes(), f"{folder} is stale: regenerate it"
