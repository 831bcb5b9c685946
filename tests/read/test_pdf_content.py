"""The fast content-stream tokenizer gives what pdfminer's parser gives, or hands the content to pdfminer.

Compared on real inputs (every committed PDF, the corpus PDFs when present) object by object and
glyph by glyph, and on generated content streams full of awkward syntax.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, list_value, resolve1, stream_value
from pdfminer.psparser import LIT, PSEOF

from docparse.errors import LimitExceededError
from docparse.options import Limits, ParseOptions
from docparse.read.pdf import content
from docparse.read.pdf.budget import Budget, BudgetedInterpreter
from docparse.read.pdf.source import _Page, open_pdf, page_objects

from ..conftest import CORPUS, FIXTURES

FIXTURE_PDFS = sorted(FIXTURES.rglob("*.pdf"))
CORPUS_PDFS = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


def _same(a: object, b: object) -> bool:
    """Return True when `a` and `b` are equal with the same types all the way down (1 is not True, nor 1.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[key], b[key]) for key in a)
    return a == b


def _pdfminer_objects(streams: list[PDFStream]) -> list[Any]:
    """Return what pdfminer's content parser yields for `streams`, as `execute` reads it."""
    objects: list[Any] = []
    try:
        parser = PDFContentParser(streams)
    except PSEOF:
        return objects
    while True:
        try:
            objects.append(parser.nextobject()[1])
        except PSEOF:
            return objects


def _joined(parts: list[bytes]) -> tuple[bytes, list[int]]:
    parts = [part for part in parts if part]
    starts, position = [], 0
    for part in parts:
        starts.append(position)
        position += len(part) + 1
    return b"\n".join(parts), starts or [0]


def _streams(parts: list[bytes]) -> list[PDFStream]:
    streams = []
    for number, part in enumerate(parts, start=1):
        stream = PDFStream({}, part)
        stream.set_objid(number, 0)
        streams.append(stream)
    return streams


def _contents(path: Path) -> Iterator[tuple[str, list[PDFStream]]]:
    """Yield each page's content streams and each form XObject's of a PDF pdfminer can open."""
    try:
        with path.open("rb") as file:
            document = PDFDocument(PDFParser(file))
            pages = list(PDFPage.create_pages(document))
            for number, page in enumerate(pages, start=1):
                yield f"page {number}", [stream_value(s) for s in list_value(page.contents)]
                xobjects = resolve1((page.resources or {}).get("XObject")) or {}
                for name, xobject in xobjects.items():
                    form = stream_value(xobject)
                    if form.get("Subtype") is LIT("Form"):
                        yield f"page {number} form {name}", [form]
    except Exception:  # the hostile files pdfminer cannot open: nothing to compare
        return


def _compare_file(path: Path) -> tuple[int, int]:
    contents = fallbacks = 0
    for where, streams in _contents(path):
        data, starts = _joined([stream.get_data() for stream in streams])
        fast = content.tokenize(data, starts)
        contents += 1
        if fast is None:
            fallbacks += 1
            continue
        assert _same(fast, _pdfminer_objects(streams)), f"{path.name}: {where}"
    return contents, fallbacks


@pytest.mark.parametrize("path", FIXTURE_PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_content_tokenizes_as_pdfminer_parses_it(path: Path) -> None:
    _, fallbacks = _compare_file(path)
    assert fallbacks == 0  # none of them needs pdfminer's parser: the fast path is what was compared


def test_the_fixtures_hold_real_content() -> None:
    assert sum(_compare_file(path)[0] for path in FIXTURE_PDFS) > 40


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: p.name)
def test_every_corpus_content_tokenizes_as_pdfminer_parses_it(path: Path) -> None:
    contents, fallbacks = _compare_file(path)
    assert contents > 0
    assert fallbacks < contents


def _plain(value: Any) -> Any:
    """Return `value` with pdfminer's streams and references (equal only to themselves) as their numbers."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_plain(item) for item in value)
    if isinstance(value, PDFStream | PDFObjRef):
        return (type(value).__name__, value.objid)
    return value


def _chars(path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, list[dict[str, Any]]]]:
    monkeypatch.setattr(content, "ENABLED", fast)
    pdf = open_pdf(path.read_bytes(), ParseOptions(), path.name)
    pages = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, page_obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
            page = _Page(pdf, page_obj, page_number=number)
            page.budget = Budget(ParseOptions().limits, None)
            pages.append(_plain(page_objects(page)))
            page.close()
    return pages


READABLE_PDFS = sorted(FIXTURES.glob("*/input.pdf")) + [
    FIXTURES / "hostile" / name
    for name in ("pdf-cjk-subset-no-tounicode.pdf", "pdf-drawn-twice.pdf", "pdf-partly-garbled.pdf")
]


@pytest.mark.parametrize("path", READABLE_PDFS + CORPUS_PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_page_objects_are_identical_with_the_fast_path_on_and_off(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bool] = []
    run = content._run

    def counted(interpreter: PDFPageInterpreter, ops: list[Any]) -> None:
        calls.append(True)
        run(interpreter, ops)

    monkeypatch.setattr(content, "_run", counted)
    fast = _chars(path, True, monkeypatch)
    used = len(calls)
    slow = _chars(path, False, monkeypatch)
    assert used >= len(fast) and len(calls) == used  # every page went the fast way, then none did
    assert sum(len(page.get("char", [])) for page in fast) > 0
    assert fast == slow


# Awkward but ordinary syntax: all of it is read by the fast path, as pdfminer reads it.
HANDLED = [
    b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (Hello) Tj ET",
    b".5 -.5 1. +3 --2 1.2.3 - . -. +. 12abc 007 -0 5-",
    b"(a\\(b\\)c\\053\\0\\377\\18\\\n d\\\r\nx\\q\\\\\\b\\t\\n\\f\\r) Tj (a(b(c)d)e) Tj (\\\r) Tj",
    b"<48 65 6c6c 6f7> Tj <> Tj <0A>Tj <a\n b> Tj <01)",
    b"/A#20B /#41 /A#4 /A#G /A#414 / /x /caf\xc3\xa9 /\xff\xfe //y",
    b"[(a) 1 -2 (b(c)d) [[/X]] true] TJ /P <</MCID 0 /X [1 2] /D <</E null>>>> BDC EMC",
    b"/P<</A<01>>>BDC",
    b"% comment\r(x) ' (y) \" T* true false trueX %last",
    b"\x00\x01Tj\x00 ) * ' q\x0bQ\x0cQ",
    b"1 2 3 4 5 6 7 unknownop 8 9 l cm",
    b"Tf Tj 1 Tf",
    b"1 0 0 RG 0.5 g 1 0 0 1 0 0 cm 0 0 m 10 10 l S",
    b"[1 ET 2] TJ",
    b"1 2 99999999999999999999999999 re",
]
HANDLED_SPLIT = [
    [b"q 1 0 0 1 0 0 cm", b"Q BT ET"],
    [b"1 2", b"3 4 re"],
    [b"/Name", b"/Other Do"],
    [b"(a) Tj", b"", b"(b) Tj\n"],
    [b"% comment", b"q"],
]


@pytest.mark.parametrize("parts", [[c] for c in HANDLED] + HANDLED_SPLIT)
def test_awkward_syntax_takes_the_fast_path_and_agrees(parts: list[bytes]) -> None:
    data, starts = _joined(parts)
    fast = content.tokenize(data, starts)
    assert fast is not None
    assert _same(fast, _pdfminer_objects(_streams(parts)))


FALLBACKS = [
    [b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q"],  # inline image
    [b"{ 1 2 } q"],  # procedure
    [b"1 2 ] re"],  # stray ']'
    [b"<01>> Tj"],  # a hex string's '>' closing a dictionary never opened
    [b"/P <</A>> BDC"],  # odd dictionary: pdfminer raises
    [b"(\\777) Tj"],  # octal over 255: pdfminer fails an assertion
    [b"(a(b(c(d(e)))))Tj"],  # nested deeper than the pattern
    [b"(unterminated Tj"],
    [b"[1 2 TJ"],  # array left open
    [b"<ab"],  # hex string left open
    [b"/A#41", b"B Do"],  # a name cut by the stream boundary after '#xx'
    [b"(a", b"b) Tj"],  # a string across two streams
    [b"<ab>", b"> Tj"],  # '>' and '>' across two streams close a dictionary
]


@pytest.mark.parametrize("parts", FALLBACKS)
def test_what_the_fast_path_does_not_copy_goes_to_pdfminer(parts: list[bytes]) -> None:
    data, starts = _joined(parts)
    assert content.tokenize(data, starts) is None


def test_an_escaped_crlf_across_pdfminer_s_read_chunk_goes_to_pdfminer() -> None:
    # pdfminer skips '\\\r\n' in a string unless its 4096-byte read ends between '\r' and '\n'.
    for pad in (4092, 4093, 4094):
        data = b" " * pad + b"(\\\r\nx) Tj"  # the '\r' at offset pad + 2
        fast, pdfminer = content.tokenize(data), _pdfminer_objects(_streams([data]))
        if pad + 2 == 4095:
            assert fast is None
            assert pdfminer[0] == b"\nx"  # pdfminer's reading here: the '\n' kept
        else:
            assert fast is not None
            assert _same(fast, pdfminer)
            assert fast[0] == b"x"


def test_the_parsed_list_is_bounded_by_the_budget() -> None:
    data = b"0 0 m " * 10_000
    assert content.tokenize(data, cap=29_999) is None
    assert len(content.tokenize(data, cap=30_000) or []) == 30_000
    budget = Budget(Limits(max_page_operations=1_000), None)
    assert budget.objects_left() == 1_000 + 4096


def test_over_the_budget_pdfminer_runs_and_the_limit_still_stops_the_page() -> None:
    rsrcmgr = PDFResourceManager()
    interpreter = BudgetedInterpreter(rsrcmgr, PDFDevice(rsrcmgr), Budget(Limits(max_page_operations=5_000), None))
    interpreter.init_resources({})
    interpreter.init_state((1, 0, 0, 1, 0, 0))
    with pytest.raises(LimitExceededError, match="max_page_operations"):
        interpreter.execute(_streams([b"0 0 m 1 1 l " * 10_000]))


# --- execution: the same do_* calls with the same operands, the same stack left ---------------


def _recording(name: str, arity: int) -> Callable[..., None]:
    def op0(self: Any) -> None:
        self.calls.append((name, []))

    def op1(self: Any, a: Any) -> None:
        self.calls.append((name, [a]))

    def op2(self: Any, a: Any, b: Any) -> None:
        self.calls.append((name, [a, b]))

    def op3(self: Any, a: Any, b: Any, c: Any) -> None:
        self.calls.append((name, [a, b, c]))

    def op4(self: Any, a: Any, b: Any, c: Any, d: Any) -> None:
        self.calls.append((name, [a, b, c, d]))

    def op6(self: Any, a: Any, b: Any, c: Any, d: Any, e: Any, f: Any) -> None:
        self.calls.append((name, [a, b, c, d, e, f]))

    recorders: dict[int, Callable[..., None]] = {0: op0, 1: op1, 2: op2, 3: op3, 4: op4, 6: op6}
    return recorders[arity]


class _Recorder(PDFPageInterpreter):
    """An interpreter whose operators only note their name and operands (pdfminer's arities kept)."""

    calls: list[tuple[str, list[Any]]]


for _name in dir(PDFPageInterpreter):
    if _name.startswith("do_"):
        setattr(_Recorder, _name, _recording(_name, getattr(PDFPageInterpreter, _name).__code__.co_argcount - 1))


def _executed(parts: list[bytes], fast: bool) -> tuple[list[tuple[str, list[Any]]], list[Any], bool]:
    rsrcmgr = PDFResourceManager()
    recorder = _Recorder(rsrcmgr, PDFDevice(rsrcmgr))
    recorder.calls = []
    recorder.init_resources({})
    recorder.init_state((1, 0, 0, 1, 0, 0))
    streams = _streams(parts)
    took = fast and content.execute(recorder, streams, 1 << 30)
    if not took:
        try:
            PDFPageInterpreter.execute(recorder, streams)
        except Exception as exc:  # pdfminer's parser may raise on odd dictionaries: noted, compared
            recorder.calls.append(("raised", [type(exc).__name__]))
    return recorder.calls, recorder.argstack, took


@pytest.mark.parametrize("parts", [[c] for c in HANDLED] + HANDLED_SPLIT)
def test_the_fast_path_executes_what_pdfminer_executes(parts: list[bytes]) -> None:
    calls, stack, took = _executed(parts, fast=True)
    expected_calls, expected_stack, _ = _executed(parts, fast=False)
    assert took
    assert _same([list(c) for c in calls], [list(c) for c in expected_calls])
    assert _same(stack, expected_stack)


# --- generated content streams -----------------------------------------------------------------

_NUMBER = st.one_of(
    st.integers(-(10**6), 10**6).map(lambda n: str(n).encode()),
    st.floats(-1e4, 1e4, allow_nan=False).map(lambda x: f"{x:.3f}".encode()),
    st.sampled_from([b".5", b"-.5", b"1.", b"+3", b"--2", b"-", b".", b"+.", b"1.2.3", b"007", b"-0", b"12e3"]),
)
_NAME = st.lists(
    st.sampled_from([b"A", b"F1", b"#20", b"#41", b"#4", b"#", b"#G", b"\xc3\xa9", b"\xff", b"x-y", b"."]), max_size=4
).map(lambda parts: b"/" + b"".join(parts))
_STRING_PIECE = st.sampled_from(
    [b"a", b"Hello ", b"\\(", b"\\)", b"\\\\", b"\\n", b"\\r", b"\\t", b"\\b", b"\\f", b"\\0", b"\\053", b"\\377",
     b"\\18", b"\\\n", b"\\\r\n", b"\\\r", b"\\q", b"\n", b"\r\n", b"\xe4", b"()", b"(x(y)z)", b"%", b"\\7777"]
)  # fmt: skip
_STRING = st.lists(_STRING_PIECE, max_size=6).map(lambda parts: b"(" + b"".join(parts) + b")")
_HEX = st.lists(st.sampled_from([b"0", b"a", b"F", b"9", b" ", b"\n", b"4", b"c"]), max_size=9).map(
    lambda parts: b"<" + b"".join(parts) + b">"
)
_OPERATOR = st.sampled_from(
    [b"Tj", b"TJ", b"Tf", b"Td", b"TD", b"Tm", b"T*", b"'", b'"', b"BT", b"ET", b"q", b"Q", b"cm", b"re", b"m",
     b"l", b"S", b"f*", b"BDC", b"BMC", b"EMC", b"Do", b"gs", b"rg", b"scn", b"sc", b"cs", b"d0", b"d1", b"sh",
     b"Tc", b"Tw", b"Tz", b"TL", b"Ts", b"Tr", b"unknown", b"x1", b"true", b"false", b"null", b"EI", b")", b">",
     b"*", b"\x00", b"\x01", b"\xe9"]
)  # fmt: skip
_STRAY = st.sampled_from([b"}", b"{", b"]", b">>", b"BI", b"ID"])  # pdfminer's alone: rarer, or most draws fall back
_COMMENT = st.sampled_from([b"% a comment\n", b"%\r", b"%% x (y) <z>\r\n", b"%\n"])
_ATOM = st.one_of(_NUMBER, _NAME, _STRING, _HEX, _OPERATOR, _COMMENT)


def _containers(inner: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.lists(inner, max_size=5).map(lambda items: b"[" + b" ".join(items) + b"]"),
        st.lists(st.tuples(_NAME, inner), max_size=3).map(
            lambda pairs: b"<<" + b" ".join(k + b" " + v for k, v in pairs) + b">>"
        ),
    )


_OBJECT = st.recursive(_ATOM, _containers, max_leaves=8)
_SPACE = st.sampled_from([b" ", b"\n", b"\r\n", b"", b"\t", b"\x00", b"\x0c", b"  "])


@st.composite
def _content(draw: st.DrawFn) -> list[bytes]:
    """Draw a content stream (tokens, separators, maybe a stray token, a cut tail) split into one to three streams.

    The streams are mostly cut right after a token or one byte into it, where pdfminer's joining
    of streams differs most from a newline.
    """
    pieces = draw(st.lists(st.tuples(_OBJECT, _SPACE), max_size=25))
    if pieces and draw(st.integers(0, 3)) == 0:
        pieces.insert(draw(st.integers(0, len(pieces))), (draw(_STRAY), b" "))
    data, ends = b"", []
    for token, space in pieces:
        data += token
        ends += [len(data) - 1, len(data)]
        data += space
    if draw(st.integers(0, 3)) == 0:
        data = data[: draw(st.integers(0, len(data)))]  # a truncated tail
    cut = st.one_of(st.sampled_from(ends), st.integers(0, len(data))) if ends else st.just(0)
    cuts = sorted(min(max(c, 0), len(data)) for c in draw(st.lists(cut, max_size=2)))
    bounds = [0, *cuts, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(bounds)]


@settings(max_examples=400, deadline=None)
@given(_content())
def test_generated_content_tokenizes_as_pdfminer_parses_it_or_falls_back(parts: list[bytes]) -> None:
    data, starts = _joined(parts)
    fast = content.tokenize(data, starts)
    if fast is None:
        return
    assert _same(fast, _pdfminer_objects(_streams(parts)))


@settings(max_examples=200, deadline=None)
@given(_content())
def test_generated_content_executes_as_pdfminer_executes_it(parts: list[bytes]) -> None:
    calls, stack, _ = _executed(parts, fast=True)
    expected_calls, expected_stack, _ = _executed(parts, fast=False)
    assert _same([list(c) for c in calls], [list(c) for c in expected_calls])
    assert _same(stack, expected_stack)
