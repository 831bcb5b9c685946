"""PDF limits inside the work: an interpreter that counts operations, watches the clock, inflates with a cap.

Checking ``max_seconds`` between pages is not enough: one page of nested form XObjects (10 per
level, 9 levels, 3.4 KB) makes pdfminer interpret a billion operations, and a 584 KB Flate
stream inflates to 600 MB of ``q Q``. pdfminer's `PDFPageInterpreter.execute` parses a content
stream object by object, pushing operands (`push`) and calling ``do_<operator>`` methods; a form
XObject (`do_Do`) runs a sub-interpreter made by `dup`. So the subclass here counts every
operand and operator, every glyph the device draws and every form entered, checks the clock
every `CLOCK_EVERY` counts, and inflates each content stream itself with a cap before pdfminer
reads it. The content is tokenized by `content.py` (pdfminer's parser when that cannot be exact).

The other streams pdfminer decodes on its own (object and cross-reference streams, ToUnicode
CMaps, font files) spend the same budget: while a document is read (`spending`), pdfminer's
`PDFStream.decode` goes through `Budget.inflate` first, which decodes Flate, LZW, ASCIIHex and
ASCII85 stages with the cap, so a 1 MB object stream that inflates to 1.2 GB is refused in 64 KB
steps. LZW is decoded here (`lzw_decode`), linear in its output, in place of pdfminer's, which
copies its whole table at every code (quadratic once a table that is never cleared fills). A CMap
is parsed by `BudgetedCMapParser`, which checks the clock as it reads tokens and refuses an
operand stack no CMap needs (a bfchar block holds at most 100 entries).
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pdfminer import pdffont, pdftypes
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.cmapdb import CMapParser
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    PDFStream,
    stream_value,
)

from docparse.errors import LimitExceededError
from docparse.options import Limits
from docparse.read.pdf import content

INFLATE_CHUNK = 64 * 1024
CLOCK_EVERY = 4096
"""Counts between two looks at the clock (a look costs about as much as 50 counts)."""

# PDF 1.7 (Annex C) gives 28 as the q/Q nesting a reader must support; real files stay far below
# 100. Deeper saves are not kept (the graphics state of 600 MB of `q` would fill the memory).
MAX_SAVED_STATES = 256
# A CMap's operands wait on the stack until their keyword: a bfchar or bfrange block holds at most
# 100 entries (PDF 32000-1, 9.10.3), three operands each; far more is an attack (12 M tokens, 2.6 GB).
MAX_CMAP_OPERANDS = 100_000


class Budget:
    """What one document may still spend: operations, inflated bytes, time."""

    def __init__(self, limits: Limits, name: str | None, started: float | None = None) -> None:
        self.limits = limits
        self.name = name
        self.deadline = (time.monotonic() if started is None else started) + limits.max_seconds
        self.operations = 0
        self.page_operations = 0
        self.page = 0
        self.inflated = 0
        self._next_clock = CLOCK_EVERY
        self._decoded: set[tuple[int, int]] = set()
        """Streams pdfminer decoded and this budget counted, by object number: a cached object read again
        (a font file on every page) is counted once."""

    def start_page(self, number: int) -> None:
        self.page = number
        self.page_operations = 0

    def tick(self, count: int = 1) -> None:
        """Count `count` operations; raise `LimitExceededError` past a limit or the deadline."""
        self.operations += count
        self.page_operations += count
        if self.operations < self._next_clock:
            return
        self._next_clock = self.operations + CLOCK_EVERY
        limits = self.limits
        if self.page_operations > limits.max_page_operations:
            raise LimitExceededError(
                f"page {self.page} needs more than {limits.max_page_operations} content operations "
                "(limits.max_page_operations)",
                path=self.name,
            )
        if self.operations > limits.max_operations:
            raise LimitExceededError(
                f"the PDF needs more than {limits.max_operations} content operations (limits.max_operations)",
                path=self.name,
            )
        self.check_clock()

    def objects_left(self) -> int:
        """Return how many content objects a page may still hold before a limit stops it (bounds a parsed list)."""
        limits = self.limits
        left = min(limits.max_page_operations - self.page_operations, limits.max_operations - self.operations)
        return max(left, 0) + CLOCK_EVERY  # `tick` looks at the limits every CLOCK_EVERY counts

    def check_clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceededError(
                f"reading took more than {self.limits.max_seconds:g} s, stopped in page {self.page} "
                "(limits.max_seconds, --timeout)",
                path=self.name,
            )

    def inflate(self, stream: PDFStream) -> None:
        """Decode a stream's filters with what is left of `max_decompressed_bytes`, before pdfminer does.

        A chain of Flate, LZW, ASCIIHex and ASCII85 without predictors is decoded here whole and
        handed to pdfminer; a chain with predictors (``DecodeParms``) is decoded here only to be
        measured, stage by stage (a predictor never makes data larger), and left to pdfminer; what
        follows a filter not decoded here (images, RunLength) is left as it was. pdfminer inflated
        each Flate stage whole: a 50 KB chain reached 2.9 GB.
        """
        if stream.data is not None or stream.rawdata is None:
            return
        filters = stream.get_filters()
        if not filters:
            return
        data = _deciphered(stream)
        if data is None:
            return
        left = self.limits.max_decompressed_bytes - self.inflated
        complete = True
        try:
            for name, params in filters:
                complete = complete and not params
                if name in LITERALS_FLATE_DECODE:
                    if _inflated_size(data, left) > left:
                        self._over_inflated()
                    data = zlib.decompressobj().decompress(data)
                elif name in LITERALS_LZW_DECODE:
                    data = lzw_decode(data, left)
                elif name in LITERALS_ASCIIHEX_DECODE:
                    data = asciihexdecode(data)
                elif name in LITERALS_ASCII85_DECODE:
                    data = ascii85decode(data)
                else:
                    return
                if len(data) > left:  # the count stops when the input ends; zlib may hold a little more
                    self._over_inflated()
        except (zlib.error, ValueError):
            return  # damaged: pdfminer's own recovery reads what it can
        if complete:
            stream.data, stream.rawdata = data, None
            stream._docparse_counted = True  # type: ignore[attr-defined]
            self.inflated += len(data)

    def count_decoded(self, stream: PDFStream) -> None:
        """Count a stream pdfminer decoded outside a page's content (object stream, CMap, font file), once."""
        key = (stream.objid, stream.genno)
        if stream.data is None or getattr(stream, "_docparse_counted", False):
            return
        stream._docparse_counted = True  # type: ignore[attr-defined]
        if key[0] is not None and key[1] is not None:
            if key in self._decoded:
                return
            self._decoded.add((key[0], key[1]))
        self.inflated += len(stream.data)
        if self.inflated > self.limits.max_decompressed_bytes:
            self._over_inflated()

    def count_inflated(self, stream: PDFStream) -> None:
        """Count a stream pdfminer decoded itself, checking the total."""
        if stream.data is not None and not getattr(stream, "_docparse_counted", False):
            stream._docparse_counted = True  # type: ignore[attr-defined]
            self.inflated += len(stream.data)
            if self.inflated > self.limits.max_decompressed_bytes:
                self._over_inflated()

    def _over_inflated(self) -> None:
        raise LimitExceededError(
            f"the PDF's streams inflate to more than {self.limits.max_decompressed_bytes} bytes "
            "(limits.max_decompressed_bytes)",
            path=self.name,
        )


def _deciphered(stream: PDFStream) -> bytes | None:
    """Return the stream's raw bytes, decrypted where the document is; None when they cannot be had."""
    data = stream.rawdata
    if data is None or stream.decipher is None:
        return data
    if stream.objid is None or stream.genno is None:
        return None
    return stream.decipher(stream.objid, stream.genno, data, stream.attrs)


def _inflated_size(data: bytes, limit: int) -> int:
    """Return how many bytes `data` inflates to, counting in chunks and stopping past `limit`.

    Counting first keeps a bomb from ever being held: 600 MB of `q Q` is refused in 64 KB steps.
    """
    inflater = zlib.decompressobj()
    size, pending = 0, data
    while pending and size <= limit:
        size += len(inflater.decompress(pending, INFLATE_CHUNK))
        pending = inflater.unconsumed_tail
        if inflater.eof:
            break
    return size


def lzw_decode(data: bytes, limit: int) -> bytes:
    """Return `data` LZW-decoded as pdfminer's `lzwdecode` would, in time linear in the output; raise
    `LimitExceededError` past `limit` bytes of output.

    Codes are 9 to 12 bits, widening one entry early (``EarlyChange`` 1, as pdfminer reads them); 256
    clears the table, 257 ends the data; a code out of the table ends it too, as in pdfminer. Entries
    past 4,095 cannot be named by a 12-bit code: they are not kept (pdfminer kept them and copied its
    table at every code). Data before the first clear code starts from a fresh table.
    """
    out: list[bytes] = []
    size = 0
    table = [bytes((c,)) for c in range(256)] + [b"", b""]
    previous = b""
    width = 9
    bits = 0
    count = 0
    for byte in data:
        bits = (bits << 8) | byte
        count += 8
        while count >= width:
            count -= width
            code = (bits >> count) & ((1 << width) - 1)
            bits &= (1 << count) - 1
            if code == 256:
                table = [bytes((c,)) for c in range(256)] + [b"", b""]
                previous, width = b"", 9
                continue
            if code == 257:
                return b"".join(out)
            if not previous:
                if code >= len(table):
                    return b"".join(out)
                entry = table[code]
            elif code < len(table):
                entry = table[code]
                if len(table) < 4096:
                    table.append(previous + entry[:1])
            elif code == len(table):
                entry = previous + previous[:1]
                if len(table) < 4096:
                    table.append(entry)
            else:
                return b"".join(out)  # a code out of the table: corrupt, the rest is not read
            length = len(table)
            width = 12 if length >= 2047 else 11 if length >= 1023 else 10 if length >= 511 else 9
            previous = entry
            size += len(entry)
            if size > limit:
                raise LimitExceededError(
                    f"an LZW stream decodes to more than {limit} bytes (limits.max_decompressed_bytes)"
                )
            out.append(entry)
    return b"".join(out)


_SPENDING: ContextVar[Budget | None] = ContextVar("docparse_pdf_budget", default=None)


@contextmanager
def spending(budget: Budget) -> Iterator[Budget]:
    """Make pdfminer's own stream decoding and CMap parsing spend `budget` while the block runs."""
    token = _SPENDING.set(budget)
    try:
        yield budget
    finally:
        _SPENDING.reset(token)


_pdfminer_decode = PDFStream.decode


def _budgeted_decode(self: PDFStream) -> None:
    budget = _SPENDING.get()
    if budget is not None:
        budget.inflate(self)
    if self.data is None:
        _pdfminer_decode(self)
    if budget is not None:
        budget.count_decoded(self)


def _pdfminer_lzwdecode(data: bytes) -> bytes:
    budget = _SPENDING.get()
    limits = budget.limits if budget is not None else Limits()
    left = limits.max_decompressed_bytes - (budget.inflated if budget is not None else 0)
    try:
        return lzw_decode(data, left)
    except LimitExceededError as exc:
        exc.path = budget.name if budget is not None else None
        raise


class BudgetedCMapParser(CMapParser):
    """pdfminer's CMap parser, looking at the clock every `CLOCK_EVERY` tokens and bounding its operand stack."""

    _read_tokens = 0

    def nexttoken(self) -> Any:
        self._read_tokens += 1
        if self._read_tokens % CLOCK_EVERY == 0:
            budget = _SPENDING.get()
            if budget is not None:
                budget.check_clock()
            if len(self.curstack) > MAX_CMAP_OPERANDS:
                raise LimitExceededError(
                    f"a font's CMap stacks more than {MAX_CMAP_OPERANDS} operands",
                    path=budget.name if budget is not None else None,
                )
        return super().nexttoken()


# Installed once, for every document: outside `spending` the decoding is pdfminer's (LZW linear).
PDFStream.decode = _budgeted_decode  # type: ignore[method-assign]
pdftypes.lzwdecode = _pdfminer_lzwdecode  # type: ignore[attr-defined]
pdffont.CMapParser = BudgetedCMapParser  # type: ignore[attr-defined]


def _counted(method: Callable[..., Any]) -> Callable[..., Any]:
    # pdfminer pops as many operands as `do_X.__code__.co_argcount - 1`: the wrapper must have
    # the method's own number of parameters, so there is one per arity.
    arity = method.__code__.co_argcount - 1

    def op0(self: BudgetedInterpreter) -> Any:
        self.budget.tick()
        return method(self)

    def op1(self: BudgetedInterpreter, a: Any) -> Any:
        self.budget.tick()
        return method(self, a)

    def op2(self: BudgetedInterpreter, a: Any, b: Any) -> Any:
        self.budget.tick()
        return method(self, a, b)

    def op3(self: BudgetedInterpreter, a: Any, b: Any, c: Any) -> Any:
        self.budget.tick()
        return method(self, a, b, c)

    def op4(self: BudgetedInterpreter, a: Any, b: Any, c: Any, d: Any) -> Any:
        self.budget.tick()
        return method(self, a, b, c, d)

    def op6(self: BudgetedInterpreter, a: Any, b: Any, c: Any, d: Any, e: Any, f: Any) -> Any:
        self.budget.tick()
        return method(self, a, b, c, d, e, f)

    wrappers: dict[int, Callable[..., Any]] = {0: op0, 1: op1, 2: op2, 3: op3, 4: op4, 6: op6}
    return wrappers.get(arity, method)


class BudgetedInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter, spending a `Budget` for each operand, operator and form."""

    def __init__(self, rsrcmgr: PDFResourceManager, device: PDFDevice, budget: Budget) -> None:
        super().__init__(rsrcmgr, device)
        self.budget = budget
        self._unsaved = 0

    def dup(self) -> BudgetedInterpreter:
        return self.__class__(self.rsrcmgr, self.device, self.budget)

    def push(self, obj: Any) -> None:
        self.budget.tick()
        super().push(obj)

    def execute(self, streams: Sequence[object]) -> None:
        for obj in streams:
            try:
                stream = stream_value(obj)
            except Exception:
                continue  # pdfminer skips it the same way
            self.budget.inflate(stream)
        self.budget.check_clock()
        try:
            if not content.execute(self, streams, self.budget.objects_left()):
                super().execute(streams)
        finally:
            for obj in streams:
                try:
                    self.budget.count_inflated(stream_value(obj))
                except LimitExceededError:
                    raise
                except Exception:
                    continue

    def do_q(self) -> None:
        self.budget.tick()
        if len(self.gstack) >= MAX_SAVED_STATES:
            self._unsaved += 1
            return
        super().do_q()

    def do_Q(self) -> None:
        self.budget.tick()
        if self._unsaved:
            self._unsaved -= 1
            return
        super().do_Q()

    def do_Do(self, xobjid_arg: Any) -> None:
        # Entering a form costs a setup (resources, state) beyond its operations: count it more.
        self.budget.tick(16)
        super().do_Do(xobjid_arg)


for _name in dir(PDFPageInterpreter):
    if _name.startswith("do_") and _name not in BudgetedInterpreter.__dict__:
        setattr(BudgetedInterpreter, _name, _counted(getattr(PDFPageInterpreter, _name)))
