"""Explain stage: why each block of a call became what it is in the outline (`docparse explain FILE`).

`explain()` runs the pipeline once, as `docparse.parse` does, with an observer that keeps the
segmenter's tokens, the outline's rule trace and the drafts after each shape rule; the records
say for each block where it is, what the rules saw, which rule placed it, what it became and
which node took it. `docparse.explanation.draw` draws a PDF page's boxes coloured by role.
"""

from __future__ import annotations

from docparse.explanation.build import explain_document
from docparse.explanation.model import Evidence, Explanation, Record, Role
from docparse.options import ParseOptions
from docparse.pipeline import Format, Input

__all__ = ["Evidence", "Explanation", "Record", "Role", "explain", "explain_document"]


def explain(
    source: Input, *, format: Format | None = None, name: str | None = None, options: ParseOptions | None = None
) -> Explanation:
    """Return why the outline of the call in `source` is what it is: one record per block, in document order.

    `source`, `format`, `name` and `options` are `docparse.parse`'s; the outline is the one it
    returns. Raise a `DocparseError` subclass when no document can be produced.
    """
    return explain_document(source, format=format, name=name, options=options)[1]
