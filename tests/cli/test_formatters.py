"""Output formats of `docparse check`: text locations, JSON records, GitHub workflow commands."""

from __future__ import annotations

import json
import re

import pytest

from docparse.cli.formatters import (
    Finding,
    escape_data,
    escape_property,
    format_github,
    format_json,
    format_sarif,
    format_statistics,
    format_text,
)
from docparse.diagnostics import RULES, make_diagnostic
from docparse.model.provenance import BBox, PageRegion, Provenance

TEXT = Provenance(line_start=12, line_end=12)
LINES = Provenance(line_start=3, line_end=5)
DOCX = Provenance(paragraph_start=41, paragraph_end=41)
PDF = Provenance(regions=(PageRegion(page=4, bbox=BBox(x0=72, top=100, x1=300, bottom=112)),))
NOWHERE = Provenance()
PROBLEM_MATCHER = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<code>DP\d{3}) (?P<message>.+)$")

# The workflow-command grammar: ::command key=value,key=value::message, with the message and the
# values escaped (no raw CR/LF anywhere, no raw `:` or `,` inside a value).
PROPERTY = r"(?:file|line|endLine|col|endColumn|title)=[^,:\r\n]*"
COMMAND = re.compile(
    rf"^::(?P<command>error|warning|notice)(?: (?P<props>{PROPERTY}(?:,{PROPERTY})*))?::(?P<msg>[^\r\n]*)$"
)


def _finding(
    provenance: Provenance, message: str = "number 3 is missing before direction `4)`", path: str = "a.md"
) -> Finding:
    return Finding(path, make_diagnostic("numbering-gap", message, provenance, node="1.1/d3"))


@pytest.mark.parametrize(
    ("provenance", "expected"),
    [
        (TEXT, "a.md:12:1: DP301 {}"),
        (LINES, "a.md:3:1: DP301 {}"),
        (DOCX, "a.md:42:1: DP301 {}"),
        (PDF, "a.md:1:1: DP301 {} (page 4)"),
        (NOWHERE, "a.md:1:1: DP301 {}"),
    ],
)
def test_text_location_per_format(provenance: Provenance, expected: str) -> None:
    line = format_text([_finding(provenance)])
    assert line == expected.format("number 3 is missing before direction `4)`") + "\n"
    # The pattern of the common problem matchers (VS Code's $eslint-compact-like, GitHub's).
    assert PROBLEM_MATCHER.match(line)


def test_text_in_colour_keeps_the_plain_text() -> None:
    plain = format_text([_finding(TEXT), _finding(PDF)])
    coloured = format_text([_finding(TEXT), _finding(PDF)], colour=True)
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_statistics_count_codes_most_frequent_first() -> None:
    findings = [_finding(TEXT), _finding(PDF), Finding("b.md", make_diagnostic("toc-title-mismatch", "x"))]
    assert format_statistics(findings) == "2  DP301  numbering-gap\n1  DP212  toc-title-mismatch\n"
    assert format_statistics([]) == ""


# What GitHub code scanning and SARIF 2.1.0 require of a log, a result and a location
# (sarif-v2.1.0 §3.13, §3.14, §3.27, §3.28; GitHub's "SARIF support for code scanning").
SARIF_LOG_KEYS = {"$schema", "version", "runs"}
SARIF_RESULT_KEYS = {"ruleId", "level", "message", "locations"}


def test_sarif_log_has_the_required_structure() -> None:
    findings = [_finding(TEXT), _finding(LINES), _finding(DOCX), _finding(PDF, path="calls/a b.pdf"), _finding(NOWHERE)]
    log = json.loads(format_sarif(findings, version="1.2.3"))
    assert set(log) >= SARIF_LOG_KEYS and log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("docparse", "1.2.3")
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert rule_ids == [rule.code for rule in RULES]
    assert all({"id", "name", "shortDescription", "helpUri", "defaultConfiguration"} <= set(r) for r in driver["rules"])
    assert all(r["shortDescription"]["text"] for r in driver["rules"])
    assert len(run["results"]) == len(findings)
    for result in run["results"]:
        assert set(result) >= SARIF_RESULT_KEYS
        assert result["level"] in {"error", "warning", "note", "none"}
        assert rule_ids[result["ruleIndex"]] == result["ruleId"] == "DP301"
        assert result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert not physical["artifactLocation"]["uri"].startswith("/")
        region = physical["region"]
        assert isinstance(region["startLine"], int) and region["startLine"] >= 1
        assert region.get("endLine", region["startLine"]) >= region["startLine"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    assert [(r["startLine"], r.get("endLine")) for r in regions] == [
        (12, None),
        (3, 5),
        (42, None),
        (1, None),
        (1, None),
    ]
    pdf = run["results"][3]
    assert pdf["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "calls/a%20b.pdf"
    assert pdf["locations"][0]["properties"] == {"page": 4}
    assert pdf["message"]["text"].endswith("(page 4)")


def test_text_output_keeps_one_line_per_finding() -> None:
    assert format_text([_finding(TEXT, "two\nlines")]).count("\n") == 1


def test_json_records() -> None:
    records = json.loads(format_json([_finding(TEXT), _finding(DOCX), _finding(PDF), _finding(LINES)]))
    assert [set(r) for r in records] == [{"path", "code", "name", "severity", "message", "node", "location"}] * 4
    assert records[0] | {"location": None} == {
        "path": "a.md",
        "code": "DP301",
        "name": "numbering-gap",
        "severity": "warning",
        "message": "number 3 is missing before direction `4)`",
        "node": "1.1/d3",
        "location": None,
    }
    assert [r["location"] for r in records] == [
        {"line": 12, "end_line": None, "column": 1, "paragraph": None, "page": None},
        {"line": None, "end_line": None, "column": 1, "paragraph": 42, "page": None},
        {"line": None, "end_line": None, "column": None, "paragraph": None, "page": 4},
        {"line": 3, "end_line": 5, "column": 1, "paragraph": None, "page": None},
    ]
    assert json.loads(format_json([])) == []


def _unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_commands_follow_the_grammar() -> None:
    findings = [_finding(TEXT), _finding(LINES), _finding(DOCX), _finding(PDF), _finding(NOWHERE)]
    lines = format_github(findings).splitlines()
    assert len(lines) == 5
    parsed = []
    for line in lines:
        match = COMMAND.match(line)
        assert match is not None, line
        props = dict(p.split("=", 1) for p in match.group("props").split(","))
        parsed.append((match.group("command"), props, match.group("msg")))
    assert parsed[0] == (
        "warning",
        {"file": "a.md", "line": "12", "title": "DP301 numbering-gap"},
        "number 3 is missing before direction `4)`",
    )
    assert parsed[1][1] == {"file": "a.md", "line": "3", "endLine": "5", "title": "DP301 numbering-gap"}
    assert parsed[2][1]["line"] == "42"
    assert parsed[3][1] == {"file": "a.md", "title": "DP301 numbering-gap"}
    assert parsed[3][2].startswith("page 4: ")
    assert parsed[4][1] == {"file": "a.md", "title": "DP301 numbering-gap"}


def test_github_severities() -> None:
    error = Finding("a.pdf", make_diagnostic("garbled-text", "garbled", PDF))
    info = Finding("a.md", make_diagnostic("paragraph-rejoined", "joined", TEXT))
    assert format_github([error]).startswith("::error file=a.pdf,title=DP103 garbled-text::page 4: garbled")
    assert format_github([info]).startswith("::notice file=a.md,line=12,")


def test_github_escaping() -> None:
    message = "100% sure:\r\nnext, line"
    path = "calls/2024: a,b%.md"
    (line,) = format_github([_finding(TEXT, message, path)]).splitlines()
    match = COMMAND.match(line)
    assert match is not None
    assert match.group("msg") == "100%25 sure:%0D%0Anext, line"
    assert "file=calls/2024%3A a%2Cb%25.md," in line
    assert _unescape(match.group("msg")) == message
    props = dict(p.split("=", 1) for p in match.group("props").split(","))
    assert _unescape(props["file"]) == path


def test_escape_functions() -> None:
    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    # `%` first, so an escape sequence already in the text is not taken for one.
    assert escape_data("%0A") == "%250A"
