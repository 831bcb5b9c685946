"""PDF read stage: a fast tokenizer of page content streams, with pdfminer's own parser as the fallback.

pdfminer reads a content stream in 4 KB chunks through a state machine (`PSBaseParser`), one
Python call per character class and a ``log.debug`` per token: about a third of reading a
page. Here one compiled bytes pattern walks the whole content (the page's streams joined by a
newline) and gives the very objects pdfminer gives (int, float, bool, bytes, `PSLiteral` via
`LIT`, `PSKeyword` via `KWD`, lists, dicts), pdfminer's quirks included: a string's unknown
escape ``\\x`` drops both bytes, an odd hex digit ``<a>`` is the byte 0x0a, ``--2`` is -2,
``1.2.3`` is 1.2 then 0.3, a hex string's ``>`` may close a dictionary (``<01>>``).

Whatever it does not reproduce exactly makes `tokenize` return None *before anything is
executed*, and the interpreter then runs pdfminer's own `execute` on that content: inline
images (``BI``/``ID``), procedures (``{ }``), a stray ``]`` or ``>>``, an odd dictionary, an
unterminated string or container, an octal escape over 255, strings nested deeper than three,
a token cut by a stream boundary in a way pdfminer's joining treats otherwise, more objects
than the page's operation budget allows (which bounds the list's memory), strict mode.

`DOCPARSE_FAST_CONTENT=0` in the environment, or `ENABLED = False`, turns the fast path off.
"""

from __future__ import annotations

import binascii
import logging
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from pdfminer import settings
from pdfminer.psparser import KWD, LIT, PSKeyword, literal_name

if TYPE_CHECKING:
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import PDFStream

ENABLED = os.environ.get("DOCPARSE_FAST_CONTENT", "1") != "0"
"""Use the fast tokenizer (the equality tests turn it off to compare with pdfminer)."""

BUFSIZ = 4096
"""pdfminer's read size (`PSBaseParser.BUFSIZ`): one of its escapes depends on where a chunk ends."""

# pdfminer's logger for the warnings `execute` gives before parsing (same names, same messages).
_INTERP_LOG = logging.getLogger("pdfminer.pdfinterp")

_DELIM = rb"#/%\[\]()<>{}\s"  # pdfminer's END_KEYWORD / END_LITERAL, its `\s` included
_STRING_BODY = rb"(?:[^()\\]++|\\.)*+"
_NESTED = _STRING_BODY
for _ in range(3):  # strings nested three deep; deeper ones go to pdfminer
    _NESTED = rb"(?:[^()\\]++|\\.|\(" + _NESTED + rb"\))*+"

# One capturing group an alternative, so `lastindex` names the kind of token.
# White space is taken before the token (a search over it would try every alternative at each
# byte); `\Z` ends the white space after the last token in one match.
_TOKEN = re.compile(
    rb"[\s\x00]*+(?:"
    rb"([-+0-9][0-9]*+)(?!\.)"  # 1 integer (pdfminer: a sign or digit, digits, no point)
    rb"|([-+0-9][0-9]*+\.[0-9]*+|\.[0-9]*+)"  # 2 real
    rb"|([A-Za-z][^" + _DELIM + rb"]*+)"  # 3 keyword, true, false
    rb"|/((?:[^" + _DELIM + rb"]++|\#[0-9A-Fa-f]{0,2}+)*+)"  # 4 name
    rb"|\(([^()\\]*+)\)"  # 5 plain string
    rb"|\((" + _NESTED + rb")\)"  # 6 string with escapes or nested parentheses
    rb"|(\[)"  # 7
    rb"|(\])"  # 8
    rb"|(<<)"  # 9
    rb"|(>>)"  # 10
    rb"|<([\s0-9A-Fa-f]*+)"  # 11 hex string (its end, e.g. '>', is read again as a token, as pdfminer does)
    rb"|(>)"  # 12 a lone '>': nothing
    rb"|(%)[^\r\n]*+"  # 13 comment
    rb"|([{}(])"  # 14 procedure, unterminated or too deeply nested string: pdfminer's
    rb"|([^\s\x00])"  # 15 any other byte: a one-byte keyword (NUL and white space are skipped)
    rb"|\Z)",
    re.S,
)
_INT, _REAL, _KEYWORD, _NAME, _STRING, _ESCAPED = 1, 2, 3, 4, 5, 6
_ARRAY, _END_ARRAY, _DICT, _END_DICT, _HEX, _GT, _COMMENT, _OTHER, _BYTE = 7, 8, 9, 10, 11, 12, 13, 14, 15

_NAME_HEX = re.compile(rb"#([0-9A-Fa-f]{0,2})")
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n)|(.))", re.S)
_SPACE = re.compile(rb"\s")
# pdfminer's ESC_STRING; any other escaped byte is dropped along with its backslash.
_ESCAPED_BYTES = {b"b": b"\b", b"t": b"\t", b"n": b"\n", b"f": b"\f", b"r": b"\r", b"(": b"(", b")": b")", b"\\": b"\\"}
_BI, _ID = KWD(b"BI"), KWD(b"ID")


class _Fallback(Exception):
    """The content holds something only pdfminer's parser reproduces exactly."""


def tokenize(data: bytes, starts: Sequence[int] = (0,), cap: int = 1 << 62) -> list[Any] | None:
    """Return the objects pdfminer's `PDFContentParser.nextobject` yields for `data`, or None to fall back.

    `data` is the content's streams joined by b"\\n"; `starts` are where each stream begins in
    it (the first at 0). More than `cap` objects (operands and operators) also return None.
    """
    if settings.STRICT:
        return None
    try:
        return _tokenize(data, starts, cap)
    except _Fallback:
        return None


def _tokenize(data: bytes, starts: Sequence[int], cap: int) -> list[Any]:  # noqa: C901 (one branch a token kind, per token)
    # The joining newline before each stream after the first, and the end of the data: what
    # pdfminer does there equals reading that newline unless a name or a '>' ends right there.
    edges = [start - 1 for start in starts[1:]] + [len(data)]
    edge_at = 0
    edge = edges[0]
    ops: list[Any] = []
    out = ops  # where operands go: the page's list, or the array / dictionary being read
    open_: list[tuple[bool, list[Any]]] = []  # (is a dictionary, enclosing list)
    keywords: dict[bytes, Any] = {}
    names: dict[bytes, Any] = {}
    previous = None
    for count, match in enumerate(_TOKEN.finditer(data), 1):
        kind = match.lastindex
        if kind is None:
            break  # white space up to the end
        if count > cap:
            raise _Fallback  # more objects than the page may spend: pdfminer streams them and stops at the limit
        end = match.end()
        if end > edge:
            edge_at, edge = _cross(match, previous, edges, edge_at)
        previous = match
        if kind == _INT:
            try:  # noqa: SIM105 (a `suppress` context per number costs more than the number)
                out.append(int(match.group(1)))
            except ValueError:
                pass  # a bare sign, or too many digits: pdfminer drops it
        elif kind in (_KEYWORD, _BYTE):
            token = match.group(kind)
            value = keywords.get(token)
            if value is None:
                value = keywords[token] = _keyword(token)
            out.append(value)
        elif kind == _REAL:
            try:  # noqa: SIM105
                out.append(float(match.group(2)))
            except ValueError:
                pass  # '.', '-.': pdfminer drops it
        elif kind == _NAME:
            token = match.group(4)
            value = names.get(token)
            if value is None:
                value = names[token] = LIT(_name(token))
            out.append(value)
        elif kind == _STRING:
            out.append(match.group(5))
        elif kind == _ESCAPED:
            out.append(_unescape(match, starts))
        elif kind == _ARRAY:
            open_.append((False, out))
            out = []
        elif kind == _END_ARRAY:
            if not open_ or open_[-1][0]:
                raise _Fallback  # a stray ']': pdfminer ignores it (and logs), not worth copying
            closed = out
            out = open_.pop()[1]
            out.append(closed)
        elif kind == _DICT:
            open_.append((True, out))
            out = []
        elif kind == _END_DICT:
            if not open_ or not open_[-1][0] or len(out) % 2:
                raise _Fallback  # stray or odd: pdfminer ignores it or raises
            pairs = out
            out = open_.pop()[1]
            out.append({literal_name(pairs[i]): pairs[i + 1] for i in range(0, len(pairs), 2)})
        elif kind == _HEX:
            if end == len(data):
                raise _Fallback  # unterminated: pdfminer drops it
            out.append(_hex(match.group(11)))
        elif kind == _OTHER:
            raise _Fallback
        # _GT, _COMMENT: nothing
    if open_:
        raise _Fallback  # an array or dictionary left open: pdfminer drops it at the end
    if previous is not None:
        # the edges after the last token: only white space lies between them and it
        while edge_at < len(edges):
            if previous.end() == edges[edge_at] and _bad_at_edge(previous):
                raise _Fallback
            edge_at += 1
    return ops


def _cross(match: re.Match[bytes], previous: re.Match[bytes] | None, edges: list[int], at: int) -> tuple[int, int]:
    """Check the stream edges `match` reaches; return the index and position of the next edge."""
    end = match.end()
    start = end - len(match.group(0).lstrip(b" \t\n\r\f\v\x00"))  # the token's own start, past white space
    while at < len(edges) and edges[at] < end:
        edge = edges[at]
        if start < edge:
            raise _Fallback  # a token cut by a stream boundary
        if previous is not None and previous.end() == edge and _bad_at_edge(previous):
            raise _Fallback
        at += 1
    return at, edges[at] if at < len(edges) else 1 << 62


def _bad_at_edge(match: re.Match[bytes]) -> bool:
    """Return True when pdfminer would not end this token at a stream's end as at a newline.

    An empty name or one ending in '#xx' goes on into the next stream; a '>' may pair with the
    next stream's first byte to close a dictionary.
    """
    kind = match.lastindex
    return kind == _GT or (kind == _NAME and (not match.group(4) or b"#" in match.group(4)))


def _keyword(token: bytes) -> Any:
    if token == b"true":
        return True
    if token == b"false":
        return False
    value = KWD(token)
    if value is _BI or value is _ID:
        raise _Fallback  # inline image: pdfminer reads its data with a parser of its own
    return value


def _name(token: bytes) -> str | bytes:
    if b"#" in token:
        token = _NAME_HEX.sub(lambda m: bytes((int(m.group(1), 16),)) if m.group(1) else b"", token)
    try:
        return str(token, "utf-8")
    except UnicodeDecodeError:
        return token


def _hex(token: bytes) -> bytes:
    digits = _SPACE.sub(b"", token)
    if len(digits) % 2:
        # pdfminer reads a last lone digit as a byte of its own ('a' is 0x0a)
        return binascii.unhexlify(digits[:-1]) + bytes((int(digits[-1:], 16),))
    return binascii.unhexlify(digits)


def _unescape(match: re.Match[bytes], starts: Sequence[int]) -> bytes:
    body = match.group(_ESCAPED)
    if b"\\" not in body:
        return body  # nested parentheses only: kept as they are
    offset = match.start(_ESCAPED)

    def one(escape: re.Match[bytes]) -> bytes:
        octal, crlf, other = escape.groups()
        if octal is not None:
            code = int(octal, 8)
            if code > 255:
                raise _Fallback  # pdfminer fails an assertion
            return bytes((code,))
        if crlf is not None:
            # pdfminer skips '\\\r\n' whole unless its chunk ends between '\r' and '\n'
            at = offset + escape.start(2)
            if (at - starts[bisect_right(starts, at) - 1]) % BUFSIZ == BUFSIZ - 1:
                raise _Fallback
            return b""
        return _ESCAPED_BYTES.get(other, b"")

    return _ESCAPE.sub(one, body)


def execute(interpreter: PDFPageInterpreter, streams: Sequence[object], cap: int) -> bool:
    """Run `streams` on `interpreter` as pdfminer's `execute` does; return False, having run nothing, to fall back.

    The preamble (circular references, streams without an object number) is pdfminer's, its
    warnings included; each operand goes through ``interpreter.push`` and each operator pops its
    arguments with ``interpreter.pop``, exactly as there.
    """
    from pdfminer.pdftypes import stream_value

    if not ENABLED or settings.STRICT:
        return False
    valid: list[PDFStream] = []
    skipped: list[tuple[str, object]] = []
    ids: set[int] = set()
    try:
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                skipped.append(("Execute called on non-indirect object (inline image?) %r", stream))
            elif stream.objid in interpreter.parent_stream_ids:
                skipped.append(("Refusing to execute circular reference to content stream %d", stream.objid))
            else:
                valid.append(stream)
                ids.add(stream.objid)
        parts = [part for part in (stream.get_data() for stream in valid) if part]
    except Exception:
        return False  # pdfminer meets the same failure, in its own order
    starts, position = [], 0
    for part in parts:
        starts.append(position)
        position += len(part) + 1
    data = parts[0] if len(parts) == 1 else b"\n".join(parts)
    ops = tokenize(data, starts or [0], cap)
    if ops is None:
        return False
    for message, arg in skipped:
        _INTERP_LOG.warning(message, arg)
    interpreter.stream_ids.clear()
    interpreter.stream_ids.update(ids)
    _run(interpreter, ops)
    return True


def _run(interpreter: PDFPageInterpreter, ops: list[Any]) -> None:
    """Dispatch `ops` as `PDFPageInterpreter.execute` does: push operands, call ``do_*`` with popped arguments."""
    push = interpreter.push
    methods: dict[PSKeyword, tuple[Callable[..., Any] | None, int]] = {}
    for obj in ops:
        if obj.__class__ is not PSKeyword:
            push(obj)
            continue
        entry = methods.get(obj)
        if entry is None:
            entry = methods[obj] = _method(interpreter, obj)
        func, nargs = entry
        if func is None:
            continue  # unknown operator: its operands stay on the stack, as in pdfminer
        if nargs:
            args = interpreter.pop(nargs)
            if len(args) == nargs:
                func(*args)
        else:
            func()


def _method(interpreter: PDFPageInterpreter, keyword: PSKeyword) -> tuple[Callable[..., Any] | None, int]:
    name = str(keyword.name, "utf-8", "ignore")
    method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
    if not hasattr(interpreter, method):
        return None, 0
    func = getattr(interpreter, method)
    return func, func.__code__.co_argcount - 1
