"""PDF limits inside the work: an interpreter that counts operations, watches the clock, inflates with a cap.

Checking ``max_seconds`` between pages is not enough: one page of nested form XObjects (10 per
level, 9 levels, 3.4 KB) makes pdfminer interpret a billion operations, and a 584 KB Flate
stream inflates to 600 MB of ``q Q``. pdfminer's `PDFPageInterpreter.execute` parses a content
stream object by object, pushing operands (`push`) and calling ``do_<operator>`` methods; a form
XObject (`do_Do`) runs a sub-interpreter made by `dup`. So the subclass here counts every
operand and operator, every glyph the device draws and every form entered, checks the clock
every `CLOCK_EVERY` counts, and inflates each content stream itself with a cap before pdfminer
reads it. The content is tokenized by `content.py` (pdfminer's parser when that cannot be exact).
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Sequence
from typing import Any

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
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
        """Decode a Flate content stream with what is left of `max_decompressed_bytes`, before pdfminer does."""
        if stream.data is not None or stream.rawdata is None:
            return
        filters = stream.get_filters()
        if not filters:
            return
        if any(f not in LITERALS_FLATE_DECODE or params for f, params in filters):
            self._check_chain(stream, filters)
            return  # predictors and other filters are left to pdfminer, once the chain is known to fit
        data = _deciphered(stream)
        if data is None:
            return
        left = self.limits.max_decompressed_bytes - self.inflated
        try:
            for _ in filters:
                if _inflated_size(data, left) > left:
                    self._over_inflated()
                data = zlib.decompressobj().decompress(data)
                if len(data) > left:  # the count stops when the input ends; zlib may hold a little more
                    self._over_inflated()
        except zlib.error:
            return  # damaged: pdfminer's own recovery reads what it can
        stream.data, stream.rawdata = data, None
        self.inflated += len(data)

    def _check_chain(self, stream: PDFStream, filters: Sequence[tuple[object, object]]) -> None:
        """Raise `LimitExceededError` if a chain of filters pdfminer decodes (Flate with `DecodeParms`,
        an ASCIIHex or ASCII85 stage) would inflate past what is left of `max_decompressed_bytes`.

        pdfminer inflates each Flate stage whole: a 50 KB chain reached 2.9 GB. Each stage is
        decoded here with the cap (a predictor never makes data larger); what follows a filter
        not decoded here (LZW, images) is left as it was.
        """
        data = _deciphered(stream)
        if data is None:
            return
        left = self.limits.max_decompressed_bytes - self.inflated
        try:
            for name, _params in filters:
                if name in LITERALS_FLATE_DECODE:
                    if _inflated_size(data, left) > left:
                        self._over_inflated()
                    data = zlib.decompressobj().decompress(data)
                elif name in LITERALS_ASCIIHEX_DECODE:
                    data = asciihexdecode(data)
                elif name in LITERALS_ASCII85_DECODE:
                    data = ascii85decode(data)
                else:
                    return
                if len(data) > left:
                    self._over_inflated()
        except (zlib.error, ValueError):
            return  # damaged: pdfminer's own recovery reads what it can

    def count_inflated(self, stream: PDFStream) -> None:
        """Count a stream pdfminer decoded itself, checking the total."""
        if stream.data is not None and not getattr(stream, "_docparse_counted", False):
            stream._docparse_counted = True  # type: ignore[attr-defined]
            self.inflated += len(stream.data)
            if self.inflated > self.limits.max_decompressed_bytes:
                self._over_inflated()

    def _over_inflated(self) -> None:
        raise LimitExceededError(
            f"the PDF's content streams inflate to more than {self.limits.max_decompressed_bytes} bytes "
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
