"""Explain stage, its output: one record per block, saying what each stage made of it and why."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from docparse.formats import SourceFormat
from docparse.model.base import Model
from docparse.model.document import CallKind
from docparse.model.provenance import Provenance


class Role(StrEnum):
    """What a block became in the outline."""

    TITLE = "title"
    LABEL = "label"
    """The attachment label (``附件一``)."""
    IDENTIFIER = "identifier"
    """The topic identifier printed under a one-topic call's title."""
    TOC_TITLE = "toc-title"
    DIRECTIONS_MARKER = "directions-marker"
    """The line announcing a node's directions (``建议研究方向：``), kept as the node's marker."""
    TOC_ENTRY = "toc-entry"
    SECTION = "section"
    TOPIC = "topic"
    TRACK = "track"
    DIRECTION = "direction"
    FIELD = "field"
    LIST_ITEM = "list-item"
    PARAGRAPH = "paragraph"
    NOTE = "note"
    UNPLACED = "unplaced"
    TABLE = "table"
    CODE = "code"
    DROPPED = "dropped"
    JOINED = "joined"
    """Text a rule took in with the block before it (the second line of a display title)."""


class Evidence(Model):
    """What the block showed the rules: its numbering, its style, the lexicon's hits and the document's evidence."""

    numbering: str | None = Field(default=None, description="The numbering label as printed (`1.1`, `（一）`, `-`).")
    family: str | None = Field(default=None, description="The numbering family of the label (`decimal`, `cjk-dun`).")
    depth: int | None = Field(default=None, description="The label's depth in its family (`1.1` is 2).")
    heading_level: int | None = Field(
        default=None,
        description="The format's heading level (Markdown `#`, a DOCX heading style or outline level).",
    )
    list_depth: int | None = Field(default=None, description="The nesting depth of the format's list, if in one.")
    font_size: float | None = Field(default=None, description="The dominant font size in points (PDF, DOCX).")
    bold: bool = Field(default=False, description="Every visible run of the text is bold.")
    display: bool = Field(default=False, description="Set clearly larger than the body text (a title line).")
    directions_marker: str | None = Field(
        default=None, description="The directions marker the line is (`建议研究方向`)."
    )
    field_label: str | None = Field(default=None, description="The field label before a colon (`技术标签`).")
    known_label: bool = Field(default=False, description="The field label is in the lexicon of known labels.")
    lead_in: str | None = Field(
        default=None, description="The sentence announcing a list of directions (`具体任务包括：`)."
    )
    toc_page: str | None = Field(default=None, description="The page reference of a table-of-contents line.")
    navigation: bool = Field(default=False, description="A navigation link (`返回目录`).")
    attachment_label: str | None = Field(default=None, description="The attachment label the line is (`附件一`).")
    list_run: bool = Field(
        default=False, description="One of a run of numbered siblings with nothing between them: a list, not headings."
    )
    clause_family: bool = Field(default=False, description="Its family counts up once through the document: clauses.")
    index_entry: bool = Field(default=False, description="An identifier printed again later: a topic index entry.")
    repeated: str | None = Field(
        default=None,
        description="What the document repeats that the line is one of: `label clauses` (a clause family of short "
        "labels), `labelled run` (typed siblings running in labels), `set apart` (bold lines alone over text), "
        "`bold list head` (bold items over sub-lists), `display rank` (display lines of one style).",
    )
    title_heading: bool = Field(default=False, description="The format heading taken as the document title.")
    table: str | None = Field(
        default=None,
        description="How the PDF reader found a table that has no rulings (`text aligned in 3 columns on 5 lines …`).",
    )

    def describe(self) -> str:
        """Return the evidence as a short line (``decimal/2 "1.1"; h2; 14pt bold; field 技术标签``)."""
        out: list[str] = []
        if self.family is not None:
            out.append(f"{self.family}/{self.depth} {self.numbering!r}")
        if self.heading_level is not None:
            out.append(f"h{self.heading_level}")
        if self.list_depth:
            out.append(f"list {self.list_depth}")
        style = [f"{self.font_size:g}pt"] if self.font_size is not None else []
        style += ["bold"] * self.bold + ["display"] * self.display
        if style:
            out.append(" ".join(style))
        named = (
            ("marker", self.directions_marker),
            ("field" + " (known)" * self.known_label, self.field_label),
            ("lead-in", self.lead_in),
            ("toc p.", self.toc_page),
            ("attachment", self.attachment_label),
            ("repeated:", self.repeated),
            ("table:", self.table),
        )
        out += [f"{what} {value}" for what, value in named if value is not None]
        flags = (
            ("navigation", self.navigation),
            ("in a list run", self.list_run),
            ("clause family", self.clause_family),
            ("index entry", self.index_entry),
            ("title heading", self.title_heading),
        )
        out += [what for what, on in flags if on]
        return "; ".join(out)


class Record(Model):
    """One block (or one piece of text a reader dropped) and what became of it."""

    where: str = Field(description="Where it is, for display: `L12-14` (lines), `¶5` (DOCX paragraph), `p2` (page).")
    provenance: Provenance = Field(default_factory=Provenance, description="Where it is in the source, in full.")
    text: str = Field(description="The block's text, label included.")
    token: str | None = Field(
        default=None, description="The token kind the segmenter gave it (`numbered`, `heading`, `paragraph` …)."
    )
    evidence: Evidence = Field(default_factory=Evidence, description="What the rules saw.")
    rule: str = Field(description="The block rule that placed it, or `reader` for text a reader dropped.")
    consumed: bool = Field(default=False, description="The rule that placed the block before took this one in with it.")
    role: Role = Field(description="What it became in the outline.")
    node: str | None = Field(
        default=None,
        description="The id of the node it went to (`preamble` before any heading; a TOC entry's target).",
    )
    changed_by: tuple[str, ...] = Field(default=(), description="The shape rules that changed its role, in order.")
    reason: str | None = Field(default=None, description="Why it was dropped, for role `dropped`.")

    @property
    def pages(self) -> tuple[int, ...]:
        return self.provenance.pages


class Explanation(Model):
    """Why a document's outline is what it is: the kind of call and one record per block, in document order."""

    name: str | None = Field(default=None, description="The file name, if known.")
    format: SourceFormat = Field(description="The detected input format.")
    pages: int | None = Field(default=None, description="The number of pages, for formats that have pages.")
    kind: CallKind = Field(description="The kind of call the document was read as.")
    kind_reason: str = Field(description="Why (the message of DP501 call-kind).")
    shape_rules: tuple[str, ...] = Field(default=(), description="The shape rules that changed the outline, in order.")
    records: tuple[Record, ...] = Field(default=(), description="One record per block, in document order.")

    def select(self, pages: tuple[int, int] | None = None, grep: str | None = None) -> Explanation:
        """Return the explanation with only the records on pages `pages` (first, last) whose text holds `grep`."""
        records = self.records
        if pages is not None:
            first, last = pages
            records = tuple(r for r in records if any(first <= page <= last for page in r.pages))
        if grep:
            folded = grep.casefold()
            records = tuple(r for r in records if folded in r.text.casefold())
        return self.model_copy(update={"records": records})

    def to_json(self, indent: int | None = 2) -> str:
        """Return the explanation as JSON (UTF-8 text, CJK unescaped)."""
        return self.model_dump_json(indent=indent, exclude_defaults=True) + "\n"
