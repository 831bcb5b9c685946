"""Structural mutations of a DOCX for bench/fuzz.py: unzip, change the XML trees, zip again.

Flipping bytes of a DOCX never gets past the zip CRC check, so the reader's XML handling is
never reached. Here the parts that steer the reader (document.xml, numbering.xml, styles.xml)
are parsed and changed as trees: elements deleted, duplicated, moved, nested hundreds deep,
renamed to another WordprocessingML tag; attributes made huge, negative or nonsense; numbering
pointed at ids that do not exist; odd elements (altChunk, sym, fldChar, page breaks) injected.
The result is a well-formed package with valid CRCs, so every mutation reaches the reader.
"""

from __future__ import annotations

import copy
import io
import random
import zipfile
from collections.abc import Callable

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml")
# Containers the reader walks through; nesting them deep is where recursion and depth limits show.
CONTAINERS = ("sdt/sdtContent", "customXml", "ins", "hyperlink", "smartTag", "tbl/tr/tc", "txbxContent", "fldSimple")
TAGS = (
    "p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent", "pPr", "rPr", "numPr", "numId", "ilvl", "pStyle",
    "tab", "br", "sym", "fldChar", "instrText", "hyperlink", "del", "ins", "moveFrom", "vanish", "b", "sz",
    "outlineLvl", "gridSpan", "vMerge", "lvl", "lvlText", "abstractNum", "num", "abstractNumId", "style", "basedOn",
    "numStyleLink", "styleLink", "start", "lvlOverride", "startOverride", "footnoteReference", "altChunk",
)  # fmt: skip
ATTRIBUTES = ("val", "char", "font", "fldCharType", "type", "id", "numId", "abstractNumId", "ilvl", "styleId")
VALUES = (
    "-1", "0", "9", "10", "99999999999999999999", "-99999999999", "NaN", "", "%1%2%3%4%5%6%7%8%9",
    "D800", "FFFFFFFF", "begin", "separate", "end", "page", "restart", "Heading1", "x" * 100_000,
    "%1." * 50_000, "1" * 10_000,
)  # fmt: skip
INJECTED = (
    '<w:altChunk xmlns:w="{W}" xmlns:r="{R}" r:id="rId999"/>',
    '<w:r xmlns:w="{W}"><w:sym w:char="D800" w:font="Symbol"/><w:sym w:char="FFFFFFFFF"/></w:r>',
    '<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="begin"/><w:instrText>TOC \\o</w:instrText></w:r>',
    '<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/></w:r>',
    '<w:r xmlns:w="{W}">' + '<w:br w:type="page"/>' * 500 + "</w:r>",
    '<w:p xmlns:w="{W}"><w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="424242"/></w:numPr></w:pPr>'
    "<w:r><w:t>dangling number</w:t></w:r></w:p>",
    '<w:r xmlns:w="{W}"><w:footnoteReference w:id="77"/><w:t xml:space="preserve">  ref  </w:t></w:r>',
    '<w:p xmlns:w="{W}"><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words</w:t></w:r></w:p>',
)


def _elements(root: etree._Element) -> list[etree._Element]:
    return [el for el in root.iter() if isinstance(el.tag, str) and el is not root]


def _delete(root: etree._Element, rng: random.Random) -> None:
    el = rng.choice(_elements(root))
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _duplicate(root: etree._Element, rng: random.Random) -> None:
    el = rng.choice(_elements(root))
    parent = el.getparent()
    if parent is not None:
        at = parent.index(el)
        for _ in range(rng.choice((1, 2, 10, 200))):
            parent.insert(at, copy.deepcopy(el))


def _move(root: etree._Element, rng: random.Random) -> None:
    elements = _elements(root)
    el, target = rng.choice(elements), rng.choice(elements)
    if el is target or el in target.iterancestors():
        return
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)
        target.append(el)


def _nest(root: etree._Element, rng: random.Random) -> None:
    el = rng.choice(_elements(root))
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    inner = el
    for _ in range(rng.choice((20, 100, 300, 3000))):
        path = rng.choice(CONTAINERS).split("/")
        outer = etree.Element(f"{{{W}}}{path[0]}")
        deepest = outer
        for tag in path[1:]:
            deepest = etree.SubElement(deepest, f"{{{W}}}{tag}")
        deepest.append(inner)
        inner = outer
    parent.insert(at, inner)


def _attribute(root: etree._Element, rng: random.Random) -> None:
    el = rng.choice(_elements(root))
    el.set(f"{{{W}}}{rng.choice(ATTRIBUTES)}", rng.choice(VALUES))


def _rename(root: etree._Element, rng: random.Random) -> None:
    el = rng.choice(_elements(root))
    el.tag = f"{{{W}}}{rng.choice(TAGS)}"


def _inject(root: etree._Element, rng: random.Random) -> None:
    el = rng.choice(_elements(root))
    snippet = rng.choice(INJECTED).replace("{W}", W).replace("{R}", R)
    el.append(etree.fromstring(snippet))


def _numbers(root: etree._Element, rng: random.Random) -> None:
    # Point numbering references at ids that do not exist, or at each other.
    for el in root.iter(f"{{{W}}}numId", f"{{{W}}}abstractNumId", f"{{{W}}}ilvl", f"{{{W}}}start"):
        if rng.random() < 0.3:
            el.set(f"{{{W}}}val", rng.choice(("0", "1", "-5", "9", "4242", "99999999999", "abc")))


MUTATIONS: tuple[Callable[[etree._Element, random.Random], None], ...] = (
    _delete,
    _duplicate,
    _move,
    _nest,
    _attribute,
    _rename,
    _inject,
    _numbers,
)


def mutate_docx(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Return `data` (a DOCX) with one of its main XML parts changed as a tree, and what was done."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    name = rng.choice([part for part in PARTS if part in parts])
    root = etree.fromstring(parts[name], parser=etree.XMLParser(huge_tree=True))
    done = []
    for _ in range(rng.randint(1, 5)):
        if len(root) == 0:
            break
        mutation = rng.choice(MUTATIONS)
        mutation(root, rng)
        done.append(mutation.__name__.lstrip("_"))
    parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for part, content in parts.items():
            package.writestr(part, content)
    return buffer.getvalue(), f"{name.rsplit('/', 1)[-1]}: {' '.join(done)}"
