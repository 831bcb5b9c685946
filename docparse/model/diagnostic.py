"""A finding about a document: code, name, severity, message and where."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from docparse.model.base import Model
from docparse.model.provenance import Provenance


class Severity(StrEnum):
    """How bad a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Diagnostic(Model):
    """One finding, like a linter's: stable code, kebab-case name, severity, message, position."""

    code: str = Field(pattern=r"^DP\d{3}$", description="Stable code, `DP` + 3 digits, never reused.")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Kebab-case name of the rule.")
    severity: Severity = Field(description="error, warning or info.")
    message: str = Field(description="What was found, in one sentence.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where in the source.")
    node: str | None = Field(default=None, description="Id of the node concerned, if any.")
