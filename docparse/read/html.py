"""Reading stage, HTML: a web page's main content → blocks; site chrome, scripts and hidden text dropped.

The page is decoded here (BOM, then the charset the page declares, then the text decoder's
chain), re-encoded as UTF-8 and parsed by lxml's HTML parser (libxml2), which repairs broken
markup the way browsers do (an ``<h4>`` closed by ``</p>``, stray end tags). The parser loads
nothing from the network, keeps libxml2's depth and size guards (``huge_tree=False``) and never
expands entities declared in a DOCTYPE; a DOCTYPE with an internal subset is refused outright.

What becomes a block, in document order:

- ``h1``–``h6``: a heading with that level; the short title line of a repeated card (an element
  whose class names a title, ``card-title``, that two or more elements share): a heading one
  level below the last heading;
- each paragraph-like run of inline content (``p``, ``div``, text between blocks); every
  ``<br>`` starts a new line, and every line is its own block (``continues=True`` after the
  first), as the Markdown reader does with hard breaks;
- ``li``: the first line carries the label (``3.`` for an ``ol``, counting from ``start`` and
  ``value``; ``•`` for a ``ul``) and ``list_depth`` is the number of enclosing lists;
- ``dt``/``dd`` whose value holds three or more paragraphs: the term is a heading one level below
  the last (`_titles_body`), the value's blocks follow as they are;
- other ``dt``/``dd``, a table whose rows are all ``th`` + ``td``, and two-element grid rows whose first
  element is a label (``<label>``, a class naming a label): one block ``Label: value`` per field,
  the label bold with its colon, so the outline stage reads a labelled field;
- other tables: a table block, cells as text (a cell's blocks joined by ``\\n``); a table with text
  in one cell only is a layout box, its content read in the flow (a table inside it is the table);
- ``pre``: a code block, verbatim; other text under ``white-space: pre`` keeps its tabs and
  line breaks.
- the page's ``<title>``: a level-1 heading above the page's own (which go one level down)
  when no heading of the page repeats it; else it is dropped as ``markup``.

Bold is ``b``, ``strong`` or a ``font-weight`` of bold/600+; links are ``a href``. Whitespace
collapses as in a browser, and a line break in the source between two CJK characters leaves
no space.

Left out, each recorded in ``Reading.dropped`` with a reason: ``script``/``style``/``template``
/``noscript`` and form controls (``markup``); elements with ``hidden``, ``aria-hidden="true"``,
``display:none`` or ``visibility:hidden`` (``hidden``); site chrome (``site-chrome``): ``nav``,
``aside``, a page-level ``header``/``footer``, ARIA landmarks other than main, elements whose
class or id names a breadcrumb, menu, navbar, sidebar or footer, and, when the page marks its
main content (``main``, ``[role=main]``, else a lone ``article``), everything outside it.

HTML embedded in another document (a Markdown file's HTML blocks) is read by the same walker
(`read_fragment`), as the body of a page that is all content.

Provenance: ``line_start``/``line_end`` are source lines, from lxml's ``sourceline`` and the
line breaks of the text read since.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Final

import lxml.html
from lxml import etree

from docparse.blocks import Block, BlockKind, Reading, Span, all_bold, bold_question, head_with_title
from docparse.diagnostics import make_diagnostic
from docparse.errors import CorruptDocumentError, EmptyDocumentError, LimitExceededError
from docparse.model.document import Dropped, DropReason, Metadata
from docparse.model.provenance import Provenance
from docparse.options import ParseOptions
from docparse.read import metadata
from docparse.read.encoding import Decoded, check_text, decode
from docparse.read.metadata import HTML_META_NAMES
from docparse.vocab.chars import is_cjk
from docparse.vocab.lazy import lazy

__all__ = ["InlineTag", "decode_html", "inline_tag", "read_fragment", "read_html"]


# huge_tree on: without it libxml2 stops at a text node, comment or attribute value over 10 MB
# (an inline script) and the rest of the page is silently gone. The limits are ours instead:
# the input cap (limits.max_input_bytes), MAX_DEPTH and the time budget; any other stop of the
# parser (a fatal error in its log) is raised, never taken for the end of the page.
def _html_parser(*, comments: bool) -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(
        no_network=True, huge_tree=True, remove_comments=not comments, remove_pis=True, encoding="utf-8"
    )


_PARSER: Final = _html_parser(comments=False)
# HTML embedded in another document (a Markdown file's HTML blocks) is parsed as the body of a
# page; its comments are kept in the tree so that the walker records them as markup.
_FRAGMENT_PARSER: Final = _html_parser(comments=True)
_FRAGMENT_HEAD: Final = "<html><body>"
# libxml2 stops nesting at 2048 elements (256 without huge_tree) and drops what lies deeper; a
# page deeper than this is refused rather than read with text silently missing.
MAX_DEPTH: Final = 250
# A grid label longer than this is content (the NIH Guide's longest label is 41 characters).
MAX_LABEL_CHARS: Final = 80
# Check the time budget every this many elements.
_CLOCK_EVERY: Final = 512
# The charset declaration must be in the first 1024 bytes (HTML5 prescan); 4 KB leaves room
# for the long comment headers some CMSs write first.
_PRESCAN: Final = 4096

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
_DOCTYPE_SUBSET = re.compile(rb"<!doctype[^>\[]*\[", re.IGNORECASE)
# WHATWG: these labels mean windows-1252 and GB18030 in browsers; an ASCII-compatible page that
# says UTF-16 cannot be UTF-16.
_CHARSET_ALIASES: Final = {
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}

# The encodings of the WHATWG Encoding Standard (what a browser decodes), by Python codec name.
# A page naming any other codec is not decoded with it: `unicode_escape` turns the `\n` of
# `C:\new` into a line break and `\u202e` into a real U+202E; zlib, rot13, base64, punycode are
# not text encodings at all. Such a declaration is ignored, with a diagnostic, and the bytes decide.
_WEB_ENCODINGS: Final = frozenset(
    codecs.lookup(label).name
    for label in (
        "utf-8", "utf-16-le", "utf-16-be", "utf-16", "ibm866", "iso-8859-1", "iso-8859-2", "iso-8859-3",
        "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-10", "iso-8859-13",
        "iso-8859-14", "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874",
        "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "ascii",
        "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "euc-jp", "iso-2022-jp", "shift_jis", "euc-kr",
    )
)  # fmt: skip

_HEADINGS: Final = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS: Final = frozenset({"ul", "ol", "menu", "dir"})
# Elements that start and end a block; anything else is inline (its text joins the line).
_BLOCKS: Final = frozenset(
    {
        "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "legend",
        "li", "main", "ol", "p", "pre", "section", "summary", "table", "ul", "menu", "dir", "caption",
        "tr", "td", "th", "thead", "tbody", "tfoot", "noframes", "listing", "xmp", "plaintext",
        *_HEADINGS,
    }
)  # fmt: skip
# Preformatted elements: a code block. Other text under `white-space: pre` keeps its spaces,
# tabs and line breaks inside an ordinary block (a TOC line's tab before its page number).
_PRE_TAGS: Final = frozenset({"pre", "listing", "xmp", "plaintext"})
_MARKUP: Final = frozenset({"script", "style", "template", "noscript", "title", "meta", "link", "base"})
_CONTROLS: Final = frozenset({"select", "option", "button", "textarea", "datalist", "input", "iframe", "object"})
_CHROME_TAGS: Final = frozenset({"nav", "aside"})
# A navigation element with this many links, all to anchors in the page, is the page's contents.
PAGE_CONTENTS_MIN_LINKS: Final = 3
_CHROME_ROLES: Final = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menubar", "menu", "toolbar"}
)
# Class or id words that name site chrome (Bootstrap, WordPress, Drupal, gov.cn CMS themes).
_CHROME_WORDS: Final = frozenset(
    {"breadcrumb", "breadcrumbs", "crumbs", "navbar", "nav", "navigation", "menu", "sidebar", "footer", "masthead"}
)
# Sectioning elements: a header or footer inside one belongs to it, not to the site.
_SECTIONING: Final = frozenset({"article", "main", "section"})
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
# Bootstrap's `.h1`–`.h6` and template classes such as the NIH Guide's `heading4`: a heading's look.
_HEADING_CLASS = re.compile(r"(?:h|heading)([1-6])")
_LABEL_CLASS = re.compile(r"label", re.IGNORECASE)
# A class word that names a title (``title``, ``card-title``, ``bulma-title``; not ``subtitle``):
# on an element repeated with the same classes (the title line of every card of a grid), a
# heading one level below the page's last heading.
_TITLE_CLASS = re.compile(r"(?:.*[-_])?title", re.IGNORECASE)
# An element of a title class is read as a heading only when it is this short.
MAX_TITLE_CHARS: Final = 160
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)\b", re.IGNORECASE)
_NORMAL_STYLE = re.compile(r"font-weight\s*:\s*(normal|lighter|[1-5]00)\b", re.IGNORECASE)
_PRE_STYLE = re.compile(r"white-space\s*:\s*(pre|pre-wrap|break-spaces)\b", re.IGNORECASE)
# Whitespace a browser collapses (not U+00A0, which it keeps; here it is a plain space).
_WS = " \t\n\r\f"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Private code points standing for whitespace that `white-space: pre` keeps (a tab before a
# TOC page number) while the rest of the line collapses.
_KEPT_TAB, _KEPT_SPACE, _KEPT_BREAK = "\ue0f0", "\ue0f1", "\ue0f2"
_SENTINEL = "\x00"  # between two inline pieces while whitespace collapses (NUL never reaches here)
_WS_RUN = re.compile(rf"[{_WS}{_SENTINEL}]*[{_WS}][{_WS}{_SENTINEL}]*")
_ROMAN: Final = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def decode_html(data: bytes, *, path: str | None = None) -> Decoded:
    """Return the page decoded: BOM, then its declared charset, then the text decoder's chain."""
    head = data[:_PRESCAN]
    declared = None if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else _declared(head)
    if declared is not None:
        try:
            return check_text(Decoded(data.decode(declared), declared, False), path)
        except UnicodeDecodeError:
            pass  # the declaration is wrong; the bytes decide
    return decode(data, path=path)


def _declared(head: bytes) -> str | None:
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if found is None:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name not in _WEB_ENCODINGS:
        return None
    return _CHARSET_ALIASES.get(name, name)


def refused_charset(data: bytes) -> str | None:
    """Return the charset the page declares if it is a codec but no text encoding of the web, else None."""
    head = data[:_PRESCAN]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii", "replace")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None  # an unknown name is no codec: nothing was refused, the bytes decide
    return None if name in _WEB_ENCODINGS else label


def read_html(data: bytes, *, options: ParseOptions, name: str | None = None) -> Reading:
    """Return the blocks of the HTML page `data`."""
    if _DOCTYPE_SUBSET.search(data[:_PRESCAN]):
        raise CorruptDocumentError(
            "the DOCTYPE declares an internal subset (entities); web pages never do, so it is refused", path=name
        )
    decoded = decode_html(data, path=name)
    text = _CONTROL_CHARS.sub("", decoded.text)
    # A page of a static site's sources (Jekyll, Hugo) opens with its YAML front matter: site
    # metadata, not text of the page. Its lines are blanked (line numbers stay) and recorded.
    front = metadata.front_matter(text[:_PRESCAN].splitlines())
    front_lines: list[str] = []
    if front is not None:
        front_lines = text.splitlines(keepends=True)[: front[0]]
        text = "\n" * front[0] + text[len("".join(front_lines)) :]
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except etree.ParserError as exc:
        raise EmptyDocumentError("no text in the page", path=name, cause=exc) from exc
    except (etree.LxmlError, ValueError) as exc:
        raise CorruptDocumentError(f"the HTML parser failed: {exc}", path=name, cause=exc) from exc
    _check_depth(root, name)
    _check_finished(_PARSER, name)
    reading = Reading(blocks=[], format="html", encoding=decoded.encoding)
    if (refused := refused_charset(data)) is not None:
        reading.diagnostics.append(
            make_diagnostic(
                "encoding-fallback",
                f"the page declares charset {refused!r}, not a text encoding of the web: ignored, decoded as"
                f" {decoded.encoding}",
            )
        )
    if decoded.fallback:
        reading.diagnostics.append(
            make_diagnostic("encoding-fallback", f"decoded as {decoded.encoding}: the page declares no usable charset")
        )
    if "\ufffd" in text:
        count = text.count("\ufffd")
        reading.diagnostics.append(make_diagnostic("suspicious-characters", f"{count} replacement character(s)"))
    walker = _Walker(reading, options, name, time.monotonic() + options.limits.max_seconds)
    if front is not None:
        _front_matter(walker, front_lines, front[1], root)
    walker.walk(root)
    reading.metadata = page_metadata(root, front[1] if front is not None else {})
    return reading


def read_fragment(
    text: str, *, options: ParseOptions, first_line: int = 1, deadline: float | None = None, name: str | None = None
) -> Reading:
    """Return the blocks and drops of `text`, HTML embedded in another document, read as a page's body.

    A Markdown file's HTML blocks (CommonMark renders them as they are) go through the walker that
    reads a page, under the same caps (depth, line length, blocks, the time budget `deadline`), with
    two differences: the fragment is content already, so no element of it is taken for the page's
    main content (what lies outside would be site chrome), and a ``<title>`` in it is markup. Its
    comments are dropped as markup. Provenance counts `text`'s first line as line `first_line`.
    """
    text = _CONTROL_CHARS.sub("", text)
    reading = Reading(blocks=[], format="html")
    if not text.strip():
        return reading
    try:
        # Inside <body> from the start: a comment or a <style> at the top stays in the tree, in order.
        root = lxml.html.document_fromstring((_FRAGMENT_HEAD + text).encode("utf-8"), parser=_FRAGMENT_PARSER)
    except etree.ParserError:
        return reading  # nothing but whitespace, as libxml2 sees it
    except (etree.LxmlError, ValueError) as exc:
        raise CorruptDocumentError(f"the HTML parser failed on an HTML block: {exc}", path=name, cause=exc) from exc
    _check_depth(root, name)
    _check_finished(_FRAGMENT_PARSER, name)
    limit = time.monotonic() + options.limits.max_seconds if deadline is None else deadline
    walker = _Walker(reading, options, name, limit, fragment=True)
    walker.walk(root)
    if first_line != 1:
        shift = first_line - 1
        reading.blocks[:] = [replace(block, provenance=_shifted(block.provenance, shift)) for block in reading.blocks]
        reading.dropped[:] = [
            drop.model_copy(update={"provenance": _shifted(drop.provenance, shift)}) for drop in reading.dropped
        ]
    return reading


def _shifted(provenance: Provenance, lines: int) -> Provenance:
    if provenance.line_start is None:
        return provenance
    end = provenance.line_end if provenance.line_end is not None else provenance.line_start
    return Provenance(line_start=provenance.line_start + lines, line_end=end + lines)


@dataclass(frozen=True, slots=True)
class InlineTag:
    """What one inline tag of another document does to the text around it (`inline_tag`)."""

    name: str
    """The element's name, lower case."""
    closing: bool
    """An end tag (``</b>``)."""
    bold: bool | None = None
    """The run it opens is bold (``<b>``, ``<strong>``, ``font-weight: bold``) or not (``font-weight: normal``);
    None when it says nothing of weight."""
    link: str | None = None
    """The target of the link it opens (``<a href>``)."""
    breaks: bool = False
    """A line break (``<br>``)."""


_TAG_NAME = lazy(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")


@functools.lru_cache(maxsize=1024)
def inline_tag(source: str) -> InlineTag | None:
    """Return what the inline tag `source` (``<a href="…">``, ``</b>``, ``<br/>``) does, as the page walker reads it.

    A Markdown paragraph may carry HTML tags among its text (CommonMark's raw inline HTML); the
    weight and link they give the text are the ones this reader gives a page's (`_style_of`).
    None for what is no tag (a comment, a declaration).
    """
    found = _TAG_NAME.match(source)
    if found is None:
        return None
    name = found.group(2).lower()
    if found.group(1):
        return InlineTag(name, closing=True)
    if name == "br":
        return InlineTag(name, closing=False, breaks=True)
    try:
        element = lxml.html.fragment_fromstring(source, create_parent="span", parser=_FRAGMENT_PARSER)[0]
    except (etree.LxmlError, ValueError, IndexError):
        return InlineTag(name, closing=False)
    style = _style_of(element, name, _Style(bold=False))
    weight: bool | None = style.bold if (style.bold or _NORMAL_STYLE.search(element.get("style") or "")) else None
    return InlineTag(name, closing=False, bold=weight, link=style.link)


def _front_matter(walker: _Walker, lines: list[str], values: dict[str, str], root: etree._Element) -> None:
    """Record a front matter's lines as markup; its title stands for the page's ``<title>`` when it has none."""
    title = values.get("title")
    title_line = metadata.front_title_line(lines)
    if title and title_line is not None and next(root.iter("title"), None) is None:
        walker.title = (title, title_line + 1)
        lines = [*lines[:title_line], metadata.front_title_key(lines[title_line]), *lines[title_line + 1 :]]
    for number, line in enumerate(lines, start=1):
        walker._record(line.rstrip("\r\n"), DropReason.MARKUP, number)


def page_metadata(root: etree._Element, front: dict[str, str] | None = None) -> Metadata:
    """Return what the page declares about itself: its ``<title>``, then its ``<meta name|property=… content=…>``,
    then its front matter's fields."""
    values: dict[str, str] = {}
    title = next((el for el in root.iter("title")), None)
    if title is not None:
        values["title"] = _join_texts(_itertext(title))
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("http-equiv") or "").strip().lower()
        field_name = HTML_META_NAMES.get(key)
        content = meta.get("content")
        if field_name is not None and content and field_name not in values:
            values[field_name] = content
    for key, value in (front or {}).items():
        values.setdefault(key, value)
    return metadata.make(values)


def _check_depth(root: etree._Element, name: str | None) -> None:
    depth = 0
    for event, _element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise LimitExceededError(
                f"elements nested more than {MAX_DEPTH} deep; the HTML parser drops what lies deeper", path=name
            )


def _check_finished(parser: etree.HTMLParser, name: str | None) -> None:
    """Raise `LimitExceededError` if libxml2 stopped before the end of the page (a fatal error in its log)."""
    fatal = next((e for e in parser.error_log if e.level == etree.ErrorLevels.FATAL), None)
    if fatal is not None:
        raise LimitExceededError(
            f"the HTML parser stopped at line {fatal.line} ({fatal.message.strip()});"
            " the rest of the page would be lost",
            path=name,
        )


@dataclass(frozen=True, slots=True)
class _Style:
    bold: bool = False
    link: str | None = None
    pre: bool = False


@dataclass(slots=True)
class _Piece:
    text: str
    style: _Style


@dataclass(slots=True)
class _ListFrame:
    ordered: bool
    next: int = 1
    step: int = 1
    type: str = "1"


@dataclass(slots=True)
class _Walker:
    reading: Reading
    options: ParseOptions
    name: str | None
    deadline: float
    out: list[Block] = field(default_factory=list)
    pieces: list[_Piece] = field(default_factory=list)
    pending: int = 0
    """Characters in `pieces`: past `next_check`, the longest line so far is measured (`_check_pending`)."""
    next_check: int = 0
    lists: list[_ListFrame] = field(default_factory=list)
    label: str | None = None
    heading: int | None = None
    line: int = 1
    first_line: int | None = None
    sectioning: int = 0
    main: etree._Element | None = None
    main_path: tuple[etree._Element, ...] = ()
    """The main content's ancestors (held, so lxml keeps handing out these same proxies)."""
    elements: int = 0
    title: tuple[str, int] | None = None
    """The text and line of the page's ``<title>``."""
    title_classes: frozenset[str] = frozenset()
    """Class attributes naming a title that two or more elements share (`_repeated_title_classes`)."""
    last_level: int | None = None
    """The level of the last heading read (a card's title goes one level below it)."""
    anchors: frozenset[str] | None = None
    """The ids and names of the page's elements, once a navigation element needs them (`_page_contents`)."""
    fragment: bool = False
    """Reading HTML embedded in another document (`read_fragment`), not a page."""

    def walk(self, root: etree._Element) -> None:
        self.out = self.reading.blocks
        self.title_classes = _repeated_title_classes(root)
        self.main = None if self.fragment else _find_main(root)
        if self.main is not None:
            self.main_path = tuple(self.main.iterancestors())
        for child in root:
            self._node(child, _Style(), outside=self.main is not None)
        self._flush()
        self._title()

    def _title(self) -> None:
        """Make the page's ``<title>`` the root heading when no heading of the page repeats it.

        Generated pages (the NIH Guide's) print the call's title only there; a CMS page whose
        ``<h1>`` repeats it (``申报主题`` in ``申报主题 - 科研管理平台``) keeps it as markup.
        """
        if self.title is None:
            return
        text, line = self.title
        if self.fragment:
            # The document around the fragment has a title of its own (a heading, front matter).
            self._record(text, DropReason.MARKUP, line)
            return
        printed, suffix = _printed_title(text, self.reading.dropped)
        if _repeats_opening(text, self.reading.blocks) or not head_with_title(
            self.reading.blocks, printed, _lines_at(line)
        ):
            self._record(text, DropReason.MARKUP, line)
        elif suffix:
            self._record(suffix, DropReason.MARKUP, line)  # the site's name after the page's title

    # -- the tree ---------------------------------------------------------------------------

    def _node(self, el: etree._Element, style: _Style, *, outside: bool) -> None:
        if isinstance(el, etree._Comment):
            # Only in a fragment (a page's parser removes them): a comment is markup, recorded.
            # libxml2 numbers a comment by the line where it ends.
            text = el.text or ""
            end = _sourceline(el)
            self._record(text, DropReason.MARKUP, None if end is None else max(end - text.count("\n"), 1))
            return
        if not isinstance(el.tag, str):
            return  # processing instructions are removed by the parser; entities stay
        self._tick(el)
        tag = el.tag.lower()
        if tag == "title" and self.title is None:
            self.title = (_join_texts(_itertext(el)), _sourceline(el) or self.line)
            return
        if tag == "head":
            for child in el:
                self._node(child, style, outside=False)
            return
        if tag in _MARKUP:
            self._drop(el, DropReason.MARKUP)
            return
        if outside and el is self.main:
            outside = False
        elif outside and not any(el is ancestor for ancestor in self.main_path) and tag != "body":
            self._drop(el, DropReason.SITE_CHROME)
            return
        reason = self._drop_reason(el, tag)
        if reason is not None:
            self._drop(el, reason)
            return
        style = _style_of(el, tag, style)
        if tag == "br":
            self.pieces.append(_Piece("\n", style))
            return
        level = None if outside else _heading_level(el, tag)
        if level is not None:
            self.last_level = level
        elif not outside and self.heading is None and self._card_title(el):
            level = min((self.last_level or 1) + 1, 6)
        if tag not in _BLOCKS and level is None:
            self._children(el, style, outside=outside)
            return
        self._flush()
        self._block(el, tag, style, level, outside=outside)
        self._flush()

    def _block(self, el: etree._Element, tag: str, style: _Style, level: int | None, *, outside: bool) -> None:
        """Read a block-level element: a heading, a list or its item, a definition list, a table, code, a field."""
        if level is not None and self.heading is None:
            self.heading = level
            self._children(el, style, outside=outside)
            self._flush()
            self.heading = None
        elif tag in _LISTS:
            self._list(el, tag, style, outside=outside)
        elif tag == "li":
            self.label = self._next_label(el)
            self._children(el, style, outside=outside)
            self._flush()
            if self.label is not None:  # an item with no text of its own: its label alone
                self._emit(
                    Block(text="", label=self.label, list_depth=len(self.lists), provenance=_lines_at(self.line))
                )
                self.label = None
        elif tag == "dl" and not outside:
            self._definitions(el, style)
        elif tag == "table" and not outside:
            self._table(el, style)
        elif tag in _PRE_TAGS and not outside:
            self._code(el)
        elif not outside and (pair := _label_value(el)) is not None:
            self._field(pair[0], pair[1], style)
        else:
            sectioning = tag in _SECTIONING
            self.sectioning += sectioning
            self._children(el, style, outside=outside)
            self.sectioning -= sectioning

    def _card_title(self, el: etree._Element) -> bool:
        """Return whether `el` is the title line of a repeated card: a short text in a repeated title class.

        A title box that holds a heading element (``<div class="project-title"><h3>NodeCloud</h3>``)
        is not one: the heading inside says its level.
        """
        classes = " ".join((el.get("class") or "").split())
        if classes not in self.title_classes:
            return False
        if any(isinstance(inner.tag, str) and inner.tag.lower() in _HEADINGS for inner in el.iterdescendants()):
            return False
        text = " ".join("".join(_itertext(el)).split())
        return 0 < len(text) <= MAX_TITLE_CHARS

    def _children(self, el: etree._Element, style: _Style, *, outside: bool) -> None:
        if el.text:
            self._text(el.text, style, outside=outside)
        for child in el:
            self._node(child, style, outside=outside)
            if child.tail:
                self._text(child.tail, style, outside=outside)

    def _text(self, text: str, style: _Style, *, outside: bool) -> None:
        if outside:
            if text.strip():
                self._record(text, DropReason.SITE_CHROME)
            else:
                self.line += text.count("\n")
            return
        if self.first_line is None and text.strip():
            self.first_line = self.line + text[: len(text) - len(text.lstrip(_WS))].count("\n")
        if style.pre:
            text = text.replace("\t", _KEPT_TAB).replace(" ", _KEPT_SPACE).replace("\n", _KEPT_BREAK)
        self.pieces.append(_Piece(text, style))
        self.line += text.count("\n")
        self.pending += len(text)
        if self.pending > max(self.next_check, self.options.limits.max_line_chars):
            self._check_pending()

    def _check_pending(self) -> None:
        """Raise `LimitExceededError` as soon as a line of the inline content read so far is over the limit.

        A paragraph of 1.5 M inline spans would otherwise be held, one piece a span, until its block
        ends, to be refused then. Measured again each time the content doubles: linear overall.
        """
        self.next_check = 2 * self.pending
        for spans in _lines(self.pieces):
            self._check_length(sum(len(span.text) for span in spans))

    def _tick(self, el: etree._Element) -> None:
        line = _sourceline(el)
        if line is not None and line > self.line:
            self.line = line
        self.elements += 1
        if self.elements % _CLOCK_EVERY == 0 and time.monotonic() > self.deadline:
            raise LimitExceededError(
                f"reading took more than {self.options.limits.max_seconds} s (limits.max_seconds)", path=self.name
            )

    # -- what is left out -------------------------------------------------------------------

    def _drop_reason(self, el: etree._Element, tag: str) -> DropReason | None:
        if tag in _MARKUP:
            return DropReason.MARKUP
        if tag in _CONTROLS:
            return DropReason.SITE_CHROME
        if (
            el.get("hidden") is not None
            or (el.get("aria-hidden") or "").strip().lower() == "true"
            or _HIDDEN_STYLE.search(el.get("style") or "")
            or (tag == "input" and (el.get("type") or "").lower() == "hidden")
        ):
            return DropReason.HIDDEN
        chrome = tag in _CHROME_TAGS or (tag in ("header", "footer") and not self.sectioning)
        chrome = chrome or (el.get("role") or "").strip().lower() in _CHROME_ROLES
        if not chrome and tag not in ("body", "html", "main", "article") and el is not self.main:
            words = _WORD_SPLIT.split(f"{el.get('class') or ''} {el.get('id') or ''}".lower())
            chrome = bool(_CHROME_WORDS.intersection(words))
        if chrome and not self._page_contents(el):
            return DropReason.SITE_CHROME
        return None

    def _page_contents(self, el: etree._Element) -> bool:
        """Return whether a navigation element is the page's own table of contents, not the site's.

        The site's menus lead to other pages; a ``<nav>`` whose every link (PAGE_CONTENTS_MIN_LINKS
        or more) goes to an anchor that this page holds leads only within the call: its contents,
        read so that the TOC rules can weigh its entries against the headings below.
        """
        targets = [(a.get("href") or "").strip() for a in el.iter("a") if a.get("href") is not None]
        if len(targets) < PAGE_CONTENTS_MIN_LINKS or not all(t.startswith("#") and len(t) > 1 for t in targets):
            return False
        if self.anchors is None:
            root = el.getroottree().getroot()
            self.anchors = frozenset(v for node in root.iter() for v in (node.get("id"), node.get("name")) if v)
        return all(t[1:] in self.anchors for t in targets)

    def _drop(self, el: etree._Element, reason: DropReason) -> None:
        self._record(_join_texts(_itertext(el)), reason, _sourceline(el))

    def _record(self, text: str, reason: DropReason, start: int | None = None) -> None:
        first = max(start or self.line, 1)
        end = first + text.count("\n")
        self.line = max(self.line, end)
        collapsed = " ".join(text.split())
        if collapsed:
            self.reading.dropped.append(
                Dropped(text=collapsed, reason=reason, provenance=Provenance(line_start=first, line_end=end))
            )

    # -- blocks -----------------------------------------------------------------------------

    def _flush(self) -> None:
        """Emit the inline content read since the last block boundary, one block per line."""
        pieces, self.pieces = self.pieces, []
        self.pending = self.next_check = 0
        label, self.label = self.label, None
        start = self.first_line or self.line
        self.first_line = None
        lines = _lines(pieces)
        emitted = blank = asked = False
        for spans in lines:
            text = "".join(span.text for span in spans)
            if not text:
                # Two `<br>` with no text between leave a blank line on the page: a new paragraph.
                blank = emitted
                continue
            # A question wholly in bold that a `<br>` ends (``<strong>What is an FRP?</strong><br>`` over its
            # answer) is set apart on its own line: its answer starts a paragraph (a bold handle does not).
            blank = blank or (asked and not all_bold(tuple(spans)))
            asked = bold_question(tuple(spans))
            self._emit(
                Block(
                    text=text,
                    spans=spans,
                    kind=BlockKind.HEADING if self.heading else BlockKind.PARAGRAPH,
                    label=None if emitted else label,
                    heading_level=self.heading,
                    list_depth=len(self.lists),
                    continues=emitted and not blank,
                    line_break=emitted and not blank,
                    provenance=Provenance(line_start=start, line_end=max(start, self.line)),
                )
            )
            emitted, blank = True, False
        if label and not emitted:
            self.label = label  # the item's text is in a block inside it (<li><p>…): the label goes there

    def _check_length(self, length: int) -> None:
        limit = self.options.limits.max_line_chars
        if length > limit:
            raise LimitExceededError(
                f"a text of {length} characters, over the limit of {limit} (limits.max_line_chars)", path=self.name
            )

    def _emit(self, block: Block) -> None:
        self._check_length(len(block.text))
        self.out.append(block)
        if len(self.reading.blocks) > self.options.limits.max_blocks:
            raise LimitExceededError(
                f"more than {self.options.limits.max_blocks} blocks (limits.max_blocks)", path=self.name
            )

    def _capture(self, el: etree._Element, style: _Style, *, tick: bool = False) -> list[Block]:
        """Return the blocks of `el`'s content, read apart from the flow (a table cell, a field value)."""
        if tick:
            self._tick(el)
        saved_out, saved_lists, saved_heading = self.out, self.lists, self.heading
        self.out, self.lists, self.heading = [], [], None
        try:
            self._children(el, style, outside=False)
            self._flush()
            return self.out
        finally:
            self.out, self.lists, self.heading = saved_out, saved_lists, saved_heading

    def _list(self, el: etree._Element, tag: str, style: _Style, *, outside: bool) -> None:
        ordered = tag == "ol"
        frame = _ListFrame(ordered, type=(el.get("type") or "1") if ordered else "")
        items = sum(1 for child in el if isinstance(child.tag, str) and child.tag.lower() == "li")
        if ordered and el.get("reversed") is not None:
            frame.step, frame.next = -1, items
        if ordered and (start := _int(el.get("start"))) is not None:
            frame.next = start
        self.lists.append(frame)
        try:
            self._children(el, style, outside=outside)
        finally:
            self.lists.pop()

    def _next_label(self, el: etree._Element) -> str | None:
        if not self.lists:
            return None
        frame = self.lists[-1]
        if not frame.ordered:
            return "•"
        if (value := _int(el.get("value"))) is not None:
            frame.next = value
        number = frame.next
        frame.next += frame.step
        kind = el.get("type") or frame.type
        return f"{_format_number(number, kind)}."

    def _definitions(self, el: etree._Element, style: _Style) -> None:
        term: etree._Element | None = None
        for child in el.iter("dt", "dd"):
            if next(child.iterancestors("dl"), None) is not el:
                continue  # a term of a list nested in a value: read with that value, not twice
            if child.tag == "dt":
                if term is not None:
                    self._field(term, None, style)
                term = child
            elif term is not None:
                self._field(term, child, style)
                term = None
            else:
                self._emit_all(self._capture(child, style))
        if term is not None:
            self._field(term, None, style)

    def _field(self, label_el: etree._Element, value_el: etree._Element | None, style: _Style) -> None:
        """Emit ``Label: value`` with the label bold, then the value's further blocks as they are."""
        label_blocks = self._capture(label_el, style)
        label = " ".join(block.text for block in label_blocks).strip().rstrip("：:").strip()
        values = self._capture(value_el, style) if value_el is not None else []
        if not label:
            self._emit_all(values)
            return
        if _titles_body(label, values):
            # The term heads a body of its own (a project's paragraphs and task list): a heading
            # one level below the last one, as a card's title.
            level = min((self.last_level or 1) + 1, 6)
            provenance = label_blocks[0].provenance if label_blocks else _lines_at(self.line)
            term_spans = tuple(span for block in label_blocks for span in block.spans)
            text = " ".join(block.text for block in label_blocks)
            if len(label_blocks) > 1:
                term_spans = (Span(text, bold=all(span.bold for span in term_spans)),)
            self._emit(
                Block(text=text, spans=term_spans, kind=BlockKind.HEADING, heading_level=level, provenance=provenance)
            )
            self._emit_all(values)
            return
        start = label_blocks[0].provenance if label_blocks else _lines_at(self.line)
        cjk = is_cjk(label[-1])
        lead = Span(label + ("：" if cjk else ":"), bold=True)
        first = values[0] if values and values[0].label is None and values[0].kind is BlockKind.PARAGRAPH else None
        rest = values[1:] if first is not None else values
        spans: tuple[Span, ...] = (lead,)
        if first is not None:
            spans = (lead, *(() if cjk else (Span(" "),)), *first.spans)
        end = values[-1] if values else label_blocks[-1] if label_blocks else None
        provenance = start
        if end is not None and end.provenance.line_end is not None and start.line_start is not None:
            provenance = Provenance(
                line_start=start.line_start, line_end=max(start.line_start, end.provenance.line_end)
            )
        self._emit(
            Block(text="".join(s.text for s in spans), spans=spans, list_depth=len(self.lists), provenance=provenance)
        )
        self._emit_all(rest)

    def _emit_all(self, blocks: list[Block]) -> None:
        for block in blocks:
            self._emit(replace(block, list_depth=block.list_depth + len(self.lists)) if self.lists else block)

    def _table(self, el: etree._Element, style: _Style) -> None:
        rows: list[tuple[etree._Element, ...]] = []
        for row in _rows(el):
            rows.append(tuple(cell for cell in row if _is_cell(cell)))
        for caption in el:
            if isinstance(caption.tag, str) and caption.tag.lower() == "caption":
                self._emit_all(self._capture(caption, style))
        held = [cell for row in rows for cell in row if any(text.strip() for text in _itertext(cell))]
        if len(held) == 1:
            # A table with text in one cell only (a grey panel, a logo beside a heading: a page's layout)
            # is a box around content, no grid a reader sees: its content is read in the flow, and a
            # table inside it is the table.
            self._children(held[0], style, outside=False)
            return
        if rows and all(len(r) == 2 and r[0].tag.lower() == "th" and r[1].tag.lower() == "td" for r in rows):
            for label_cell, value_cell in rows:
                self._field(label_cell, value_cell, style)
            return
        start = _sourceline(el) or self.line
        kept = [row for row in rows if row]
        # Each cell is ticked as it is read: the clock, and the table's last line (its last row's).
        captured = [[self._capture(cell, style, tick=True) for cell in row] for row in kept]
        texts, spans, merged = _grid(kept, captured)
        if not any(cell.strip() for row in texts for cell in row):
            return
        self._emit(
            Block(
                text="\n".join("\t".join(row) for row in texts),
                kind=BlockKind.TABLE,
                rows=texts,
                cell_spans=spans,
                merged=merged,
                list_depth=len(self.lists),
                provenance=Provenance(line_start=start, line_end=max(start, self.line)),
            )
        )

    def _code(self, el: etree._Element) -> None:
        start = _sourceline(el) or self.line
        text = "".join(_itertext(el))
        # HTML drops the newline right after <pre>.
        text = text[1:] if text.startswith("\n") else text
        text = text.rstrip("\n")
        self.line = max(self.line, start + text.count("\n"))
        if not text.strip():
            return
        self._emit(
            Block(
                text=text,
                spans=(Span(text),),
                kind=BlockKind.CODE,
                list_depth=len(self.lists),
                provenance=Provenance(line_start=start, line_end=max(start, self.line)),
            )
        )


# A cell spans at most this many rows or columns (HTML caps colspan at 1000 and rowspan at 65534;
# a call's table has a few): a larger span is hostile padding.
_MAX_CELL_SPAN = 64


def _grid(
    rows: list[tuple[etree._Element, ...]], captured: list[list[list[Block]]]
) -> tuple[
    tuple[tuple[str, ...], ...], tuple[tuple[tuple[Span, ...], ...], ...], tuple[tuple[int, int, int, int], ...]
]:
    """Return a table's cells placed on its grid as a browser lays them out: texts, runs and merged cells.

    A cell with ``colspan``/``rowspan`` holds its text at its top-left position and leaves empty
    strings in the positions it covers; the cells of a row take the next positions a span from a
    row above leaves free. Rows shorter than the grid are filled with empty cells only where the
    table has a merged cell (a ragged table without spans stays as written).
    """
    taken: dict[tuple[int, int], bool] = {}
    placed: dict[tuple[int, int], tuple[str, tuple[Span, ...]]] = {}
    merged: list[tuple[int, int, int, int]] = []
    height = len(rows)
    for r, (row, cells) in enumerate(zip(rows, captured, strict=True)):
        column = 0
        for element, blocks in zip(row, cells, strict=True):
            while taken.get((r, column)):
                column += 1
            across = min(max(_int(element.get("colspan")) or 1, 1), _MAX_CELL_SPAN)
            down = min(max(_int(element.get("rowspan")) or 1, 1), _MAX_CELL_SPAN, height - r)
            placed[(r, column)] = ("\n".join(b.full_text for b in blocks), _cell_spans(blocks))
            for dr in range(down):
                for dc in range(across):
                    taken[(r + dr, column + dc)] = True
            if across > 1 or down > 1:
                merged.append((r, column, down, across))
            column += across
    if not merged:
        texts = tuple(tuple(placed[(r, c)][0] for c in range(len(row))) for r, row in enumerate(rows))
        runs = tuple(tuple(placed[(r, c)][1] for c in range(len(row))) for r, row in enumerate(rows))
        return texts, runs, ()
    width = max(c for _, c in taken) + 1
    texts = tuple(tuple(placed.get((r, c), ("", ()))[0] for c in range(width)) for r in range(height))
    runs = tuple(tuple(placed.get((r, c), ("", ()))[1] for c in range(width)) for r in range(height))
    return texts, runs, tuple(merged)


def _cell_spans(blocks: list[Block]) -> tuple[Span, ...]:
    """Return the runs of a cell's blocks, a ``\\n`` run between two blocks (a label run before its block's)."""
    out: list[Span] = []
    for number, block in enumerate(blocks):
        if number:
            out.append(Span("\n"))
        if block.label is not None:
            out.append(Span(f"{block.label} "))
        out.extend(block.spans or (Span(block.text),))
    return tuple(out)


def _find_main(root: etree._Element) -> etree._Element | None:
    """Return the element the page marks as its main content: ``main``, ``[role=main]``, a lone ``article``."""
    for el in root.iter("main", "MAIN"):
        return el
    for el in root.iter():
        if isinstance(el.tag, str) and (el.get("role") or "").strip().lower() == "main":
            return el
    articles = [el for el in root.iter("article") if not any(a.tag == "article" for a in el.iterancestors())]
    return articles[0] if len(articles) == 1 else None


# A definition's value holding at least this many paragraphs is a body of text under its term.
TERM_BODY_MIN_PARAGRAPHS = 3


def _titles_body(label: str, values: list[Block]) -> bool:
    """Return whether a ``dt`` term heads its ``dd`` as a title: a short term over several paragraphs.

    ``<dt>Update FreeType's build systems</dt><dd><p>…</p><p>…</p><ul>…</ul><p>…</p></dd>``: the
    value is a body of its own, not one value of a labelled field.
    """
    paragraphs = sum(block.kind is BlockKind.PARAGRAPH and block.label is None for block in values)
    return len(label) <= MAX_TITLE_CHARS and paragraphs >= TERM_BODY_MIN_PARAGRAPHS


def _heading_level(el: etree._Element, tag: str) -> int | None:
    """Return the heading level `el` has: ``h1``–``h6``, ``role="heading"``, a class ``h4``/``heading4``."""
    if tag in _HEADINGS:
        return _HEADINGS[tag]
    if (el.get("role") or "").strip().lower() == "heading":
        level = _int(el.get("aria-level"))
        return min(max(level, 1), 6) if level is not None else 2  # ARIA's default level is 2
    for word in (el.get("class") or "").lower().split():
        if (found := _HEADING_CLASS.fullmatch(word)) is not None:
            return int(found.group(1))
    return None


def _repeated_title_classes(root: etree._Element) -> frozenset[str]:
    """Return the class attributes (spaces collapsed) with a word naming a title that two or more elements share."""
    counts: dict[str, int] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.lower() in _HEADINGS:
            continue
        classes = " ".join((el.get("class") or "").split())
        if classes and any(_TITLE_CLASS.fullmatch(word) for word in classes.split()):
            counts[classes] = counts.get(classes, 0) + 1
    return frozenset(classes for classes, n in counts.items() if n >= 2)


def _style_of(el: etree._Element, tag: str, style: _Style) -> _Style:
    bold = style.bold
    if tag in ("b", "strong"):
        bold = True
    css = el.get("style") or ""
    if css:
        if _BOLD_STYLE.search(css):
            bold = True
        elif _NORMAL_STYLE.search(css):
            bold = False
    link = style.link
    if tag == "a" and el.get("href") is not None:
        link = (el.get("href") or "").strip()
    pre = style.pre or tag in _PRE_TAGS or bool(_PRE_STYLE.search(css))
    if bold == style.bold and link == style.link and pre == style.pre:
        return style
    return _Style(bold, link, pre)


def _label_value(el: etree._Element) -> tuple[etree._Element, etree._Element] | None:
    """Return (label, value) when `el` is a grid row of two elements whose first names a label."""
    # At most three children are looked at: a paragraph of 1.5 M spans is no grid row, and a list of
    # its children took 200 MB.
    children = list(itertools.islice((child for child in el if isinstance(child.tag, str)), 3))
    if len(children) != 2 or (el.text or "").strip() or any((c.tail or "").strip() for c in children):
        return None
    first, second = children
    tag = first.tag.lower()
    if tag not in ("label", "dt", "th") and not _LABEL_CLASS.search(first.get("class") or ""):
        return None
    # A label is a short line of its own; a long first cell is content, not a label.
    text = " ".join("".join(_itertext(first)).split())
    if not text or len(text) > MAX_LABEL_CHARS:
        return None
    return first, second


def _is_cell(el: etree._Element) -> bool:
    return isinstance(el.tag, str) and el.tag.lower() in ("td", "th")


def _rows(table: etree._Element) -> Iterator[Iterable[etree._Element]]:
    """Yield the table's rows in order, each as its children; cells written with no ``<tr>`` around them
    (``<thead><th>…</th><th>…</th></thead>``) are one row, as a browser's parser opens an implied ``<tr>``
    for them (libxml2 leaves them where they are)."""
    bare: list[etree._Element] = []
    for child in table:
        if _is_cell(child):
            bare.append(child)
            continue
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag not in ("tr", "thead", "tbody", "tfoot"):
            continue
        if bare:
            yield tuple(bare)
            bare = []
        if tag == "tr":
            yield child
        else:
            yield from _rows(child)
    if bare:
        yield tuple(bare)


def _sourceline(el: etree._Element) -> int | None:
    line = el.sourceline
    return line if isinstance(line, int) and line > 0 else None


def _itertext(el: etree._Element) -> Iterator[str]:
    for text in el.itertext():
        yield str(text)


def _join_texts(texts: Iterator[str]) -> str:
    """Return text nodes joined as one text: a space between two words, none next to CJK."""
    out = ""
    for text in texts:
        if out and text and not out[-1].isspace() and not text[0].isspace():
            out += "" if is_cjk(out[-1]) or is_cjk(text[0]) else " "
        out += text
    return out


def _lines(pieces: list[_Piece]) -> list[tuple[Span, ...]]:
    """Return the pieces as lines of spans, whitespace collapsed as a browser does, split at ``<br>``."""
    lines: list[list[_Piece]] = [[]]
    for piece in pieces:
        if piece.text == "\n" and not piece.style.pre:
            lines.append([])
        else:
            for number, part in enumerate(piece.text.split(_KEPT_BREAK)):
                if number:
                    lines.append([])
                lines[-1].append(_Piece(part, piece.style))
    return [_collapse(line) for line in lines]


def _collapse(pieces: list[_Piece]) -> tuple[Span, ...]:
    if not pieces:
        return ()
    joined = _SENTINEL.join(piece.text for piece in pieces)

    def repl(found: re.Match[str]) -> str:
        run = found.group(0)
        kept = _SENTINEL * run.count(_SENTINEL)
        start, end = found.start(), found.end()
        if start == 0 or end == len(joined):
            return kept
        # A line break in the source next to a CJK character is no space (the project's rule
        # for every join, as in CSS Text 3 between two wide characters).
        if ("\n" in run or "\r" in run) and (is_cjk(joined[start - 1]) or is_cjk(joined[end])):
            return kept
        # The space stays in the piece where the whitespace was, not in the one before it.
        lead = len(run) - len(run.lstrip(_SENTINEL))
        return kept[:lead] + " " + kept[lead:]

    collapsed = _WS_RUN.sub(repl, joined).replace("\xa0", " ")
    collapsed = collapsed.replace(_KEPT_TAB, "\t").replace(_KEPT_SPACE, " ")
    texts = collapsed.split(_SENTINEL)
    spans: list[Span] = []
    for text, piece in zip(texts, pieces, strict=True):
        if not text:
            continue
        if spans and spans[-1].bold == piece.style.bold and spans[-1].link == piece.style.link:
            spans[-1] = Span(spans[-1].text + text, piece.style.bold, piece.style.link)
        else:
            spans.append(Span(text, piece.style.bold, piece.style.link))
    if spans:
        spans[0] = Span(spans[0].text.lstrip(" "), spans[0].bold, spans[0].link)
        spans[-1] = Span(spans[-1].text.rstrip(" "), spans[-1].bold, spans[-1].link)
    return tuple(span for span in spans if span.text)


def _lines_at(line: int) -> Provenance:
    return Provenance(line_start=max(line, 1), line_end=max(line, 1))


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def _format_number(number: int, kind: str) -> str:
    if kind in ("a", "A") and number >= 1:
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if kind == "A" else letters
    if kind in ("i", "I") and 1 <= number < 4000:
        roman = ""
        for value, symbol in _ROMAN:
            while number >= value:
                roman += symbol
                number -= value
        return roman.upper() if kind == "I" else roman
    return str(number)


def _printed_title(title: str, dropped: list[Dropped]) -> tuple[str, str]:
    """Return a ``<title>`` as the page prints it and the site's name it adds (``X - LUG @ USTC`` → ``X``, ``- LUG …``).

    A CMS titles a page "page title, separator, site name"; the page prints its own title in its
    header, which is read as the site's chrome: where such a line begins with the part before the last
    separator, that part is the page's title. Else the whole ``<title>`` is, and nothing is added.
    """
    match = _TITLE_SUFFIX.match(" ".join(title.split()))
    if match is None:
        return title, ""
    head = match.group("head").casefold()
    printed = any(
        item.reason is DropReason.SITE_CHROME and " ".join(item.text.split()).casefold().startswith(head)
        for item in dropped
    )
    return (match.group("head"), match.group("suffix")) if printed else (title, "")


# A page's title, a separator between spaces, the site's name: "申报主题 - 科研管理平台", "Ideas | Example Lab".
_TITLE_SUFFIX = lazy(r"^(?P<head>.{4,}?)(?P<suffix>\s+[-–—|]\s+[^-–—|]{1,60})$")


def _repeats_opening(title: str, blocks: list[Block]) -> bool:
    """Return whether a ``<title>`` only repeats the page's opening text: its first block, and more.

    An editor that exports Markdown (Mou) fills ``<title>`` with the page's first lines ("Call For
    Project Proposals" and the start of the next paragraph): the page's own first line is its
    title, as it is in the Markdown the page was made from.
    """
    first = next((block for block in blocks if block.text.strip()), None)
    if first is None:
        return False
    opening = " ".join(first.text.split()).casefold()
    folded = " ".join(title.split()).casefold()
    return folded != opening and folded.startswith(opening)
