"""Read stage, PDF OCR: pages without a usable text layer → page images → text lines (`Line`).

Optional: needs the ``ocr`` extra (`rapidocr` with `onnxruntime`; pages are rendered by
`pypdfium2`, which pdfplumber already installs). The PP-OCR detection and recognition models
ship inside the rapidocr wheel; the engine is pointed at those files by path, so rapidocr's
download-on-missing code never runs, and onnxruntime's telemetry is switched off before it
loads. Nothing here touches the network.

What OCR gives (a box and a string per detected text run, with a confidence) is turned into
the same `Line` objects the text layer gives, in PDF points, so the paragraph, furniture and
outline stages run unchanged and provenance is page + bbox:

- runs on one row (centres within each other's box) are one line; a wide gap between two runs
  becomes ``\\t``, as in `lines`, except in a justified line of a paragraph (`justified_rows`);
  leader dots (read, or misread as `mmm`) are dropped, so a TOC line reads ``title\\tpage``; a
  TOC page number the detector missed is read again in the margin (`toc_margin`) and then in a
  cell of the column the other numbers share (`page_cells`);
- spaces OCR leaves out between CJK and Latin text (`polyhedral技术`) come back where the image
  shows a blank gap between the two glyphs (`respace`), and a solid `■`/`●` list mark the
  recogniser drops at a line start is put back from the pixels (`leading_mark`);
- the font size comes from the character pitch (box width over the text's width in ems), which
  tells 10.5 from 12 pt where the box height does not; the document's estimates are snapped to
  a few tiers, so the lines of one paragraph have one size (a line spread by justification, or a
  short label of digits whose box is lower than CJK glyphs', keeps the body size);
- a comma between CJK characters is spelt `,`, `, ` or `，` by the blank the image shows above
  it, in the run's character pitch (`comma_widths`): the recogniser reads its shape, not its width;
- what OCR garbles is normalised (`normalise_ocr_text`): spaces between two CJK characters go
  (the house rule), a bracket pair read half one width and half the other is made full-width
  around CJK text, and the width of list-label punctuation (`1)` / `1）`) follows what most
  labels of the document use. Nothing is NFKC-folded: `①` stays `①`. The width of marks other
  than commas is OCR's guess: deciding it from the script around them (`，` between Han
  characters) lost more than it won on the reference call, which sets `,` between Han characters
  in half its topics, and a colon's blank depends on the font (bench/RESULTS.md);
- a running header or footer read slightly differently on each page is spelt like its most
  frequent reading (`unify_running_lines`), and a folio read `-7.` like `- 7 -`, so `furniture`
  recognises them.

Lines below `LOW_CONFIDENCE` are reported as DP108 `ocr-low-confidence`; every OCR'd page gets
a DP107 `ocr-page` (info) with its mean confidence.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import logging
import math
import os
import re
import statistics
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from docparse import worker
from docparse.diagnostics import make_diagnostic
from docparse.errors import CorruptDocumentError, LimitExceededError, OcrUnavailableError
from docparse.model.diagnostic import Diagnostic
from docparse.model.provenance import BBox, PageRegion, Provenance
from docparse.read.pdf.columns import Column, reading_order
from docparse.read.pdf.lines import SPACE_GAP, TAB_GAP, Line, PageLines, group_lines, normalise_leaders
from docparse.vocab.chars import is_cjk
from docparse.vocab.families import CLOSE, DIGIT, HAN_NUMERAL, OPEN, match_numbering
from docparse.vocab.glyphs import LEADER_CHARS, starts_with_bullet
from docparse.vocab.markers import PAGE_LABEL_RE

OcrMode = Literal["auto", "always", "never"]
INSTALL_HINT = "pip install 'docparse-calls[ocr]' (from a checkout: pip install -e '.[ocr]')"

DPI = 200
MAX_SIDE = 2000
"""Pixels on the long side: the recognition model downsizes past 2000 px anyway (rapidocr max_side_len)."""
# A page longer than this many times its width (or the reverse) is a strip, not a page of text: at
# `MAX_SIDE` pixels its short side would be a few dozen pixels, under a line of text.
MAX_ASPECT = 20.0
DET_PER_POINT = 1.6
"""Detection pixels per PDF point (about 115 dpi): 10.5-pt text stands 17 px high, which the detector
finds as well as at 200 dpi for half the CPU and two thirds of the memory; recognition still reads
the full rendering. What it misses at that size (a lone page number, leader dots) `toc_margin` reads."""
DET_SIDE = (640, MAX_SIDE)
REC_BATCH = 1
"""Text boxes recognised in one batch (rapidocr sorts them by width first): larger batches pad more."""
NO_TEXT_SHARE = 0.5
"""A page whose glyphs are at least this share unmappable has no usable text layer (as in `reader`)."""
LOW_CONFIDENCE = 0.8
"""OCR confidence under which a line is reported: clear print scores 0.95-1.0."""
SIZE_SNAP = 0.12
"""Estimates within this share of the body size are the body size (pitch estimates vary by ±5 %)."""
TIER_SNAP = 0.08
MIN_UNITS = 8.0
"""Ems of text below which the pitch alone is too noisy: of it and the box height, the estimate nearer
the body size wins (`Node.js 等。`, 6 ems whose Latin widths are guesses, read 9 pt by its pitch)."""
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"

log = logging.getLogger("docparse.ocr")
"""Per-page progress (INFO): the command line shows it on a terminal."""


@dataclass(slots=True)
class OcrRun:
    """One text run as OCR found it: text, confidence and box in PDF points."""

    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float


def needs_ocr(page: PageLines) -> bool:
    """Return True when the page has no usable text layer: only images, or mostly unmappable glyphs."""
    if page.glyphs == 0:
        return page.images > 0
    return page.garbage >= page.glyphs * NO_TEXT_SHARE


SCAN_SHARE = 0.5
"""Share of the page area images must cover for `auto` to OCR a page without text (a scan, a slide)."""


def image_share(page: Any) -> float:
    """Return the share of a pypdfium2 page's area that its images cover (overlaps counted twice, capped at 1)."""
    import pypdfium2.raw

    width, height = page.get_size()
    area = 0.0
    for image in page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = image.get_bounds()
        area += max(0.0, right - left) * max(0.0, top - bottom)
    return min(1.0, area / max(float(width * height), 1.0))


def ocr_available() -> bool:
    """Return True when the ``ocr`` extra (rapidocr, onnxruntime, pypdfium2) is installed."""
    import importlib.util

    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime", "pypdfium2"))


def ocr_pages(
    data: bytes,
    pages: list[PageLines],
    *,
    mode: OcrMode,
    password: str | None,
    name: str | None,
    deadline: Callable[[int, int, int], None] | None = None,
    replaced: list[PageLines] | None = None,
) -> list[Diagnostic]:
    """Replace in `pages` the pages that need OCR (per `mode`) by their OCR'd lines; return the findings.

    `auto` reads the pages without a usable text layer (mostly unmappable glyphs, or no text and
    images over `SCAN_SHARE` of the page), `always` every page, `never` none.
    Raises `OcrUnavailableError` when pages need OCR and the extra is absent: under `auto` only
    when no page has usable text (otherwise the garbled pages keep their DP103). `deadline` is
    called with the page number, the count of pages OCR'd and the count to OCR after each page (it
    raises when the time budget, which grows with the pages to OCR, is spent). The pages OCR
    replaced are appended to `replaced` as they were read, so that their text layer can be
    recorded as dropped. A PDF pdfium cannot open or render
    raises `CorruptDocumentError`.
    """
    if mode == "never":
        return []
    wanted = [i for i, page in enumerate(pages) if mode == "always" or needs_ocr(page)]
    if not wanted:
        return []
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data, password=password)
    except pypdfium2.PdfiumError as exc:
        raise CorruptDocumentError(f"pdfium cannot open the PDF to render it for OCR ({exc})", path=name) from exc
    try:
        if mode == "auto":
            # A page with no text but a logo is a cover, not a scan: OCR the pages a picture fills.
            wanted = [i for i in wanted if pages[i].glyphs or image_share(document[i]) >= SCAN_SHARE]
            if not wanted:
                return []
        if not ocr_available():
            if mode == "always" or len(wanted) == len(pages):
                raise OcrUnavailableError(
                    f"the text needs OCR ({len(wanted)} of {len(pages)} pages without a usable text layer) and "
                    f"the OCR extra is not installed: {INSTALL_HINT}",
                    path=name,
                )
            return []
        # The budget grows with the pages to OCR: known now, before the first is read (a bounded worker's parent waits).
        (deadline or _no_deadline)(0, 0, len(wanted))
        engine = load_engine()
        runs_by_page: dict[int, list[OcrRun]] = {}
        for count, i in enumerate(wanted, start=1):
            page = pages[i]
            try:
                runs = recognise(engine, document[i], page.width, page.height)
            except pypdfium2.PdfiumError as exc:
                raise CorruptDocumentError(
                    f"pdfium cannot render page {page.number} for OCR ({exc})", path=name
                ) from exc
            runs_by_page[i] = without_leaders(runs)
            log.info("OCR page %d (%d of %d): %d lines", page.number, count, len(wanted), len(runs_by_page[i]))
            if deadline is not None:
                deadline(page.number, count, len(wanted))
    finally:
        document.close()
    all_runs = [run for runs in runs_by_page.values() for run in runs]
    labels = label_widths([run.text for run in all_runs])
    for runs in runs_by_page.values():
        for run in runs:
            run.text = normalise_ocr_text(run.text, labels)
    findings: list[Diagnostic] = []
    new_pages = {i: runs_to_page(pages[i], runs) for i, runs in runs_by_page.items()}
    set_sizes(new_pages)
    unify_running_lines(list(new_pages.values()))
    for i, page in new_pages.items():
        if replaced is not None:
            replaced.append(pages[i])
        pages[i] = page
        findings.extend(page_findings(page, runs_by_page[i]))
    return findings


@functools.cache
def load_engine() -> Any:
    """Return the OCR engine, loaded once per process from the models inside the rapidocr wheel."""
    # Before onnxruntime is imported: recent builds contact a telemetry host on first inference.
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    try:
        import onnxruntime
        import rapidocr
    except ImportError as exc:  # pragma: no cover - ocr_available() checked the specs
        raise OcrUnavailableError(f"the OCR extra cannot be loaded ({exc}): {INSTALL_HINT}", cause=exc) from exc
    onnxruntime.disable_telemetry_events()  # in case the application imported onnxruntime earlier
    models = Path(rapidocr.__file__).parent / "models"
    det, rec = models / DET_MODEL, models / REC_MODEL
    # rapidocr downloads a model it cannot find: refuse instead, there is no network at run time.
    missing = [str(path) for path in (det, rec) if not path.is_file()]
    if missing:
        raise OcrUnavailableError(
            f"the OCR models are not inside the installed rapidocr ({', '.join(missing)}); reinstall: {INSTALL_HINT}"
        )
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return rapidocr.RapidOCR(
        params={
            # The angle classifier turned clear horizontal lines into `( )` or dropped them.
            "Global.use_cls": False,
            "Global.log_level": "error",
            "Global.max_side_len": MAX_SIDE,
            "Det.model_path": str(det),
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_SIDE[1],
            "Rec.model_path": str(rec),
            "Rec.rec_batch_num": REC_BATCH,
            # One thread a model: CPU time, not wall time, is the budget (`--jobs` runs pages of
            # several documents side by side), and idle worker threads spin on a busy machine.
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
    )


def detection_side(width: float, height: float) -> int:
    """Return the long side in pixels at which to detect text on a page of `width` × `height` points."""
    return int(min(max(max(width, height) * DET_PER_POINT, DET_SIDE[0]), DET_SIDE[1]))


def render_scale(page: Any) -> float | None:
    """Return the scale at which to render a pypdfium2 page for OCR: `DPI`, or less so that its long side is at most
    `MAX_SIDE` pixels; None for a page no OCR can read (a side under a pixel, or longer than `MAX_ASPECT` times the
    other: a strip whose short side would render a few pixels high).

    The page's size is pdfium's own: pdfplumber's is clamped (`source.MAX_COORD`), and a 200,000-unit page
    rendered at a scale worked out from the clamped size was 27,800 pixels a side (3.6 GB in the detector).
    """
    width, height = (float(v) for v in page.get_size())
    if not (math.isfinite(width) and math.isfinite(height)) or min(width, height) <= 0:
        return None
    if max(width, height) > MAX_ASPECT * min(width, height):
        return None
    scale = min(DPI / 72, MAX_SIDE / max(width, height))
    return scale if min(width, height) * scale >= 1 else None


def recognise(engine: Any, page: Any, width: float, height: float) -> list[OcrRun]:
    """Return the text runs OCR reads on one pypdfium2 page, boxes in PDF points (top-left origin)."""
    scale = render_scale(page)
    if scale is None:
        log.info("page of %g x %g points not rendered for OCR: outside the pixel and aspect bounds", width, height)
        return []
    bitmap = page.render(scale=scale, grayscale=True)
    image = bitmap.to_numpy()
    rows, cols = image.shape[:2]
    # rapidocr 3 reads the detector's size limit on each call: the page's size sets it.
    detector = engine._load_det_model() if hasattr(engine, "_load_det_model") else None
    if detector is not None and hasattr(detector, "limit_side_len"):
        detector.limit_side_len = detection_side(width, height)
    result = engine(image, return_word_box=True)
    if result.boxes is None or result.txts is None or result.scores is None:
        return []
    sx, sy = width / cols, height / rows
    runs = []
    words = result.word_results if len(result.word_results) == len(result.txts) else [()] * len(result.txts)
    boxes = list(result.boxes)
    angle = skew_angle(boxes)
    if abs(angle) >= SKEW_MIN:
        image, boxes, words = deskew(image, boxes, words, angle)
    for box, text, score, chars in zip(boxes, result.txts, result.scores, words, strict=True):
        xs = [float(point[0]) for point in box]
        ys = [float(point[1]) for point in box]
        text = respace(image, text, chars, min(ys), max(ys)).strip()
        if not text:
            continue
        bulleted = starts_with_bullet(text) or text.startswith(_MIDDLE_DOT)
        if not bulleted and (mark := leading_mark(image, min(xs), min(ys), max(xs), max(ys))):
            text = f"{mark} {text}"
        runs.append(
            OcrRun(
                text=text, score=float(score), x0=min(xs) * sx, top=min(ys) * sy, x1=max(xs) * sx, bottom=max(ys) * sy
            )
        )
    runs.extend(toc_margin(engine, image, runs, sx, sy))
    del image, bitmap
    return runs


TOC_ENTRIES = 3
"""Rows shaped like TOC entries (a numbered title, short) a page needs before its margin is read again."""
TOC_TITLE_CHARS = 40
TRAILING_DOTS = re.compile(r"[.．·・‧…⋯\s]+$")
LEADING_DOTS = re.compile(r"^[.．·・‧…⋯\s]+")
MARGIN_EMS = (5.0, 2.0)
"""Ems left and right of the text's right edge in which a TOC's page numbers are looked for."""


def toc_margin(engine: Any, image: Any, runs: list[OcrRun], sx: float, sy: float) -> list[OcrRun]:
    """Return the runs OCR finds, at full resolution, right of a page's TOC-shaped rows (their page numbers).

    At the detection size a lone page number and a dotted leader are too small to be found: a
    TOC reads as numbered titles (`1.1 机器学习基础理论..`) with nothing on their right, which
    the outline takes for headings. When at least `TOC_ENTRIES` rows in a row are each one
    numbered short run that ends well before the right edge of the text (or that and its page
    number), the band the rows without a number span, right of the titles and then at
    that edge (`MARGIN_EMS`; the right edge mirrors the left one) is read again without
    downsizing: a sliver of the page, so that costs little. The titles and the numbers lose
    the leader dots around them.
    """
    if not runs:
        return []
    right = max(run.x1 for run in runs)
    rows = group_rows(runs)
    # The longest stretch of consecutive rows shaped like entries: a TOC is one block of them.
    # A row whose page number was found counts (it needs no second reading); one without, too.
    block: list[list[OcrRun]] = []
    streak: list[list[OcrRun]] = []
    for row in rows:
        numbered = len(row) == 2 and PAGE_LABEL_RE.match(LEADING_DOTS.sub("", row[1].text)) is not None
        if (
            (len(row) == 1 or numbered)
            and match_numbering(row[0].text) is not None
            and len(row[0].text) <= TOC_TITLE_CHARS
            and row[0].x1 < right - (right - row[0].x0) * 0.25
        ):
            streak.append(row)
            block = max(block, streak, key=len)
        else:
            streak = []
    if len(block) < TOC_ENTRIES:
        return []
    for row in block:
        title = row[0]
        kept = TRAILING_DOTS.sub("", title.text) or title.text
        if kept != title.text:
            # The box spans the dots too: it ends where the title does, or its pitch says a larger size.
            title.x1 = title.x0 + (title.x1 - title.x0) * ems(kept) / ems(title.text)
            title.text = kept
    entries = [row[0] for row in block if len(row) == 1]
    if not entries:
        return []
    top = max(int(min(run.top for run in entries) / sy) - 2, 0)
    bottom = int(max(run.bottom for run in entries) / sy) + 2
    # First the band right of the titles; where that left an entry without a number (the
    # detector read dots and number as one run of dots), a narrow band at the text's right edge,
    # which mirrors its left one.
    found = read_band(
        engine, image, (int(max(run.x1 for run in entries) / sx) + 1, image.shape[1]), (top, bottom), sx, sy
    )
    if any(not on_row(entry, found) for entry in entries):
        em = statistics.median(run.bottom - run.top for run in entries)
        edge = image.shape[1] * sx - min(run.x0 for run in runs)
        left = int(max(max(run.x1 for run in entries), edge - MARGIN_EMS[0] * em) / sx) + 1
        end = int(min(edge + MARGIN_EMS[1] * em, image.shape[1] * sx) / sx)
        more = read_band(engine, image, (left, end), (top, bottom), sx, sy)
        found += [run for run in more if not on_row(run, found)]
    found = [run for run in found if any(on_row(entry, [run]) for entry in entries)]
    return found + page_cells(engine, image, [entry for entry in entries if not on_row(entry, found)], found, sx, sy)


CELL_PAD = 16
"""White pixels around a lone page number read by itself: the detector finds no text that touches the edge."""
CELL_SCALE = 2
CELL_MARGINS = (1.0, 0.3)
"""Ems beside the column of the page numbers found, of the cells in which a missing one is read."""


def page_cells(
    engine: Any, image: Any, entries: list[OcrRun], numbers: list[OcrRun], sx: float, sy: float
) -> list[OcrRun]:
    """Return the page numbers read one by one where the TOC's other page numbers stand, on the rows of `entries`.

    In a band of many rows the detector misses a lone digit now and then (it reads the dots and
    the number as one run of dots, or nothing): the column the found numbers share says where the
    missing ones are. Each is read in a small cell of its row, padded with white and enlarged.
    """
    if not entries or len(numbers) < 2:
        return []

    em = statistics.median(run.bottom - run.top for run in numbers)
    x0, x1 = min(run.x0 for run in numbers), max(run.x1 for run in numbers)
    found = []
    for entry in entries:
        top, bottom = int(max(entry.top / sy - 2, 0)), int(entry.bottom / sy) + 3
        # A wide cell first; then one as narrow as the numbers' column, where dots beside a lone
        # digit made the detector see one run of dots.
        for margin in CELL_MARGINS:
            left = int(max(x0 - margin * em, 0) / sx)
            right = int(min(x1 + margin * em, image.shape[1] * sx) / sx) + 1
            run = read_cell(engine, image, (left, right), (top, bottom))
            if run is not None:
                found.append(
                    OcrRun(
                        text=run.text,
                        score=run.score,
                        x0=(run.x0 + left) * sx,
                        top=(run.top + top) * sy,
                        x1=(run.x1 + left) * sx,
                        bottom=(run.bottom + top) * sy,
                    )
                )
                break
    return found


def read_cell(engine: Any, image: Any, columns: tuple[int, int], rows: tuple[int, int]) -> OcrRun | None:
    """Return the page label OCR reads in a small cell of the page image (padded, enlarged), box in its pixels."""
    import numpy

    cell = image[rows[0] : rows[1], columns[0] : columns[1]]
    if cell.size == 0:
        return None
    cell = numpy.pad(cell, CELL_PAD, constant_values=255).repeat(CELL_SCALE, axis=0).repeat(CELL_SCALE, axis=1)
    for run in read_band(engine, cell, (0, cell.shape[1]), (0, cell.shape[0]), 1.0, 1.0):
        if PAGE_LABEL_RE.match(run.text):
            return OcrRun(
                text=run.text,
                score=run.score,
                x0=run.x0 / CELL_SCALE - CELL_PAD,
                top=run.top / CELL_SCALE - CELL_PAD,
                x1=run.x1 / CELL_SCALE - CELL_PAD,
                bottom=run.bottom / CELL_SCALE - CELL_PAD,
            )
    return None


def on_row(entry: OcrRun, runs: list[OcrRun]) -> bool:
    """Return True when one of `runs` has its vertical centre within `entry`'s box."""
    return any(entry.top <= (run.top + run.bottom) / 2 <= entry.bottom for run in runs)


def read_band(
    engine: Any, image: Any, columns: tuple[int, int], rows: tuple[int, int], sx: float, sy: float
) -> list[OcrRun]:
    """Return the runs OCR reads in a band of the page image at full resolution, without leader dots."""
    (left, end), (top, bottom) = columns, rows
    band = image[top:bottom, left:end]
    if band.size == 0:
        return []
    detector = engine._load_det_model() if hasattr(engine, "_load_det_model") else None
    if detector is not None and hasattr(detector, "limit_side_len"):
        detector.limit_side_len = max(band.shape[:2])
    result = engine(band)
    if result.boxes is None or result.txts is None or result.scores is None:
        return []
    found = []
    for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
        xs = [float(point[0]) + left for point in box]
        ys = [float(point[1]) + top for point in box]
        text = LEADING_DOTS.sub("", text).strip()
        if text:
            found.append(
                OcrRun(
                    text=text,
                    score=float(score),
                    x0=min(xs) * sx,
                    top=min(ys) * sy,
                    x1=max(xs) * sx,
                    bottom=max(ys) * sy,
                )
            )
    return found


SKEW_MIN = 0.1
"""Degrees of page skew from which the boxes are turned level: 0.1° drifts 1 pt over a 600-pt line."""
SKEW_LINES = 3
"""Long boxes (`SKEW_SHAPE` times as wide as high) needed to measure the skew."""
SKEW_SHAPE = 4.0


def skew_angle(boxes: list[Any]) -> float:
    """Return the page's skew in degrees (image coordinates, y down) from the edges of its long text boxes.

    The detector's boxes are quadrilaterals that follow the text (top-left, top-right,
    bottom-right, bottom-left): a scan rotated by 1° gives boxes whose top edges climb 1°. The
    median over the long boxes' top and bottom edges is the page's skew; 0 without enough of them.
    """
    angles: list[float] = []
    for box in boxes:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = ((float(p[0]), float(p[1])) for p in box[:4])
        width, height = math.hypot(x1 - x0, y1 - y0), math.hypot(x3 - x0, y3 - y0)
        if width >= SKEW_SHAPE * max(height, 1.0):
            angles.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
            angles.append(math.degrees(math.atan2(y2 - y3, x2 - x3)))
    if len(angles) < 2 * SKEW_LINES:
        return 0.0
    return statistics.median(angles)


def deskew(image: Any, boxes: list[Any], words: Any, angle: float) -> tuple[Any, list[Any], list[Any]]:
    """Return the page image turned level by `angle` degrees, with the text boxes and character boxes turned alike.

    Recognition reads each box along its own slant, so the text is right on a skewed scan; but
    rows are grouped, gaps measured and sizes taken from level boxes, and on a page turned 1°
    the right end of a line sits a line lower than its left end (a TOC's page number on the
    next entry's row). Turning the image and the boxes by one rotation keeps them in step.
    """
    import cv2
    import numpy

    rows, cols = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((cols / 2, rows / 2), angle, 1.0)
    level = cv2.warpAffine(image, matrix, (cols, rows), flags=cv2.INTER_LINEAR, borderValue=255)

    def turn(points: Any) -> Any:
        return numpy.asarray(points, dtype=float) @ matrix[:, :2].T + matrix[:, 2]

    turned_words = [
        tuple(
            (*item[:2], turn(item[2]), *item[3:]) if len(item) >= 3 and item[2] is not None else item for item in chars
        )
        for chars in words
    ]
    return level, [turn(box) for box in boxes], turned_words


FAINT_INK = 200
"""Grey level under which a pixel counts when measuring gaps: thin serifs and anti-aliased edges included."""
SPACE_INK = 0.2
"""Ems of blank between the inks of two Latin characters that make a space. Without one the glyphs'
side bearings leave up to about 0.17 em (`Au t o D L` at 0.14 on a blurred scan, `PaddleHub`'s `eH` 0.17 on a
clean one); between words the scans of bench/bench_ocr_outline.py show 0.16-0.41 em (`of Language`)."""
SPACE_CAPS = 0.28
"""The same between two capitals, whose shapes leave more blank: `MCU` 0.16-0.24 em on the clean fixture scan,
`ARM Cortex` 0.27-0.36."""
SOLID_INK = 150
SPACE_SOLID = 0.26
"""Between a Latin and a CJK character: ems of blank between their solid inks (under `SOLID_INK`) that make
a space. A blurred scan greys the gap, which `FAINT_INK` counts as ink (the space of `Lite 的` lost);
letters keep the faint measure, their thin strokes would open false gaps (`MC U`). Tuned on
bench/bench_ocr_outline.py's blurred scans."""


BRACKET_BLANK = 0.55
"""Ems of blank beside a bracket from which it is a full-width bracket read as half-width (`)` for `）`, whose
glyph leaves 0.6-0.8 em blank on its open side), not a half-width one with a space (0.3-0.5 em)."""


def respace(image: Any, text: str, chars: Any, top: float, bottom: float) -> str:
    """Return `text` with the spaces the recogniser left out put back where the image has a gap, and each comma
    between two characters spelt as wide as the image shows it (`comma_widths`).

    OCR drops most spaces between CJK and Latin text (`polyhedral 技术` reads `polyhedral技术`)
    and some between Latin words (`ARM Cortex M`) or before a bracket (`学习 (Reinforcement`). Its
    per-character boxes are too rough to measure, but they say where to look: between two
    characters' centres, the widest run of blank pixel columns is the real gap. Only between
    letters, digits and brackets: punctuation carries its own blank (`、`, `，`), and no space ever
    goes between two CJK characters (the house rule).
    """
    items = [(str(item[0]), item[2]) for item in chars if len(item) >= 3 and item[2] is not None and item[0]]
    if len(items) < 2 or "".join(word for word, _ in items) != text.replace(" ", ""):
        return text
    rows = image[int(max(top, 0)) : int(bottom) + 1]
    band = rows < FAINT_INK
    if band.size == 0:
        return text
    ink = band.any(axis=0)
    solid = (rows < SOLID_INK).any(axis=0)
    em = (bottom - top) / 1.2
    out = [items[0][0]]
    position = len(items[0][0])
    for (left, left_box), (right, right_box) in itertools.pairwise(items):
        spaced = text[position : position + 1] == " "
        if spaced:
            position += 1
        position += len(right)
        if not spaced and spaceable(left[-1], right[0]):
            start, end = int(_middle(left_box)), int(_middle(right_box))
            if not (left[-1].isalnum() and right[0].isalnum()):
                # A full-width bracket read half-width carries its own blank of half an em or more.
                spaced = SPACE_SOLID * em <= longest_blank(solid[start:end]) < BRACKET_BLANK * em
            elif is_cjk(left[-1]) or is_cjk(right[0]):
                spaced = longest_blank(solid[start:end]) >= SPACE_SOLID * em
            else:
                # Two capitals stand wider apart than other letters (`M C U` at 0.22 em on a clean scan).
                wide = left[-1].isupper() and right[0].isupper()
                spaced = longest_blank(ink[start:end]) >= (SPACE_CAPS if wide else SPACE_INK) * em
        out.append(" " + right if spaced else right)
    return comma_widths(image, "".join(out), items, top, bottom)


def _middle(box: Any) -> float:
    """Return the horizontal middle of a recogniser's character box (its top edge's two corners)."""
    return (float(box[0][0]) + float(box[1][0])) / 2


COMMAS = {",": "，", "，": "，"}
COMMA_TOP = 0.4
"""Share of the line band, from its top, in which a comma has no ink while the characters around it do."""
COMMA_WIDTHS = (0.62, 1.02)
"""Blank between the characters around a comma, in the run's character pitch: under the first a half-width
comma (`,` about 0.3 em), under the second a half-width comma and a space (`, `), else a full-width `，`
(1 em). Measured on bench/bench_ocr_outline.py's blurred scans of five renderers: 0.41-0.67, 0.65-1.02
(1.09 on a line justified by its spaces), 1.0-1.6."""
PITCH_PAIRS = 3


def comma_widths(image: Any, text: str, items: list[tuple[str, Any]], top: float, bottom: float) -> str:
    """Return `text` with each comma between two CJK characters spelt `,`, `, ` or `，` by the blank the image shows.

    The recogniser reads a comma's shape, not its width: `领域语义模型, 基于` reads `，` and
    `研究,例如` as often `，` as `,`. The width shows in the pixels: above the comma (the top of the
    line band, where it has no ink) the blank between the characters around it is about 0.4 of
    the character pitch for `,`, 0.7-1.0 for `, ` and 1.1 or more for `，`. The pitch is the median
    distance between the middles of neighbouring CJK characters of the run (the recogniser's
    boxes are rough one by one, not in the median); a run with fewer than `PITCH_PAIRS` such pairs
    keeps what OCR read.
    """
    if not any(ch in COMMAS for ch in text):
        return text
    middles = [(word, _middle(box)) for word, box in items]
    pitches = sorted(
        b - a for (x, a), (y, b) in itertools.pairwise(middles) if len(x) == len(y) == 1 and _han(x) and _han(y)
    )
    if len(pitches) < PITCH_PAIRS:
        return text
    pitch = statistics.median(pitches)
    inked = (image[int(max(top, 0)) : int(top + (bottom - top) * COMMA_TOP) + 1] < SOLID_INK).any(axis=0)
    # One entry per comma of the text, in order: its spelling, or "" to keep what OCR read.
    widths: list[str] = []
    for n, (word, _) in enumerate(middles):
        if word in COMMAS and 0 < n < len(middles) - 1 and _han(middles[n - 1][0][-1]) and _han(middles[n + 1][0][0]):
            blank = longest_blank(inked[int(middles[n - 1][1]) : int(middles[n + 1][1])]) / pitch
            widths.append("," if blank < COMMA_WIDTHS[0] else ", " if blank < COMMA_WIDTHS[1] else "，")
        else:
            widths.extend("" for ch in word if ch in COMMAS)
    if not any(widths):
        return text
    spelt = iter(widths)

    def spell(match: re.Match[str]) -> str:
        width = next(spelt, "")
        return width or match.group(0)

    return re.sub(r"[,，] ?", spell, text)


def _han(text: str) -> bool:
    """Return True for a CJK character that is not punctuation (a Han character, kana, hangul)."""
    return len(text) == 1 and is_cjk(text) and unicodedata.category(text).startswith("L")


def spaceable(left: str, right: str) -> bool:
    """Return True when a space may stand between `left` and `right`: letters, digits or a half-width bracket
    (`学习 (Reinforcement`, `) 和`) opening after or closing before one, not both CJK."""
    left_ok = left.isalnum() or left in ")]"
    right_ok = right.isalnum() or right in "(["
    return left_ok and right_ok and not (is_cjk(left) and is_cjk(right)) and (left.isalnum() or right.isalnum())


def longest_blank(columns: Any) -> int:
    """Return the longest run of False in a 1-D boolean array."""
    best = run = 0
    for inked in columns:
        run = 0 if inked else run + 1
        best = max(best, run)
    return best


# OCR reads a small round bullet as a middle dot.
_MIDDLE_DOT = "·"
INK = 128
"""Grey level under which a pixel is ink."""
SOLID_RUN = 0.45
SOLID_WIDTH = 0.3
"""A filled mark: columns over SOLID_WIDTH of the box height wide, each inked over SOLID_RUN of it."""


def leading_mark(image: Any, x0: float, top: float, x1: float, bottom: float) -> str | None:
    """Return ``■`` or ``●`` when the box starts with a filled square or disc that OCR left out, else None.

    The recogniser drops a solid list mark at the start of a line (`■ 深度学习在 Web 端…` reads
    `深度学习在 Web 端…`). A glyph's strokes are thin, so only a mark fills a block of columns
    each inked over about half the line height; its fill of its bounding box tells square from disc.
    """
    import numpy

    height = bottom - top
    left, right = int(max(x0, 0)), int(min(x0 + height * 1.5, x1, image.shape[1]))
    band = image[int(max(top, 0)) : int(bottom) + 1, left:right] < INK
    if band.size == 0:
        return None
    columns = band.sum(axis=0)
    inked = numpy.flatnonzero(columns > 0)
    if not len(inked):
        return None
    start = int(inked[0])
    end = start
    while end < band.shape[1] and columns[end] >= SOLID_RUN * height:
        end += 1
    if end - start < SOLID_WIDTH * height:
        return None
    block = band[:, start:end]
    rows = numpy.flatnonzero(block.any(axis=1))
    box = block[rows[0] : rows[-1] + 1]
    # Blank columns right of the mark (after an anti-aliased edge): it stands apart from the text.
    edge = end
    while edge < band.shape[1] and edge - end <= height * 0.1 and columns[edge]:
        edge += 1
    if edge >= band.shape[1] or columns[edge : edge + max(1, int(height * 0.1))].any():
        return None
    fill = float(box.mean())
    return "■" if fill > 0.9 else "●" if fill > 0.7 else None


# --- text normalisation -------------------------------------------------------------------

LABEL = re.compile(rf"^({OPEN}?)({DIGIT}{{1,3}}|{HAN_NUMERAL}{{1,3}})({CLOSE})")
PAIRS = {"(": "（", ")": "）"}


def label_widths(texts: list[str]) -> dict[str, str]:
    """Return the closing bracket most list labels (`1)`, `(1)`, `（一）`) of the document use, per shape."""
    votes: dict[str, Counter[str]] = {}
    for text in texts:
        found = LABEL.match(text)
        if found:
            votes.setdefault("open" if found.group(1) else "close", Counter())[found.group(3)] += 1
    return {shape: counter.most_common(1)[0][0] for shape, counter in votes.items()}


FOLIO = re.compile(r"^[-–—~.·,]\s*(\d{1,4})\s*[-–—~.·,]$")
"""A page number between dashes as OCR may read it: `- 7 -` as `-7.` or `.7-`."""


def normalise_folio(line: Line, page: PageLines) -> None:
    """Spell a short line at the page foot or head that reads like `-7.` as the page number `- 7 -` it is."""
    found = FOLIO.match(line.text.strip())
    if found and (line.top >= page.height * 0.8 or line.bottom <= page.height * 0.2):
        line.text = f"- {found.group(1)} -"
        line.bold = [False] * len(line.text)


def normalise_ocr_text(text: str, labels: dict[str, str]) -> str:
    """Return OCR'd `text` with what OCR garbles made consistent; never NFKC-folded."""
    text = re.sub(r"(?<=\S) +(?=\S)", lambda m: _space(text, m.start(), m.end()), text)
    found = LABEL.match(text)
    if found:
        shape = "open" if found.group(1) else "close"
        close = labels.get(shape, found.group(3))
        opening = found.group(1) and ("（" if close == "）" else "(")
        text = f"{opening}{found.group(2)}{close}{text[found.end() :]}"
    return mixed_pairs(text)


def _space(text: str, start: int, end: int) -> str:
    # OCR puts a space between two CJK characters where the print has a wide glyph: never keep it.
    return "" if is_cjk(text[start - 1]) and is_cjk(text[end]) else " "


def mixed_pairs(text: str) -> str:
    """Return `text` with a bracket pair read as `(…）` or `（…)` in CJK text (inside or before it) made full-width."""

    def fix(match: re.Match[str]) -> str:
        opening, inside, closing = match.group(1), match.group(2), match.group(3)
        before = text[match.start() - 1 : match.start()]
        if (opening == "(") == (closing == ")") or not any(is_cjk(ch) for ch in before + inside):
            return match.group(0)
        return f"（{inside}）"

    return re.sub(r"([(（])([^()（）]*)([)）])", fix, text)


# --- runs → lines -------------------------------------------------------------------------


def ems(text: str) -> float:
    """Return the width of `text` in ems, by character class (wide CJK 1, Latin about 0.5)."""
    total = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            total += 1.0
        elif ch.isspace():
            total += 0.25
        elif ch in ".,:;'|!il()[]-":
            total += 0.3
        elif ch.isupper() or ch in "mwMW@%":
            total += 0.7
        else:
            total += 0.5
    return total


def group_rows(runs: list[OcrRun]) -> list[list[OcrRun]]:
    """Return the runs grouped into rows, top to bottom, each ordered left to right."""
    rows: list[list[OcrRun]] = []
    band = (0.0, 0.0)
    for run in sorted(runs, key=lambda r: r.top + r.bottom):
        middle = (run.top + run.bottom) / 2
        if rows and (band[0] <= middle <= band[1] or run.top <= (band[0] + band[1]) / 2 <= run.bottom):
            rows[-1].append(run)
            band = (min(band[0], run.top), max(band[1], run.bottom))
            continue
        rows.append([run])
        band = (run.top, run.bottom)
    for row in rows:
        row.sort(key=lambda r: r.x0)
    return rows


LEADER_RUN = re.compile(rf"^[{LEADER_CHARS}\s]+$")


def without_leaders(runs: list[OcrRun]) -> list[OcrRun]:
    """Return `runs` without the runs of leader dots inside a row (a TOC's `……` between title and page).

    The text layer's leaders become one tab (`lines.normalise_leaders`); here the gap the dots
    leave does the same. A dot run that starts its row is text, and stays.
    """
    kept: list[OcrRun] = []
    for row in group_rows(runs):
        kept.append(row[0])
        kept.extend(run for n, run in enumerate(row[1:], start=1) if not is_leader(run, last=n == len(row) - 1))
    return kept


def is_leader(run: OcrRun, *, last: bool) -> bool:
    """Return True for a run of leader dots, or of what OCR made of them (`.mm mmmm mm`, read unsure).

    A misread leader is a long run of one or two characters repeated, read with low confidence,
    with more text after it on the row (the page number).
    """
    if LEADER_RUN.match(run.text):
        return True
    letters = run.text.replace(" ", "")
    return not last and run.score < LOW_CONFIDENCE and len(letters) >= 8 and len(set(letters)) <= 2


def row_line(page: PageLines, row: list[OcrRun], *, justified: bool = False) -> Line:
    """Return the `Line` of one row of runs, with a provisional size (`set_sizes` fixes it).

    A wide gap is a tab, unless the row is a `justified` line of a paragraph, whose stretched
    spaces OCR cuts it at (`Paddle<gap>Lite`): there it is a space (none between CJK characters).
    """
    units = sum(ems(run.text) for run in row)
    width = sum(run.x1 - run.x0 for run in row)
    size = width / units if units else max(run.bottom - run.top for run in row)
    parts = [row[0].text]
    for prev, run in itertools.pairwise(row):
        gap = run.x0 - prev.x1
        if gap > TAB_GAP * size and not justified:
            parts.append("\t")
        elif gap > SPACE_GAP * size and not (is_cjk(prev.text[-1]) and is_cjk(run.text[0])):
            parts.append(" ")
        parts.append(run.text)
    text = "".join(parts)
    first = row[0]
    # As in `lines`: the first word ends at a space or at the first CJK character (`1)` of `1)领域`).
    head = re.split(r"\s", first.text, maxsplit=1)[0]
    head = head[:1] if is_cjk(head) else next((head[:i] for i, ch in enumerate(head) if is_cjk(ch)), head)
    per_em = (first.x1 - first.x0) / max(ems(first.text), 0.1)
    space = re.search(r"\s(?=\S)", first.text)
    second_x0 = first.x0 + ems(first.text[: space.end()]) * per_em if space else (row[1].x0 if len(row) > 1 else None)
    line = Line(
        page=page.number,
        x0=first.x0,
        top=min(run.top for run in row),
        x1=row[-1].x1,
        bottom=max(run.bottom for run in row),
        text=text,
        bold=[False] * len(text),
        size=size,
        first_word_width=ems(head) * per_em,
        second_word_x0=second_x0,
    )
    normalise_leaders(line)
    return line


def run_size(run: OcrRun) -> float:
    """Return a run's font size in points: its pitch over enough text, else its box height (about 1.3 em)."""
    units = ems(run.text)
    return (run.x1 - run.x0) / units if units >= MIN_UNITS else (run.bottom - run.top) / 1.3


def ordered_rows(runs: list[OcrRun]) -> list[tuple[list[OcrRun], Column]]:
    """Return the runs in rows in reading order, a two-column region column by column (as `columns` reads glyphs)."""
    boxes = [
        {"text": run.text, "x0": run.x0, "x1": run.x1, "top": run.top, "bottom": run.bottom, "size": run_size(run)}
        for run in runs
    ]
    return [([runs[i] for i in row], column) for row, column in reading_order(boxes, group_lines(boxes), group_lines)]


def runs_to_page(page: PageLines, runs: list[OcrRun]) -> PageLines:
    """Return a copy of `page` whose lines are the OCR'd rows (rules, image count, note marks and controls kept)."""
    lines = []
    rows = ordered_rows(runs)
    full = justified_rows([row for row, _ in rows])
    for n, (row, column) in enumerate(rows):
        line = row_line(page, row, justified=n in full)
        line.column = column
        normalise_folio(line, page)
        lines.append(line)
    glyphs = sum(1 for line in lines for ch in line.text if not ch.isspace())
    return PageLines(
        number=page.number,
        width=page.width,
        height=page.height,
        lines=lines,
        rules=page.rules,
        glyphs=glyphs,
        images=page.images,
        # What the text layer gave that was already taken out of its text stays recorded.
        marks=page.marks,
        controls=page.controls,
    )


def justified_rows(rows: list[list[OcrRun]]) -> set[int]:
    """Return the indexes of the rows that are justified lines of a paragraph, cut by OCR at a stretched space.

    Such a row runs from the text's left edge to its right edge (within an em: the widest rows of
    the page set both), is cut into several runs, ends in words rather than a page number (a TOC
    line reaches the right edge too), the next row starts at the same left edge (the paragraph
    goes on), and the row above or below fills the measure too, in the same size (a slide's
    title and logo on one row stand alone). A table row whose last cell reaches the right edge is
    followed by its cell's next line, which starts at that cell, not at the left edge.
    """
    if len(rows) < 2:
        return set()
    left = min(row[0].x0 for row in rows)
    right = max(row[-1].x1 for row in rows)
    found = set()

    def spans(row: list[OcrRun], em: float) -> bool:
        return row[0].x0 - left <= em and right - row[-1].x1 <= em

    def height(row: list[OcrRun]) -> float:
        return statistics.median(run.bottom - run.top for run in row)

    for n, row in enumerate(rows):
        em = height(row)
        below = rows[n + 1] if n + 1 < len(rows) else None
        # A line of the same paragraph above or below fills the measure as well, in the same size.
        full = [
            other
            for other in (rows[n - 1] if n else None, below)
            if other and spans(other, em) and abs(height(other) - em) <= em * 0.2
        ]
        if (
            len(row) > 1
            and spans(row, em)
            and below is not None
            and below[0].x0 - left <= em
            and full
            and PAGE_LABEL_RE.match(row[-1].text.strip()) is None
        ):
            found.add(n)
    return found


def set_sizes(pages: dict[int, PageLines]) -> None:
    """Snap the lines' estimated sizes to the document's tiers; set each line's box to its size.

    A line of a few characters (`交流。` ending a paragraph) has too few ems for its pitch to say
    much: its size comes from its box height, scaled by what height means in ems on the long lines.
    """
    lines = [line for page in pages.values() for line in page.lines]
    if not lines:
        return
    long_lines = [line for line in lines if ems(line.text) >= 10] or lines
    ratios = sorted(line.size / max(line.bottom - line.top, 0.1) for line in long_lines)
    per_height = ratios[len(ratios) // 2]
    body = sorted(line.size for line in long_lines)[len(long_lines) // 2]
    estimate: dict[int, float] = {}
    for line in lines:
        if ems(line.text) >= MIN_UNITS:
            # A line justified by spreading its characters (LibreOffice's CJK justification) has
            # a wider pitch than its size: when its box says body size, it is body text.
            by_height = (line.bottom - line.top) * per_height
            stretched = line.size > body and abs(by_height - body) <= body * SIZE_SNAP
            estimate[id(line)] = body if stretched else line.size
        else:
            # Either measure may be off on a few characters: the one nearer the body size wins,
            # since a short line is most often the last line of a paragraph.
            by_height = (line.bottom - line.top) * per_height
            estimate[id(line)] = min((line.size, by_height), key=lambda size: abs(size - body))
    tiers: list[list[float]] = []
    for size in sorted(size for size in estimate.values() if abs(size - body) > body * SIZE_SNAP):
        if tiers and size <= tiers[-1][0] * (1 + TIER_SNAP):
            tiers[-1].append(size)
        else:
            tiers.append([size])
    snapped = {size: round(group[len(group) // 2] * 2) / 2 for group in tiers for size in group}
    body_size = round(body * 2) / 2
    for page in pages.values():
        for line in page.lines:
            raw = estimate[id(line)]
            size = body_size if abs(raw - body) <= body * SIZE_SNAP or under_read(line, raw, body) else snapped[raw]
            middle = (line.top + line.bottom) / 2
            # A glyph box as the text layer gives it: the font size high, centred on the OCR box.
            line.size, line.top, line.bottom = size, middle - size / 2, middle + size / 2
            page.sizes[size] += sum(1 for ch in line.text if not ch.isspace())


LATIN_SNAP = 0.25
"""Share under the body size within which a short line without CJK (`6)`, `2021`) is body text: its box is
digits' and Latin letters' height, lower than the CJK glyphs' box the height ratio was measured on."""


def under_read(line: Line, raw: float, body: float) -> bool:
    """Return True when `line` is short, has no CJK and measures under the body size by less than `LATIN_SNAP`.

    Such a line's size comes from its box height (too few ems for its pitch), scaled by what a
    box's height means on the long lines, which are CJK: a label `6)` alone on its line (its text
    on the next, where a renderer breaks only at spaces) read 7.5 pt in 9-pt text and lost its list.
    """
    return abs(raw - body) < body * LATIN_SNAP and ems(line.text) < MIN_UNITS and not any(map(is_cjk, line.text))


RUNNING_PAGES = 3
"""Pages a spelling must head (or foot) before nearly equal readings elsewhere are spelt like it."""


def unify_running_lines(pages: list[PageLines], ratio: float = 0.8) -> None:
    """Spell a running header or footer the same on every page where OCR read it nearly the same.

    `furniture` finds running lines by exact repetition (digits masked); OCR reads the same
    header a character differently here and there. Among the first two and the last two lines of
    each page (in the top or bottom fifth), a reading within `ratio` of a spelling found on at
    least `RUNNING_PAGES` pages (and half of them) takes that spelling.
    """
    if len(pages) < RUNNING_PAGES:
        return
    for top in (True, False):
        edge = [
            line
            for page in pages
            for line in (page.lines[:2] if top else page.lines[-2:])
            if (line.bottom <= page.height * 0.2 if top else line.top >= page.height * 0.8)
        ]
        on_pages: dict[str, set[int]] = {}
        for line in edge:
            on_pages.setdefault(line.text, set()).add(line.page)
        common = [text for text, seen in on_pages.items() if len(seen) >= max(RUNNING_PAGES, len(pages) // 2)]
        for line in edge:
            if line.text in common:
                continue
            best = max(common, key=lambda text: difflib.SequenceMatcher(None, line.text, text).ratio(), default=None)
            if best is not None and difflib.SequenceMatcher(None, line.text, best).ratio() >= ratio:
                line.text, line.bold = best, [False] * len(best)


def page_findings(page: PageLines, runs: list[OcrRun]) -> list[Diagnostic]:
    """Return the DP107 page note and a DP108 per low-confidence run of one OCR'd page."""
    number = page.number
    whole = Provenance(
        regions=(
            PageRegion(page=number, bbox=BBox(x0=0, top=0, x1=round(page.width, 2), bottom=round(page.height, 2))),
        )
    )
    if not runs:
        return [make_diagnostic("ocr-page", f"Page {number} was read by OCR and gave no text.", whole)]
    mean = sum(run.score for run in runs) / len(runs)
    found = [
        make_diagnostic(
            "ocr-page", f"Page {number} was read by OCR: {len(runs)} text runs, mean confidence {mean:.2f}.", whole
        )
    ]
    for run in runs:
        if run.score < LOW_CONFIDENCE:
            box = BBox(x0=round(run.x0, 2), top=round(run.top, 2), x1=round(run.x1, 2), bottom=round(run.bottom, 2))
            found.append(
                make_diagnostic(
                    "ocr-low-confidence",
                    f"Page {number}: OCR is unsure of {run.text[:40]!r} (confidence {run.score:.2f}).",
                    Provenance(regions=(PageRegion(page=number, bbox=box),)),
                )
            )
    return found


def _no_deadline(page: int, done: int, wanted: int) -> None:
    """Check nothing: OCR without a time budget."""


def limit_checker(
    max_seconds: float, per_page: float, started: float, name: str | None
) -> Callable[[int, int, int], None]:
    """Return a callback ``(page, pages OCR'd so far, pages to OCR)`` raising `LimitExceededError` past the budget.

    OCR counts against the one time budget of the parse, which grows with the pages that need
    it: `max_seconds` plus `per_page` seconds for each page to OCR (a page takes seconds of CPU,
    and many more of wall time on a busy machine).
    """

    def check(page: int, done: int, wanted: int) -> None:
        budget = max_seconds + wanted * per_page
        worker.extend_deadline(started + budget, budget)  # a bounded worker's parent waits as long
        if time.monotonic() - started > budget:
            raise LimitExceededError(
                f"reading took more than {budget:g} s ({max_seconds:g} s and {per_page:g} s for each of {wanted} "
                f"pages to OCR), stopped after OCR of page {page} ({done} pages OCR'd; raise limits.max_seconds, "
                "--timeout, or limits.ocr_seconds_per_page, --ocr-seconds)",
                path=name,
            )

    return check
