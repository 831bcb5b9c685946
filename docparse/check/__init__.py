"""Check stage: Document → diagnostics, through the rule table in `docparse.rules`."""

from __future__ import annotations

from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Document


def run_checks(document: Document) -> list[Diagnostic]:
    """Return the findings of every content rule on `document`, in document order."""
    return []
