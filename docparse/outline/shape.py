"""Shape rules: decide from the whole draft tree what kind of call it is and what its nodes are.

The block rules build the tree a reader sees on the page (headings, lists, labels). These rules
then read it as a call, each a small function of the outline that declines by returning False:

1. *field templates*: headings that repeat under sibling nodes with different titles
   (``项目介绍`` / ``营员要求`` under 18 projects, ``Abstract`` / ``Technical Details`` under each
   idea) are fields of their parent, not sub-topics;
2. *topic lists*: the bullets of a flat list under a heading that names topics (``开放了哪些课题？``)
   become the nodes under it, so that the next rule finds them;
3. *topics*: a node is a topic where the call offers it to proposers: it carries a topic
   identifier (``No.236``, ``A254-049``), research directions, or a field template; its
   siblings numbered alike are topics too, and what sits under a topic is a track. One part whose
   list names subject areas (``Topics of interest include: …``, titles, not questions), the only
   evidence, is a part of a guide: a catalogue repeats its evidence;
4. *kind*: no topic makes a guide, unless the document itself is one topic (an identifier label
   such as ``题目编号：XH-202603`` before the body, or directions of its own that are questions, not
   subject areas); one topic that is the whole document makes a single topic; instructions before
   the topics make a mixed call;
5. *single topic*: the document's clauses become the fields of its one topic; *guide directions*:
   a guide that lists its subject areas under its title is one part of that shape, not a topic;
6. *work directions*: its counted units of work (``Task 1:`` … ``Task 5:``) become its directions.

Between 2 and 3, *topic tables*: in a document with no other topics, the rows of a table whose
title column holds a title and more are the topics.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from docparse.blocks import Block, BlockKind
from docparse.model.document import CallKind, Dropped, DropReason, Paragraph, SectionRole, Table
from docparse.model.provenance import Provenance
from docparse.outline.draft import DraftField, DraftItem, DraftNode, DraftPart, Strength, field_tree
from docparse.outline.state import Key, Outline
from docparse.outline.tables import row_topic
from docparse.outline.work import hoist_problem_items, hoist_work_units, mark_choices, node_to_direction
from docparse.vocab.chars import has_han
from docparse.vocab.families import TOPIC_FAMILIES, Role, Sequence
from docparse.vocab.lazy import lazy
from docparse.vocab.markers import (
    HEADING_HINT,
    Lexicon,
    is_aspect_title,
    is_labelled_title,
    is_problem_label,
    is_problem_part,
    is_task_part,
    is_title_like,
    is_topic_title_label,
    names_call,
    names_topics,
    points_below,
    problem_title,
)

ShapeRule = Callable[[Outline, "ShapeContext"], bool]

# A template is a heading title found under at least this many parents with different titles.
TEMPLATE_MIN_PARENTS = 2
# Instructions before the topics make a mixed call when they hold this many sections or paragraphs.
INSTRUCTION_MIN_PARTS = 3
# A document without topics is one topic when this many of its own parts name a topic's work.
WORK_MIN_PARTS = 2


class ShapeContext:
    """What the shape rules are given: the tables and a kind the caller may force."""

    def __init__(self, lexicon: Lexicon, forced: CallKind | None) -> None:
        self.lexicon = lexicon
        self.forced = forced


def _title_key(node: DraftNode) -> str:
    """Return a heading's title as a template label: without a page hint (``[e.g. 1 pages]``)."""
    return HEADING_HINT.sub("", node.title or "").strip().rstrip("：:").casefold()


def _body_nodes(root: DraftNode) -> list[DraftNode]:
    """Return every node of the body (not the root, not inside an appendix or topic index)."""
    out: list[DraftNode] = []
    for top in root.children:
        if top.role is SectionRole.BODY:
            out.extend(top.iter_tree())
        else:
            out.extend(node for child in top.children for node in child.iter_tree())
    return out


def field_templates(outline: Outline, context: ShapeContext) -> bool:
    """Turn headings that repeat under parents with different titles into fields of those parents."""
    parents: dict[str, set[str]] = defaultdict(set)
    # Parents are titled nodes of the body: the same heading under two different parents.
    candidates = [
        node for node in _body_nodes(outline.root) if node.children and node.title and node.role is SectionRole.BODY
    ]
    for parent in candidates:
        for child in parent.children:
            key = _title_key(child)
            if key:
                parents[key].add(_title_key(parent))
    templates = {key for key, titles in parents.items() if len(titles) >= TEMPLATE_MIN_PARENTS}
    changed = False
    for parent in candidates:
        keys = [_title_key(child) for child in parent.children]
        hits = sum(key in templates for key in keys)
        if hits < 2 and not (hits == 1 and len(keys) == 1):
            continue
        for child in parent.children:
            parent.add("fields", node_to_field(child))
        parent.children = []
        changed = True
    if changed:
        outline.templates = sorted(templates)
    return changed


def node_to_field(node: DraftNode) -> DraftField:
    """Return a node as a field: its heading the label, its content and sub-nodes the field's parts."""
    marker = node.numbering.label if node.numbering is not None else node.label
    draft = DraftField(
        label=node.title if node.title is not None else marker or "",
        text="",
        depth=0,
        provenance=node.provenance,
        strength=Strength.HEADING,
        marker=marker if node.title is not None else None,
        numbering=node.numbering,
    )
    # Every kind of content becomes a part of the field, in document order (directions of a
    # node read as a field are its list items).
    draft.parts.extend(item for _, item in node.content)
    if node.directions_marker and not node.marker_in_description and node.marker_at is not None:
        # The marker line is text of the field where it stood.
        draft.parts.insert(node.marker_at, Paragraph(text=node.directions_marker, provenance=node.provenance))
    if node.title is None and draft.parts and isinstance(draft.parts[0], Paragraph):
        # A run-in clause as a field: its first paragraph is the text after the label.
        first = draft.parts.pop(0)
        assert isinstance(first, Paragraph)
        draft.text = first.text
    draft.parts.extend(node_to_field(child) for child in node.children)
    return draft


# A bullet of a topic list may end with a short labelled value: "title，项目社区导师：CH3CHO".
_TRAILING_FIELD = lazy(r"^(?P<title>.+)[，,]\s*(?P<field>[^，,：:。；;]{1,24}[：:][^，,：:。；;]+)$", regex.S)
# An item that ends like a clause of a sentence run on over the list ("…to the DoD;", "…investments; and").
_CLAUSE_END = lazy(r"(?:[;；,，、]|[;；,，]\s*(?:and|or|以及|和|或))\s*$")
# A topic list has at least this many items.
TOPIC_LIST_MIN_ITEMS = 2


def topic_lists(outline: Outline, context: ShapeContext) -> bool:
    """Make the items of a flat list under a heading that names topics the nodes under it.

    ``### 六、Higress 开放了哪些课题？`` over three bullets: each bullet is a topic (a trailing
    ``，项目社区导师：CH3CHO`` its field), as ``### 项目一：…`` headings would be. A nested list is an
    index or a grouping, not a topic list.
    """
    if context.forced is CallKind.GUIDE:
        return False
    changed = False
    nodes = _body_nodes(outline.root)
    titles = {node.title.strip().casefold() for node in nodes if node.title}
    for node in nodes:
        if node.children or node.has_directions or not names_topics(node.title):
            continue
        items = [item for _, item in node.content if isinstance(item, DraftItem)]
        if len(items) < TOPIC_LIST_MIN_ITEMS or any(isinstance(item, DraftField) for _, item in node.content):
            continue
        if len({item.numbering.key for item in items}) != 1 or any(item.children for item in items):
            continue  # a nested list groups what it lists ("High Priority" over links to the RFPs)
        if all(item.text.strip().casefold() in titles for item in items):
            continue  # the items name headings of the document ("- [Storage client](#…)"): an index
        if any(_CLAUSE_END.search(item.text) for item in items):
            continue  # "a. increase …; b. expand …; and": one sentence in parts, not a list of topics
        if all(context.lexicon.match_field(item.text) is not None for item in items):
            # "1. Portland Food Cart: a mobile app …" each: labelled entries, the fields a format's
            # list makes of them (the same call in Markdown), not a list of topics.
            continue
        node.listed = node.content
        node.content = [(slot, item) for slot, item in node.content if not isinstance(item, DraftItem)]
        node.children = [_item_node(item, node.level + 1, context.lexicon) for item in items]
        changed = True
    return changed


def _item_node(item: DraftItem, level: int, lexicon: Lexicon) -> DraftNode:
    """Return a list item of a topic list as a node: its text the title, a trailing label its field."""
    title, tail = item.text.strip(), None
    found = _TRAILING_FIELD.match(title)
    if found is not None and (tail := lexicon.match_field(found.group("field"))) is not None:
        title = found.group("title").strip()
    node = DraftNode(level=level, title=title, numbering=item.numbering, provenance=item.provenance)
    node.heading_key = item.numbering.key
    if tail is not None:
        node.add(
            "fields",
            DraftField(
                label=tail.label,
                text=tail.rest,
                depth=0,
                provenance=item.provenance,
                strength=Strength.WEAK,
                colon=tail.colon,
            ),
        )
    return node


def topic_tables(outline: Outline, context: ShapeContext) -> bool:
    """Make the rows of a table of topics the topics under the node it stands in.

    Only in a document that offers no topics otherwise (no identifier, directions, field
    template or heading that names topics): there a table whose header names the columns and
    whose title column holds a title and more (``[title](…)<br/>description<br/>导师：…``) is the
    call's list of topics, one a row (`docparse.outline.tables.topic_rows`). The header row is
    kept in `dropped` as ``column-header``: its labels are the fields' labels. The table itself is
    kept as printed in the document's `topic_tables` (its grid is what a reader of tables wants).
    A table before the first heading gives topics ahead of the call's parts; a table in a part with
    sub-parts stays a table.
    """
    if context.forced is CallKind.GUIDE or not outline.topic_tables or _topic_evidence(outline):
        return False
    changed = False
    for node in [outline.root, *_body_nodes(outline.root)]:
        if node.role is not SectionRole.BODY or (node.children and node is not outline.root):
            continue  # rows after sub-headings would read as the last sub-heading's
        for part, found in outline.topic_tables:
            if not any(item is part for slot, item in node.content if slot == "description"):
                continue
            block = Block(text="", kind=BlockKind.TABLE, rows=part.rows, provenance=part.provenance)
            node.content = [(slot, item) for slot, item in node.content if item is not part]
            # A table before the first heading lists the call's topics ahead of its parts (提交方式, 评分规则).
            node.children[0:0] = [row_topic(found, row, node.level + 1, block, context.lexicon) for row in found.rows]
            header = "\t".join(found.header)
            outline.dropped.append(Dropped(text=header, reason=DropReason.COLUMN_HEADER, provenance=part.provenance))
            outline.tables_read_as_topics.append(part)
            changed = True
    return changed


# A call read as groups of statements has at least this many groups, each of at least this many statements.
STATEMENT_GROUPS_MIN = 2
STATEMENT_GROUP_MIN_ITEMS = 2


def statement_groups(outline: Outline, context: ShapeContext) -> bool:
    """Make each title line over a numbered list that counts from 1 again a topic, its statements the directions.

    Only in a document that offers no topics otherwise, and only where the groups are all of the
    node's text after its opening paragraphs: two or more title lines (``Cloud Computing``), each
    right over a list of one family counting 1, 2, 3 … of untitled statements (``1. Design and
    develop …``), the list starting from 1 again under the next title. The restart is the evidence
    that the titles group the statements; a list of titles is left to the rules for topics, and
    titles that name a part of one call (``Background``, ``Requirements``) keep their lists.
    """
    changed = False
    for node in _untopped_leaves(outline, context):
        groups = _statement_groups(node)
        if groups is None:
            continue
        start, found = groups
        node.content = node.content[:start]
        node.children.extend(_group_topic(node, head.text.strip(), head.provenance, items) for head, items in found)
        changed = True
    return changed


def _untopped_leaves(outline: Outline, context: ShapeContext) -> list[DraftNode]:
    """Return the body parts without sub-parts of a document that offers no topics otherwise (none in a guide)."""
    if context.forced is CallKind.GUIDE or _topic_evidence(outline):
        return []
    nodes = [outline.root, *_body_nodes(outline.root)]
    return [node for node in nodes if node.role is SectionRole.BODY and not node.children]


def _group_topic(
    parent: DraftNode, title: str, provenance: Provenance, items: Iterable[DraftPart | DraftField]
) -> DraftNode:
    """Return a topic under `parent` titled `title` whose directions are `items` (a group's statements or areas)."""
    child = DraftNode(level=parent.level + 1, title=title, numbering=None, provenance=provenance)
    child.content = [("directions", item) for item in items]
    child.topic = True
    return child


def _statement_groups(node: DraftNode) -> tuple[int, list[tuple[Paragraph, list[DraftItem]]]] | None:
    """Return where a node's groups of statements start and each group's title and items, if its text ends in them."""
    content = node.content
    start = next(
        (
            i
            for i, (_, part) in enumerate(content[:-1])
            if isinstance(part, Paragraph) and _opens_statements(part, content[i + 1][1])
        ),
        None,
    )
    if start is None:
        return None
    found: list[tuple[Paragraph, list[DraftItem]]] = []
    for slot, part in content[start:]:
        if slot != "description":
            return None
        if isinstance(part, Paragraph) and is_title_like(part.text.strip()):
            found.append((part, []))
        elif isinstance(part, DraftItem) and found:
            items = found[-1][1]
            counts = part.numbering.follows(items[-1].numbering) if items else part.numbering.last == 1
            if not counts:
                return None
            items.append(part)
        else:
            return None
    keys = {item.numbering.key for _, items in found for item in items}
    if len(found) < STATEMENT_GROUPS_MIN or len(keys) != 1:
        return None
    if any(len(items) < STATEMENT_GROUP_MIN_ITEMS for _, items in found):
        return None
    if all(is_title_like(item.text.strip()) for _, items in found for item in items):
        return None  # titles under group titles: topics grouped, for the rules of topics
    if any(is_aspect_title(head.text) for head, _ in found):
        return None  # ``Background``, ``Requirements``: the parts of one call, each over its list
    return start, found


def _opens_statements(part: Paragraph, after: object) -> bool:
    """Return whether a paragraph is a title line right over the first item of a counted list."""
    return (
        is_title_like(part.text.strip())
        and isinstance(after, DraftItem)
        and after.numbering.family.sequence is Sequence.POSITION
        and after.numbering.last == 1
    )


# A call read as named groups of subject areas (tracks) has at least this many groups, each naming this many areas.
AREA_GROUPS_MIN = 3
AREA_GROUP_MIN_ITEMS = 3


def area_groups(outline: Outline, context: ShapeContext) -> bool:
    """Make each label line over a list of subject areas a topic (a track), its areas the directions.

    A conference's call that runs parallel tracks names each track on a line of its own (``Communication
    Networks and Security``, bold) over the list of the areas it welcomes (``Wireless sensor networks``,
    ``Mobile ad-hoc networks``, …). Only in a document that offers no topics otherwise, and only where
    three or more such groups follow one another, each a title-like label without a colon over a list of
    three or more areas (titles, not sentences) and nothing else: one list of areas is a guide's (the
    `guide-directions` rule), and a part of a call over its list (``Eligibility``, ``Requirements``) is no
    track.
    """
    changed = False
    for node in _untopped_leaves(outline, context):
        groups: list[DraftField] = []
        for is_group, entries in itertools.groupby(node.content, key=lambda entry: _area_group(entry[1])):
            run = [part for _, part in entries if isinstance(part, DraftField)]
            if is_group and len(run) >= AREA_GROUPS_MIN:
                groups.extend(run)
        if not groups:
            continue
        taken = {id(group) for group in groups}
        node.content = [(slot, part) for slot, part in node.content if id(part) not in taken]
        node.children.extend(_group_topic(node, group.label, group.provenance, group.parts) for group in groups)
        changed = True
    return changed


def _area_group(part: object) -> bool:
    """Return whether `part` is a label line alone over a flat list of subject areas only."""
    if not isinstance(part, DraftField) or part.text or part.colon is not None or part.marker is not None:
        return False
    label = part.label.strip()
    if not is_title_like(label) or is_aspect_title(label):
        return False
    items = part.parts
    flat = all(isinstance(item, DraftItem) and not item.children for item in items)
    if len(items) < AREA_GROUP_MIN_ITEMS or not flat:
        return False
    names = sum(_names_area(item.text.strip()) for item in items if isinstance(item, DraftItem))
    return names * 3 >= len(items) * 2


def _topic_evidence(outline: Outline) -> bool:
    """Return whether the document offers topics by other evidence: identifiers, directions, a template, a heading."""
    nodes = _body_nodes(outline.root)
    if outline.root.offers_directions or _templated(outline):
        return True
    return any(
        (node.numbering is not None and node.numbering.family.role is Role.IDENTIFIER and node.title)
        or node.offers_directions
        or (names_topics(node.title) and node.children)
        for node in nodes
    )


def mark_topics(outline: Outline, context: ShapeContext) -> bool:
    """Mark the nodes that are topics: identifiers, directions or a field template, at the topic level."""
    if context.forced is CallKind.GUIDE:
        return False
    parent_of = {id(child): node for node in outline.root.iter_tree() for child in node.children}
    # Parts offered under a lead-in that names choices are the one topic's directions, not topics.
    mark_choices(_body_nodes(outline.root), _templated(outline))
    marked = _marked_topics(outline) or _lone_labelled_topic(outline)
    if context.forced is CallKind.CATALOGUE and not marked:
        marked = _topic_level_nodes(outline.root)
    if not marked:
        return False
    if len(marked) == 1 and context.forced is None and _named_topic(outline) is not None:
        # "题目：智能体赋能的…" names the document's one topic: the clause that offers its directions
        # ("一、比赛题目") is a part of it, and its numbered siblings are no list of topics.
        return False
    topics = _at_topic_level(outline, marked, parent_of)
    _add_alike_siblings(topics, parent_of)
    topics = _open_groups(topics)
    for node in topics.nodes:
        node.topic = True
    return True


def counter_titles(outline: Outline, context: ShapeContext) -> bool:
    """Name the topics headed by a counter alone (``### 项目 1`` … ``### 项目 4``, ``## Project 2``) by a title field.

    Two or more sibling topics whose headings are a lead word and a number and nothing else, each
    holding a field whose label says it holds the title (``1. 项目标题：Iceberg Connector 开发``,
    ``Project title: …``): the repetition of that template names them. The counter stays the label,
    the field stays a field.
    """
    del context  # the same for every kind of call
    changed = False
    for node in outline.root.iter_tree():
        counted = [child for child in node.children if child.topic and _counter_alone(child)]
        if len(counted) < 2:
            continue
        titles = [_title_field_value(child) for child in counted]
        if any(title is None for title in titles):
            continue  # the template holds in every sibling, or it is no template
        for child, title in zip(counted, titles, strict=True):
            child.title = title
        changed = True
    return changed


def _counter_alone(node: DraftNode) -> bool:
    """Return whether a node's heading is its counter alone: the title is the numbering's label (``项目 1``)."""
    if node.numbering is None or not node.title:
        return False
    label = " ".join(node.numbering.label.split()).rstrip(":：-–— ")
    return bool(label) and " ".join(node.title.split()).rstrip(":：-–— ") == label


def _title_field_value(node: DraftNode) -> str | None:
    """Return the value of the node's first field whose label names the title, if it reads as a title."""
    for draft in field_tree(node.fields):
        if not is_topic_title_label(draft.label) or is_problem_label(draft.label):
            continue
        first = next((part for part in draft.parts if isinstance(part, Paragraph)), None)
        value = (draft.text or (first.text if first is not None else "")).strip()
        return value if is_labelled_title(value) else None
    return None


def _lone_labelled_topic(outline: Outline) -> list[DraftNode]:
    """Return the one heading labelled by a topic word (``赛题 2：“迷宫寻宝”光电智能小车``), when it is alone.

    A document that prints one part under a topic's label, and none else so, is that one topic's
    statement (its rules, its scoring): the label is its own evidence. Two or more such headings
    are left to the other evidence (numbering, templates, a heading that names topics).
    """
    labelled = [
        node
        for node in _body_nodes(outline.root)
        if node.numbering is not None and node.numbering.family.name in TOPIC_FAMILIES and node.title
    ]
    return labelled if len(labelled) == 1 else []


def _marked_topics(outline: Outline) -> list[DraftNode]:
    """Return the nodes the document marks as topics: by their own evidence, or under a heading that names topics."""
    nodes = _body_nodes(outline.root)
    templated = _templated(outline)

    clauses = _lone_clause_directions(outline)

    def evidence(node: DraftNode) -> bool:
        if node.numbering is not None and node.numbering.family.role is Role.IDENTIFIER and node.title:
            return True
        # A heading that announces its list ("What sort of proposals are we looking for?") names no topic.
        return (node.offers_directions and id(node) not in clauses and not node.announces) or id(node) in templated

    marked = [node for node in nodes if evidence(node) and not node.choice]
    if _lone_areas(outline, marked):
        outline.areas = marked[0].title or ""
        marked = []  # one part listing the areas a guide welcomes
    # Without other evidence, the sibling titles under group headings ("【第一批赛题】" over
    # "赛题一：…" … and "【第二批赛题】" over "赛题一：…" again) are the topics of a catalogue.
    grouped = set() if marked else _grouped_topics(outline)
    marked += [node for node in nodes if id(node) in grouped]
    # The nodes under a heading that names topics ("1. 开放课题", "## Topics", a document titled
    # "Project ideas") are topics.
    # A heading that states a contest's one task ("比赛任务", "基本任务") holds that task's parts, not topics.
    containers = [
        node
        for node in nodes
        if names_topics(node.title) and not evidence(node) and not is_problem_part(node.title or "")
    ]
    # A document titled as its contest's task ("…赛题") whose headings are the aspects of that one
    # task (项目背景, 场景概述, 任务规则), or that are its own clauses, holds no list of topics.
    aspects = sum(is_aspect_title(child.title) for child in outline.root.children)
    if (
        names_topics(outline.title)
        and not marked
        and not _own_clauses(outline)
        and aspects * 2 < len(outline.root.children)
    ):
        containers.append(outline.root)
    for node in containers:
        for child in _before_back_matter(node.children):
            # A child over nodes that carry the field template (each "### idea") or over grouped
            # topics groups those topics: "# Project ideas" > "## Cargo" > "### …". (Nodes with
            # directions under it are its tracks.)
            under = child.iter_tree()[1:]
            if child.role is SectionRole.BODY and not any(id(n) in templated or id(n) in grouped for n in under):
                marked.append(child)
    return marked


def names_areas(node: DraftNode) -> bool:
    """Return whether a node's directions name subject areas (``protocol design``, ``Applications``), not questions.

    Most of them read as titles: the fields a call welcomes work in, as a conference's "topics of interest"
    list them. The questions or tasks of one problem are sentences (``如果在最小二乘中加上参数矩阵，会出现什么情况？``).
    """
    directions = node.directions
    titles = sum(_names_area(item.text.strip()) for item in directions)
    return bool(directions) and titles * 2 >= len(directions)


def _names_area(text: str) -> bool:
    """Return whether a direction is the bare name of an area: a title, with no run-in title over a text
    (``Sensing: new sensors.`` titles a direction and says what it is); or an area's name over the list of
    its sub-areas (``Intelligent Agents: Multi-agent systems, autonomous agents, Boolean games.``)."""
    if is_title_like(text) and regex.search(r"[：:]\s*\S", text) is None:
        return True
    head, colon, rest = text.partition(":") if ":" in text else text.partition("：")
    if not colon or not is_title_like(head.strip()):
        return False
    terms = [term for term in _TERM_SEPARATOR.split(rest.strip().rstrip(".。;； ")) if term.strip()]
    return len(terms) >= AREA_TERMS_MIN and all(_is_term(term) for term in terms)


def _is_term(text: str) -> bool:
    """Return whether a listed item is a term (a few words or CJK characters), not a clause."""
    text = text.strip().removeprefix("and ").removeprefix("or ")
    return len(text.split()) <= AREA_TERM_MAX_WORDS and len(text) <= AREA_TERM_MAX_CHARS


# An area over its sub-areas lists at least this many terms, each of a few words.
AREA_TERMS_MIN = 3
AREA_TERM_MAX_WORDS = 6
AREA_TERM_MAX_CHARS = 60
_TERM_SEPARATOR = lazy(r"[,，、;；]")


# A part's list of subject areas names at least this many.
AREAS_MIN = 2


def _lone_areas(outline: Outline, marked: list[DraftNode]) -> bool:
    """Return whether the one node marked is marked only by directions that name subject areas.

    One part of a guide listing the areas it welcomes (``Call for Papers`` over ``Topics of interest
    include: …``) offers no topic: a catalogue repeats its evidence (an identifier, a field template,
    directions under each topic) or names its topics in a heading; one list of areas does neither.
    """
    if len(marked) != 1:
        return False
    node = marked[0]
    if node.numbering is not None and node.numbering.family.role is Role.IDENTIFIER:
        return False
    if id(node) in _templated(outline) or not node.offers_directions or len(node.directions) < AREAS_MIN:
        return False  # one direction alone is no list of areas (a topic may offer one)
    if names_topics(outline.title):
        return False  # "Project ideas": its parts are the ideas
    # A heading above it that names topics ("## Topics" over "### Storage") makes it one of them.
    path = _path_to(outline.root, node)
    return names_areas(node) and not any(names_topics(above.title) for above in path)


def _path_to(root: DraftNode, node: DraftNode) -> list[DraftNode]:
    """Return the nodes from `root` down to the parent of `node` ([] when `node` is not under `root`)."""
    for child in root.children:
        if child is node:
            return [root]
        if found := _path_to(child, node):
            return [root, *found]
    return []


def _before_back_matter(children: list[DraftNode]) -> list[DraftNode]:
    """Return `children` without the unnumbered ones after the last of two or more numbered ones.

    ``1 …`` … ``11 RLHF …`` then ``References``: what follows the numbered list, unnumbered, is the
    document's back matter, not one more of its items.
    """
    numbered = [i for i, child in enumerate(children) if child.numbering is not None]
    if len(numbered) < 2:
        return children
    return [child for i, child in enumerate(children) if i <= numbered[-1] or child.numbering is not None]


def _own_clauses(outline: Outline) -> bool:
    """Return whether the document's top-level parts are its own run-in clauses (``一、项目背景`` … ``四、任务规则``).

    Numbered once through the document, each over its text, they divide one task's statement: a
    title that names a task (``…赛题``) is over its clauses, not over a list of topics.
    """
    tops = [node for node in outline.root.children if node.role is SectionRole.BODY]
    return bool(tops) and all(node.heading_key in outline.clause_keys for node in tops)


def _lone_clause_directions(outline: Outline) -> set[int]:
    """Return the top-level clauses whose directions are the document's own, not a topic's.

    A guide divided into its own clauses (``1. Introduction`` … ``5. How to Participate``, numbered
    once through) that names the sub-tasks of its one task in the introduction: one clause among
    them with directions is a part of the guide (its siblings numbered alike are no topics either).
    """
    tops = [node for node in outline.root.children if node.role is SectionRole.BODY]
    # Headings that each name an aspect of one task (赛题介绍, 参赛须知, 数据简介, 其他说明) divide it as its
    # own clauses do.
    aspects = sum(is_aspect_title(node.title) for node in tops)
    if not (_own_clauses(outline) or _counted_parts(tops) or (tops and aspects * 2 > len(tops))):
        return set()
    with_directions = [node for node in tops if node.has_directions]
    if len(with_directions) != 1 or len(tops) < INSTRUCTION_MIN_PARTS:
        return set()
    return {id(with_directions[0])}


def _counted_parts(nodes: list[DraftNode]) -> bool:
    """Return whether `nodes` are numbered in one family 1, 2, 3 … (``## 1. Introduction`` … ``## 5. …``)."""
    keys = {node.numbering.key for node in nodes if node.numbering is not None}
    values = [node.numbering.path for node in nodes if node.numbering is not None]
    return len(keys) == 1 and len(values) == len(nodes) and values == [(n,) for n in range(1, len(nodes) + 1)]


def _grouped_topics(outline: Outline) -> set[int]:
    """Return the nodes numbered from 1 again under each of two or more sibling group titles.

    ``【第一批赛题】`` over ``赛题一`` … ``赛题十五`` and ``【第二批赛题】`` over ``赛题一`` … again (or
    ``## Compilers`` over ``### 1) …`` and ``## Tooling`` over ``### 1) …``): the unnumbered titles
    group the numbered ones, which are topics where their label word names a topic (``赛题一``)
    or the document's title or a heading above them names topics (``# Summer projects``).
    """
    found: set[int] = set()

    def walk(node: DraftNode, named: bool) -> None:
        named = named or names_topics(node.title)
        keyed = [(child, key) for child in node.children if (key := _group_key(child)) is not None]
        for key in {key for _, key in keyed}:
            same = [child for child, other in keyed if other == key]
            if len(same) >= 2 and (named or key[0] in TOPIC_FAMILIES or any(names_topics(g.title) for g in same)):
                found.update(id(item) for group in same for item in group.children)
                for group in same:
                    _lift_trailing_content(group)
        for child in node.children:
            if child.role is SectionRole.BODY and id(child) not in found:
                walk(child, named)

    walk(outline.root, names_topics(outline.title))
    return found


def _lift_trailing_content(group: DraftNode) -> None:
    """Give a group what follows its last title when its other titles hold nothing: that content is the group's.

    The titles of a group were lines with nothing between them (``赛题一：…`` … ``赛题十五：…``); a
    note after the last (``补充说明：…``) is about them all, not about the fifteenth.
    """
    *others, last = group.children
    if last.content and not last.children and not any(node.content or node.children for node in others):
        group.content.extend(last.content)
        last.content = []


def _group_key(node: DraftNode) -> Key | None:
    """Return the numbering key of an unnumbered node's children when they count 1, 2, 3 … in one family."""
    if node.numbering is not None or node.role is not SectionRole.BODY or len(node.children) < 2:
        return None
    numbers = [child.numbering for child in node.children]
    if any(n is None or n.family.sequence is not Sequence.POSITION for n in numbers):
        return None
    keys = {n.key for n in numbers if n is not None}
    values = [n.last for n in numbers if n is not None]
    if len(keys) != 1 or values != list(range(1, len(values) + 1)):
        return None
    return keys.pop()


def _at_topic_level(outline: Outline, marked: list[DraftNode], parent_of: dict[int, DraftNode]) -> _Nodes:
    """Return the topics: each marked node, or its ancestor at the shallowest level marked.

    A marked node headed as the marked nodes of that level are (``<h5>1. GCP Core</h5>`` under an
    ``<h4>`` group, as ``<h5>1. Azure Provider</h5>`` under an ``<h3>`` one) is a topic where it stands.
    """
    topic_level = min(node.level for node in marked)
    top_keys = {node.heading_key for node in marked if node.level == topic_level and node.heading_key is not None}
    topics = _Nodes()
    for node in marked:
        if node.heading_key in top_keys:
            if node not in topics:
                topics.append(node)
            continue
        while node.level > topic_level and id(node) in parent_of:
            parent = parent_of[id(node)]
            if parent.level < topic_level or parent.role is not SectionRole.BODY or parent is outline.root:
                break  # an appendix or a topic index is never a topic itself
            node = parent
        if node not in topics:
            topics.append(node)
    return topics


def _add_alike_siblings(topics: _Nodes, parent_of: dict[int, DraftNode]) -> None:
    """Add the siblings numbered like a topic, at its level: topics too (a topic without directions)."""
    for topic in list(topics.nodes):
        holder = parent_of.get(id(topic))
        if holder is None:
            continue
        for sibling in holder.children:
            if sibling not in topics and _alike(sibling, topic) and sibling.role is SectionRole.BODY:
                topics.append(sibling)


# A topic that only groups its numbered sub-parts says at most this much itself (an intro paragraph).
GROUP_MAX_CONTENT = 1


def _open_groups(topics: _Nodes) -> _Nodes:
    """Return `topics` with each group among them replaced by the sub-topics it numbers.

    Where most topics are leaves (``1 Methodological Robustness …``, ``4 Relevance judgements``), a
    sibling over two or more parts numbered under its own number (``5 LLMs and causal reasoning``
    over ``5.1 …``, ``5.2 …``), saying little itself (no fields, no directions, an intro paragraph at
    most), groups topics: its parts are the topics, it stays a section above them.
    """

    def numbered_parts(node: DraftNode) -> list[DraftNode]:
        parts = [child for child in node.children if child.role is SectionRole.BODY]
        own = node.numbering.path if node.numbering is not None else None
        if own is None or len(parts) < 2:
            return []
        under = all(
            part.numbering is not None
            and len(part.numbering.path) == len(own) + 1
            and part.numbering.path[: len(own)] == own
            for part in parts
        )
        return parts if under else []

    groups = {
        id(node)
        for node in topics.nodes
        if numbered_parts(node)
        and not node.fields
        and not node.has_directions
        and len(node.content) <= GROUP_MAX_CONTENT
    }
    if not groups or len(groups) * 2 >= len(topics.nodes):
        return topics
    out = _Nodes()
    for node in topics.nodes:
        for topic in numbered_parts(node) if id(node) in groups else [node]:
            if topic not in out:
                out.append(topic)
    return out


class _Nodes:
    """A list of nodes whose `in` is a list's (equal nodes count as one), looked up by level, title and position.

    `node in list` compares the node with every member, field by field and down its subtree:
    quadratic in the topics of a long call (20,000 DOCX paragraphs: 50 s). Equal nodes have the
    same level, title and provenance, so only the members that share those are compared.
    """

    def __init__(self) -> None:
        self.nodes: list[DraftNode] = []
        self._by_key: dict[tuple[int, str | None, Provenance], list[DraftNode]] = {}

    def __contains__(self, node: DraftNode) -> bool:
        return any(other is node or other == node for other in self._by_key.get(_node_key(node), ()))

    def append(self, node: DraftNode) -> None:
        self.nodes.append(node)
        self._by_key.setdefault(_node_key(node), []).append(node)


def _node_key(node: DraftNode) -> tuple[int, str | None, Provenance]:
    return node.level, node.title, node.provenance


def _templated(outline: Outline) -> set[int]:
    """Return the nodes that carry a field template shared with most of their siblings.

    A template makes topics where most siblings carry the same labels (18 projects with
    项目介绍 / 营员要求), not where two clauses happen to have the same parts (初赛阶段 / 决赛阶段).
    A run-in line that points below (``数据结构示例如下：`` under each folder of a submission's
    layout) is a phrase the parts repeat, not a field of a topic's template.
    """
    templated: set[int] = set()
    labels: set[str] = set(outline.templates)
    for parent in outline.root.iter_tree():
        children = [c for c in parent.children if c.role is SectionRole.BODY]
        counts: Counter[str] = Counter()
        for child in children:
            # A run-in line that points to what follows ("数据结构示例如下：") is a phrase, not a field's label.
            counts.update({f.label.strip().casefold() for f in child.fields if not points_below(f.label)})
        shared = {label for label, n in counts.items() if n >= TEMPLATE_MIN_PARENTS and n * 2 >= len(children)}
        if len({_title_key(c) for c in children}) < TEMPLATE_MIN_PARENTS:
            continue
        carriers = [c for c in children if shared & {f.label.strip().casefold() for f in c.fields}]
        if len(carriers) >= TEMPLATE_MIN_PARENTS and len(carriers) * 2 >= len(children):
            templated.update(id(c) for c in carriers)
            labels |= shared
    # A node alone under its parent ("## Rustup" > one "### idea") carries the template of the
    # nodes at its heading level elsewhere: it is one of them.
    keys = {node.heading_key for node in outline.root.iter_tree() if id(node) in templated}
    for node in outline.root.iter_tree():
        if id(node) in templated or node.heading_key not in keys or node.role is not SectionRole.BODY:
            continue
        if len({f.label.strip().casefold() for f in node.fields} & labels) >= TEMPLATE_MIN_PARENTS:
            templated.add(id(node))
    outline.templates = sorted(labels)
    return templated


def _alike(a: DraftNode, b: DraftNode) -> bool:
    family_a = a.numbering.family.name if a.numbering else None
    family_b = b.numbering.family.name if b.numbering else None
    return family_a == family_b and a.heading_key == b.heading_key and a.level == b.level


def _topic_level_nodes(root: DraftNode) -> list[DraftNode]:
    """Return the nodes at the topic level when a catalogue is forced: level 2, or 1 in a flat outline."""
    nodes = [node for node in _body_nodes(root)]
    deepest = max((node.level for node in nodes), default=0)
    level = 2 if deepest >= 2 else 1
    return [node for node in nodes if node.level == level]


def decide_kind(outline: Outline, context: ShapeContext) -> bool:
    """Decide the kind of call from the topics found, and say why."""
    topics = [node for node in outline.root.iter_tree() if node.topic]
    identifier = _topic_identifier(outline, context.lexicon)
    if context.forced is not None:
        outline.kind = context.forced
        outline.kind_reason = f"{context.forced.value}: forced by ParseOptions.kind"
        return True
    if not topics:
        if identifier is not None:
            outline.kind = CallKind.SINGLE_TOPIC
            outline.kind_reason = (
                f"single-topic: the document names its topic identifier ({identifier}) and holds no list of topics"
            )
        elif (named := _named_topic(outline)) is not None:
            outline.kind = CallKind.SINGLE_TOPIC
            outline.kind_reason = f"single-topic: the document names its one topic ({named})"
        elif outline.root.has_directions and outline.title and not names_areas(outline.root):
            outline.kind = CallKind.SINGLE_TOPIC
            outline.kind_reason = "single-topic: the document offers research directions of its own and no topics"
        elif outline.title and (choices := [node.title or "" for node in outline.root.iter_tree() if node.choice]):
            outline.kind = CallKind.SINGLE_TOPIC
            outline.kind_reason = f"single-topic: the document offers choices of its own ({', '.join(choices)})"
        elif outline.title and (work := _work_parts(outline, context.lexicon)) and _opens_with_problem(outline):
            outline.kind = CallKind.SINGLE_TOPIC
            outline.kind_reason = f"single-topic: the document opens with its one problem ({work[0]})"
        elif outline.title and len(work) >= WORK_MIN_PARTS:
            outline.kind = CallKind.SINGLE_TOPIC
            outline.kind_reason = (
                f"single-topic: the document's own parts are the work of one topic ({', '.join(work)})"
            )
        elif outline.title and len(values := _value_headings(outline)) >= FORM_MIN_HEADINGS:
            outline.kind = CallKind.SINGLE_TOPIC
            outline.kind_reason = (
                f"single-topic: its headings are labels over their values, a form of one topic ({', '.join(values)})"
            )
        elif outline.title and _prose_only(outline):
            outline.kind = CallKind.SINGLE_TOPIC
            outline.kind_reason = "single-topic: its title is over prose alone (no part, field or list)"
        elif outline.root.has_directions or outline.areas is not None:
            where = "before its first heading" if outline.root.has_directions else f"under {outline.areas}"
            outline.kind = CallKind.GUIDE
            outline.kind_reason = f"guide: its only directions ({where}) name subject areas, not one topic's questions"
        else:
            outline.kind = CallKind.GUIDE
            outline.kind_reason = "guide: no topic (no topic identifier, research directions or field template)"
        return True
    instructions = _instruction_parts(outline.root)
    top_level = {id(node) for node in outline.root.children}
    if len(topics) == 1 and id(topics[0]) in top_level and instructions < INSTRUCTION_MIN_PARTS:
        outline.kind = CallKind.SINGLE_TOPIC
        outline.kind_reason = f"single-topic: one topic ({topics[0].title}) makes the document"
    elif instructions >= INSTRUCTION_MIN_PARTS:
        outline.kind = CallKind.MIXED
        outline.kind_reason = f"mixed: {instructions} sections of instructions before {len(topics)} topic(s)"
    else:
        why = Counter(_why(node) for node in topics)
        reasons = ", ".join(f"{n} with {what}" for what, n in why.most_common())
        outline.kind = CallKind.CATALOGUE
        outline.kind_reason = f"catalogue: {len(topics)} topics ({reasons})"
    return True


# A document of prose alone is one topic's statement with at least this many paragraphs under its title.
PROSE_MIN_PARAGRAPHS = 2


def _prose_only(outline: Outline) -> bool:
    """Return whether the document is its title over paragraphs alone: no heading, field, list or table.

    A guide has parts (dates, eligibility, how to apply); a problem sheet that only tells its problem
    (``投票选拔问题分析`` over its background and its questions as paragraphs) is that one problem.
    """
    after = [item for _, item in outline.root.content[outline.title_at :]]
    body = [node for node in outline.root.children if node.role is SectionRole.BODY]
    return not body and len(after) >= PROSE_MIN_PARAGRAPHS and all(isinstance(item, Paragraph) for item in after)


# A document whose top-level headings are labels over a value is one topic's form with this many such headings.
FORM_MIN_HEADINGS = 3
# A value ends no sentence.
SENTENCE_ENDS = ("。", ".", "!", "?", "！", "？", ";", "；")


def _value_headings(outline: Outline) -> list[str]:
    """Return the top-level headings that each label one short value (``## 项目难度`` over ``进阶``), where most do.

    A page written as a form of headings (``## 项目导师`` / ``玄飏``, ``## 编程语言标签`` / ``Go,JavaScript``):
    each heading a label over its value, one line that is no sentence. Where they are most of the
    headings, the page is one thing's record; parts of a guide hold text.
    """
    tops = [node for node in outline.root.children if node.role is SectionRole.BODY]
    found: list[str] = []
    for node in tops:
        parts = [item for _, item in node.content]
        if node.children or len(parts) != 1 or not isinstance(parts[0], Paragraph) or not node.title:
            continue
        value = parts[0].text.strip()
        if "\n" in value or value.endswith(SENTENCE_ENDS) or not (is_title_like(value) or " " not in value):
            continue  # a value is a name, a level, a list of tags, or one long word (a link); no sentence
        found.append(node.title)
    return found if len(found) * 2 >= len(tops) else []


def _title_heading(outline: Outline) -> tuple[DraftNode, str, str] | None:
    """Return the one heading that labels its text as the topic's title (``## 赛题名称：erf``, ``## C 题 文本挖掘``),
    that title and the label printed before it.

    Only where one heading does so: headings ``赛题名称：A``, ``赛题名称：B`` … head a list of topics.
    """
    found: list[tuple[DraftNode, str, str]] = []
    for node in _body_nodes(outline.root):
        label, colon, value = (node.title or "").partition("：")
        if not colon:
            label, colon, value = (node.title or "").partition(":")
        if colon and is_topic_title_label(label) and is_labelled_title(value):
            printed = (node.title or "")[: -len(value.strip())].strip()
            found.append((node, value.strip(), label.strip() if is_problem_label(label) else printed))
        elif (problem := problem_title(node.title or "")) is not None and (node.title or "").startswith(problem[0]):
            found.append((node, problem[1], problem[0]))
    return found[0] if len(found) == 1 and len(_problem_labels(outline)) <= 1 else None


@dataclass(frozen=True)
class _Named:
    """The one topic a document names: its title, the problem label printed before it, the field that named it."""

    title: str
    label: str | None = None
    source: DraftField | None = None
    line: str | None = None
    """The paragraph that names it (a form's cover line ``题目 …``): the topic's heading, not its text."""

    def __str__(self) -> str:
        return f"{self.label} {self.title}" if self.label else self.title


def _named_topic(outline: Outline) -> _Named | None:
    """Return the topic a labelled field names (``比赛题目: 复杂场景下…``, ``题目名称`` over its value), the one
    heading so labelled (``## 赛题名称：erf``), or the problem a title line labels (``B题  基于…``)."""
    if (heading := _title_heading(outline)) is not None:
        return _Named(heading[1])
    problems = _problem_labels(outline)
    for node in outline.root.iter_tree():
        if node.role is not SectionRole.BODY:
            continue
        for draft in field_tree(node.fields):
            if not is_topic_title_label(draft.label):
                continue
            first = next((part for part in draft.parts if isinstance(part, Paragraph)), None)
            value = (draft.text or (first.text if first is not None else "")).strip()
            if not is_labelled_title(value):
                continue
            if not is_problem_label(draft.label):
                return _Named(value)
            if len(problems) == 1:
                return _Named(value, draft.label.strip().rstrip("：:").strip(), draft)
    # "B题  基于餐厅消费数据的隐形资助研究": the title line carries the one problem's label.
    if outline.title is not None and (found := problem_title(outline.title)) is not None and len(problems) == 1:
        return _Named(found[1], found[0])
    # "题目：全景图浏览画面的并行生成算法" as the title line; "Call for Proposals: …" names the call, its kind.
    labelled = _labelled_line(outline.title) if outline.title is not None else None
    if labelled is not None and not names_call(labelled[0]):
        return _Named(labelled[1], labelled[0])
    if (problem := _lone_problem_heading(outline, problems)) is not None:
        return problem
    return _label_heading_value(outline) or _form_title(outline)


def _labelled_line(text: str) -> tuple[str, str] | None:
    """Return the label and value of a line that labels its value as the topic's title (``题目：…``, ``课题名称 …``).

    The label ends at a colon, or, on a form's line without one, at the first space after it.
    """
    label, colon, value = text.partition("：")
    if not colon:
        label, colon, value = text.partition(":")
    if not colon:
        label, _, value = " ".join(text.split()).partition(" ")
        if not has_han(label):
            return None  # "Topic modelling of news" is a sentence; a form's cover line is "课题名称 …"
    label, value = label.strip(), value.strip()
    if label and value and is_topic_title_label(label) and is_labelled_title(value):
        return label, value
    return None


def _lone_problem_heading(outline: Outline, problems: set[str]) -> _Named | None:
    """Return the document's title as its one problem where one heading or line is that problem's label alone (``C题``).

    A contest's sheet prints the label under the title: the title names the problem the label marks.
    """
    if outline.title is None or len(problems) > 1 or not is_labelled_title(outline.title):
        return None
    labels = [node.title for node in _body_nodes(outline.root) if node.title and is_problem_label(node.title)]
    # The label may stand as a line of its own under the title (as a heading or not).
    labels += [
        item.text for _, item in outline.root.content if isinstance(item, Paragraph) and is_problem_label(item.text)
    ]
    return _Named(outline.title, labels[0].strip()) if len(labels) == 1 else None


def _form_title(outline: Outline) -> _Named | None:
    """Return the title a form's table gives its one topic: a title label's cell beside its value
    (``毕业设计（论文）题目 | 基于微服务…``), a cell's line ``题目：…``, or a cover line ``课题名称 多参数…``.

    Only where the form names one title: tables that name several (a table of topics) name no one topic.
    """
    found: list[str] = []
    cover: _Named | None = None
    lines = [item.text for _, item in outline.root.content if isinstance(item, Paragraph)]
    for line in lines:
        if (labelled := _labelled_line(line)) is not None:
            found.append(labelled[1])
            cover = cover or _Named(labelled[1], labelled[0], line=line)
    for node in [outline.root, *_body_nodes(outline.root)]:
        for _, item in node.content:
            if isinstance(item, Table):
                found.extend(_table_titles(item.rows))
    titles = {" ".join(title.split()) for title in found}
    if len(titles) != 1:
        return None
    # A cover line names the topic as its heading does: label and title, the line no text of the topic's.
    return cover if cover is not None and cover.title == found[0] else _Named(found[0])


# A table of this many rows whose first two rows fill as many cells is a grid under a header row.
GRID_MIN_ROWS = 3


def _table_titles(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    """Return the values a table's title labels give: the next filled cell of the row, or the rest of the line."""
    out: list[str] = []
    filled = [[cell for cell in row if cell.strip()] for row in rows]
    for at, cells in enumerate(filled):
        # A grid's first row names its columns ("项目名称 | 承担单位 | 经费"): a header, no label beside its value.
        header = at == 0 and len(filled) >= GRID_MIN_ROWS and len(filled[1]) == len(cells)
        for i, cell in enumerate(cells):
            first = cell.strip().split("\n")[0]
            if (labelled := _labelled_line(first)) is not None and ("：" in first or ":" in first):
                out.append(labelled[1])
            elif not header and "\n" not in cell.strip() and is_topic_title_label(cell) and i + 1 < len(cells):
                value = cells[i + 1].strip()
                if "\n" not in value and is_labelled_title(value):
                    out.append(value)
    return out


def _label_heading_value(outline: Outline) -> _Named | None:
    """Return the value under the one heading that is a title label (``## 项目名称`` over ``开源操作系统的…``): a
    form written as headings, each label over its value."""
    found: list[str] = []
    for node in _body_nodes(outline.root):
        if node.children or not is_topic_title_label(node.title or "") or is_problem_label(node.title or ""):
            continue
        parts = [item for _, item in node.content]
        if len(parts) == 1 and isinstance(parts[0], Paragraph) and is_labelled_title(parts[0].text):
            found.append(parts[0].text.strip())
    return _Named(found[0]) if len(found) == 1 else None


def _problem_labels(outline: Outline) -> set[str]:
    """Return the problem labels (``B题``, ``赛题A``) printed in the title, the headings and the field labels."""
    texts = [outline.title or ""]
    for node in outline.root.iter_tree():
        texts.append(node.title or "")
        texts.extend(f"{draft.label}：{draft.text}" for draft in field_tree(node.fields))
    out: set[str] = set()
    for text in texts:
        if (found := problem_title(text)) is not None:
            out.add(regex.sub(r"\s+", "", found[0]).casefold())
    return out


def _opens_with_problem(outline: Outline) -> bool:
    """Return whether the document's first numbered clause (``一、赛题描述``), or a label line of the sheet under
    its title (``Problem Statement: …``), states the problem, and the title is a name, not itself a heading over a
    problem's description (``赛题详情：…``): the call is the one problem its title names, those its parts.

    A part printed as a second title line (``赛题介绍`` at the title's size, unnumbered) is no clause."""
    body = [node for node in outline.root.children if node.role is SectionRole.BODY]
    # A labelled sheet: the label lines under the title (``Motivation: …``, ``Problem Statement: …``) are the parts.
    sheet = any(is_problem_part(field.label) for field in outline.root.fields)
    clause = bool(body) and body[0].numbering is not None and is_problem_part(body[0].title or "")
    if not (sheet or clause):
        return False
    return not any(is_problem_part(part) for part in regex.split(r"[：:\s]+", outline.title or ""))


def _work_parts(outline: Outline, lexicon: Lexicon) -> list[str]:
    """Return the labels of the document's own top-level parts that name a topic's work (``Deliverables``) or state
    its problem (``赛题简介``, ``基本任务``)."""
    labels = [node.title for node in outline.root.children if node.role is SectionRole.BODY and node.title]
    labels += [field.label for field in outline.root.fields]
    out: list[str] = []
    for label in labels:
        if (lexicon.is_work_label(label) or is_problem_part(label)) and label not in out:
            out.append(label)
    return out


def _why(node: DraftNode) -> str:
    if node.numbering is not None and node.numbering.family.role is Role.IDENTIFIER:
        return "an identifier"
    if node.has_directions or any(child.has_directions for child in node.iter_tree()):
        return "research directions"
    return "a field template" if node.fields else "numbering like their siblings"


def _instruction_parts(root: DraftNode) -> int:
    """Return how many sections and paragraphs of instructions come before the first topic."""
    count = 0
    for top in root.children:
        if any(node.topic for node in top.iter_tree()):
            break
        if top.role is not SectionRole.BODY:
            continue
        count += sum(1 for node in top.iter_tree())
    return count


def _is_identifier_field(item: object, lexicon: Lexicon) -> bool:
    return isinstance(item, DraftField) and lexicon.is_identifier_label(item.label)


def _topic_identifier(outline: Outline, lexicon: Lexicon) -> str | None:
    """Return the identifier the preamble gives the call's one topic: a line under the title
    (``HORIZON-WIDERA-2025-01-ACCESS-01``) or an identifier field (``题目编号：XH-202603``)."""
    if outline.identifier is not None:
        return outline.identifier
    for field in outline.root.fields:
        if _is_identifier_field(field, lexicon) and field.text:
            return field.text.split()[0]
    return None


def single_topic(outline: Outline, context: ShapeContext) -> bool:
    """Make the document its one topic: its title and identifier, its clauses as the topic's fields."""
    if outline.kind is not CallKind.SINGLE_TOPIC:
        return False
    found = [node for node in outline.root.iter_tree() if node.topic]
    if found:
        return len(found) == 1 and _topic_parts(outline, found[0])
    return _one_part(outline, context, is_topic=True)


def _one_part(outline: Outline, context: ShapeContext, *, is_topic: bool) -> bool:
    """Make the document one node (a topic where `is_topic`): its title and identifier, its clauses its fields."""
    root = outline.root
    identifier = _topic_identifier(outline, context.lexicon)
    body = [node for node in root.children if node.role is SectionRole.BODY]
    first = body[0] if body else None
    found_name = _named_topic(outline)
    named = found_name.title if found_name is not None else None
    # A part headed by the topic's name (a cover's second line) is the topic's own heading.
    own = next((node for node in body if named is not None and node.title == named), None)
    label = found_name.label if found_name is not None else None
    if own is None and label is not None:
        # "## C题" under the title: the problem's label set as a heading is the topic's own heading.
        own = next((node for node in body if node.title is not None and node.title.strip() == label), None)
    if own is None and (heading := _title_heading(outline)) is not None and any(n is heading[0] for n in body):
        # "## 赛题名称：erf": the heading that names the topic is the topic's own, its label printed before the title.
        own, label = heading[0], heading[2]
    # The topic's title is the one a label names, else the document's, else its identifier: a clause
    # heading stays a field.
    source = found_name.source if found_name is not None and found_name.label is not None else None
    if outline.title is None and named is not None and own is None:
        # A form without a title (one table) is titled by the topic it names; a labelled problem line
        # ("赛题A: 视频…") by that line as printed.
        outline.title = named if source is None else f"{source.label}{source.colon or '：'}{source.text}".strip()
    topic = DraftNode(
        level=1,
        title=named or outline.title or identifier,
        numbering=None,
        provenance=first.provenance if first is not None else root.provenance,
        topic=is_topic,
        identifier=identifier,
        label=label,
    )
    if root.has_directions:
        # A call without headings that offers directions: all of the preamble is the topic.
        topic.directions_marker, topic.marker_in_description = root.directions_marker, root.marker_in_description
        topic.marker_at = root.marker_at
        root.directions_marker, root.marker_in_description = None, False
        topic.content, root.content = root.content, []
    else:
        # What follows the title in the preamble (``Type of funding: …``, ``Scope:``) is the topic's; the
        # identifier field stays where it is, its value being the topic's identifier.
        before, after = root.content[: outline.title_at], root.content[outline.title_at :]
        keep = [(slot, item) for slot, item in after if _is_identifier_field(item, context.lexicon)]
        topic.content = [(slot, item) for slot, item in after if not _is_identifier_field(item, context.lexicon)]
        root.content = before + keep
    if label is not None and own is None:
        # The label's own line under the title ("C题") is printed as the topic's label; a cover line
        # ("题目 面向社区的…") is the topic's label and title.
        line = found_name.line if found_name is not None else None
        topic.content = [
            (slot, item)
            for slot, item in topic.content
            if not (
                isinstance(item, Paragraph)
                and ((item.text.strip() == label and is_problem_label(label)) or item.text == line)
            )
        ]
    if source is not None and _take_field(topic, body, source):
        # "赛题A: 视频抄袭检测方法研究": the line that labels the problem is the topic's heading, not a field of it.
        topic.provenance = source.provenance
    if own is not None:
        topic.provenance, topic.heading_key = own.provenance, own.heading_key
        topic.content.extend(own.content)
        body = [node for node in body if node is not own] + own.children
    _take_choices(topic, topic)
    for node in body:
        if node.choice:
            topic.add("directions", node_to_direction(node))
            continue
        if _is_track(node):
            topic.children.append(node)  # a clause with directions of its own stays a track, as in `_topic_parts`
            continue
        choices = _take_choices(node, topic)
        topic.add("fields", node_to_field(node))
        # The parts offered as choices become the topic's directions, after the part that offers them.
        topic.content.extend(("directions", item) for item in choices)
    rest = [node for node in root.children if node.role is not SectionRole.BODY]
    root.children = [topic, *rest]
    return True


def guide_directions(outline: Outline, context: ShapeContext) -> bool:
    """Make a guide that lists its subject areas under its title one part, titled as the document.

    A conference's call lists its topics of interest under its title (``NewNets 2020`` … ``The topics of
    interest include: …``): the areas are the call's, held by the part the document is, its clauses that
    part's fields, as a one-topic call's are; the part is no topic.
    """
    root = outline.root
    if outline.kind is not CallKind.GUIDE or context.forced is not None:
        return False
    if not (root.has_directions and outline.title and names_areas(root)):
        return False
    return _one_part(outline, context, is_topic=False)


def _take_field(topic: DraftNode, body: list[DraftNode], source: DraftField) -> bool:
    """Remove the field `source` from the content of `topic` or of a part in `body`; say whether it was.

    Only a field whose value is all on its line: its label and value are then the topic's label and title.
    """
    if source.parts or not source.text.strip():
        return False
    for holder in (topic, *body):
        kept = [(slot, item) for slot, item in holder.content if item is not source]
        if len(kept) < len(holder.content):
            holder.content = kept
            return True
    return False


def work_directions(outline: Outline, context: ShapeContext) -> bool:
    """Make the counted units of work of a one-topic call (``Task 1:`` … ``Task 5:``), or the numbered questions of
    the part that states its problem (``基本任务：`` over ``1：…``), its directions."""
    if outline.kind is not CallKind.SINGLE_TOPIC:
        return False
    topics = [node for node in outline.root.iter_tree() if node.topic]
    return len(topics) == 1 and (hoist_work_units(topics[0]) or hoist_problem_items(topics[0], is_task_part))


def _take_choices(node: DraftNode, topic: DraftNode) -> list[DraftItem]:
    """Remove the parts offered as choices from under `node`; return them as directions, in order."""
    out: list[DraftItem] = []
    for holder in node.iter_tree():
        out.extend(node_to_direction(child) for child in holder.children if child.choice)
        holder.children = [child for child in holder.children if not child.choice]
    if node is topic:
        topic.content.extend(("directions", item) for item in out)
    return out


def _topic_parts(outline: Outline, topic: DraftNode) -> bool:
    """Read the one topic's headings as its parts (fields) and its heading as the document's title.

    Under a one-topic call's heading (``# RFP-010: Vector commitments``, ``A83-002: …``),
    ``## Background`` / ``## Scope of this RFP`` are the topic's parts, as the clauses of a
    揭榜挂帅 topic are; a heading with directions of its own (or its own identifier) stays a track.
    """
    changed = False
    root = outline.root
    if outline.title is None and not root.content and root.children and root.children[0] is topic and topic.heading:
        outline.title = topic.heading  # the topic's heading opens the document: it is the title too
        changed = True
    tracks: list[DraftNode] = []
    for child in topic.children:
        if child.listed is not None:
            _list_as_directions(child)
        if _is_track(child):
            tracks.append(child)
        else:
            topic.add("fields", node_to_field(child))
            changed = True
    topic.children = tracks
    return changed


def _list_as_directions(node: DraftNode) -> None:
    """Give a part of a one-topic call whose list names choices (``## Potential Adapter Ideas``) its items back,
    as directions: the call offers one topic, so what its list offers are the ways to take it up."""
    assert node.listed is not None
    node.content = [("directions" if isinstance(item, DraftItem) else slot, item) for slot, item in node.listed]
    node.children, node.listed = [], None


def _is_track(node: DraftNode) -> bool:
    """Return whether a node under a topic is a track: directions of its own, or an identifier."""
    if node.numbering is not None and node.numbering.family.role is Role.IDENTIFIER:
        return True
    return any(n.has_directions for n in node.iter_tree())


# A directions list is grouped when it has at least this many group items, each over this many sub-items.
DIRECTION_GROUPS_MIN = 2
DIRECTION_GROUP_MIN_ITEMS = 2


def direction_groups(outline: Outline, context: ShapeContext) -> bool:
    """Make the bold group items of a grouped directions list the nodes of their groups, their sub-items the directions.

    ``- **Software Development**`` over twelve ``- …`` sub-items, ``- **Scientific Contribution**`` over
    eight: the groups sort the choices, and the sub-items are what a proposer picks. Only where every item
    of the list is such a group: set bold, a title, over two or more sub-items of its own.
    """
    changed = False
    for node in outline.root.iter_tree():
        directions = node.directions
        if len(directions) < DIRECTION_GROUPS_MIN or not all(_direction_group(item) for item in directions):
            continue
        groups = []
        for item in directions:
            group = DraftNode(
                level=node.level + 1,
                title=item.text.strip().rstrip(":：").strip(),
                numbering=None if item.numbering.is_bullet else item.numbering,  # a bullet numbers nothing
                provenance=item.provenance,
            )
            group.heading_key = item.numbering.key
            group.content = [("directions", child) for child in item.children]
            groups.append(group)
        node.content = [(slot, part) for slot, part in node.content if slot != "directions"]
        node.children = groups + node.children
        changed = True
    return changed


def _direction_group(item: DraftItem) -> bool:
    """Return whether a direction is a group title over its sub-items: bold, title-like, over two or more."""
    title = item.text.strip().rstrip(":：").strip()
    bold = bool(item.spans) and all(span.bold for span in item.spans if span.text.strip())
    return bold and is_title_like(title) and len(item.children) >= DIRECTION_GROUP_MIN_ITEMS


SHAPE_RULES: tuple[tuple[str, ShapeRule], ...] = (
    ("field-template", field_templates),
    ("topic-list", topic_lists),
    ("topic-table", topic_tables),
    ("statement-groups", statement_groups),
    ("area-groups", area_groups),
    ("topics", mark_topics),
    ("counter-titles", counter_titles),
    ("kind", decide_kind),
    ("single-topic", single_topic),
    ("guide-directions", guide_directions),
    ("work-directions", work_directions),
    ("direction-groups", direction_groups),
)


def run_shape_rules(
    outline: Outline, context: ShapeContext, observe: Callable[[str, Outline], None] | None = None
) -> None:
    """Apply the shape rules in order; record each that changed the outline in the trace (and show it to `observe`)."""
    for name, rule in SHAPE_RULES:
        if rule(outline, context):
            outline.trace.append((-1, name))
            if observe is not None:
                observe(name, outline)
