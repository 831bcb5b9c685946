"""Export to Markdown: clean CommonMark that the text reader parses back into an equal outline.

The title is ``#``; sections, their sub-sections and topics take the next heading levels, tracks
the level under their topic. A node's content is written in document order (`iter_content`):
paragraphs, list items with their markers, directions as a list with bold titles, fields as
bold labels (a field that was a heading, such as a single topic's clause, as a heading again),
code as fenced blocks, tables as GFM pipe tables. A run-in clause (``一、基隆市政府…``) stays a
paragraph that starts with its label, as printed.
"""

from __future__ import annotations

import itertools
from typing import TypeGuard

import regex

from docparse.blocks import direction_title
from docparse.model.document import (
    Code,
    Direction,
    Document,
    LabelledField,
    ListItem,
    Paragraph,
    Section,
    Table,
    Topic,
    Track,
)
from docparse.vocab.chars import has_han, is_cjk
from docparse.vocab.families import match_labelled, match_numbering
from docparse.vocab.glyphs import LIST_BULLETS
from docparse.vocab.markers import Lexicon, dash_label, is_decoration

# Printed bullets that are no CommonMark list marker: the list bullets and the en dash of a slide.
GLYPHS = LIST_BULLETS + "–"
_SPECIAL = regex.compile(r"([\\`*_\[\]<>|])")
# The built-in tables: what the Markdown reader will recognise as a run-in label when it reads this back.
_LEXICON = Lexicon()
_LINE_START = regex.compile(r"^([#>+=]|-(?=\s))")
_ORDERED_START = regex.compile(r"^(\d{1,9})([.)])(?=\s|$)")
MAX_LEVEL = 6


def escape(text: str) -> str:
    """Return `text` with the characters that Markdown would read as syntax escaped."""
    return str(_SPECIAL.sub(r"\\\1", text))


def _escape_line(text: str) -> str:
    escaped = _LINE_START.sub(r"\\\1", escape(text))
    return str(_ORDERED_START.sub(r"\1\\\2", escaped))


def to_markdown(document: Document) -> str:
    """Return the document as CommonMark text ending in a newline."""
    out: list[str] = []
    if document.label:
        out.append(_escape_line(document.label))
    if document.toc_title:
        out.append(_escape_line(document.toc_title))
    if document.toc and all(e.page_label is None for e in document.toc) and not _numbered_contents(document):
        # A contents of titles (an index of in-page links, ``Part 1. Overview Information``): a nested list of
        # links again, each printed as it was.
        out.append("\n".join(_toc_link(_entry_text(e.label or e.number, e.title), e.level) for e in document.toc))
    elif document.toc and all(e.page_label is None for e in document.toc):
        # A contents without page numbers was printed as a table of numbers and titles.
        out.append(_table(Table(rows=tuple((e.label or e.number or "", e.title) for e in document.toc))))
    elif document.toc:
        # One entry per rendered line: a hard break (a backslash at the end) between entries, and a
        # leading `1.` escaped so that the contents is not an ordered list swallowing the rest.
        out.append("\\\n".join(_toc_line(e.label or e.number, e.title, e.page_label) for e in document.toc))
    # A single topic holds everything after its title: what the preamble keeps came before it.
    own = next((t for t in document.iter_topics() if document.is_document_topic(t)), None)
    if own is not None:
        out.extend(_parts(document.preamble, 2))
    if document.title:
        out.append(f"# {escape(document.title)}")
        out.append(_identifier_line(document, own))
    if own is None:
        out.extend(_parts(document.preamble, 2))
    for section in document.sections:
        out.extend(_section(section, 2, document))
    return "\n\n".join(part for part in out if part) + "\n"


_SLUG_DROP = regex.compile(r"[^\w\- ]+")
_BARE_NUMBER = regex.compile(r"\d+(?:\.\d+)*\.?")


def _numbered_contents(document: Document) -> bool:
    """Return whether a contents without pages is a table of numbers and titles: every entry numbered, the first
    with a bare number (``1 | General information``), as the reader tells such a table from one with a header."""
    first = document.toc[0].label or document.toc[0].number or ""
    return _BARE_NUMBER.fullmatch(first) is not None and all(e.label or e.number for e in document.toc)


def _entry_text(label: str | None, title: str) -> str:
    return f"{label} {title}" if label else title


def _toc_link(title: str, level: int) -> str:
    """Return a TOC entry as an item of a nested list of links to the heading's anchor (GitHub's slug)."""
    slug = _SLUG_DROP.sub("", title.casefold()).strip().replace(" ", "-")
    return f"{'    ' * (level - 1)}- [{escape(title)}](#{slug})"


def _toc_line(label: str | None, title: str, page: str | None) -> str:
    head = _escape_line(f"{label} {title}" if label else title)
    return f"{head}.....{page}" if page is not None else head


def _heading(level: int, label: str | None, title: str | None) -> str:
    if label and title == label:
        text = escape(title)  # a part named by its bare label ("附录一"): printed once
    elif label and title and _self_labelled(label):
        text = f"{label}-{escape(title)}"  # "赛题方向 A-…": the dash that makes it a label again
    elif label and title and is_cjk(label[-1]) and not has_han(label[-1]):
        text = f"{label}{escape(title)}"  # "一、发榜单位", "项目一：算子规范": no space after CJK punctuation
    else:
        text = " ".join(part for part in (label, escape(title or "")) if part)
    return f"{'#' * min(level, MAX_LEVEL)} {text}".rstrip()


def _self_labelled(label: str) -> bool:
    """Return whether `label` is a lead word and a marker (``赛题方向 A``) that no numbering family reads."""
    numbering = match_numbering(f"{label} x")
    if numbering is not None and numbering.label == label:
        return False
    found = match_labelled(f"{label}-x")
    return found is not None and found[1].label == label


def _section(section: Section, level: int, document: Document) -> list[str]:
    out: list[str] = []
    content = list(section.iter_content())
    run_in = section.title is None and section.label is not None
    if run_in and content and isinstance(content[0][1], Paragraph):
        # A run-in clause: its label starts its first paragraph, as printed.
        out.append(f"{section.label}{_escape_line(content[0][1].text)}")
        content = content[1:]
    elif (
        run_in
        and content
        and isinstance(content[0][1], LabelledField)
        and (lines := _content(section, content[:1], level + 1))
    ):
        # A clause that runs its label in ("1. Introduction: …"): its number starts the field's line, as printed.
        out.append(f"{section.label} {lines[0]}")
        out.extend(lines[1:])
        content = content[1:]
    elif section.title is not None or section.label is not None:
        out.append(_heading(level, section.label, section.title))
    implicit = section.title is None and section.label is None
    out.extend(_content(section, content, level + 1))
    for child in section.sections:
        out.extend(_section(child, level + 1, document))
    topic_level = level if implicit else level + 1
    run: list[Topic] = []
    for topic in section.topics:
        if _table_row(topic) is not None and (not run or _columns(run[0]) == _columns(topic)):
            run.append(topic)
            continue
        if run:
            out.append(_topic_table(run, document))
            run = []
        if _table_row(topic) is not None:
            run.append(topic)
        else:
            out.extend(_topic(topic, topic_level, document))
    if run:
        out.append(_topic_table(run, document))
    return out


def _columns(topic: Topic) -> list[str]:
    return [f.label for f in topic.fields if f.cell == "column"]


def _table_row(topic: Topic) -> list[str] | None:
    """Return the topic's cells when it is a row of a table of topics (fields labelled by columns), else None.

    The title cell holds the title, then the description and run-in fields in order; every
    column field follows them, as the text reader reads such a row.
    """
    content = list(topic.iter_content())
    columns = [item for _, item in content if isinstance(item, LabelledField) and item.cell == "column"]
    if not columns or topic.tracks or topic.directions or topic.notes or topic.unplaced:
        return None
    if topic.label and topic.label not in {field.text for field in columns}:
        return None  # a label the row's cells do not print (a code column prints its identifier)
    own = content[: len(content) - len(columns)]
    if any(isinstance(item, LabelledField) and item.cell == "column" for _, item in own):
        return None  # a column field before the title cell's own lines: not as a row reads
    lines = [topic.title]
    for _, item in own:
        if isinstance(item, LabelledField):
            colon = "：" if item.label and is_cjk(item.label[-1]) else ": "
            lines.append(f"{item.label}{colon}{item.text}")
            lines += [_cell_line(part) for part in item.items]
        elif isinstance(item, Paragraph | ListItem):
            lines.append(_cell_line(item))
        else:
            return None
    return ["\n".join(lines), *("\n".join(_value_lines(field)) for field in columns)]


def _destination(target: str) -> str:
    """Return a link target as a CommonMark destination inside a table cell."""
    target = target.replace("|", "%7C")
    if regex.search(r"[\s()<>]", target):
        return "<" + target.replace("<", "%3C").replace(">", "%3E") + ">"
    return target


def _topic_table(topics: list[Topic], document: Document) -> str:
    """Return topics read from a table's rows as that table again: a title column, then one column a field."""
    labels = _columns(topics[0])
    title = "Topic" if "title" in {label.casefold() for label in labels} else "Title"
    links = {link.text: link.target for link in document.links}
    rows = []
    for topic in topics:
        cells = _table_row(topic)
        assert cells is not None
        rows.append(cells)
    lines = [_table(Table(rows=((title, *labels),)))]
    for topic, cells in zip(topics, rows, strict=True):
        first = escape(cells[0]).replace("\n", "<br>")
        target = links.get(topic.title)
        if target is not None:
            # The title as the link it was: the text reader finds the topic's title by it again.
            head, _, rest = first.partition("<br>")
            first = f"[{head}]({_destination(target)})" + (f"<br>{rest}" if rest else "")
        others = [escape(cell).replace("\n", "<br>") for cell in cells[1:]]
        lines.append("| " + " | ".join([first, *others]) + " |")
    return "\n".join(lines)


def _topic(topic: Topic, level: int, document: Document) -> list[str]:
    out: list[str] = []
    # A single topic that is the document (its title is the document's): no heading of its own.
    own = document.is_document_topic(topic)
    if not own:
        out.append(_heading(level, topic.label, topic.title))
    # Its parts are written as headings when all of them stood as headings: mixed with bold labels,
    # a heading would take the labels after it as its own.
    headings = own and all(f.heading and not f.text for f in topic.fields if not f.marker)
    out.extend(_content(topic, list(topic.iter_content()), level + 1, own_parts=headings))
    for track in topic.tracks:
        out.append(_heading(level + 1, track.marker or None, track.title))
        out.extend(_content(track, list(track.iter_content()), level + 2))
    return out


def _identifier_line(document: Document, topic: Topic | None) -> str:
    """Return the identifier of the document's own topic as the line under the title, unless a preamble
    field (``题目编号：XH-202603``) prints it."""
    if topic is None or not topic.label or document.heads_with(topic):
        return ""  # no identifier, or the title is the topic's heading and prints it
    label = topic.label
    if any(isinstance(p, LabelledField) and label in f"{p.label}{p.text}" for p in document.preamble):
        return ""
    return _escape_line(label)


def _content(
    node: Section | Topic | Track,
    content: list[tuple[str, Paragraph | ListItem | Code | Table | Direction | LabelledField]],
    level: int,
    *,
    own_parts: bool = False,
) -> list[str]:
    """Return the node's content in document order; `own_parts` for the document's own topic."""
    out: list[str] = []
    items: list[str] = []
    directions: list[str] = []
    marker = node.directions_marker if not node.marker_in_description else None

    cells: list[LabelledField] = []

    def flush() -> None:
        if items:
            out.append(_lines(items))
            items.clear()
        if directions:
            out.append(_lines(directions))
            directions.clear()
        if cells:
            out.append(_cell_table(cells))
            cells.clear()

    headed = _headed([item for _, item in content])
    typed = _typed_families([item for _, item in content])
    for _slot, item in content:
        if isinstance(item, LabelledField) and item.cell == "row":
            if items or directions:
                flush()
            cells.append(item)
            continue
        if isinstance(item, Direction):
            if items:
                flush()
            if marker is not None:
                out.append(f"{escape(marker)}：")
                marker = None
            directions.append(_direction(item, 0))
            continue
        if isinstance(item, ListItem) and not directions:
            items.extend(_list_item(item, 0, typed))
            continue
        flush()
        if (own_parts or headed) and isinstance(item, LabelledField):
            out.extend(_field(item, level, as_heading=True))  # a one-topic call's ``## Deliverables``
            continue
        out.extend(_parts((item,), level))
    flush()
    if marker is not None:
        # A marker that no list follows stays where a reader sees it: after the description.
        out.append(f"{escape(marker)}：")
    return out


def _parts(parts: tuple[Paragraph | ListItem | Code | Table | LabelledField, ...], level: int) -> list[str]:
    out: list[str] = []
    headed = _headed(list(parts))
    typed = _typed_families(list(parts))
    items: list[str] = []
    cells: list[LabelledField] = []
    for part in parts:
        if isinstance(part, LabelledField) and part.cell == "row":
            if items:
                out.append("\n".join(items))
                items.clear()
            cells.append(part)
            continue
        if cells:
            out.append(_cell_table(cells))
            cells.clear()
        if isinstance(part, ListItem):
            items.extend(_list_item(part, 0, typed))
            continue
        if items:
            out.append(_lines(items))
            items.clear()
        if isinstance(part, Paragraph):
            out.append(_escape_line(part.text))
        elif isinstance(part, Code):
            out.append(_code(part))
        elif isinstance(part, Table):
            out.append(_table(part))
        else:
            out.extend(_field(part, level, as_heading=headed))
    if items:
        out.append(_lines(items))
    if cells:
        out.append(_cell_table(cells))
    return out


def _lines(blocks: list[str]) -> str:
    """Return the lines of a list as one block, a glyph item (``• FutureG``) followed by another
    of its level ending in a hard break (a backslash), so that a renderer shows one a line (the
    reader drops the backslash)."""
    joined = "\n".join(blocks).split("\n")
    # One blank line between the paragraphs of typed items, none at the ends.
    lines = [line for i, line in enumerate(joined) if line or (0 < i < len(joined) - 1 and joined[i + 1])]
    while lines and not lines[0]:
        lines.pop(0)
    for i, (line, after) in enumerate(itertools.pairwise(lines)):
        this, that = _GLYPH_LINE.match(line), _GLYPH_LINE.match(after)
        if this is not None and that is not None and this.group(1) == that.group(1):
            lines[i] = line + "\\"
    return "\n".join(lines)


_LIST_MARKER = regex.compile(r"^(?:\d{1,9}[.)]|[-*+])$")


def _marker(label: str | None) -> tuple[str, int]:
    """Return the list marker to write for `label`, and the indent its nested items need.

    A label that is no CommonMark list marker (`（1）`, `1.1`, `①`), or a decimal `1.` that would
    read as a heading written as a list of one, goes inside a `-` item, so that the list, and the
    nesting under it, survive a round trip.
    """
    if label is None:
        return "-", 2
    if _LIST_MARKER.match(label) and not label.endswith("."):
        return label, len(label) + 1
    # Escaped, "1." stays text of the bullet: unescaped, it would open an ordered list inside it.
    return "- " + _ORDERED_START.sub(r"\1\\\2", label), 2


def _glyph(label: str | None, children: tuple[object, ...]) -> TypeGuard[str]:
    """Return whether an item is written with its printed bullet glyph (``•``) as its marker.

    A glyph is the item's marker, not text: ``- • FutureG`` would show two bullets. An item with
    items under it stays a CommonMark item (``- •``), because only a CommonMark list keeps its
    nesting on a round trip.
    """
    return label is not None and len(label) == 1 and label in GLYPHS and not children


def _glyph_line(indent: int, label: str, text: str) -> str:
    return f"{' ' * indent}{label} {text}".rstrip()


_GLYPH_LINE = regex.compile(rf"^( *)[{GLYPHS}](?: |$)")


def _direction(direction: Direction, indent: int) -> str:
    text = direction.text
    title = direction.title
    rendered = escape(text)
    # Bold where the source set the title in bold, or where only bold marks it as the title.
    if title and text.startswith(title):
        plain = direction_title(text, (), has_children=bool(direction.children))[0]
        if direction.title_bold or plain != title:
            rendered = f"**{escape(title)}**{escape(text[len(title) :])}"
    if _glyph(direction.label, direction.children):
        return _glyph_line(indent, direction.label, rendered)
    if direction.label and not direction.children and not indent and _self_labelled(direction.label):
        # A counted run-in item ("任务一：…") is a paragraph of its own, as printed.
        return f"{direction.label}：{rendered}\n"
    marker, offset = _marker(direction.label)
    first, *more = rendered.split("\n")
    lines = [f"{' ' * indent}{marker} {first}".rstrip()]
    for further in more:
        # A further paragraph of the item (the text between it and the next): a loose item's paragraph,
        # set apart by a blank line, since a lazy line would run on into the first.
        line = _ORDERED_START.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", further))
        lines += ["", f"{' ' * (indent + offset)}{line}".rstrip()]
    if more and direction.children:
        lines.append("")
    lines.extend(_direction(child, indent + offset) for child in direction.children)
    return "\n".join(lines)


def _list_item(item: ListItem, indent: int, typed: frozenset[object] = frozenset()) -> list[str]:
    if _glyph(item.label, item.children) and "\n" not in item.text:
        return [_glyph_line(indent, item.label, _escape_line(item.text))]
    if not indent and _typed_key(item) in typed:
        # "b. 评测场景要求：…" typed on a page: an item there, but a field in a Markdown list. Printed as a
        # paragraph of its own with its siblings, as on the page, it reads as that item again.
        return ["", f"{item.label} {_escape_line(item.text)}", ""]
    marker, offset = _marker(item.label)
    text = "\n".join(
        (" " * (indent + offset) if i else "") + _escape_line(line) for i, line in enumerate(item.text.split("\n"))
    )
    lines = [f"{' ' * indent}{marker} {text}".rstrip()]
    for child in item.children:
        lines.extend(_list_item(child, indent + offset))
    return lines


def _typed_key(item: ListItem) -> object:
    """Return the numbering key of a top-level item typed with a number that is no CommonMark marker, else None."""
    label = item.label
    if item.children or "\n" in item.text or label is None or _LIST_MARKER.match(label) or label in GLYPHS:
        return None
    numbering = match_numbering(f"{label} {item.text}")
    if numbering is None or numbering.label != label or numbering.is_bullet:
        return None
    return numbering.key


def _typed_families(parts: list[object]) -> frozenset[object]:
    """Return the numbering of the items among `parts` that are written as typed lines: those of a family one of
    whose items holds a label (``b. 标签：…``). Read from a format's list such an item would have been a field, so
    the run was typed on the page; written in a Markdown list, it would read back as fields."""
    return frozenset(
        key
        for part in parts
        if isinstance(part, ListItem)
        and (key := _typed_key(part)) is not None
        and _LEXICON.match_field(part.text) is not None
    )


def _field(field: LabelledField, level: int, *, as_heading: bool = False) -> list[str]:
    """Return `field` as Markdown; `as_heading` writes a label of its own line as a heading, not bold."""
    if is_decoration(field.marker) and not (field.heading and not field.text):
        # Pictographs before a label ("👥 **Mentor(s):**") print before it again, not as a list marker.
        lines = _field(field.model_copy(update={"marker": None}), level, as_heading=as_heading)
        return [f"{field.marker} {lines[0]}", *lines[1:]]
    bullet, _, pictographs = (field.marker or "").partition(" ")
    if pictographs and is_decoration(pictographs):
        # A list item's pictographs before its label ("- 👥 Mentors: …") print after its bullet again.
        lines = _field(field.model_copy(update={"marker": bullet}), level, as_heading=as_heading)
        head, _, rest = lines[0].partition(" ")
        return [f"{head} {pictographs} {rest}", *lines[1:]]
    # A label of its own line keeps the colon printed after it (``#### 项目介绍：``).
    own = f"{field.label}{(field.colon or '').rstrip()}"
    if field.heading and field.marker and not field.text:
        # A numbered label of its own (a single topic's clause): a heading again.
        return [_heading(level, field.marker, own), *_parts(field.items, level + 1)]
    if field.heading and not field.text:
        if as_heading or field.colon is not None or any(_holds_label(item) for item in field.items):
            # Labels under a label (``### Award`` under ``## RFP Details``, ``**Rolling:** …`` under
            # ``### Application Deadline``): headings keep the nesting, where a bold line would be their sibling.
            return [_heading(level, None, own), *_parts(field.items, level + 1)]
        # A label on a line of its own: a bold line, which holds what follows until the next label.
        return [f"**{escape(own)}**", *_parts(field.items, level + 1)]
    if field.marker:
        # A field written as a list item keeps its items nested under it.
        marker, offset = _marker(field.marker)
        colon = _colon(field) if field.text or field.colon else ""
        label = _label(field, colon)
        if _glyph(field.marker, field.items):
            return [_glyph_line(0, field.marker, label)]
        head = f"{marker} {label}".rstrip()
        nested: list[str] = []
        for item in field.items:
            if isinstance(item, ListItem):
                nested.extend(_list_item(item, offset))
            elif isinstance(item, LabelledField) and item.marker:
                sub = _field(item, level)
                nested.extend(" " * offset + line for block in sub for line in block.split("\n"))
            else:
                # A paragraph (table, code) under the label is a block of the item of its own: after a
                # blank line, not a continuation of the label's line.
                rendered = _parts((item,), level)
                nested.append("")
                nested.extend((" " * offset + line).rstrip() for block in rendered for line in block.split("\n"))
        return [_lines([head, *nested])]
    # A run-in label holds its own line and what follows it, plain or bold as printed.
    return [_label(field, _colon(field)), *_parts(field.items, level + 1)]


def _label(field: LabelledField, colon: str) -> str:
    """Return a field's label, colon and run-in text, the label bold as printed; a plain label of a paragraph that
    would not read back as this field (not known, too long) is set in bold with its colon."""
    label, text = escape(field.label), escape(field.text)
    bold = field.bold
    if bold is None:
        line = f"{field.label}{colon}{field.text}"
        # A label run in with a dash ("Costs – the contractor …") reads back as one among its run, as printed.
        found = _LEXICON.match_field(line) or dash_label(line)
        if field.marker or (found is not None and found.label == field.label):
            # A list item's label reads as one by its place in the list (``- Mentor: Ana``, a template's item).
            return f"{label}{colon}{text}".rstrip()
        bold = "label+colon"
    if bold == "label" and len(field.label) <= 30:
        return f"**{label}**{colon}{text}".rstrip()
    # A long bold label is read as one only with its colon inside the bold; and a space after the closing
    # ** : CommonMark closes no emphasis between "：" and a letter.
    return f"**{label}{colon.rstrip()}**{colon[len(colon.rstrip()) :] or ' '}{text}".rstrip()


def _headed(parts: list[object]) -> bool:
    """Return whether the labels of their own line among `parts` are written as headings: one of them holds a
    label that a bold line would not hold, or prints a colon (a bold ``**Label:**`` is a run-in label, not a label
    line), and its siblings take its level, or it would hold them."""
    return any(
        isinstance(part, LabelledField)
        and part.heading
        and not part.text
        and not part.marker
        and (part.colon is not None or any(_holds_label(item) for item in part.items))
        for part in parts
    )


def _holds_label(item: object) -> bool:
    """Return whether `item` is a label that a bold line over it would not hold: a heading, or a bold run-in label."""
    return isinstance(item, LabelledField) and (item.heading or (item.bold is not None and not item.marker))


def _colon(field: LabelledField) -> str:
    """Return the colon to write after a field's label: the one printed, with its spaces; for a field
    read without one (an export of an older version), the full-width colon after Chinese and ``: `` after Latin."""
    if field.colon is not None:
        return field.colon
    return "：" if has_han(field.label) else ": " if field.text else ":"


def _code(code: Code) -> str:
    fence = "```"
    while fence in code.text:
        fence += "`"
    return f"{fence}{code.info or ''}\n{code.text}\n{fence}"


def _cell_table(fields: list[LabelledField]) -> str:
    """Return fields read from a label table as that table again, under a ``Field | Value`` header.

    The header names the columns in general, so the text reader reads the rows as fields again;
    a value's lines are joined by ``<br>``, its list items keep their markers.
    """
    rows = [("Field", "Value"), *((field.label, "\n".join(_value_lines(field))) for field in fields)]
    return _table(Table(rows=tuple(rows)))


def _value_lines(field: LabelledField) -> list[str]:
    """Return a field's value as the lines of a table cell: its text, then a line a part."""
    return ([field.text] if field.text else []) + [_cell_line(part) for part in field.items]


def _cell_line(part: Paragraph | ListItem | Code | Table | LabelledField) -> str:
    if isinstance(part, ListItem):
        return f"{part.label} {part.text}" if part.label else part.text
    if isinstance(part, LabelledField):
        return f"{part.label}: {part.text}"
    if isinstance(part, Table):
        return " ".join(" ".join(row) for row in part.rows)
    return part.text


def _table(table: Table) -> str:
    if not table.rows:
        return ""
    width = max(len(row) for row in table.rows)
    rows = [list(row) + [""] * (width - len(row)) for row in table.rows]

    def line(cells: list[str]) -> str:
        # A line break in a cell is a `<br>`, which the text reader reads as the cell's break again.
        return "| " + " | ".join(escape(c).replace("\n", "<br>") for c in cells) + " |"

    return "\n".join([line(rows[0]), "| " + " | ".join("---" for _ in range(width)) + " |", *map(line, rows[1:])])
