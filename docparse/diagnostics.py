"""Diagnostic codes: every finding docparse can emit, with its code, name, severity and documentation.

Codes are ``DP`` + 3 digits, grouped by hundreds (1xx input and reading, 2xx structure,
3xx numbering, 4xx content, 5xx the shape of the call) and never reused: retire a rule by marking it, not by
deleting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from docparse.model.diagnostic import Diagnostic, Severity
from docparse.model.provenance import Provenance

Stage = Literal["reader", "normalize", "outline", "check", "cli"]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    """What it does: the finding in one sentence (docs/rules.md)."""
    why: str
    """Why it matters."""
    example: str
    """A short description of an input that triggers it."""
    stage: Stage = "check"
    """Which stage emits it: a reader, normalize, the check stage (docparse/check/), or the CLI."""

    @property
    def default(self) -> bool:
        """Return whether `docparse check` reports the rule when no `select` is given.

        Info-level rules report what docparse did (a paragraph rejoined, a footnote set
        apart), not a problem in the call, so they are reported only when selected.
        """
        return self.severity is not Severity.INFO


RULES: tuple[Rule, ...] = (
    # 1xx: input and reading
    Rule(
        "DP100",
        "unreadable-input",
        Severity.ERROR,
        "The input could not be parsed at all: unsupported, corrupt, encrypted, without a text layer, or over a limit.",
        "Nothing in the file was checked; `docparse check` reports it and fails whatever the selection.",
        "A `.doc` (Word 97) file renamed to `.docx`, or a PDF that needs a password.",
        stage="cli",
    ),
    Rule(
        "DP101",
        "encoding-fallback",
        Severity.WARNING,
        "The text was not valid UTF-8 (or had no BOM) and was decoded with a fallback encoding.",
        "A guessed encoding can be wrong; publish calls as UTF-8 so every reader sees the same text.",
        "A `.txt` saved as GBK by a Chinese Windows editor.",
        stage="reader",
    ),
    Rule(
        "DP102",
        "suspicious-characters",
        Severity.WARNING,
        "The decoded text holds replacement (U+FFFD), private-use or control characters.",
        "Such characters mean bytes were lost or mis-decoded; the outline may hold garbage.",
        "A file cut in the middle of a multi-byte character.",
        stage="reader",
    ),
    Rule(
        "DP103",
        "garbled-text",
        Severity.ERROR,
        "The text layer does not map to usable Unicode (`(cid:N)` tokens, private-use glyphs).",
        "The fonts lack a ToUnicode map: what comes out is not the printed text; it needs OCR.",
        "A PDF whose Chinese fonts were embedded without a ToUnicode CMap.",
        stage="reader",
    ),
    Rule(
        "DP104",
        "footnote-set-apart",
        Severity.INFO,
        "A footnote at the page foot was kept out of the paragraph it interrupts.",
        "Footnote text inside a paragraph corrupts the sentence it cuts in two.",
        "A PDF page ending in a small-font `1 See …` line under a rule.",
        stage="reader",
    ),
    Rule(
        "DP105",
        "no-outline",
        Severity.WARNING,
        "No section or topic heading was recognised; the text is all in notes.",
        "A call without a recognisable outline cannot be used by downstream tools.",
        "A letter or a form rather than a call for proposals.",
    ),
    Rule(
        "DP106",
        "format-name-mismatch",
        Severity.WARNING,
        "The file name's extension names another format than the bytes hold; the file was read by its bytes.",
        "Other tools trust the extension: they will refuse the file or read it as what it is not.",
        "A DOCX saved as `call.pdf`.",
        stage="reader",
    ),
    Rule(
        "DP107",
        "ocr-page",
        Severity.INFO,
        "A PDF page was read by OCR (it had no usable text layer, or `--ocr always` was given).",
        "OCR text can differ from the print in a character here and there; the message gives the mean confidence.",
        "A scanned page, or a page set in a font without a ToUnicode map.",
        stage="reader",
    ),
    Rule(
        "DP108",
        "ocr-low-confidence",
        Severity.WARNING,
        "OCR read a line with low confidence (under 0.8).",
        "The line's text is likely wrong in places; check it against the page.",
        "A faint, blurred or stamped-over line of a scanned page.",
        stage="reader",
    ),
    Rule(
        "DP109",
        "input-skipped",
        Severity.WARNING,
        "A file or folder under a folder given was not read: a symbolic link out of that folder, or a link loop.",
        "A batch stays inside the tree it was given: a link to `/etc/passwd` or to a home folder is not followed.",
        "`calls/call.txt -> /etc/passwd`, or `calls/a/up -> ..`.",
        stage="cli",
    ),
    Rule(
        "DP110",
        "pages-not-read",
        Severity.WARNING,
        "Only some pages of the PDF were read (`--pages`, `--max-pages`, `pages=`); the message names the others.",
        "The outline covers the pages read: what the other pages hold is not in it, nor checked.",
        "`docparse convert call.pdf --pages 3-7` on a 12-page call.",
        stage="reader",
    ),
    Rule(
        "DP111",
        "pages-ignored",
        Severity.INFO,
        "A page selection was given for a document without pages (DOCX, HTML, text, Markdown); it was read whole.",
        "Only a PDF has pages to choose from; the outline is of the whole document.",
        "`docparse convert call.docx --pages 3-7`.",
        stage="reader",
    ),
    Rule(
        "DP112",
        "tables-not-searched",
        Severity.WARNING,
        "A PDF page's rulings cross in more places than the table finder's budget; its tables were not looked for.",
        "The text in the grid is read as lines, not as cells: a table there comes out without its rows and columns.",
        "A page of graph paper, or a 300 × 300 ruled grid (pdfplumber's table finder would take minutes).",
        stage="reader",
    ),
    Rule(
        "DP113",
        "read-as-plain-text",
        Severity.WARNING,
        "A Markdown table or paragraph too large for the Markdown parser's budget was read as plain lines.",
        "Its text is all there, line by line, but not its Markdown: no table cells, links or emphasis read from it.",
        "A table of 49,000 columns (two million cells: 3 GB), or a paragraph of 90,000 `[` (each a link label sought).",
        stage="reader",
    ),
    # 2xx: structure
    Rule(
        "DP201",
        "empty-topic",
        Severity.WARNING,
        "A topic or track has no description, directions, tracks, fields, tables or notes.",
        "An empty topic is usually a parsing slip or an unfinished call.",
        "`1.3 强化学习` followed directly by `1.4 自然语言处理`.",
    ),
    Rule(
        "DP202",
        "marker-without-list",
        Severity.WARNING,
        "A directions marker (`建议研究方向：`) is followed by no list item.",
        "The directions were lost or are written in a shape docparse does not recognise.",
        "`建议研究方向：` followed by a paragraph of prose.",
    ),
    Rule(
        "DP203",
        "empty-direction",
        Severity.WARNING,
        "A direction has a label but no text.",
        "An empty list item is almost always an editing slip.",
        "`（2）` alone on a line in a list of directions.",
    ),
    Rule(
        "DP204",
        "empty-heading-title",
        Severity.WARNING,
        "A section, topic or track heading has a number but no title.",
        "Consumers show titles; a bare number tells a reader nothing.",
        "`1.2` alone on a line.",
    ),
    Rule(
        "DP205",
        "empty-section",
        Severity.WARNING,
        "A section heading is followed by no topic and no text before the next section.",
        "A section without topics is usually a deleted or misplaced block, or a heading docparse took for a section.",
        "`2. 半开放课题` followed directly by `3. 专项课题`.",
    ),
    Rule(
        "DP210",
        "toc-entry-without-heading",
        Severity.WARNING,
        "A table-of-contents entry has no heading with that number in the body.",
        "The TOC promises a part of the call that is not there.",
        "`1.4 自然语言处理.....3` in the TOC, but no `1.4` heading in the body.",
    ),
    Rule(
        "DP211",
        "heading-missing-from-toc",
        Severity.WARNING,
        "A body heading has no table-of-contents entry.",
        "Readers navigate by the TOC; a missing entry hides a topic.",
        "A `2.4` topic added to the body but not to the TOC.",
    ),
    Rule(
        "DP212",
        "toc-title-mismatch",
        Severity.WARNING,
        "A table-of-contents entry's title differs from its heading's title.",
        "One of the two was edited and the other not; readers see two names for one topic.",
        "`1.2 深度学习框架` in the TOC, `1.2 深度学习框架技术` in the body.",
    ),
    Rule(
        "DP213",
        "toc-page-mismatch",
        Severity.WARNING,
        "A table-of-contents page number differs from the page where the heading starts.",
        "A stale TOC sends readers to the wrong page.",
        "The TOC says page 3, the heading is on page 4 of the PDF.",
    ),
    # 3xx: numbering
    Rule(
        "DP301",
        "numbering-gap",
        Severity.WARNING,
        "A number is skipped in a sequence of sections, topics, tracks or directions (or the sequence starts after 1).",
        "A gap usually means an item was deleted or lost in conversion.",
        "`1)`, `2)`, `4)`.",
    ),
    Rule(
        "DP302",
        "numbering-duplicate",
        Severity.WARNING,
        "Two siblings carry the same number.",
        "Duplicate numbers make references ambiguous and ids unstable.",
        "`1)`, `2)`, `2)`, `3)`.",
    ),
    Rule(
        "DP303",
        "numbering-out-of-order",
        Severity.WARNING,
        "A number is out of order among its siblings (the fewest items that would have to move are reported).",
        "Items were moved without renumbering.",
        "`1.1`, `1.3`, `1.2`.",
    ),
    Rule(
        "DP304",
        "numbering-family-change",
        Severity.WARNING,
        "The numbering style changes inside one list.",
        "Mixed styles (`1)` then `(2)`) suggest two lists run together or an editing slip.",
        "`1)`, `2)`, `(3)`.",
    ),
    Rule(
        "DP305",
        "numbering-parent-mismatch",
        Severity.WARNING,
        "A topic's number does not start with its section's number.",
        "A topic numbered for another section was moved or copied without renumbering.",
        "`1.6 模型部署` under `2. 半开放课题`, between `2.1` and `2.2`.",
    ),
    # 4xx: content
    Rule(
        "DP401",
        "unplaced-text",
        Severity.WARNING,
        "Text could not be placed in the outline and was kept in `unplaced`.",
        "Text outside the outline is missed by every consumer that reads topics.",
        "A stray paragraph between the end of one section and the next section heading.",
    ),
    Rule(
        "DP402",
        "much-dropped",
        Severity.WARNING,
        "More than a tenth of the text was dropped as page furniture (headers, footers, page numbers, footnotes…).",
        "Noise removal that takes that much is likely removing content.",
        "A PDF whose every line repeats on each page and is taken for a running header.",
    ),
    Rule(
        "DP403",
        "paragraph-rejoined",
        Severity.INFO,
        "A paragraph cut by a page break (Word) or a stray blank line (text) was joined back together.",
        "Reported so that a wrong join can be found; the text is kept either way.",
        "`…着重方法` at a page foot and `的效果和效率…` at the next page head.",
        stage="normalize",
    ),
    # 5xx: the shape of the call
    Rule(
        "DP501",
        "call-kind",
        Severity.INFO,
        "Says which kind of call the document was read as (catalogue, single-topic, guide, mixed) and why.",
        "The kind decides what numbered headings become (topics, a topic's fields, sections); when the "
        "evidence named is wrong, force the kind with `ParseOptions(kind=...)`.",
        "`catalogue: 8 topics (6 with research directions, …)` for the reference call.",
        stage="outline",
    ),
    Rule(
        "DP502",
        "field-template",
        Severity.INFO,
        "Headings that repeat under sibling nodes with different titles were read as fields, not sub-topics.",
        "A template repeated under every project (`项目介绍`, `营员要求`) is the projects' fields; reported so "
        "that a heading taken for a template by mistake can be found.",
        "`### Abstract` and `### First steps` under every idea of an idea list.",
        stage="outline",
    ),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def make_diagnostic(
    name: str, message: str, provenance: Provenance | None = None, *, node: str | None = None
) -> Diagnostic:
    """Return a diagnostic for the rule called `name`."""
    rule = RULES_BY_NAME[name]
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=message,
        provenance=provenance or Provenance(),
        node=node,
    )
