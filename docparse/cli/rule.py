"""`docparse rule DP301`: a rule of the table explained, as `ruff rule` does."""

from __future__ import annotations

import argparse
import sys

from docparse.cli.common import EXIT_OK, UsageError
from docparse.diagnostics import RULES, RULES_BY_CODE, RULES_BY_NAME, Rule


def find_rule(key: str) -> Rule | None:
    """Return the rule whose code (`DP301`, any case) or name (`numbering-gap`) is `key`."""
    return RULES_BY_CODE.get(key.strip().upper()) or RULES_BY_NAME.get(key.strip().lower())


def explain(rule: Rule) -> str:
    """Return the rule's documentation: What it does / Why is this bad? / Example, with the example call and
    what `docparse check` prints for it as docs/rules.md shows them / Suppressing it (Markdown)."""
    default = "reported by default" if rule.default else "reported only when selected (--select)"
    return (
        f"# {rule.name} ({rule.code})\n\n"
        f"Severity: {rule.severity.value}; {default}.\n\n"
        f"## What it does\n{rule.summary}\n\n"
        f"## Why is this bad?\n{rule.why}\n\n"
        f"## Example\n{rule.example}\n"
        f"{_example(rule)}"
        "\n## Suppressing it\n"
        f"`<!-- docparse: ignore {rule.code} -->` on its line or the line above (Markdown, HTML, text), "
        f'or `"PATTERN" = ["{rule.code}"]` under `[tool.docparse.per-file-ignores]`.\n'
    )


def _example(rule: Rule) -> str:
    from docparse.cli.rule_docs import example_blocks  # parses the example: only for `docparse rule`

    blocks = example_blocks(rule)
    return f"\n{blocks}" if blocks else ""


def list_rules() -> str:
    """Return one `CODE  name  severity` line per rule."""
    return "".join(f"{rule.code}  {rule.name}  {rule.severity.value}\n" for rule in RULES)


def run_rule(args: argparse.Namespace) -> int:
    if args.all:
        sys.stdout.write(list_rules())
        return EXIT_OK
    rule = find_rule(args.code)
    if rule is None:
        raise UsageError(f"{args.code}: no such rule (`docparse rule --all` lists them)")
    sys.stdout.write(explain(rule))
    return EXIT_OK
