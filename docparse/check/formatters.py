"""`docparse check` output: findings → text lines, a JSON list, or GitHub Actions workflow commands.

Where a finding is depends on the format of the input:

| input | `Location` | text | github |
| --- | --- | --- | --- |
| text, Markdown | line (1-based) | `path:LINE:1:` | `file=path,line=LINE` (+ `endLine`) |
| DOCX | body paragraph (index + 1, tables count) | `path:PARAGRAPH:1:` | `file=path,line=PARAGRAPH` |
| PDF | page (1-based) | `path:page N:` | `file=path`, message starts `page N: ` |
| none (whole document) | — | `path:1:1:` | `file=path` |

A DOCX paragraph number stands where a line number would, so that editors and problem
matchers that read `path:line:col:` still work; the JSON output keeps it apart (`paragraph`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from docparse.model.diagnostic import Diagnostic, Severity
from docparse.model.provenance import Provenance

GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


@dataclass(frozen=True, slots=True)
class Location:
    """A finding's position: a line (text formats), a paragraph (DOCX) or a page (PDF), 1-based."""

    line: int | None = None
    end_line: int | None = None
    paragraph: int | None = None
    page: int | None = None

    @classmethod
    def of(cls, provenance: Provenance) -> Location:
        if provenance.line_start is not None:
            end = provenance.line_end if provenance.line_end != provenance.line_start else None
            return cls(line=provenance.line_start, end_line=end)
        if provenance.paragraph_start is not None:
            return cls(paragraph=provenance.paragraph_start + 1)
        if provenance.regions:
            return cls(page=provenance.regions[0].page)
        return cls()

    @property
    def row(self) -> int | None:
        """Return the line-like number: the line, or the DOCX paragraph."""
        return self.line if self.line is not None else self.paragraph

    def as_dict(self) -> dict[str, int | None]:
        column = 1 if self.row is not None else None
        return {
            "line": self.line,
            "end_line": self.end_line,
            "column": column,
            "paragraph": self.paragraph,
            "page": self.page,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """A diagnostic of one input file, as `docparse check` reports it."""

    path: str
    diagnostic: Diagnostic

    @property
    def location(self) -> Location:
        return Location.of(self.diagnostic.provenance)


def format_text(findings: Sequence[Finding]) -> str:
    """Return one `path:line:col: CODE message` line per finding (`path:page N:` for PDF)."""
    lines = []
    for finding in findings:
        location, diagnostic = finding.location, finding.diagnostic
        if location.row is not None:
            where = f"{finding.path}:{location.row}:1"
        elif location.page is not None:
            where = f"{finding.path}:page {location.page}"
        else:
            where = f"{finding.path}:1:1"
        lines.append(f"{where}: {diagnostic.code} {_one_line(diagnostic.message)}\n")
    return "".join(lines)


def format_json(findings: Sequence[Finding]) -> str:
    """Return a JSON list of {path, code, name, severity, message, node, location} objects."""
    records = [
        {
            "path": finding.path,
            "code": finding.diagnostic.code,
            "name": finding.diagnostic.name,
            "severity": finding.diagnostic.severity.value,
            "message": finding.diagnostic.message,
            "node": finding.diagnostic.node,
            "location": finding.location.as_dict(),
        }
        for finding in findings
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def escape_data(text: str) -> str:
    """Escape a workflow command's message: `%`, CR and LF (as @actions/core's command.ts does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value: as the message, and also `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding]) -> str:
    """Return one `::error|warning|notice file=…,line=…,title=…::message` command per finding."""
    lines = []
    for finding in findings:
        location, diagnostic = finding.location, finding.diagnostic
        properties = [("file", finding.path)]
        message = diagnostic.message
        if location.row is not None:
            properties.append(("line", str(location.row)))
            if location.end_line is not None:
                properties.append(("endLine", str(location.end_line)))
        elif location.page is not None:
            message = f"page {location.page}: {message}"
        properties.append(("title", f"{diagnostic.code} {diagnostic.name}"))
        rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
        lines.append(f"::{GITHUB_COMMANDS[diagnostic.severity]} {rendered}::{escape_data(message)}\n")
    return "".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
