"""Load a document back from its JSON or YAML export, with the readers' discipline.

An export is input like any other: it is read within a size cap, its nesting checked before
any recursive parser sees it (JSON and YAML parsers recurse; 100,000 levels end in a raw
RecursionError), a YAML file's aliases counted with what they expand to (an alias tree of a
few KB expands to gigabytes), and a number too long for Python's int conversion refused. Every
failure is a `DocparseError` of one line.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from docparse.model.document import Document

MAX_DEPTH: Final = 200
"""Deepest nesting of lists and mappings accepted; an export is about 10 deep."""
MAX_NODES: Final = 10_000_000
"""Most values a YAML file may expand to, its aliases expanded (an export has no alias at all)."""
MAX_ALIASES: Final = 10_000

# A JSON string (skipped: its brackets are text) or a bracket.
_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def load(source: str | os.PathLike[str] | bytes) -> Document:
    """Return the Document stored in a JSON or YAML export (a path, or the export's bytes)."""
    # Imported here: `import docparse` binds `load` eagerly and must stay cheap.
    import json

    import yaml
    from pydantic import ValidationError

    from docparse.errors import CorruptDocumentError, LimitExceededError
    from docparse.model.document import Document
    from docparse.options import DEFAULT_MAX_INPUT_BYTES
    from docparse.pipeline import read_source

    data, name = read_source(source, DEFAULT_MAX_INPUT_BYTES)
    if len(data) > DEFAULT_MAX_INPUT_BYTES:  # bytes given as they are: read_source caps files and streams
        raise LimitExceededError(f"input is over the limit of {DEFAULT_MAX_INPUT_BYTES} bytes", path=name)
    try:
        text = data.decode("utf-8-sig")
        if text.lstrip().startswith("{"):
            _check_json_depth(data, name)
            raw = json.loads(text)
        else:
            _check_yaml_shape(text, name)
            raw = yaml.safe_load(text)
    except (UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        raise CorruptDocumentError("not a docparse JSON or YAML export", path=name, cause=exc) from exc
    except ValueError as exc:  # Python's int conversion refuses numbers of over 4,300 digits
        raise CorruptDocumentError(f"not a docparse JSON or YAML export: {exc}", path=name, cause=exc) from exc
    except RecursionError as exc:  # not reached after the depth checks; kept as the last guard
        raise CorruptDocumentError("not a docparse JSON or YAML export: nested too deep", path=name) from exc
    try:
        return Document.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise CorruptDocumentError(
            f"not a valid docparse document: {where}: {first['msg']}", path=name, cause=exc
        ) from exc


def _check_json_depth(data: bytes, name: str | None) -> None:
    """Raise `LimitExceededError` if the JSON `data` nests lists and objects more than `MAX_DEPTH` deep."""
    depth = 0
    for token in _JSON_TOKENS.finditer(data):
        bracket = token.group()
        if bracket in (b"[", b"{"):
            depth += 1
            if depth > MAX_DEPTH:
                _too_deep(name)
        elif bracket in (b"]", b"}"):
            depth -= 1


def _check_yaml_shape(text: str, name: str | None) -> None:
    """Raise `LimitExceededError` for YAML nested over `MAX_DEPTH`, with too many aliases, or expanding too far.

    PyYAML's event parser keeps its state in lists, not on the call stack, so it reads any
    depth; its composer and constructor recurse, so they see the text only once it passes.
    """
    import yaml

    from docparse.errors import LimitExceededError

    sizes: list[int] = [0]  # the values counted so far in each open collection, the document's at the bottom
    anchors: dict[str, int] = {}
    opened: list[str | None] = []
    aliases = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            opened.append(event.anchor)
            sizes.append(1)
            if len(opened) > MAX_DEPTH:
                _too_deep(name)
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            size = sizes.pop()
            anchor = opened.pop()
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = 1, event.anchor
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise LimitExceededError(f"more than {MAX_ALIASES} YAML aliases; an export has none", path=name)
            size, anchor = anchors.get(event.anchor or "", 1), None
        else:
            continue
        if anchor is not None:
            anchors[anchor] = size
        sizes[-1] += size
        if sizes[-1] > MAX_NODES:
            raise LimitExceededError(
                f"the YAML expands to more than {MAX_NODES:,} values (aliases of aliases); an export has no alias",
                path=name,
            )


def _too_deep(name: str | None) -> None:
    from docparse.errors import LimitExceededError

    raise LimitExceededError(f"lists and mappings nested more than {MAX_DEPTH} deep; an export is about 10", path=name)
