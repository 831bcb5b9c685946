"""`docparse check` output: findings → text lines, a JSON list, GitHub workflow commands or SARIF.

Where a finding is depends on the format of the input:

| input | `Location` | text | github | sarif `region` |
| --- | --- | --- | --- | --- |
| text, Markdown | line (1-based) | `path:LINE:1:` | `file=path,line=LINE` (+ `endLine`) | `startLine` (+ `endLine`) |
| DOCX | body paragraph (index + 1) | `path:PARAGRAPH:1:` | `file=path,line=PARAGRAPH` | `startLine`: paragraph |
| PDF | page (1-based) | `path:1:1: … (page N)` | `file=path`, `page N: ` message | `startLine` 1, page property |
| whole document | — | `path:1:1:` | `file=path` | `startLine` 1 |

A DOCX paragraph number stands where a line number would, so that editors and problem
matchers that read `path:line:col:` still work; the JSON output keeps it apart (`paragraph`).
A PDF has no lines: its findings point at the file (`1:1`, which every problem matcher
parses) and name the page after the message, so that a page number is never taken for a
line number; JSON and SARIF carry the page as data.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from docparse.diagnostics import RULES, RULES_BY_CODE
from docparse.model.diagnostic import Diagnostic, Severity
from docparse.model.provenance import Provenance

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
RULES_URL = "https://github.com/docparse/docparse/blob/main/docs/rules.md"
# ANSI SGR colours of the text output on a terminal (never with NO_COLOR, https://no-color.org).
BOLD, RESET = "\x1b[1m", "\x1b[0m"
COLOURS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;34m"}

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


def format_text(findings: Sequence[Finding], *, colour: bool = False) -> str:
    """Return one `path:line:col: CODE message` line per finding (`path:1:1: … (page N)` for PDF)."""
    lines = []
    for finding in findings:
        location, diagnostic = finding.location, finding.diagnostic
        message = _one_line(diagnostic.message)
        row = location.row if location.row is not None else 1
        if location.row is None and location.page is not None:
            message += f" (page {location.page})"
        path, code = finding.path, diagnostic.code
        if colour:
            path, code = f"{BOLD}{path}{RESET}", f"{COLOURS[diagnostic.severity]}{code}{RESET}"
        lines.append(f"{path}:{row}:1: {code} {message}\n")
    return "".join(lines)


def format_statistics(findings: Sequence[Finding]) -> str:
    """Return one `COUNT  CODE  name` line per code found, the most frequent first (as ruff does)."""
    counts = Counter(finding.diagnostic.code for finding in findings)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(count)) for count in counts.values()), default=1)
    return "".join(f"{count:>{width}}  {code}  {RULES_BY_CODE[code].name}\n" for code, count in ranked)


def format_sarif(findings: Sequence[Finding], *, version: str = "0") -> str:
    """Return a SARIF 2.1.0 log with one run: every rule of the table, one result per finding.

    GitHub code scanning reads it (`github/codeql-action/upload-sarif`); paths are relative
    URIs as given on the command line, to be resolved against the checkout.
    """
    index = {rule.code: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": f"{rule.summary} {rule.why}"},
            "help": {"text": f"{rule.summary}\n\nWhy it matters: {rule.why}\n\nExample: {rule.example}"},
            "helpUri": f"{RULES_URL}#{rule.code.lower()}-{rule.name}",
            "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
            "properties": {"tags": [rule.stage]},
        }
        for rule in RULES
    ]
    results = []
    for finding in findings:
        location, diagnostic = finding.location, finding.diagnostic
        region: dict[str, object] = {"startLine": location.row or 1, "startColumn": 1}
        if location.end_line is not None:
            region["endLine"] = location.end_line
        physical: dict[str, object] = {"artifactLocation": {"uri": _uri(finding.path)}, "region": region}
        sarif_location: dict[str, object] = {"physicalLocation": physical}
        message = diagnostic.message
        if location.page is not None:
            sarif_location["properties"] = {"page": location.page}
            message = f"{message} (page {location.page})"
        result: dict[str, object] = {
            "ruleId": diagnostic.code,
            "ruleIndex": index[diagnostic.code],
            "level": SARIF_LEVELS[diagnostic.severity],
            "message": {"text": message},
            "locations": [sarif_location],
        }
        if diagnostic.node is not None:
            result["properties"] = {"node": diagnostic.node}
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "docparse",
                        "version": version,
                        "informationUri": RULES_URL,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    """Return a SARIF artifact URI: relative paths with `/` (percent-encoded), absolute ones as file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri()
    from urllib.parse import quote

    return quote(pure.as_posix())


def _record(finding: Finding) -> dict[str, object]:
    return {
        "path": finding.path,
        "code": finding.diagnostic.code,
        "name": finding.diagnostic.name,
        "severity": finding.diagnostic.severity.value,
        "message": finding.diagnostic.message,
        "node": finding.diagnostic.node,
        "location": finding.location.as_dict(),
    }


def format_json(findings: Sequence[Finding]) -> str:
    """Return a JSON list of {path, code, name, severity, message, node, location} objects."""
    return json.dumps([_record(finding) for finding in findings], ensure_ascii=False, indent=2) + "\n"


def format_jsonl(findings: Sequence[Finding]) -> str:
    """Return JSON Lines: one {path, code, …} object a line, as `format_json`'s, for pipelines (`jq -c`)."""
    return "".join(json.dumps(_record(finding), ensure_ascii=False) + "\n" for finding in findings)


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


Formatter = Callable[[Sequence[Finding]], str]
FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "jsonl": format_jsonl,
    "github": format_github,
    "sarif": format_sarif,
}
