"""Source count, a checker for tests and benchmarks: source letters, read without the readers → model or dropped.

`docparse.accounting.account` compares a reader's blocks with the model, so what a reader never
emits cannot show there. This module reads the source again, independently of the readers and
with the plainest extraction each format allows, and returns the letters and digits (Unicode
categories L and N, after NFKC on both sides) of the source that the model does not hold. A
held text is any text of the model (`accounting.iter_document_texts`), a fenced block's info
string, a link's target, or a `dropped` record.

What the source text is, by format:

- text and Markdown (both are read as CommonMark): every character of the decoded file, except
  markup, whose letters need not be held: link and image destinations and titles (the model keeps
  a link's target, but CommonMark percent-encodes it), the label of a reference link
  (``[text][label]``: the definition is held), character references (``&amp;`` is held as ``&``),
  inline HTML tags, and what an HTML block holds besides its text nodes (tags, attributes,
  comments: its text is what the HTML count below takes from a page);
- DOCX: every ``w:t`` (and ``w:sym``) of the body of the main part, except ``mc:Fallback`` (the
  second copy of an ``mc:Choice``) and ``w:moveFrom`` (moved text, held where it moved to); the
  ``w:t`` of the comments part; every ``w:altChunk`` import (HTML and text parts by their text
  nodes, a nested DOCX by its body, any other part by its file name, which must be in `dropped`);
- HTML: every text node of the page (comments and processing instructions are not text), as
  Python's own tokenizer sees it (not libxml2, which the reader uses, and whose limits it has not);
- PDF: every character pdfplumber's interpreter draws (``page.chars``), except a glyph drawn
  again within 1 pt of the same place (fake bold by overdrawing, counted once), pdfminer's ``(cid:N)``
  stand-in for a glyph without a Unicode mapping, and what it guessed for the glyphs of a font that
  has none (`docparse.read.pdf.fonts.GuessingFonts`, the reader's own judgement).
"""

from __future__ import annotations

import html.parser
import io
import string
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

import regex
from lxml import etree
from markdown_it import MarkdownIt

from docparse.accounting import content_chars, iter_document_texts
from docparse.formats import suffixes
from docparse.model.document import Code, Document
from docparse.read.detect import detect_format
from docparse.read.encoding import decode

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# A character reference: HTML's named ones and numeric ones, decimal or hexadecimal.
_CHAR_REFERENCE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# pdfminer's stand-in for a glyph without a Unicode mapping: no text, only the glyph's number.
# The same glyph drawn again within this many points is one character (fake bold by overdrawing).
_AGAIN = 1.0
_UNMAPPED = regex.compile(r"\(cid:[0-9]+\)")
# The label of a full reference link, `[text][label]`: it names a definition, which is held.
_REFERENCE_LABEL = regex.compile(r"\]\[([^\[\]\n]{1,999})\]")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def letters(texts: Iterable[str]) -> Counter[str]:
    """Return the letters and digits of `texts` after NFKC (a compatibility fold is not a loss)."""
    found: Counter[str] = Counter()
    for text in texts:
        found.update(content_chars(unicodedata.normalize("NFKC", text)))
    return found


@dataclass(frozen=True, slots=True)
class SourceAccounting:
    missing: Counter[str]
    """Letters and digits of the source that the model does not hold, not even in `dropped`."""
    source_total: int
    """How many letters and digits the source has."""

    @property
    def complete(self) -> bool:
        return not self.missing


def account_source(data: bytes, document: Document, *, name: str | None = None) -> SourceAccounting:
    """Return the letters and digits of the source `data` that `document` does not hold."""
    source = letters(source_texts(data, name=name))
    held = letters(held_texts(document))
    return SourceAccounting(missing=source - held, source_total=source.total())


def held_texts(document: Document) -> Iterator[str]:
    """Yield every text `document` holds: its content, code info strings, link targets and dropped text."""
    yield from iter_document_texts(document)
    for link in document.links:
        yield link.target
    for node in document.iter_nodes():
        for _, item in node.iter_content():
            if isinstance(item, Code) and item.info:
                yield item.info
    for part in document.preamble:
        if isinstance(part, Code) and part.info:
            yield part.info


def source_texts(data: bytes, *, name: str | None = None) -> list[str]:
    """Return the texts of the source `data`, extracted without the readers (see the module docstring)."""
    kind = detect_format(data, name)
    if kind == "pdf":
        return _pdf_texts(data)
    if kind == "image":
        return []  # pixels only: every character of the outline is OCR's reading
    if kind == "docx":
        return _docx_texts(data)
    if kind == "html":
        from docparse.read.html import decode_html

        return _html_texts(decode_html(data, path=name).text)
    return _markdown_texts(decode(data, path=name).text)


def _markdown_texts(text: str) -> list[str]:
    markup: list[str] = _CHAR_REFERENCE.findall(text) + _REFERENCE_LABEL.findall(text)
    tags: Counter[str] = Counter()
    # Indented code off, as the reader parses: an indented HTML line stays in its HTML block.
    for token in MarkdownIt("commonmark", {"html": True}).enable("table").disable("code").parse(text):
        if token.type == "html_block":
            tags += _html_markup(token.content)
        for child in token.children or ():
            if child.type == "html_inline":
                markup.append(child.content)
            for key in ("href", "src", "title"):
                value = child.attrs.get(key)
                if value:
                    markup.append(unquote(str(value)))  # as written, not percent-encoded
    # Markup letters are taken away from the source's, never below zero.
    return list((letters([text]) - letters(markup) - tags).elements())


def _html_markup(block: str) -> Counter[str]:
    """Return the letters of an HTML block that are no text of it: its tags, attributes and comments."""
    return letters([_CHAR_REFERENCE.sub(" ", block)]) - letters(_html_texts(block))


def _html_texts(text: str) -> list[str]:
    # Python's own HTML tokenizer, not libxml2: it has no size limit of its own, so a text node,
    # comment or attribute that stops libxml2 (which the reader parses with) cannot hide the
    # text after it from this count too.
    collector = _HtmlText(convert_charrefs=True)
    collector.feed(text)
    collector.close()
    return collector.texts


class _HtmlText(html.parser.HTMLParser):
    """Every text node of a page (script and style bodies included); comments, declarations and PIs are not text."""

    def __init__(self, *, convert_charrefs: bool) -> None:
        super().__init__(convert_charrefs=convert_charrefs)
        self.texts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, parser=_XML)


def _docx_texts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        main = "word/document.xml"
        root = _xml(package.read(main))
        rels = _rels(package, "word/_rels/document.xml.rels", names)
        out = list(_body_texts(root))
        for chunk in root.iter(f"{W}altChunk"):
            target = rels.get(chunk.get(f"{R}id") or "")
            if target is None or target not in names:
                continue
            out.extend(_chunk_texts(target, package.read(target)))
        if "word/comments.xml" in names:
            out.extend(element.text or "" for element in _xml(package.read("word/comments.xml")).iter(f"{W}t"))
    return out


def _rels(package: zipfile.ZipFile, part: str, names: set[str]) -> dict[str, str]:
    if part not in names:
        return {}
    found: dict[str, str] = {}
    for rel in _xml(package.read(part)).iter(f"{REL}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") != "External":
            found[rel.get("Id") or ""] = target.lstrip("/") if target.startswith("/") else f"word/{target}"
    return found


def _body_texts(root: etree._Element) -> Iterator[str]:
    body = root.find(f"{W}body")
    if body is None:
        return
    skip = {f"{MC}Fallback", f"{W}moveFrom"}
    stack = [body]
    while stack:
        element = stack.pop()
        if element.tag in skip:
            continue
        if element.tag == f"{W}t":
            yield element.text or ""
        elif element.tag == f"{W}sym":
            code = element.get(f"{W}char") or ""
            if 0 < len(code) <= 4 and all(ch in string.hexdigits for ch in code):
                yield chr(int(code, 16))
        stack.extend(reversed(list(element)))


def _chunk_texts(name: str, data: bytes) -> list[str]:
    suffix = "." + name.lower().rsplit(".", 1)[-1]
    if suffix in suffixes("html"):
        return _html_texts(decode(data).text)
    if suffix in suffixes("text"):
        return [decode(data).text]
    if suffix in suffixes("docx"):
        return _docx_texts(data)
    # RTF, MHT and the rest: no plain extraction; the part's name must be recorded as dropped.
    return [name.rsplit("/", 1)[-1]]


def _pdf_texts(data: bytes) -> list[str]:
    import pdfplumber

    from docparse.read.pdf.fonts import GuessingFonts

    out: list[str] = []
    fonts = GuessingFonts()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
            chars = page.chars
            # Like ``(cid:N)``, what pdfminer guessed for a font without a Unicode map is no text.
            guessed = fonts.names(pdf)
            for char in chars:
                text = str(char["text"])
                if _UNMAPPED.fullmatch(text) or str(char["fontname"]) in guessed:
                    continue
                if not _drawn_again(seen, text, float(char["x0"]), float(char["top"])):
                    out.append(text)
    return out


def _drawn_again(seen: dict[tuple[str, int, int], list[tuple[float, float]]], text: str, x: float, y: float) -> bool:
    """Return whether `text` was drawn within 1 pt of (`x`, `y`) already; else remember it there."""
    cell_x, cell_y = int(x // _AGAIN), int(y // _AGAIN)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for x0, y0 in seen.get((text, cell_x + dx, cell_y + dy), ()):
                if abs(x0 - x) <= _AGAIN and abs(y0 - y) <= _AGAIN:
                    return True
    seen.setdefault((text, cell_x, cell_y), []).append((x, y))
    return False
