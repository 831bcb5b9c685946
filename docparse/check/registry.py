"""Check stage, the registry: every check of every rule family, and the runner over a document."""

from __future__ import annotations

from docparse.check import content, numbering, structure, toc
from docparse.check.base import Check, sort_diagnostics
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Document

CHECKS: tuple[Check, ...] = (*structure.CHECKS, *toc.CHECKS, *numbering.CHECKS, *content.CHECKS)


def run_all(document: Document, checks: tuple[Check, ...] = CHECKS) -> list[Diagnostic]:
    """Return the findings of `checks` on `document`, in document order."""
    found: list[Diagnostic] = []
    for check in checks:
        found.extend(check.run(document))
    return sort_diagnostics(found)


def checked_rules() -> frozenset[str]:
    """Return the names of the rules some registered check can emit."""
    return frozenset(name for check in CHECKS for name in check.rules)
