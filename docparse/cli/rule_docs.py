"""Check stage, documentation: the rule table → docs/rules.md.

Run ``python -m docparse.cli.rule_docs > docs/rules.md`` after changing a rule, an example or a
message; a test fails while the file is stale. The findings shown under each example are
computed by parsing the example, so they are what `docparse check` prints today.
"""

from __future__ import annotations

import sys

from docparse.check.examples import EXAMPLES
from docparse.cli.formatters import Finding, format_text
from docparse.diagnostics import RULES, Rule
from docparse.model.diagnostic import Diagnostic

EXAMPLE_PATH = "call.md"
STAGES = {
    "reader": "the reader, while reading the file",
    "normalize": "normalize (or the PDF reader), while rejoining text",
    "outline": "the outline stage, while deciding the shape of the call",
    "check": "the check stage (`docparse/check/`)",
    "cli": "`docparse check` only, never the library",
}

HEADER = """\
# docparse rules

<!-- Generated from the rule table (docparse/diagnostics.py) by
     `python -m docparse.cli.rule_docs > docs/rules.md`; do not edit by hand. -->

Every finding docparse reports about a document has a stable **code** (`DP` and three digits,
grouped by hundreds: 1xx input and reading, 2xx structure, 3xx numbering, 4xx content; a code
is never reused or renumbered), a kebab-case **name** and a **severity** (`error`, `warning`,
`info`). The library collects them in `document.diagnostics`, in document order, and never
prints; `docparse check` prints them like a linter.

## Selecting rules

`docparse check` reports, by default, every rule of severity `warning` or `error`. Info-level
rules report what docparse did (a paragraph rejoined across a page break, a footnote set
apart), not a problem in the call: they are shown only when selected (`--select DP403`, or
`--select DP` for everything).

`--select` and `--ignore` take comma-separated code prefixes (`DP`, `DP3`, `DP30`, `DP301`).
As in ruff, the longest matching prefix decides (`--select DP3 --ignore DP301` reports DP302
to DP305 but not DP301) and `ignore` wins a tie. Settings come from the config file and then
the command line; a `select` at one level replaces the selection below it, an `ignore` only
removes. A prefix that matches no rule is a usage error. DP100 (an input that could not be
parsed) is reported, and fails the run, whatever the selection.

`--fail-on error|warning|info` (default `warning`) sets the lowest severity that makes the exit
code 1: a finding worth reporting fails the build, as in ruff and flake8, while info-level
notes (when selected) do not. `--exit-zero` always exits 0 unless the command line or the
config is wrong (exit code 2).

Configuration: a `[tool.docparse]` table in `pyproject.toml`, or the same keys at the top of a
`docparse.toml`, found in the current directory or the nearest one above it (`docparse.toml`
first), or named with `--config FILE`. Unknown keys are an error.

```toml
[tool.docparse]
select = ["DP"]          # or a string: "DP2,DP3"
ignore = ["DP211", "DP402"]
fail-on = "error"
format = "github"        # text, json, jsonl, github or sarif
extend-exclude = ["calls/drafts"]

[tool.docparse.per-file-ignores]
"calls/horizon-*.pdf" = ["DP211"]   # code prefixes not reported in the files a pattern matches
```

## Suppressing a finding

In a Markdown, text or HTML call, an HTML comment turns a finding off where it stands, as
ruff's `noqa` does: `<!-- docparse: ignore DP301 -->` on the finding's line or on the line
above it hides the codes it lists (comma-separated prefixes: `DP3` is every 3xx rule) for that
finding; `<!-- docparse: ignore-file DP211 -->` anywhere hides them in the whole file. The
comments are markup, dropped by the readers: they change nothing in the outline. PDF and DOCX
files have no such comments: use `per-file-ignores` (gitignore-style patterns, as `exclude`).
DP100 is never hidden.

## Where a finding is

| input | text format | `--format github` | `--format json` `location` |
| --- | --- | --- | --- |
| text, Markdown | `path:LINE:1:` | `file=path,line=LINE` (`endLine` too if several) | `line`, `end_line`, `column` |
| DOCX | `path:N:1:`, N the body paragraph (index + 1; tables count) | `file=path,line=N` | `paragraph`, `column` |
| PDF | `path:1:1: CODE message (page N)` | `file=path`, message starts with `page N: ` | `page` |
| whole document | `path:1:1:` | `file=path` | all null |

SARIF regions follow the text format (`startLine` the line, the paragraph, or 1), with
`endLine` for a range and the PDF page as a location property (`"properties": {"page": N}`).

A PDF has no lines, so its findings point at the file (`1:1`, which editors and problem
matchers parse as they parse any `path:line:col:`) and name the page at the end of the
message; a page number is never printed where a line number is expected. A DOCX paragraph
number does stand for a line: it counts the document's text units in order, as lines do.

The JSON output is one list of `{path, code, name, severity, message, node, location}`
objects (`--format jsonl`: the same objects, one a line, written file by file); `node` is the
id of the outline node concerned (`1.2`, `1.1/d3`) or null. GitHub
output is one workflow command per finding (`::error`, `::warning`, `::notice` for info),
titled `CODE name`, with `%`, CR and LF escaped in the message and also `:` and `,` in the
properties. SARIF output is a SARIF 2.1.0 log for GitHub code scanning
(`github/codeql-action/upload-sarif`): every rule of this page, one result per finding.
`--statistics` prints `COUNT  CODE  name` per code instead of the findings. `--output-file FILE`
(`-o`) writes the output to FILE instead of standard output; `-q` leaves out the summary line
(`docparse: checked 3 file(s): all checks passed` when there is nothing to report); `--jobs N`
checks N files at a time (0: one per CPU), the output in input order all the same.

`docparse rule DP301` (or `docparse rule numbering-gap`) prints a rule's section of this page
on the terminal; `docparse rule --all` lists them.

## Which files

`docparse check DIR` checks the `.pdf`, `.docx`, `.html`, `.htm`, `.xhtml`, `.txt`, `.md` and `.markdown` files under
`DIR`, less those a `.gitignore` (in `DIR`, below it, or above it up to the repository's top)
ignores and those the `exclude` patterns match: by default hidden folders and files (`.*`,
hence `.git`, `.venv`), `__pycache__`, `__pypackages__`, `node_modules`, `venv`, `build`,
`dist`, `site-packages`, `*.egg-info`. Patterns are gitignore-style, matched against paths
relative to `DIR`. `exclude` (`--exclude a,b`) replaces the defaults; `extend-exclude`
(`--extend-exclude a,b`) adds to them. Markdown that `docparse convert` wrote into the tree (its first
line `<!-- docparse: generated Markdown … -->`) is its output, not a call, and is left out too. A file or
folder named on the command line is always checked, even if git ignores it.
`-` reads standard input; `--stdin-filename calls/x.md` names it in the findings (and its
extension tells the format).
"""


def _findings(code: str, text: str) -> list[Diagnostic]:
    from docparse.pipeline import parse_text

    document = parse_text(text)
    return [d for d in document.diagnostics if d.severity.rank >= 1 or d.code == code]


def _rule_section(rule: Rule) -> str:
    default = "reported by default" if rule.default else "reported only when selected"
    parts = [
        f"### {rule.code} {rule.name}\n",
        f"*{rule.severity.value} · {default} · emitted by {STAGES[rule.stage]}*\n",
        f"**What it does.** {rule.summary}\n",
        f"**Why it matters.** {rule.why}\n",
        f"**Example.** {rule.example}\n",
    ]
    example = example_blocks(rule)
    if example:
        parts.append(example)
    return "\n".join(parts)


def example_blocks(rule: Rule) -> str:
    """Return the rule's example call and what `docparse check` prints for it (two fenced blocks), or ""."""
    example = EXAMPLES.get(rule.code)
    if example is None:
        return ""
    output = format_text([Finding(EXAMPLE_PATH, d) for d in _findings(rule.code, example)])
    return f"```markdown\n{example}```\n\n```console\n$ docparse check {EXAMPLE_PATH}\n{output}```\n"


def render_rules() -> str:
    """Return the text of docs/rules.md."""
    table = ["| Code | Name | Severity | Default | What it reports |", "| --- | --- | --- | --- | --- |"]
    for rule in RULES:
        default = "yes" if rule.default else "no"
        table.append(
            f"| [{rule.code}](#{_anchor(rule)}) | {rule.name} | {rule.severity.value} | {default} | {rule.summary} |"
        )
    sections = "\n".join(_rule_section(rule) for rule in RULES)
    return f"{HEADER}\n## Rules\n\n" + "\n".join(table) + "\n\n" + sections


def _anchor(rule: Rule) -> str:
    return f"{rule.code.lower()}-{rule.name}"


def main() -> int:
    sys.stdout.write(render_rules())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
