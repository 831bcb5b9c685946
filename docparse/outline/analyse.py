"""Evidence from the whole document, gathered before any token is placed.

A token's own text says what it *could* be; some decisions need the document around it:

- a run of numbered lines with nothing between them (``1. Go to projectspectrum.io`` …
  ``10. Enroll in the course``) is a list, not a run of headings, whatever their family;
- a numbering family whose labels count up once through the whole document, with other
  content between them (``一、`` … ``十四、`` of a 申請須知), is the document's clause family:
  each label opens a section even where the clause runs on as a sentence;
- an identifier printed again later (``A254-049`` in a topic index, then ``A254-049 TITLE:``
  over the topic) is a topic only where its topic is, at the last occurrence;
- the body font size, against which a larger line is a display line (a title, an annex title);
- the labels of label tables that recur in two or more tables (``Title`` / ``Mentor`` tables
  under every idea): a field template written as tables.
- labels printed under two or more headings (``Difficulty:`` under every idea, a bullet
  ``- Skills`` over its values, a bold line ``**Expected result**``): the fields of a template,
  however each is drawn, even where the table of known labels does not have them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from docparse.blocks import SIZE_CHANGE
from docparse.outline.tables import label_rows
from docparse.segment import Token, TokenKind
from docparse.vocab.families import Role, Sequence
from docparse.vocab.markers import (
    DEFAULT_LEXICON,
    Lexicon,
    bracket_title,
    is_aspect_title,
    is_bracket_title,
    is_caption,
    is_generic_title,
    is_part_title,
    is_question_title,
    is_short_label,
    is_title_like,
    label_key,
)

Key = tuple[str, int]

# A family counts as the clause family when it counts up through at least this many labels.
CLAUSE_MIN_LABELS = 3
# A line this much larger than the body text is a display line (a title, an annex title).
DISPLAY_SIZE_RATIO = 1.15


@dataclass
class Evidence:
    title_index: int | None = None
    """The format heading that is the document title, if one is."""
    bare: set[int] = field(default_factory=set)
    """Numbered lines that are list items: a run of siblings with nothing between them."""
    clause_keys: set[Key] = field(default_factory=set)
    """Families used as the document's run-in clauses."""
    label_clause_keys: frozenset[Key] = frozenset()
    """Clause families most of whose clauses are a short label alone (``1. Introduction:`` over its text): titles."""
    field_clause_keys: frozenset[Key] = frozenset()
    """Clause families most of whose clauses run a short label into their text (``1. Introduction: CloudSynergy
    is seeking …``): each clause's label and text a field of the clause."""
    groups: dict[int, list[int]] = field(default_factory=dict)
    """Title lines that head a run of items counting from 1 again (`list_groups`), with the run's items."""
    group_items: set[int] = field(default_factory=set)
    """The items of those runs: sibling titles under their group, not a list."""
    index_entries: set[int] = field(default_factory=set)
    """Identifier lines that list a topic printed again later (a topic index)."""
    labels: frozenset[tuple[str, Key]] = frozenset()
    """Labels (`label_key` forms) printed under at least two different headings of one level (the
    heading's key: ``("heading", 3)`` for ``###``, a numbering family's key): a field template."""
    heading_keys: list[Key | None] = field(default_factory=list)
    """For each token, the key of the heading it stands under (None before the first)."""
    titled_items: frozenset[int] = frozenset()
    set_apart: frozenset[int] = frozenset()
    """Bold lines alone (``Judgement Criteria``, ``Rules``) of a style that sets two or more of them over plain body
    text: the document's unnumbered headings, even before any heading opens a part."""
    label_styles: frozenset[float] = frozenset()
    """Sizes of bold label lines alone (``Patrons:`` over its names) set as text, not as a format heading: a
    format heading in that bold and size ending in a colon (``Chief Patron:`` styled Heading 5) is such a label."""
    format_ranks: dict[int, int] = field(default_factory=dict)
    """Format headings (a DOCX outline level, a PDF's heading rank) whose level the document sets in two or more
    sizes, with the rank of their size within that level (0 the largest): ``第二部分`` in 16 pt and ``一、总则``
    in 12 pt, both outline level 1, are two ranks, as a reader sees them."""
    display_repeats: frozenset[int] = frozenset()
    """Display lines of their own (``IoT Domain`` … ``Drone Domain`` in 16 pt bold) whose style two or more
    lines share: a rank of parts the document repeats."""
    bold_list_heads: frozenset[int] = frozenset()
    """Format list items set wholly in bold over a deeper list (``- **Software Development**`` over its
    sub-items), where two or more siblings are: the labels of the parts of the list."""
    labelled_runs: frozenset[int] = frozenset()
    """Numbered lines of a run of siblings that mostly run in a label of their own (``1. Users: …`` …
    ``11. Reputation System: …``): each label a field, as in a format list."""
    """List-family lines (``（1）校准``) that count up as titles each over its own body text: headings."""

    def repeated(self, label: str, index: int) -> bool:
        """Return whether `label`, printed at token `index`, is printed under other headings of the same level."""
        key = self.heading_keys[index] if 0 <= index < len(self.heading_keys) else None
        return key is not None and (label_key(label), key) in self.labels

    def labels_at(self, index: int) -> frozenset[str]:
        """Return the repeated labels of the level token `index` stands under."""
        key = self.heading_keys[index] if 0 <= index < len(self.heading_keys) else None
        return frozenset(label for label, level in self.labels if level == key)

    body_size: float | None = None
    bracket_heads: frozenset[int] = frozenset()
    """Lines that are a bracketed title of their own (``【赛题背景】``), where the document prints two or more."""
    bold_keys: frozenset[Key] = frozenset()
    """Families whose title lines (a title alone, no run-in label) are set in bold: their headings' style."""
    heading_styles: dict[tuple[float, bool], Key] = field(default_factory=dict)
    """Display styles (font size, bold) that only one family of numbered heading lines is set in."""
    table_labels: frozenset[str] = frozenset()
    """Labels (casefolded) of label tables that recur in two or more of them: a template of tables."""
    styled_labels: frozenset[int] = frozenset()
    """Lines of their own set in the display style of two or more labels alone with their colon (``课题内容：``,
    ``课题任务要求：`` in 14 pt over 10.5 pt text): labels without the colon (``同组设计者``)."""
    table_heads: frozenset[int] = frozenset()
    """Lines of their own in a size larger than the body that only ever stands right above a table, two or more
    times: the titles of a form's tables (``毕业设计（论文）任务下达表``)."""

    def is_display(self, token: Token) -> bool:
        """Return whether the token's block is set clearly larger than the body text."""
        size = token.block.font_size
        return size is not None and self.body_size is not None and size >= self.body_size * DISPLAY_SIZE_RATIO

    def format_key(self, index: int, token: Token) -> Key:
        """Return the level key of the format heading at token `index`: its format level, refined by its size rank.

        Keys of format headings order as their levels and, within a level, as their sizes (larger first),
        so that `Levels.level_of` ranks them as the markup and the typography together do.
        """
        level = token.block.heading_level or 1
        return ("heading", level * FORMAT_RANK_SPAN + self.format_ranks.get(index, 0))


def gather(tokens: list[Token], lexicon: Lexicon = DEFAULT_LEXICON) -> Evidence:
    """Return the document-wide evidence of `tokens`."""
    clauses = clause_families(tokens)
    labels, keys = repeated_labels(tokens, lexicon)
    runs = list_runs(tokens)
    groups = list_groups(tokens, list_runs(tokens, frozenset(Role)))
    grouped = {i for run in groups.values() for i in run}
    bare = {i for run in runs for i in run if _key(tokens[i]) not in clauses and i not in grouped}
    size = body_size(tokens)
    return Evidence(
        title_index=title_heading(tokens, lexicon),
        bare=bare,
        groups=groups,
        group_items=grouped,
        clause_keys=clauses,
        label_clause_keys=label_clauses(tokens, clauses),
        field_clause_keys=field_clauses(tokens, clauses),
        index_entries=index_entries(tokens),
        body_size=size,
        heading_styles=heading_styles(tokens, bare, size),
        bracket_heads=bracket_heads(tokens),
        bold_keys=frozenset(
            token.numbering.key
            for i, token in enumerate(tokens)
            if token.kind is TokenKind.NUMBERED
            and token.numbering is not None
            and token.field is None
            and token.all_bold
            and not token.in_list
            and i not in bare
            and is_title_like(token.text)
        ),
        table_labels=table_labels(tokens),
        labels=labels,
        heading_keys=keys,
        titled_items=titled_items(tokens),
        labelled_runs=labelled_runs(tokens),
        set_apart=set_apart_lines(tokens),
        bold_list_heads=bold_list_heads(tokens),
        display_repeats=display_repeats(tokens, size),
        format_ranks=format_ranks(tokens),
        label_styles=frozenset(
            token.block.font_size
            for token in tokens
            if token.kind is TokenKind.PARAGRAPH
            and token.block.font_size is not None
            and token.field is not None
            and not token.field.rest.strip()
            and not token.in_list
            and token.all_bold
        ),
        table_heads=table_heads(tokens, size),
        styled_labels=styled_labels(tokens, size),
    )


# A label is a template's when it is printed under at least this many different headings.
LABEL_MIN_HEADINGS = 2


def repeated_labels(
    tokens: list[Token], lexicon: Lexicon = DEFAULT_LEXICON
) -> tuple[frozenset[tuple[str, Key]], list[Key | None]]:
    """Return the labels printed under two or more different headings of one level, and each token's heading key.

    A label is the label of a run-in field (``Difficulty: medium``) and of the labels run in
    after it (``Requirements: C``), a bold line of its own (``**Expected result**``), or a list
    item over a deeper list (``- Skills`` over its values) or alone over a paragraph (``- 描述`` over
    its text). Headings of one level are siblings
    (the ideas of a catalogue); the same words under a heading of another level
    (``1. Project Description`` in the proposal guidelines) are not that template.
    """
    under: dict[tuple[str, Key], set[int]] = {}
    keys: list[Key | None] = []
    heading, key = -1, None
    for i, token in enumerate(tokens):
        level = _heading_key(token)
        if level is not None:
            heading, key = i, level
            keys.append(key)
            continue
        keys.append(key)
        if key is None:
            continue
        before, after = tokens[i - 1] if i else None, tokens[i + 1] if i + 1 < len(tokens) else None
        for label in _labels_of(token, before, after, lexicon):
            under.setdefault((label_key(label), key), set()).add(heading)
    repeated = frozenset(k for k, headings in under.items() if k[0] and len(headings) >= LABEL_MIN_HEADINGS)
    return repeated, keys


# Titled items are headings when at least this many siblings count up so.
TITLED_ITEMS_MIN = 2


def titled_items(tokens: list[Token]) -> frozenset[int]:
    """Return list-family lines that the document sets as headings: a title alone over body text, repeated.

    ``（1）校准`` over a paragraph, ``（2）加工`` over another …: where every sibling of a run counting up
    from 1 is a short title alone on its line and followed by running text (not another item, not a
    title), the family is the document's rank of headings there, not a list.
    """
    runs: dict[Key, list[int]] = {}
    done: list[list[int]] = []
    for i, token in enumerate(tokens):
        numbering = token.numbering
        if token.kind is not TokenKind.NUMBERED or numbering is None or numbering.family.role is not Role.LIST:
            continue
        if numbering.family.sequence is not Sequence.POSITION or not numbering.path:
            continue
        run = runs.get(numbering.key)
        last = tokens[run[-1]].numbering if run else None
        if run and last is not None and numbering.follows(last):
            run.append(i)
        else:
            if run:
                done.append(run)
            runs[numbering.key] = [i]
    done.extend(runs.values())
    found: set[int] = set()
    for run in done:
        first = tokens[run[0]].numbering
        if (
            len(run) >= TITLED_ITEMS_MIN
            and first is not None
            and first.last == 1
            and all(_titled_item(tokens, i) for i in run)
        ):
            found.update(run)
    return frozenset(found)


# A style of bold lines alone heads parts when at least this many of its lines stand over plain body text.
SET_APART_MIN = 2


def set_apart_lines(tokens: list[Token]) -> frozenset[int]:
    """Return bold lines alone on their line, of a style that the document sets over body text again and again.

    ``Compulsory Submission`` over a paragraph, ``Judgement Criteria`` over another, ``Rules`` over a
    list, each a short bold title of its own in one size: the style (size, bold) of two or more lines
    over plain text is a rank of headings, and each line of it heads what follows. Bold lines only
    over lists (``**Eligibility**`` over ``1)`` …) say nothing of the kind.
    """
    styles: dict[float | None, list[int]] = {}
    over_text: Counter[float | None] = Counter()
    for i, token in enumerate(tokens):
        text = token.text.strip()
        if (
            token.kind is not TokenKind.PARAGRAPH
            or not token.all_bold
            or token.field is not None
            or token.in_list
            or not (token.title_like or is_question_title(text))
            or text[-1:] in ".。"
            or is_caption(text)
        ):
            continue
        size = token.block.font_size
        styles.setdefault(size, []).append(i)
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is not None and after.kind is TokenKind.PARAGRAPH and not after.all_bold and not after.in_list:
            over_text[size] += 1
    return frozenset(i for size, lines in styles.items() if over_text[size] >= SET_APART_MIN for i in lines)


def display_repeats(tokens: list[Token], body: float | None) -> frozenset[int]:
    """Return display lines of their own whose style (size, bold) two or more such lines share."""
    if body is None:
        return frozenset()
    styles: dict[tuple[float, bool], list[int]] = {}
    for i, token in enumerate(tokens):
        size = token.block.font_size
        if (
            token.kind is TokenKind.PARAGRAPH
            and token.field is None
            and token.title_like
            and size is not None
            and size >= body * DISPLAY_SIZE_RATIO
        ):
            styles.setdefault((size, token.all_bold), []).append(i)
    return frozenset(i for lines in styles.values() if len(lines) >= SET_APART_MIN for i in lines)


def styled_labels(tokens: list[Token], body: float | None) -> frozenset[int]:
    """Return the lines of their own, no colon, set in the display style of two or more labels alone with theirs.

    A form's parts printed as ``课题内容：`` and ``课题任务要求：`` in 14 pt over 10.5 pt text, then
    ``主要参考文献（由指导教师选定）`` and ``同组设计者`` in the same 14 pt: the style labels them all, with
    or without the colon. The line's value is below it: text set smaller, or nothing (a blank part).
    """
    if body is None:
        return frozenset()
    labels: Counter[tuple[float, bool]] = Counter()
    for token in tokens:
        size = token.block.font_size
        if token.kind is TokenKind.PARAGRAPH and token.field is not None and not token.field.rest and size is not None:
            labels[(size, token.all_bold)] += size > body + SIZE_CHANGE and not token.in_list
    styles = {style for style, count in labels.items() if count >= SET_APART_MIN}
    found = set()
    for i, token in enumerate(tokens):
        size = token.block.font_size
        if size is None or (size, token.all_bold) not in styles or not _own_line_title(token):
            continue
        if not token.text[:1].isalpha():
            continue  # a placeholder ("{Website}") or a mark, not a label
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is None or (after.block.font_size or size) < size - SIZE_CHANGE:
            found.add(i)
    return frozenset(found)


def _own_line_title(token: Token) -> bool:
    """Return whether a token is a title-like paragraph of its own: no label, list, sentence end, colon or caption."""
    text = token.text
    return (
        token.kind is TokenKind.PARAGRAPH
        and token.field is None
        and not token.in_list
        and token.title_like
        and text[-1:] not in ".。：:"
        and not is_caption(text)
    )


def table_heads(tokens: list[Token], body: float | None) -> frozenset[int]:
    """Return the title lines of a document's tables: a size larger than the body's that every line set in it,
    two or more, uses for a title of its own right above a table (a form's ``任务下达表``, ``过程检查记录`` …)."""
    if body is None:
        return frozenset()
    styles: dict[float, list[int]] = {}
    for i, token in enumerate(tokens[:-1]):
        size = token.block.font_size
        if token.kind is TokenKind.PARAGRAPH and size is not None and size > body + SIZE_CHANGE:
            styles.setdefault(size, []).append(i)
    heads: set[int] = set()
    for lines in styles.values():
        if len(lines) >= SET_APART_MIN and all(_heads_table(tokens, i) for i in lines):
            heads.update(lines)
    return frozenset(heads)


def _heads_table(tokens: list[Token], index: int) -> bool:
    """Return whether a line is a title of its own right above a table (not a caption, a sentence or a label)."""
    return tokens[index + 1].kind is TokenKind.TABLE and _own_line_title(tokens[index])


def bold_list_heads(tokens: list[Token]) -> frozenset[int]:
    """Return format list items set wholly in bold over a deeper list, where two or more siblings of one list are.

    ``- **Software Development**`` over its topics, ``- **Scientific Contribution**`` over others: each
    bold title labels the items under it. One bold item over a sub-list is an item like the others.
    """
    found: dict[tuple[int, Key, int], list[int]] = {}
    lists = 0  # one list after another: a line outside any list ends one
    for i, token in enumerate(tokens[:-1]):
        numbering = token.numbering
        after = tokens[i + 1]
        if not token.in_list:
            lists += 1
        if (
            token.kind is TokenKind.NUMBERED
            and numbering is not None
            and token.in_list
            and token.all_bold
            and token.field is None
            and token.title_like
            and after.in_list
            and after.block.list_depth > token.block.list_depth
        ):
            found.setdefault((lists, numbering.key, token.block.list_depth), []).append(i)
    return frozenset(i for heads in found.values() if len(heads) >= SET_APART_MIN for i in heads)


# A run of labelled siblings has at least this many items, and at most this share of them without a label.
LABELLED_RUN_MIN = 3
LABELLED_RUN_SHARE = 2 / 3


def labelled_runs(tokens: list[Token]) -> frozenset[int]:
    """Return numbered lines of runs of siblings that each run in a label of their own: fields, not a list.

    ``1. Users of the Application: …`` … ``18. Software Maintenance: …``, typed numbers with text
    between them: where most siblings of a run counting up from 1 print a label, every label a
    title and no two the same, the labels name the parts of what they hold, as a format list's
    labelled items do. Lead words repeated (``Note:`` ``Note:``) or a few labels among sentences are a list.
    """
    runs: dict[tuple[Key, int], list[int]] = {}
    done: list[list[int]] = []
    for i, token in enumerate(tokens):
        numbering = token.numbering
        if token.kind is not TokenKind.NUMBERED or numbering is None or numbering.is_bullet or not numbering.path:
            continue
        if numbering.family.sequence is not Sequence.POSITION or token.block.heading_level is not None:
            continue
        place = (numbering.key, token.block.list_depth)
        run = runs.get(place)
        last = tokens[run[-1]].numbering if run else None
        if run and last is not None and numbering.follows(last):
            run.append(i)
            continue
        if run:
            done.append(run)
        runs[place] = [i]
    done.extend(runs.values())
    found: set[int] = set()
    for run in done:
        first = tokens[run[0]].numbering
        labels = [
            t.field.label for t in (tokens[i] for i in run) if t.field is not None and is_title_like(t.field.label)
        ]
        if (
            len(run) >= LABELLED_RUN_MIN
            and first is not None
            and first.last == 1
            and len(labels) >= LABELLED_RUN_SHARE * len(run)
            and len({label_key(label) for label in labels}) == len(labels)
        ):
            found.update(i for i in run if tokens[i].field is not None)
    return frozenset(found)


def _titled_item(tokens: list[Token], index: int) -> bool:
    """Return whether a list-family line outside any format list is a title alone over its own body.

    The body is running text, or a bulleted list of the format's (``（1）热身阶段`` over ``- 提供 baseline…``,
    ``**a) Wallets**`` over ``* Implement …``): a format list does not nest under a line of text, so the line
    heads it rather than being an item of its list.
    """
    token = tokens[index]
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if not (not token.in_list and token.field is None and bool(token.text) and token.title_like and after is not None):
        return False
    assert after is not None
    if after.in_list:
        return after.numbering is not None and after.numbering.is_bullet and after.block.list_depth == 1
    return after.kind is TokenKind.PARAGRAPH and not after.title_like


def _heading_key(token: Token) -> Key | None:
    """Return the level key of a heading line: its format level, or a numbered title's family."""
    if token.kind is TokenKind.HEADING or token.block.heading_level is not None:
        return ("heading", token.block.heading_level or 1)
    numbering = token.numbering
    if (
        token.kind is TokenKind.NUMBERED
        and numbering is not None
        and numbering.family.role in (Role.OUTLINE, Role.IDENTIFIER)
        and not token.in_list
        and token.title_like
    ):
        return numbering.key
    return None


def _labels_of(token: Token, before: Token | None, after: Token | None, lexicon: Lexicon) -> list[str]:
    """Return the label-like phrases a token prints."""
    if token.field is not None:
        return [token.field.label, *lexicon.chain_candidates(token.field.rest)]
    if token.kind is TokenKind.PARAGRAPH and not token.in_list and (chained := _run_in_after_text(token.text, lexicon)):
        return chained  # "Trim the wheels. Skills: C. Mentors: Ana": the labels run in after a paragraph's text
    text = token.text.strip().rstrip("：:").strip()
    if not is_title_like(text) or text.endswith("."):
        return []
    if token.kind is TokenKind.PARAGRAPH and token.all_bold:
        return [text]
    if token.in_list and after is not None and after.block.list_depth > token.block.list_depth:
        return [text]
    if lone_label_item(token, before, after):
        return [text]
    return []


def _run_in_after_text(text: str, lexicon: Lexicon) -> list[str]:
    """Return the labels, known or not, that a paragraph runs in after a sentence of its text."""
    candidates = frozenset(label_key(label) for label in lexicon.chain_candidates(text))
    return [found.label for found in lexicon.chained(text, candidates)[1:]]


# A family of bracketed headings has at least this many lines.
BRACKET_MIN_HEADS = 2


def bracket_heads(tokens: list[Token]) -> frozenset[int]:
    """Return the indices of bracketed title lines (``【赛题背景】`` … ``【提交说明】``) when there are two or more."""
    found = [
        i
        for i, token in enumerate(tokens)
        if token.kind is TokenKind.PARAGRAPH and token.field is None and bracket_title(token.text) is not None
    ]
    return frozenset(found) if len(found) >= BRACKET_MIN_HEADS else frozenset()


def heading_styles(tokens: list[Token], bare: set[int], body: float | None) -> dict[tuple[float, bool], Key]:
    """Return the display styles (size, bold) of numbered heading lines, each mapped to its family's key.

    A numbered title line set larger than the body text (``赛题方向 A-战略模拟器 Agent`` in 14 pt bold)
    gives its style; a style that two families share says nothing and is left out.
    """
    if body is None:
        return {}
    found: dict[tuple[float, bool], set[Key]] = {}
    for i, token in enumerate(tokens):
        numbering = token.numbering
        size = token.block.font_size
        if (
            token.kind is not TokenKind.NUMBERED
            or numbering is None
            or numbering.family.role not in (Role.OUTLINE, Role.IDENTIFIER)
            or token.in_list
            or i in bare
            or size is None
            or size < body * DISPLAY_SIZE_RATIO
            or not is_title_like(token.text)
        ):
            continue
        found.setdefault((size, token.all_bold), set()).add(numbering.key)
    return {style: next(iter(keys)) for style, keys in found.items() if len(keys) == 1}


# Room for the size ranks of one format level in a format heading's key (more sizes share the last rank).
FORMAT_RANK_SPAN = 16


def format_ranks(tokens: list[Token]) -> dict[int, int]:
    """Return the size rank, within its format level, of each format heading set in one of two or more sizes.

    Sizes closer than `SIZE_CHANGE` are one (rounding, a glyph of another font). A level whose headings
    are all one size (or unsized: Markdown, HTML) gets no ranks: the markup's level alone decides there.
    """
    sizes: dict[int, list[tuple[int, float]]] = {}
    for i, token in enumerate(tokens):
        size = token.block.font_size
        if token.block.heading_level is None or size is None:
            continue
        sizes.setdefault(token.block.heading_level, []).append((i, size))
    ranks: dict[int, int] = {}
    for found in sizes.values():
        tiers: list[float] = []
        for size in sorted({size for _, size in found}, reverse=True):
            if not tiers or tiers[-1] - size > SIZE_CHANGE:
                tiers.append(size)
        if len(tiers) < 2:
            continue
        for i, size in found:
            rank = next(r for r, tier in enumerate(tiers) if tier - size <= SIZE_CHANGE)
            ranks[i] = min(rank, FORMAT_RANK_SPAN - 1)
    return ranks


def lone_label_item(token: Token, before: Token | None, after: Token | None) -> bool:
    """Return whether `token` is a bullet list of one item over a paragraph (``- 描述`` over its text).

    The paragraph stands after the list or inside the item (``- 描述`` then ``  text``). Such an item
    reads as a label over its value, as a bullet over a deeper list does; it is one where its text
    repeats under other headings (`Evidence.labels`).
    """
    return (
        token.in_list
        and token.numbering is not None
        and token.numbering.is_bullet
        and not (before is not None and before.in_list and before.block.list_depth >= token.block.list_depth)
        and after is not None
        and after.kind is TokenKind.PARAGRAPH
        and after.block.list_depth <= token.block.list_depth
    )


def table_labels(tokens: list[Token]) -> frozenset[str]:
    """Return the labels (casefolded) that label tables share: each found in two or more tables."""
    counts: Counter[str] = Counter()
    for token in tokens:
        if token.kind is TokenKind.TABLE and (found := label_rows(token.block.rows)) is not None:
            counts.update({label.casefold() for label in found.labels})
    return frozenset(label for label, n in counts.items() if n >= 2)


def title_heading(tokens: list[Token], lexicon: Lexicon = DEFAULT_LEXICON) -> int | None:
    """Return the index of the format heading that is the document title, if one is.

    That is the first unnumbered format heading (a Markdown ``#``, a DOCX Title or heading
    style) when no later unnumbered heading has the same or a higher level: a lone ``#`` over
    ``##`` parts, or a title styled as a heading above numbered section headings. Where parts
    are set at the title's level too (``# EvaHan2023`` then ``# Important Dates``, ``# Data`` …),
    a first heading that opens the document and names no part (no known label, not generic) is
    the title all the same.
    """
    headings = [(i, t) for i, t in enumerate(tokens) if t.kind is TokenKind.HEADING]
    if not headings:
        return None
    first_index, first = headings[0]
    level = first.block.heading_level or 1
    if any((t.block.heading_level or 1) <= level for _, t in headings[1:]) and not _opening_title(
        tokens, first_index, lexicon
    ):
        return None
    if any(t.kind is TokenKind.NUMBERED and t.block.heading_level is not None for t in tokens[:first_index]):
        return None  # after the numbered sections ("Bibliography" after "5. How to Participate"): back matter
    return first_index


def _opening_title(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """Return whether the heading at `index` is the document's first line and a name, not a part's title."""
    heading = tokens[index]
    text = heading.text.strip()
    return (
        all(token.kind is TokenKind.NAVIGATION for token in tokens[:index])
        and (heading.block.heading_level or 1) == 1
        and heading.numbering is None
        and is_title_like(text)
        and not lexicon.is_field_label(text)
        and not is_generic_title(text)
        and not is_part_title(text)
        and not is_aspect_title(text)  # "# 比赛规则" over "# 赛题说明": one part of the call among its siblings
    )


def _typed(token: Token) -> bool:
    """Return whether a numbered token is a typed label outside any format list or heading."""
    return (
        token.kind is TokenKind.NUMBERED
        and token.numbering is not None
        and not token.in_list
        and token.block.heading_level is None
    )


def _line_label(token: Token) -> bool:
    """Return whether a numbered token is a typed label or a top-level list item (not a format heading)."""
    return (
        token.kind is TokenKind.NUMBERED
        and token.numbering is not None
        and token.block.list_depth <= 1
        and token.block.heading_level is None
    )


HEADING_ROLES = frozenset({Role.OUTLINE, Role.IDENTIFIER})


def list_runs(tokens: list[Token], roles: frozenset[Role] = HEADING_ROLES) -> list[list[int]]:
    """Return the runs of two or more numbered sibling lines with nothing between them, in order.

    `roles` are the families' roles looked at: those that may head sections (a run of them is
    a list all the same), or every role (the runs that group headings may stand over).
    """
    runs: list[list[int]] = []
    run: list[int] = []
    headed: set[Key] = set()
    """Families already used as headings: a label of theirs had content under it."""

    def close(after: Token | None = None) -> None:
        # A run followed by the first child of its last label ("2. …", "3. …", then "3.1 …") is
        # a run of headings, the first of them empty; so is a run of a family that heads
        # sections elsewhere in the document ("1.3" left empty before "1.4").
        if run:
            key = tokens[run[-1]].numbering.key  # type: ignore[union-attr]
            if len(run) >= 2 and not _opens_child(tokens[run[-1]], after) and key not in headed:
                runs.append(list(run))
            elif len(run) == 1 and tokens[run[0]].title_like:
                headed.add(key)
        run.clear()

    for i, token in enumerate(tokens):
        if token.kind is TokenKind.NAVIGATION:
            continue
        if token.in_list and token.kind is not TokenKind.NUMBERED:
            continue  # a further paragraph inside a list item (a loose Markdown list)
        if run and _inside_item(tokens[run[-1]], token):
            continue  # a sub-item of a list item of the run: "1. Project Description" then "   - Value …"
        numbering = token.numbering
        if not _line_label(token) or numbering is None or numbering.family.role not in roles:
            close(token)
            continue
        if run:
            previous = tokens[run[-1]].numbering
            assert previous is not None
            if numbering.key != previous.key:
                close(token)
            elif numbering.family.role is Role.IDENTIFIER and any(_num(tokens[j]) == numbering.num for j in run):
                close(token)  # the topic index is over: its first identifier is printed again over its topic
            elif (
                numbering.family.sequence is Sequence.POSITION
                and not numbering.follows(previous)
                and not _lazy_item(tokens[run[-1]], token)
            ):
                close(token)
        run.append(i)
    close()
    return runs


# A group heading stands at most this many paragraphs above its run ("【第一批赛题】", then
# "共15道题，……", then "赛题一：…").
GROUP_LEAD_MAX_PARAGRAPHS = 2


def list_groups(tokens: list[Token], runs: list[list[int]]) -> dict[int, list[int]]:
    """Return the group headings of restarting runs, each with the items of its run.

    Runs of one numbering family that each count from 1 again under a title line of their own
    (``【第一批赛题】`` over ``赛题一：…`` … ``赛题十五：…``, ``【第二批赛题】`` over ``赛题一：…`` again):
    the restart says the title lines group the items, so each title is a heading over its run
    and each item a sibling title under it. A title line is a bracketed title or a bold line
    of its own, at most `GROUP_LEAD_MAX_PARAGRAPHS` paragraphs above the run's first item.
    """
    heads: dict[Key, list[tuple[int, list[int]]]] = {}
    for run in runs:
        first = tokens[run[0]].numbering
        if first is None or first.last != 1 or first.family.sequence is not Sequence.POSITION:
            continue
        if not all(tokens[i].title_like for i in run):
            continue  # sentences in a list are a list, whatever groups them
        head = _group_head(tokens, run[0])
        if head is not None:
            heads.setdefault(first.key, []).append((head, run))
    return {head: run for found in heads.values() if len(found) >= 2 for head, run in found}


def _group_head(tokens: list[Token], start: int) -> int | None:
    """Return the index of the title line that heads the run starting at `start`, if one does."""
    paragraphs = 0
    for i in range(start - 1, -1, -1):
        token = tokens[i]
        if token.kind is TokenKind.NAVIGATION:
            continue
        if token.kind is not TokenKind.PARAGRAPH or token.field is not None:
            return None
        text = token.text.strip()
        if is_bracket_title(text) or (token.all_bold and is_title_like(text)):
            return i
        paragraphs += 1
        if paragraphs > GROUP_LEAD_MAX_PARAGRAPHS:
            return None
    return None


def _lazy_item(previous: Token, token: Token) -> bool:
    """Return whether `token` is the next item of the format list `previous` is in, printed with the same number.

    A Markdown list written ``1.`` ``1.`` ``1.`` is rendered 1, 2, 3 (CommonMark counts from the first
    item's number): a list, not a run of empty headings.
    """
    return (
        previous.block.label is not None
        and token.block.label is not None
        and previous.in_list
        and token.block.list_depth == previous.block.list_depth
        and previous.numbering is not None
        and token.numbering is not None
        and token.numbering.value == previous.numbering.value
    )


def _inside_item(item: Token, token: Token) -> bool:
    """Return whether `token` is nested in the format list item `item` (deeper in the same list)."""
    return item.in_list and token.in_list and token.block.list_depth > item.block.list_depth


def _opens_child(last: Token, after: Token | None) -> bool:
    """Return whether `after` is numbered as the first child of `last` (``3.1`` after ``3.``)."""
    if after is None or after.numbering is None or last.numbering is None:
        return False
    value, parent = after.numbering.path, last.numbering.path
    return bool(parent) and len(value) == len(parent) + 1 and value[:-1] == parent and value[-1] == 1


def clause_families(tokens: list[Token]) -> set[Key]:
    """Return the document's clause family, if it has one.

    That is the first outline family of the document, when its labels count up once through
    the whole document (1, 2, 3 … without restarts, at least three) and most of them have other
    content after them: the run-in clauses ``一、`` … ``十四、`` of a 申請須知.
    """
    values: dict[Key, list[int]] = {}
    followed: Counter[Key] = Counter()
    first: Key | None = None
    for i, token in enumerate(tokens):
        numbering = token.numbering
        if not _typed(token) or numbering is None or numbering.family.role is not Role.OUTLINE:
            continue
        key = numbering.key
        first = first or key
        values.setdefault(key, []).append(numbering.last or 0)
        after = next((t for t in tokens[i + 1 :] if t.kind is not TokenKind.NAVIGATION), None)
        if after is None or after.numbering is None or after.numbering.key != key:
            followed[key] += 1
    if first is None:
        return set()
    numbers = values[first]
    counts_up = numbers == list(range(1, len(numbers) + 1))
    if counts_up and len(numbers) >= CLAUSE_MIN_LABELS and followed[first] * 2 >= len(numbers):
        return {first}
    return set()


def label_clauses(tokens: list[Token], clauses: set[Key]) -> frozenset[Key]:
    """Return the clause families whose clauses are mostly labels: a short title ending in a colon, alone on its line.

    ``1. Introduction:`` … ``9. Timeline:``, each over its text, decided from the family's members
    together: one such clause among run-in sentences (``二、申請資格應符合下列條件：``) is still a sentence.
    """
    return _clauses_mostly(
        tokens, clauses, lambda token: is_short_label(token.text) and (token.field is None or not token.field.rest)
    )


def field_clauses(tokens: list[Token], clauses: set[Key]) -> frozenset[Key]:
    """Return the clause families whose clauses mostly run a short title-like label into their text.

    ``1. Introduction: CloudSynergy Solutions is seeking …`` … ``11. Contact Information: For inquiries …``
    (a few ``5. Technical Requirements:`` alone among them), decided from the family's members together:
    one clause that runs in a label among run-in sentences is still a sentence.
    """
    return _clauses_mostly(
        tokens,
        clauses,
        lambda token: token.field is not None and bool(token.field.rest) and is_short_label(token.field.label + ":"),
    )


def _clauses_mostly(tokens: list[Token], clauses: set[Key], shows: Callable[[Token], bool]) -> frozenset[Key]:
    """Return the clause families at least CLAUSE_MIN_LABELS of whose typed clauses, and over half, show `shows`."""
    members: Counter[Key] = Counter()
    showing: Counter[Key] = Counter()
    for token in tokens:
        numbering = token.numbering
        if not _typed(token) or numbering is None or numbering.key not in clauses:
            continue
        members[numbering.key] += 1
        if shows(token):
            showing[numbering.key] += 1
    return frozenset(key for key, n in showing.items() if n >= CLAUSE_MIN_LABELS and n * 2 > members[key])


def index_entries(tokens: list[Token]) -> set[int]:
    """Return identifier lines whose identifier is printed again later: entries of a topic index."""
    seen: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        numbering = token.numbering
        if numbering is not None and numbering.family.role is Role.IDENTIFIER and numbering.family.name != "no":
            seen.setdefault(numbering.num, []).append(i)
    return {i for places in seen.values() if len(places) > 1 for i in places[:-1]}


def body_size(tokens: list[Token]) -> float | None:
    """Return the font size of most of the text, where the format has sizes."""
    sizes: Counter[float] = Counter()
    for token in tokens:
        if token.block.font_size is not None:
            sizes[round(token.block.font_size, 1)] += len(token.block.text)
    return sizes.most_common(1)[0][0] if sizes else None


def _key(token: Token) -> Key | None:
    return None if token.numbering is None else token.numbering.key


def _num(token: Token) -> str | None:
    return None if token.numbering is None else token.numbering.num
