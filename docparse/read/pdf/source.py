"""Read stage, PDF source: bytes → pdfplumber pages, one at a time, with every failure typed.

This module and `grid` (ruled tables) are the only ones that talk to pdfplumber / pdfminer objects. It opens the
document (mapping pdfminer's exceptions to `CorruptDocumentError` / `EncryptedDocumentError`),
walks the page tree lazily (so memory does not grow with the page count), and returns each
page's characters as pdfplumber char dicts plus one extra key, ``render_mode``: the text render
mode (`Tr`) the char was drawn with. pdfminer keeps `Tr` in its text state but does not copy it
to its `LTChar` objects; LibreOffice draws "bold" CJK text in a font without a bold face as
fill + stroke (mode 2), so without it that bold is invisible. The device below records the mode
the same way pdfplumber itself records marked-content ids.
"""

from __future__ import annotations

import copy
import io
import logging
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTAnno, LTChar, LTContainer, LTItem, LTPage
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFTextState
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.utils import Matrix
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

from docparse.errors import CorruptDocumentError, EncryptedDocumentError, LimitExceededError
from docparse.options import PageRange, ParseOptions, in_ranges, page_ranges, ranges_end
from docparse.read.pdf.aligned import aligned_tables
from docparse.read.pdf.annotations import Note, page_notes
from docparse.read.pdf.blanks import blank_forms
from docparse.read.pdf.budget import Budget, BudgetedInterpreter
from docparse.read.pdf.grid import page_tables, visible_rulings
from docparse.read.pdf.panels import panel_tables
from docparse.vocab.chars import fold_radicals

# The library never prints: pdfminer logs a warning for each damaged object, and Python prints
# warnings of unconfigured loggers on standard error. A NullHandler keeps them off it, while
# an application that configures logging still receives them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
# pdfminer's text device logs a string it cannot draw; the inlined copy below logs it there too.
_device_log = logging.getLogger("pdfminer.pdfdevice")

CORRUPT = "corrupt or not a PDF"
# The PDF spec lets a header sit anywhere in the first 1024 bytes (Acrobat accepts junk before it).
HEADER_WINDOW = 1024
# A rule under which footnotes sit is a short, thin horizontal line.
RULE_MAX_THICKNESS = 1.5


@dataclass(slots=True)
class RawPage:
    """One page's content as the rest of the reader needs it; the pdfplumber page is already closed."""

    number: int
    width: float
    height: float
    chars: list[dict[str, Any]]
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    """Thin horizontal lines as ``(x0, x1, top)``: footnote separators, table borders, underlines."""
    images: int = 0
    tables: list[tuple[tuple[float, float, float, float], list[list[str]], tuple[tuple[int, int, int, int], ...]]] = (
        field(default_factory=list)
    )
    """Ruled tables as ``(bbox, rows of cell texts, merged cells)``; their chars are not in `chars`."""
    evidence: list[str] = field(default_factory=list)
    """Per table of `tables`, how it was found when not by its rulings (`aligned.Found.why`), else empty."""
    notes: list[Note] = field(default_factory=list)
    """The text viewers draw from annotations (FreeText, filled form fields), with its box (`annotations`)."""
    unsearched: tuple[int, int] | None = None
    """The rows and columns of rulings of a grid too large for the table finder (`grid.MAX_TABLE_CROSSINGS`)."""


Glyph = dict[str, Any]
"""One glyph as pdfplumber's `Page.chars` has it, plus ``render_mode``."""


@dataclass(slots=True)
class _PageFrame:
    """What a glyph's dict needs of its page: number, height, MediaBox corner, document top, normalisation."""

    number: int
    height: float
    mb_x0: float
    mb_top: float
    doctop: float
    normalize: Any


@dataclass(slots=True)
class _FontFacts:
    """What every glyph of one font shares, and each code's text and width, worked out once per page."""

    font: PDFFont
    vertical: bool
    descent: float
    fontname: Any
    codes: dict[int, tuple[str, float]] = field(default_factory=dict)


class _RenderModeAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device that builds each glyph's char dict itself, with the text render mode in force.

    pdfminer makes an `LTChar` of every glyph (its bounding box through `apply_matrix_rect`, a
    dozen attributes) and pdfplumber then walks it into a dict: a third of a conversion's time
    for nothing the reader keeps. With a `frame`, the device computes the same numbers the same
    way (same expressions in the same order, so the floats are equal to the last bit) and puts
    the finished dict where the `LTChar` would be, in the layout's object list: its order among
    figures and paths, and pdfplumber's marked-content tagging, stay as they were. Without a
    frame it is the `LTChar` path, kept for the test that compares the two.
    """

    _render_mode: int = 0
    budget: Budget | None = None
    frame: _PageFrame | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Per page: a handful of fonts and colour spaces, drawn glyph by glyph.
        self._fonts: dict[int, _FontFacts] = {}
        self._spaces: dict[PDFColorSpace, Any] = {}

    def render_string(
        self,
        textstate: PDFTextState,
        seq: Iterable[int | float | bytes],
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> None:
        self._render_mode = textstate.render
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_string_horizontal(
        self,
        seq: Iterable[int | float | bytes],
        matrix: Matrix,
        pos: tuple[float, float],
        font: PDFFont,
        fontsize: float,
        scaling: float,
        charspace: float,
        wordspace: float,
        rise: float,
        dxscale: float,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> tuple[float, float]:
        """Draw a string as pdfminer's `PDFTextDevice` does, with its `translate_matrix` and `render_char` inlined."""
        frame = self.frame
        if frame is None:
            return super().render_string_horizontal(
                seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise, dxscale, ncs, graphicstate
            )
        (x, y) = pos
        (a, b, c, d, e, f) = matrix
        needcharspace = False
        facts = self._facts(font)
        glyph = self._glyph
        tick = self.budget.tick if self.budget is not None else None
        objs: list[Any] = self.cur_item._objs
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    if tick is not None:
                        tick()
                    char = glyph(
                        frame, (a, b, c, d, x * a + y * c + e, x * b + y * d + f), facts, fontsize, scaling, rise, cid,
                        ncs, graphicstate,
                    )  # fmt: skip
                    objs.append(char)
                    x += char["adv"]
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:
                _device_log.warning(
                    "Cannot render horizontal string because %r is not a valid int, float or bytes.", obj
                )
        return (x, y)

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> float:
        if self.budget is not None:
            self.budget.tick()
        frame = self.frame
        if frame is None:
            adv: float = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
            objs = self.cur_item._objs
            if objs:
                objs[-1].render_mode = self._render_mode  # type: ignore[attr-defined]
            return adv
        char = self._glyph(frame, matrix, self._facts(font), fontsize, scaling, rise, cid, ncs, graphicstate)
        self.cur_item._objs.append(char)  # type: ignore[arg-type]
        return float(char["adv"])

    def _facts(self, font: PDFFont) -> _FontFacts:
        facts = self._fonts.get(id(font))
        if facts is None or facts.font is not font:
            fontname = _plumber_fontname(font.fontname)
            facts = self._fonts[id(font)] = _FontFacts(font, font.is_vertical(), font.get_descent(), fontname)
        return facts

    def _glyph(
        self,
        frame: _PageFrame,
        matrix: Matrix,
        facts: _FontFacts,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> Glyph:
        """Return the dict `LTChar(...)` then `page_objects` would make of this glyph.

        pdfminer's `PDFLayoutAnalyzer.render_char` and `LTChar.__init__`, then pdfplumber's
        `process_object`, written out: keep every expression as they have it.
        """
        code = facts.codes.get(cid)
        if code is None:
            font = facts.font
            try:
                text = font.to_unichr(cid)
                assert isinstance(text, str), str(type(text))
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            normalize = frame.normalize
            text = text if normalize is None else normalize_unicode(normalize, text)
            # a font that names an ideograph by its Kangxi radical (⼀ for 一): the page shows the ideograph
            text = fold_radicals(text)
            code = facts.codes[cid] = (text, font.char_width(cid))
        text, textwidth = code
        adv = textwidth * fontsize * scaling
        vertical = facts.vertical
        if vertical:
            textdisp = facts.font.char_disp(cid)
            assert isinstance(textdisp, tuple)
            (vx, vy) = textdisp
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bx0, by0, bx1, by1 = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = facts.descent * fontsize
            bx0, by0, bx1, by1 = (0, descent + rise, adv, descent + rise + fontsize)
        (a, b, c, d, e, f) = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        # apply_matrix_rect: the four corners through apply_matrix_pt, then min / max in its order.
        left1, bottom1 = a * bx0 + c * by0 + e, b * bx0 + d * by0 + f
        right1, bottom2 = a * bx1 + c * by0 + e, b * bx1 + d * by0 + f
        right2, top1 = a * bx1 + c * by1 + e, b * bx1 + d * by1 + f
        left2, top2 = a * bx0 + c * by1 + e, b * bx0 + d * by1 + f
        x0 = min(left1, left2, right1, right2)
        y0 = min(bottom1, bottom2, top1, top2)
        x1 = max(left1, left2, right1, right2)
        y1 = max(bottom1, bottom2, top1, top2)
        if x1 < x0:
            (x0, x1) = (x1, x0)
        if y1 < y0:
            (y0, y1) = (y1, y0)
        width, height = x1 - x0, y1 - y0
        spaces = self._spaces
        if ncs not in spaces:
            spaces[ncs] = resolve_and_decode(ncs.name)
        top = (frame.height - y1) + frame.mb_top
        mb_x0 = frame.mb_x0
        if mb_x0 != 0:
            x0, x1 = x0 + mb_x0, x1 + mb_x0
        scolor, ncolor = graphicstate.scolor, graphicstate.ncolor
        return {
            "matrix": matrix,
            "fontname": facts.fontname,
            "adv": adv,
            "upright": upright,
            "x0": x0,
            "y0": y0,
            "x1": x1,
            "y1": y1,
            "width": width,
            "height": height,
            "size": width if vertical else height,
            "mcid": self.cur_mcid,
            "tag": self.cur_tag,
            "object_type": "char",
            "page_number": frame.number,
            "ncs": spaces[ncs],
            "text": text,
            "stroking_color": scolor if isinstance(scolor, tuple) else (scolor,),
            "non_stroking_color": ncolor if isinstance(ncolor, tuple) else (ncolor,),
            "top": top,
            "bottom": (frame.height - y0) + frame.mb_top,
            "doctop": frame.doctop + top,
            "render_mode": self._render_mode,
        }

    def tag_cur_item(self) -> None:
        # pdfplumber tags "the most recent object" after every glyph, path and image, even when
        # a path added none (then a glyph drawn before it is tagged again): a dict is tagged too.
        objs: list[Any] = self.cur_item._objs
        if objs and type(objs[-1]) is dict:
            objs[-1]["mcid"], objs[-1]["tag"] = self.cur_mcid, self.cur_tag
        else:
            super().tag_cur_item()


class _Page(Page):
    """A pdfplumber page whose chars carry ``render_mode``, interpreted within a `Budget`.

    Its `objects` are built by `page_objects`: the glyphs' dicts come made by the device; the
    other objects go through pdfplumber's `process_object`. `lt_chars` (for the test that
    compares them) makes the device build pdfminer's `LTChar`s instead, read by `_char`.
    """

    budget: Budget
    lt_chars: bool = False

    @property
    def layout(self) -> LTPage:
        if hasattr(self, "_layout"):
            return self._layout
        device = _RenderModeAggregator(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams)
        device.budget = self.budget
        if not self.lt_chars and self.pdf.laparams is None:
            mb_x0, mb_top = self.mediabox[:2]
            device.frame = _PageFrame(
                self.page_number, self.height, mb_x0, mb_top, self.initial_doctop, self.pdf.unicode_norm
            )
        self.budget.start_page(self.page_number)
        BudgetedInterpreter(self.pdf.rsrcmgr, device, self.budget).process_page(self.page_obj)
        self._layout: LTPage = device.get_result()
        return self._layout

    def process_object(self, obj: LTItem) -> dict[str, Any]:
        attr: dict[str, Any] = super().process_object(obj)
        if isinstance(obj, LTChar):
            attr["render_mode"] = getattr(obj, "render_mode", 0)
        return attr


def page_objects(page: _Page) -> dict[str, list[dict[str, Any]]]:
    """Return the page's objects by kind, as pdfplumber's `Page.objects` has them (chars with ``render_mode``).

    The glyphs come as dicts from the device (or, with `lt_chars`, as `LTChar`s read field by
    field by `_char`); the few other objects (rulings, images, curves) go through pdfplumber's
    generic, per-attribute `process_object`.
    """
    objects: dict[str, list[dict[str, Any]]] = {}
    chars: list[dict[str, Any]] = []
    number = page.page_number
    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    doctop = page.initial_doctop
    normalize = page.pdf.unicode_norm
    spaces: dict[int, Any] = {}
    pending: list[Any] = list(reversed(page.layout._objs))
    while pending:
        obj = pending.pop()
        if type(obj) is dict:
            if not chars:
                objects["char"] = chars  # kinds keep the order they first appear in, as in pdfplumber
            chars.append(obj)
        elif isinstance(obj, LTChar):
            if not chars:
                objects["char"] = chars
            chars.append(_char(obj, number, height, mb_x0, mb_top, doctop, spaces, normalize))
        elif isinstance(obj, LTContainer):
            # A figure (form XObject): its own dict only with layout analysis, which is off.
            pending.extend(reversed(obj._objs))
        elif not isinstance(obj, LTAnno):
            attr = page.process_object(obj)
            objects.setdefault(attr["object_type"], []).append(attr)
    return objects


def _plumber_fontname(fontname: Any) -> Any:
    """Return a font name as pdfplumber's `process_object` gives it (resolved; bytes decoded its way)."""
    if not isinstance(fontname, str):
        fontname = resolve_all(fontname)
        if isinstance(fontname, bytes):
            fontname = fix_fontname_bytes(fontname)
    return fontname


def _char(
    obj: LTChar,
    number: int,
    height: float,
    mb_x0: float,
    mb_top: float,
    doctop: float,
    spaces: dict[int, Any],
    normalize: Any,
) -> dict[str, Any]:
    """Return the dict pdfplumber's `process_object` makes of `obj`, plus ``render_mode``."""
    fontname = _plumber_fontname(obj.fontname)
    state = obj.graphicstate
    ncs = obj.ncs
    key = id(ncs)
    if key not in spaces:
        spaces[key] = resolve_and_decode(ncs.name)
    x0, x1, y0, y1 = obj.x0, obj.x1, obj.y0, obj.y1
    top = (height - y1) + mb_top
    if mb_x0 != 0:
        x0, x1 = x0 + mb_x0, x1 + mb_x0
    text = fold_radicals(obj._text if normalize is None else normalize_unicode(normalize, obj._text))
    extra = obj.__dict__
    return {
        "matrix": obj.matrix,
        "fontname": fontname,
        "adv": obj.adv,
        "upright": obj.upright,
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "width": obj.width,
        "height": obj.height,
        "size": obj.size,
        "mcid": extra.get("mcid"),
        "tag": extra.get("tag"),
        "object_type": "char",
        "page_number": number,
        "ncs": spaces[key],
        "text": text,
        "stroking_color": state.scolor if isinstance(state.scolor, tuple) else (state.scolor,),
        "non_stroking_color": state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,),
        "top": top,
        "bottom": (height - y0) + mb_top,
        "doctop": doctop + top,
        "render_mode": extra.get("render_mode", 0),
    }


def open_pdf(data: bytes, options: ParseOptions, name: str | None) -> PDF:
    """Return the opened document, or raise the typed error that says why it cannot be opened."""
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise CorruptDocumentError(f"{CORRUPT}: no %PDF- header in the first {HEADER_WINDOW} bytes", path=name)
    try:
        with warnings.catch_warnings():
            # pdfminer warns about recoverable damage; that is not the caller's business (and a
            # warnings-as-errors setting must not turn a readable file into a corrupt one).
            warnings.simplefilter("ignore")
            return PDF(io.BytesIO(data), password=options.password or "")
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        if isinstance(inner, LimitExceededError):  # a budget spent while pdfminer opened the document
            inner.path = inner.path or name
            raise inner from None
        raise _open_error(inner, options, name) from inner
    except LimitExceededError:
        raise
    except Exception as exc:  # pdfminer raises many kinds (KeyError, TypeError...) on broken files
        raise CorruptDocumentError(f"{CORRUPT}: {type(exc).__name__}", path=name, cause=exc) from exc


def _open_error(exc: BaseException, options: ParseOptions, name: str | None) -> Exception:
    if isinstance(exc, PDFPasswordIncorrect):
        if options.password is None:
            message = "the PDF is encrypted with a user password; give the password with --password"
        else:
            message = "the password given with --password is wrong for this encrypted PDF"
        return EncryptedDocumentError(message, path=name, cause=exc)
    if isinstance(exc, PDFEncryptionError):
        return EncryptedDocumentError(f"the PDF uses an encryption docparse cannot open: {exc}", path=name, cause=exc)
    return CorruptDocumentError(f"{CORRUPT}: {type(exc).__name__}: {exc}", path=name, cause=exc)


def declared_page_count(pdf: PDF) -> int | None:
    """Return the page count the page tree declares, or None when it cannot be read."""
    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:  # a broken page tree is reported when the pages are walked
        return None
    return count if isinstance(count, int) and count >= 0 else None


def iter_pages(pdf: PDF, options: ParseOptions, name: str | None, budget: Budget | None = None) -> Iterator[RawPage]:
    """Yield each page's content in order; raise `CorruptDocumentError` when a page cannot be read."""
    max_pages = options.limits.max_pages
    declared = declared_page_count(pdf)
    ranges = page_ranges(options.pages) if options.pages is not None else ((1, None),)
    end = ranges_end(ranges)
    wanted = declared if declared is None or end is None else min(declared, end)
    if wanted is not None and wanted > max_pages and not _fits(ranges, wanted, max_pages):
        raise LimitExceededError(f"the PDF has {declared} pages, over the limit of {max_pages}", path=name)
    budget = budget or Budget(options.limits, name)
    tree = PDFPage.create_pages(pdf.doc)
    number = read = 0
    while True:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                page_obj = next(tree)
        except StopIteration:
            return
        except Exception as exc:
            raise CorruptDocumentError(
                f"{CORRUPT}: the page tree breaks after page {number}", path=name, cause=exc
            ) from exc
        number += 1
        if end is not None and number > end:
            return
        if not in_ranges(ranges, number):
            continue  # a page not selected (`pages=`) is not read at all
        read += 1
        if read > max_pages:
            raise LimitExceededError(f"the PDF has more than {max_pages} pages", path=name)
        yield read_page(pdf, page_obj, number, name, budget)


def _fits(ranges: tuple[PageRange, ...], last: int, max_pages: int) -> bool:
    """Return whether the pages selected up to page `last` are at most `max_pages`."""
    return sum(max(0, min(stop or last, last) - first + 1) for first, stop in ranges) <= max_pages


def read_page(pdf: PDF, page_obj: PDFPage, number: int, name: str | None, budget: Budget) -> RawPage:
    """Return one page's chars, rules and image count, closing the pdfplumber page afterwards.

    A page with /Rotate whose text comes out mostly turned is read again without the rotation:
    its text is written upright in the unrotated frame (a scan or a page turned for display), and
    its boxes are then in that frame.
    """
    page_obj = sane_boxes(page_obj)
    raw = _read_page(pdf, page_obj, number, name, budget)
    if page_obj.rotate and mostly_turned(raw.chars):
        unrotated = copy.copy(page_obj)
        unrotated.rotate = 0
        unrotated.attrs = {key: value for key, value in page_obj.attrs.items() if key != "Rotate"}
        again = _read_page(pdf, unrotated, number, name, budget)
        if not mostly_turned(again.chars):
            raw = again
    forget_contents(pdf, page_obj)
    return raw


def forget_contents(pdf: PDF, page_obj: PDFPage) -> None:
    """Drop the page's content streams from pdfminer's object cache once the page is read.

    pdfminer keeps every object it has parsed, content streams with their decoded data
    included: a few KB a page that would stay to the end of the document (and past it, until a
    full collection frees the document). A page's content is read once; were it needed again,
    pdfminer would parse it again from the file. Shared resources (fonts, forms) stay cached.
    """
    cache: dict[int, Any] | None = getattr(pdf.doc, "_cached_objs", None)
    if not cache:
        return
    for item in page_obj.contents:
        objid = item.objid if isinstance(item, PDFObjRef | PDFStream) else None
        if objid is not None:
            cache.pop(objid, None)


def forget_document(pdf: PDF) -> None:
    """Empty pdfminer's caches of the document's objects and fonts when its pages are read.

    The document and its parser refer to one another: without a full collection (rare during a
    parse, `pipeline.relaxed_collector`) they would outlive the reading with every object, font
    and decoded stream they cached, while the outline is built and exported.
    """
    for holder, names in ((pdf.doc, ("_cached_objs", "_parsed_objs")), (pdf.rsrcmgr, ("_cached_fonts",))):
        for cache_name in names:
            cache = getattr(holder, cache_name, None)
            if isinstance(cache, dict):
                cache.clear()


MAX_COORD = 14400.0
"""PDF 1.7 Annex C: a page is at most 14,400 units on a side; coordinates past that are nonsense."""


def sane_boxes(page_obj: PDFPage) -> PDFPage:
    """Return the page with a MediaBox whose corners are clamped to ±MAX_COORD (and no CropBox then).

    pdfminer moves every glyph by the MediaBox's corner: from a corner at ±1e30, ordinary
    coordinates lose all their digits and the glyphs of a line pile up in one spot.
    """
    box = page_obj.mediabox
    if all(abs(float(v)) <= MAX_COORD for v in box):
        return page_obj
    fixed = copy.copy(page_obj)
    fixed.mediabox = fixed.cropbox = tuple(min(max(float(v), -MAX_COORD), MAX_COORD) for v in box)  # type: ignore[assignment]
    attrs = {key: value for key, value in page_obj.attrs.items() if key != "CropBox"}
    fixed.attrs = {**attrs, "MediaBox": list(fixed.mediabox)}
    return fixed


def mostly_turned(chars: list[dict[str, Any]]) -> bool:
    """Return True when most glyphs are drawn turned (their text matrix rotates them off the level or upside down)."""
    turned = sum(
        1 for char in chars if char["matrix"][1] or char["matrix"][2] or char["matrix"][0] < 0 or not char["upright"]
    )
    return turned * 2 > len(chars) > 0


def _read_page(pdf: PDF, page_obj: PDFPage, number: int, name: str | None, budget: Budget) -> RawPage:
    page: _Page | None = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            page = _Page(pdf, page_obj, page_number=number)
            page.budget = budget
            objects = page_objects(page)
            visible_rulings(objects, float(page.width), float(page.height))
            # The table finder and `page.filter` read `page.objects`: they get these very dicts.
            page._objects = objects
        chars = objects.get("char", [])
        rules = [
            (float(obj["x0"]), float(obj["x1"]), float(obj["top"]))
            for kind in ("line", "rect")
            for obj in objects.get(kind, [])
            if float(obj["bottom"]) - float(obj["top"]) <= RULE_MAX_THICKNESS
            and float(obj["x1"]) - float(obj["x0"]) > 1
        ]
        chars, tables, unsearched = page_tables(page, objects, chars)
        chars, panel_grids = panel_tables(objects, chars, float(page.width), float(page.height))
        tables += panel_grids
        chars, blank_grids = blank_forms(chars, rules)
        tables += blank_grids
        chars, aligned = aligned_tables(chars)
        evidence = [""] * len(tables) + [found.why for found in aligned]
        tables += [found.table for found in aligned]
        return RawPage(
            number=number,
            width=float(page.width),
            height=float(page.height),
            chars=chars,
            rules=rules,
            images=len(objects.get("image", [])),
            tables=tables,
            evidence=evidence,
            notes=page_notes(page_obj, budget),
            unsearched=unsearched,
        )
    except LimitExceededError:
        raise
    except Exception as exc:
        cause: BaseException = exc
        if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
            cause = exc.args[0]
        raise CorruptDocumentError(
            f"{CORRUPT}: page {number} cannot be read ({type(cause).__name__})", path=name, cause=cause
        ) from cause
    finally:
        if page is not None:
            page.close()
