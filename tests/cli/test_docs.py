"""docs/rules.md is generated from the rule table and up to date; every rule is implemented and documented."""

from __future__ import annotations

import re

import pytest

import docparse
from docparse.check.examples import EXAMPLES
from docparse.check.registry import checked_rules
from docparse.cli.rule_docs import render_rules
from docparse.diagnostics import RULES, RULES_BY_CODE

from ..conftest import ROOT

# Check-stage rules that a small Markdown call cannot show: they need a PDF or page furniture.
WITHOUT_EXAMPLE = {"DP213", "DP402"}


def test_rules_md_is_up_to_date() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == render_rules(), "docs/rules.md is stale: run `python -m docparse.cli.rule_docs > docs/rules.md`"


def test_codes_are_unique_grouped_and_named() -> None:
    codes = [rule.code for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)
    assert len({rule.name for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"DP[1-5]\d\d", rule.code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
        assert rule.summary and rule.why and rule.example


def test_every_check_stage_rule_has_a_check_and_no_check_emits_another() -> None:
    assert checked_rules() == {rule.name for rule in RULES if rule.stage == "check"}


def test_every_check_stage_rule_has_an_example() -> None:
    documented = set(EXAMPLES) | WITHOUT_EXAMPLE
    assert documented == {rule.code for rule in RULES if rule.stage == "check"}


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_each_example_gives_exactly_its_own_code(code: str) -> None:
    document = docparse.parse_text(EXAMPLES[code])
    assert RULES_BY_CODE[code].default
    assert {d.code for d in document.diagnostics if d.severity.rank >= 1} == {code}
