"""Outline stage: tokens → outline drafts, in two passes of named rules.

1. Block rules (`docparse.outline.rules`) place each token in turn: headings open nodes, lists
   become directions or items, labels become fields, the rest is running content in order.
2. Shape rules (`docparse.outline.shape`) then read the tree as a call: field templates, topics,
   the kind of call, a single topic's clauses as its fields.

`freeze` turns the drafts into the frozen model.
"""

from __future__ import annotations

from collections.abc import Callable

from docparse.model.document import CallKind
from docparse.model.provenance import Provenance
from docparse.outline.analyse import gather
from docparse.outline.draft import DraftNode
from docparse.outline.rules import run_block_rules
from docparse.outline.shape import ShapeContext, run_shape_rules
from docparse.outline.state import Outline, State
from docparse.segment import Token
from docparse.vocab.markers import DEFAULT_LEXICON, Lexicon

__all__ = ["Observe", "Outline", "build_outline"]

Observe = Callable[[str, Outline], None]
"""Shown the drafts after the block rules (stage ``blocks``) and after each shape rule that changed them
(stage = the rule's name): `docparse explain` tells from them which shape rule changed a block's role."""


def build_outline(
    tokens: list[Token],
    lexicon: Lexicon = DEFAULT_LEXICON,
    kind: CallKind | None = None,
    observe: Observe | None = None,
) -> Outline:
    """Return the outline drafts of `tokens`; `kind` forces the kind of call; `observe` sees each stage."""
    outline = Outline(root=DraftNode(level=0, title=None, numbering=None, provenance=Provenance()))
    state = State(lexicon=lexicon, tokens=tokens, evidence=gather(tokens, lexicon), outline=outline)
    outline.clause_keys = set(state.evidence.clause_keys)
    run_block_rules(state)
    if observe is not None:
        observe("blocks", outline)
    run_shape_rules(outline, ShapeContext(lexicon, kind), observe)
    return outline
