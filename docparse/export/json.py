"""Export to JSON: UTF-8, not ASCII-escaped, keys in model field order."""

from __future__ import annotations

import json
import re
from typing import Any, get_args

from docparse.model.document import Document

# pydantic writes a float whose magnitude is below 1e-4 differently from Python's `json`
# (`0.00001` for `1e-05`, `1.5e-7` for `1.5e-07`); any other number, string and layout is the
# same. A number token of that shape (a value after `": ` or alone on a line of a list) sends the
# export to `json.dumps`, so the output stays byte for byte what it has always been.
_PYDANTIC_ONLY_FLOAT = re.compile(r"(?m)(?:\": |^ +)-?(?:0\.0000|[0-9.]+e-[1-9](?![0-9]))")
_PYDANTIC_ONLY_FLOAT_BYTES = re.compile(_PYDANTIC_ONLY_FLOAT.pattern.encode("ascii"))

# Every such token holds `0.0000` or `e-` and a digit: literal searches (fast) rule most texts out
# before the pattern above, which tries every line start and every `": ` (0.2 s on 8 MB).
_EXPONENT = re.compile(r"e-[1-9]")
_EXPONENT_BYTES = re.compile(rb"e-[1-9]")


def _pydantic_only_float(text: str) -> bool:
    if "0.0000" not in text and not _EXPONENT.search(text):
        return False
    return _PYDANTIC_ONLY_FLOAT.search(text) is not None


def _pydantic_only_float_bytes(piece: bytes) -> bool:
    if b"0.0000" not in piece and not _EXPONENT_BYTES.search(piece):
        return False
    return _PYDANTIC_ONLY_FLOAT_BYTES.search(piece) is not None


def to_data(document: Document, *, provenance: bool = True) -> dict[str, Any]:
    """Return the document as plain JSON-compatible data (the order of keys is the model's).

    Without `provenance`, every `provenance` record is left out: the data is leaner and still
    loads as a `Document` (each position then reads as unknown).
    """
    data = document.model_dump(mode="json")
    return data if provenance else _without_provenance(data)


def to_json(document: Document, *, provenance: bool = True) -> str:
    """Return the document as indented JSON text ending in a newline."""
    if provenance:
        # pydantic's own serializer writes the same text as `json.dumps(indent=2)` of the dumped
        # data, in about a third of the time and without the intermediate dicts.
        text = document.model_dump_json(indent=2)
        if not _pydantic_only_float(text):
            return text + "\n"
    return json.dumps(to_data(document, provenance=provenance), ensure_ascii=False, indent=2) + "\n"


# The document's long lists: each of their items is written on its own (`to_json_pieces`).
_PIECEWISE = ("sections", "dropped", "diagnostics")


def to_json_pieces(document: Document, *, provenance: bool = True) -> list[bytes]:
    """Return `to_json(document)` as UTF-8 bytes in pieces (one per top-level section, dropped record...).

    pydantic's serializer writes the whole document into one buffer, copies it into `bytes`,
    and `model_dump_json` decodes that into a `str` (two or four bytes a character once the
    text holds CJK), which `to_json` copies again for the newline: for a long call, several
    copies of the export at the process's peak. Here the document without its long lists is
    written once, and each item of those lists on its own, indented to its depth (a JSON string
    holds no raw line break, so every line of an item moves right alike): the same bytes, held
    once, in pieces. The command line writes them as they are.
    """
    if not provenance:
        return [to_json(document, provenance=False).encode("utf-8")]
    serializer = document.__pydantic_serializer__
    lists: dict[str, tuple[Any, ...]] = {}
    for name in _PIECEWISE:
        items: tuple[Any, ...] = getattr(document, name)
        (declared,) = get_args(Document.model_fields[name].annotation)[:1]
        # An item of another class than the declared one would be written by the declared one.
        if len(items) > 1 and all(type(item) is declared for item in items):
            lists[name] = items
    shell: bytes = serializer.to_json(document.model_copy(update=dict.fromkeys(lists, ())), indent=2)
    pieces: list[bytes] = []
    rest = shell
    for name, items in sorted(lists.items(), key=lambda entry: shell.index(_empty_list(entry[0]))):
        marker = _empty_list(name)
        at = rest.index(marker)
        pieces.append(rest[:at] + marker[:-1] + b"\n")
        item_serializer = type(items[0]).__pydantic_serializer__
        last = len(items) - 1
        for index, item in enumerate(items):
            text: bytes = item_serializer.to_json(item, indent=2)
            pieces.append(b"    " + text.replace(b"\n", b"\n    ") + (b",\n" if index < last else b"\n  ]"))
        rest = rest[at + len(marker) :]
    pieces.append(rest + b"\n")
    if any(_pydantic_only_float_bytes(piece) for piece in pieces):
        return [to_json(document).encode("utf-8")]
    return pieces


def _empty_list(name: str) -> bytes:
    """Return how the indented document writes its top-level field `name` as an empty list."""
    return b'\n  "' + name.encode("ascii") + b'": []'


def _without_provenance(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k != "provenance"}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value
