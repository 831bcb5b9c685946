"""The block rules: an ordered table of named rules, as in markdown-it's rule chains.

Each token is offered to the rules in order; a rule places it and returns True (it consumed the
token), or the number of tokens it consumed from there (a title set over several lines), or
declines by returning False. The name of the rule that placed each token is kept in the outline's trace
(the spec cases name the rule they exercise).
"""

from __future__ import annotations

from collections.abc import Callable

from docparse.outline.rules.content import field, field_chain, note, paragraph_rule
from docparse.outline.rules.furniture import code, navigation, table, toc_entry, toc_link, toc_table, toc_title
from docparse.outline.rules.headings import field_heading, group_heading, heading, styled_heading, toc_heading
from docparse.outline.rules.lists import direction, list_item, marker, template_item
from docparse.outline.rules.parts import (
    appendix,
    display_part,
    doc_identifier,
    doc_label,
    doc_title,
    generic_title,
    part_title,
    topic_index,
)
from docparse.outline.rules.tables import field_table, form_table
from docparse.outline.state import State

BlockRule = Callable[[State], int]
"""Return how many tokens the rule consumed from the current one: 0 (False) declines, True is 1."""

BLOCK_RULES: tuple[tuple[str, BlockRule], ...] = (
    ("navigation", navigation),
    ("toc-title", toc_title),
    ("toc-link", toc_link),
    ("toc-entry", toc_entry),
    ("toc-table", toc_table),
    ("code", code),
    ("field-table", field_table),
    ("form-table", form_table),
    ("table", table),
    ("doc-label", doc_label),
    ("part-title", part_title),
    ("appendix", appendix),
    ("topic-index", topic_index),
    ("display-part", display_part),
    ("generic-title", generic_title),
    ("doc-title", doc_title),
    ("doc-identifier", doc_identifier),
    ("group-heading", group_heading),
    ("styled-heading", styled_heading),
    ("toc-heading", toc_heading),
    ("field-heading", field_heading),
    ("heading", heading),
    ("marker", marker),
    ("direction", direction),
    ("template-item", template_item),
    ("list-item", list_item),
    ("field-chain", field_chain),
    ("field", field),
    ("note", note),
    ("paragraph", paragraph_rule),
)

BLOCK_RULE_NAMES = frozenset(name for name, _ in BLOCK_RULES)


def run_block_rules(state: State) -> None:
    """Offer every token to the rules in order; record which rule placed it."""
    trace = state.outline.trace
    index = 0
    while index < len(state.tokens):
        state.index = index
        token = state.tokens[index]
        state.collect_links(token)
        consumed = 1
        for name, rule in BLOCK_RULES:
            taken = rule(state)
            if taken:
                trace.append((index, name))
                consumed = int(taken)
                break
        index += consumed
