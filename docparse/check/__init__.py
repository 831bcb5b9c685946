"""Check stage: Document → diagnostics, through the rule table in `docparse.diagnostics`.

Checks read the model only; they never print. The families live in one module each
(`structure`, `toc`, `numbering`, `content`) and are listed in `registry`; the command line
(`docparse check`) is in `cli`, its output formats in `formatters`, its settings in `config`.
"""

from __future__ import annotations

from docparse.check.base import order_key, sort_diagnostics
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Document

__all__ = ["order_key", "run_checks", "sort_diagnostics"]


def run_checks(document: Document) -> list[Diagnostic]:
    """Return the findings of every content rule on `document`, in document order."""
    from docparse.check.registry import run_all

    return run_all(document)
