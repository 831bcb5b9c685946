"""Read stage, PDF: bytes → `Reading` of blocks with bold spans, font size and page regions.

The stages, one module each:

1. `source`: open with pdfplumber (typed errors for encrypted, corrupt, non-PDF input),
   walk the pages lazily and close each one, so no page's objects outlive it;
2. `lines`: a page's chars → lines in reading order (rotated text apart, double-drawn glyphs
   once, spaces and tabs from the geometry, bold from the font name or fill + stroke rendering,
   superscript note marks apart; two columns side by side one after the other, `columns`);
3. `furniture`: running headers and footers, page numbers, footnotes and watermarks come
   out by position and repetition and go to `Reading.dropped` with their reason and position;
4. `paragraphs`: lines → one block per paragraph, heading line, list item or TOC entry,
   continued across page breaks into ONE block with a region per page.

Footnotes are dropped as FOOTNOTE with a DP104 `footnote-set-apart` diagnostic each, so the
paragraph they interrupt reads on. Text without usable Unicode (``(cid:N)`` glyph ids, private-
use or replacement characters, and the glyphs of composite fonts whose text pdfminer can only
guess: Identity-H without ToUnicode over glyph ids, `fonts`) is measured per page: when it is at
least half of all glyphs the page has no usable text layer: with the ``ocr`` extra, `ocr` reads it
from its image (``ParseOptions(ocr="auto")``, the default; ``always`` reads every page, ``never``
none) into the same lines. When the document still has no usable text, it raises
`NoTextLayerError` (`OcrUnavailableError` when OCR was needed but the extra is absent); otherwise
each page where it is at least 30 % gets a DP103 `garbled-text` diagnostic and its ``(cid:N)``
tokens read as U+FFFD. Control and bidi characters (a bad ToUnicode map) are taken out of the
text and recorded as dropped `control-character`; ligature glyphs read as their letters. Ruled
tables (`grid.find_tables`) become TABLE blocks; other tables come out line by line, wide gaps
as tabs.
"""

from __future__ import annotations

import time
from collections import Counter

from docparse.blocks import Block, BlockKind, Reading
from docparse.diagnostics import make_diagnostic
from docparse.errors import EmptyDocumentError, LimitExceededError, NoTextLayerError
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Dropped, DropReason
from docparse.model.provenance import BBox, PageRegion, Provenance
from docparse.options import ParseOptions
from docparse.read.pdf.annotations import Note
from docparse.read.pdf.budget import Budget, spending
from docparse.read.pdf.fonts import GuessingFonts
from docparse.read.pdf.furniture import region, remove_furniture
from docparse.read.pdf.grid import MAX_TABLE_CROSSINGS
from docparse.read.pdf.headings import mark_size_headings
from docparse.read.pdf.lines import PageLines, page_to_lines
from docparse.read.pdf.lists import nest_bullets
from docparse.read.pdf.metadata import pdf_metadata
from docparse.read.pdf.ocr import limit_checker, ocr_pages
from docparse.read.pdf.paragraphs import lines_to_blocks
from docparse.read.pdf.source import declared_page_count, forget_document, iter_pages, open_pdf
from docparse.read.pdf.tables import join_split_tables
from docparse.read.pdf.text import clean_glyph, is_garbage
from docparse.read.typography import mark_bare_number_headings
from docparse.vocab.lazy import lazy

# A glyph pdfminer could not map to Unicode, as it writes it into a table cell's text.
_CID = lazy(r"\(cid:\d+\)")

NO_TEXT_SHARE = 0.5
"""Share of unmappable glyphs over the whole document above which there is no usable text layer."""
GARBLED_PAGE_SHARE = 0.3
"""Share of unmappable glyphs on one page above which the page is reported as garbled."""


def unread_pages(spec: str, read: list[int], count: int | None) -> list[Diagnostic]:
    """Return a `pages-not-read` diagnostic naming the pages a selection left out, if it left out any.

    `count` is the page count the page tree declares (None when it cannot be read).
    """
    last = max(count or 0, read[-1])
    missing = sorted(set(range(1, last + 1)) - set(read))
    if not missing and count is not None:
        return []
    spans: list[list[int]] = []
    for n in missing:
        if spans and spans[-1][-1] == n - 1:
            spans[-1][1:] = [n]
        else:
            spans.append([n])
    named = ", ".join("-".join(map(str, span)) for span in spans)
    of = f"of {count} " if count is not None else ""
    rest = f"; not read: {named}" if named else ""
    if count is None:
        rest += f"; the page count is unknown, pages after {last} were not read"
    return [make_diagnostic("pages-not-read", f"read {len(read)} page(s) {of}(pages={spec!r}){rest}")]


def read_pdf(data: bytes, *, options: ParseOptions, name: str | None = None) -> Reading:
    """Return the blocks of the PDF in `data`, with the furniture it left out and its findings.

    What the input does wrong raises its own `DocparseError`; anything else escaping is a bug of
    ours, which the pipeline (`docparse.pipeline.guarded`) reports as `InternalError`.
    """
    limits = options.limits
    if len(data) > limits.max_input_bytes:
        raise LimitExceededError(
            f"the input is {len(data)} bytes, over the limit of {limits.max_input_bytes} (limits.max_input_bytes)",
            path=name,
        )
    started = time.monotonic()
    budget = Budget(limits, name, started)
    # pdfminer's own decoding (object streams, CMaps, font files) spends the same budget.
    with spending(budget):
        pdf = open_pdf(data, options, name)
        declared = pdf_metadata(pdf)
        count = declared_page_count(pdf) if options.pages is not None else None
        pages: list[PageLines] = []
        tables: list[Block] = []
        unsearched: list[Diagnostic] = []
        fonts = GuessingFonts()
        try:
            for raw in iter_pages(pdf, options, name, budget):
                page = page_to_lines(
                    raw.number, raw.width, raw.height, raw.chars, raw.rules, raw.images, guessed=fonts.names(pdf)
                )
                pages.append(page)
                tables.extend(
                    table_block(raw.number, bbox, clean_rows(rows, bbox, page.controls), merged, why)
                    for (bbox, rows, merged), why in zip(raw.tables, raw.evidence, strict=True)
                )
                tables.extend(note_blocks(raw.number, raw.notes, page.controls))
                if raw.unsearched:
                    rows, columns = raw.unsearched
                    unsearched.append(
                        make_diagnostic(
                            "tables-not-searched",
                            f"Page {raw.number}: its rulings make a grid of {rows} × {columns} lines, over the "
                            f"table finder's budget of {MAX_TABLE_CROSSINGS} crossings; its text is read as lines, "
                            "not cells.",
                        )
                    )
                del raw
                if time.monotonic() - started > limits.max_seconds:
                    raise LimitExceededError(
                        f"reading took more than {limits.max_seconds:g} s, stopped after page {len(pages)} "
                        "(limits.max_seconds, --timeout)",
                        path=name,
                    )
        finally:
            # Not pdf.close(): it would build every page object just to close them.
            pdf.flush_cache()
            forget_document(pdf)
            pdf.stream.close()
    if options.pages is not None and not pages:
        raise EmptyDocumentError(f"the PDF has {count} page(s): none is in pages={options.pages!r}", path=name)
    reading = Reading(blocks=[], format="pdf", pages=len(pages), metadata=declared)
    reading.diagnostics.extend(unsearched)
    if options.pages is not None:
        reading.diagnostics.extend(unread_pages(options.pages, [page.number for page in pages], count))
    deadline = limit_checker(limits.max_seconds, limits.ocr_seconds_per_page, started, name)
    replaced: list[PageLines] = []
    reading.diagnostics.extend(
        ocr_pages(
            data, pages, mode=options.ocr, password=options.password, name=name, deadline=deadline, replaced=replaced
        )
    )
    reading.extra_seconds = len(replaced) * limits.ocr_seconds_per_page
    check_text_layer(pages, reading, name, *_table_glyphs(tables))
    # A ruled table of a page OCR read instead was found in its text layer: OCR read its cells
    # from the image with the rest of the page, so the layer's table is dropped with the layer.
    ocr_read = {page.number for page in replaced}
    layer_tables = [table for table in tables if table.provenance.regions[0].page in ocr_read]
    tables = [table for table in tables if table.provenance.regions[0].page not in ocr_read]
    sizes: Counter[float] = Counter()
    for page in pages:
        sizes.update(page.sizes)
    # A document whose only text is in tables and annotations has no running lines: any size will do.
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    furniture = remove_furniture(pages, body_size)
    blocks, rejoined = lines_to_blocks([page.lines for page in pages], body_size, [page.width for page in pages])
    if len(blocks) > limits.max_blocks:
        raise LimitExceededError(
            f"the PDF yields {len(blocks)} blocks, over the limit of {limits.max_blocks}", path=name
        )
    reading.blocks, repeated = join_split_tables(
        with_tables(
            mark_size_headings(
                mark_bare_number_headings(nest_bullets(blocks), body_size), body_size, estimated=ocr_read
            ),
            tables,
        ),
        {page.number: page.height for page in pages},
    )
    reading.dropped = sorted(
        [
            *furniture.dropped,
            *control_records(pages),
            *mark_records(pages),
            *replaced_records(replaced, layer_tables),
            *repeated,
        ],
        key=lambda d: (d.provenance.regions[0].page, d.provenance.regions[0].bbox.top),
    )
    reading.diagnostics.extend(furniture.diagnostics)
    reading.diagnostics.extend(rejoined)
    return reading


def control_records(pages: list[PageLines]) -> list[Dropped]:
    """Return one CONTROL record per page holding control or bidi characters, with where they were."""
    out = []
    for page in pages:
        if not page.controls:
            continue
        boxes = [
            PageRegion(
                page=page.number,
                bbox=BBox(x0=round(x0, 2), top=round(top, 2), x1=round(x1, 2), bottom=round(bottom, 2)),
            )
            for _, x0, top, x1, bottom in page.controls
        ]
        provenance = Provenance(regions=(boxes[0],))
        for box in boxes[1:]:
            provenance = provenance.merge(Provenance(regions=(box,)))
        out.append(
            Dropped(
                text="".join(chars for chars, *_ in page.controls), reason=DropReason.CONTROL, provenance=provenance
            )
        )
    return out


def replaced_records(pages: list[PageLines], tables: list[Block]) -> list[Dropped]:
    """Return one TEXT_LAYER record per line of text and per ruled table of the pages OCR read instead."""
    lines = [
        Dropped(text=line.text, reason=DropReason.TEXT_LAYER, provenance=region(line))
        for page in pages
        for line in (*page.lines, *page.rotated)
        if any(ch.isalnum() for ch in line.text)
    ]
    cells = [
        Dropped(text=table.text, reason=DropReason.TEXT_LAYER, provenance=table.provenance)
        for table in tables
        if any(ch.isalnum() for ch in table.text)
    ]
    return [*lines, *cells]


def mark_records(pages: list[PageLines]) -> list[Dropped]:
    """Return one FOOTNOTE_MARK record per superscript note mark taken out of the running text."""
    return [
        Dropped(
            text=text,
            reason=DropReason.FOOTNOTE_MARK,
            provenance=Provenance(
                regions=(
                    PageRegion(
                        page=page.number,
                        bbox=BBox(x0=round(x0, 2), top=round(top, 2), x1=round(x1, 2), bottom=round(bottom, 2)),
                    ),
                )
            ),
        )
        for page in pages
        for text, x0, top, x1, bottom in page.marks
    ]


def clean_rows(
    rows: list[list[str]],
    bbox: tuple[float, float, float, float],
    controls: list[tuple[str, float, float, float, float]],
) -> list[list[str]]:
    """Return a table's cell texts without control characters and with ligatures as letters.

    The controls taken out are added to `controls`, placed at the table's box.
    """
    out = []
    for row in rows:
        cleaned = []
        for cell in row:
            text, dropped = clean_glyph(cell)
            if dropped:
                controls.append((dropped, *bbox))
            cleaned.append(text)
        out.append(cleaned)
    return out


def table_block(
    page: int,
    bbox: tuple[float, float, float, float],
    rows: list[list[str]],
    merged: tuple[tuple[int, int, int, int], ...] = (),
    why: str = "",
) -> Block:
    """Return a TABLE block for a table found on `page`, with its merged cells and, for one found by the
    alignment of its text, the evidence (`Block.info`)."""
    x0, top, x1, bottom = bbox
    return Block(
        text="\n".join("\t".join(row) for row in rows),
        kind=BlockKind.TABLE,
        rows=tuple(tuple(row) for row in rows),
        merged=merged,
        info=why or None,
        provenance=Provenance(regions=(PageRegion(page=page, bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom)),)),
    )


def note_blocks(page: int, notes: list[Note], controls: list[tuple[str, float, float, float, float]]) -> list[Block]:
    """Return a PARAGRAPH block per line of each annotation's text (FreeText, form field value), at its box.

    Control characters are taken out and added to `controls`, placed at the annotation's box.
    """
    out = []
    for text, (x0, top, x1, bottom) in notes:
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            kept, dropped = clean_glyph(line)
            if dropped:
                controls.append((dropped, x0, top, x1, bottom))
            if kept.strip():
                out.append(
                    Block(
                        text=kept.strip(),
                        kind=BlockKind.PARAGRAPH,
                        provenance=Provenance(
                            regions=(PageRegion(page=page, bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom)),)
                        ),
                    )
                )
    return out


def with_tables(blocks: list[Block], tables: list[Block]) -> list[Block]:
    """Return `blocks` with the table blocks inserted where they stand in reading order."""
    if not tables:
        return blocks

    def position(block: Block) -> tuple[int, float]:
        region = block.provenance.regions[0]
        return region.page, region.bbox.top

    out: list[Block] = []
    pending = sorted(tables, key=position)
    for block in blocks:
        while pending and block.provenance.regions and position(pending[0]) <= position(block):
            out.append(pending.pop(0))
        out.append(block)
    return out + pending


def _table_glyphs(tables: list[Block]) -> tuple[int, int]:
    """Return the glyphs of the tables' and annotations' texts and how many of them are garbage (`is_garbage`):
    a ``(cid:N)`` a cell holds is one glyph without Unicode, as it is on a page's lines."""
    glyphs = garbage = 0
    for table in tables:
        cids = len(_CID.findall(table.text))
        rest = [ch for ch in _CID.sub("", table.text) if not ch.isspace()]
        glyphs += cids + len(rest)
        garbage += cids + sum(is_garbage(ch) for ch in rest)
    return glyphs, garbage


def check_text_layer(
    pages: list[PageLines], reading: Reading, name: str | None, outside: int = 0, outside_garbage: int = 0
) -> None:
    """Raise when the document has no usable text; add a DP103 diagnostic per garbled page otherwise.

    `outside` counts the glyphs read apart from the pages' lines: tables' cells and annotations, and
    `outside_garbage` those of them without Unicode. A page whose only text is a table has text; a
    table of ``(cid:N)`` glyphs (rules drawn round unmapped text) does not make a layer usable.
    """
    glyphs = sum(page.glyphs for page in pages) + outside
    garbage = sum(page.garbage for page in pages) + outside_garbage
    if glyphs == 0:
        if any(page.images for page in pages):
            raise NoTextLayerError(
                "there is no extractable text: the pages are images (a scan?); OCR reads them: --ocr always "
                "(ParseOptions(ocr='always')) with the ocr extra",
                path=name,
            )
        raise EmptyDocumentError("the PDF holds no text at all", path=name)
    if garbage >= glyphs * NO_TEXT_SHARE:
        raise NoTextLayerError(
            f"there is no extractable text: {garbage} of {glyphs} glyphs have no Unicode mapping "
            "(fonts without a ToUnicode map); the text needs OCR: --ocr auto (ParseOptions(ocr='auto')) "
            "with the ocr extra",
            path=name,
        )
    for page in pages:
        if page.glyphs and page.garbage >= page.glyphs * GARBLED_PAGE_SHARE:
            provenance = region(page.lines[0]) if page.lines else None
            if page.lines:
                for line in page.lines[1:]:
                    assert provenance is not None
                    provenance = provenance.merge(region(line))
            reading.diagnostics.append(
                make_diagnostic(
                    "garbled-text",
                    f"Page {page.number}: {page.garbage} of {page.glyphs} glyphs have no Unicode mapping "
                    "(a font without a ToUnicode map); its text is not what is printed.",
                    provenance,
                )
            )
