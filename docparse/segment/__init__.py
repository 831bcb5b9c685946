"""Segment stage: blocks → tokens, through the numbering-family table and the marker tables.

Each block is classified by its own text and style only; what a token *is* in context (a
heading, a direction, a field) is the outline stage's decision.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from docparse.blocks import Block, BlockKind, Span, all_bold, bold_lead, drop_spans, strip_spans
from docparse.vocab.chars import is_cjk
from docparse.vocab.families import (
    BARE_NUMBER,
    BARE_NUMBER_MIN_HEADINGS,
    LETTER_HEADING,
    O_BULLET,
    Numbering,
    Role,
    match_families,
    match_heading_numbering,
    match_labelled,
    match_letter_heading,
    match_numbering,
)
from docparse.vocab.lazy import lazy
from docparse.vocab.markers import (
    DEFAULT_LEXICON,
    FieldMatch,
    Lexicon,
    TocLine,
    colon_sentence,
    dash_label,
    doc_label_of,
    is_caption_word,
    is_navigation,
    is_short_label,
    is_task_word,
    is_title_like,
    is_toc_title_text,
    match_toc_line,
    names_choices,
    split_decoration,
)


class TokenKind(StrEnum):
    PARAGRAPH = "paragraph"
    NUMBERED = "numbered"
    """Starts with a numbering label; the outline stage decides heading or list item."""
    HEADING = "heading"
    """A heading by the format (Markdown ``#``, DOCX outline level) without a numbering label."""
    MARKER = "marker"
    TOC_TITLE = "toc-title"
    TOC_ENTRY = "toc-entry"
    NAVIGATION = "navigation"
    DOC_LABEL = "doc-label"
    TABLE = "table"
    CODE = "code"


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    block: Block
    text: str
    """The text after any label: the heading title, the item text, the paragraph."""
    spans: tuple[Span, ...] = ()
    """The inline runs of `text`."""
    numbering: Numbering | None = None
    toc: TocLine | None = None
    marker: str | None = None
    label: str | None = None
    """The attachment label for DOC_LABEL tokens."""
    field: FieldMatch | None = None
    """Set when `text` starts with a field label and a colon (``技术标签：…``)."""
    lead_in: str | None = None
    """Set when a paragraph ends with a sentence announcing a list of directions."""
    decoration: str | None = None
    """Pictographs printed before the text (``💡`` of ``### 💡 Smart Bot``): kept, but not part of `text`."""
    # The answers of `title_like` and `all_bold`, worked out on first use: the outline's rules ask
    # them of a token again and again. Not compared; `replace` starts them afresh.
    _title_like: bool | None = dataclasses.field(default=None, init=False, repr=False, compare=False)
    _all_bold: bool | None = dataclasses.field(default=None, init=False, repr=False, compare=False)

    @property
    def in_list(self) -> bool:
        """Return whether the format puts the block in a list (a Markdown or Word list item)."""
        return self.block.list_depth > 0

    @property
    def title_like(self) -> bool:
        found = self._title_like
        if found is None:
            found = is_title_like(self.text)
            object.__setattr__(self, "_title_like", found)
        return found

    @property
    def all_bold(self) -> bool:
        """Return whether every visible run of the text is bold (a bold line used as a heading)."""
        found = self._all_bold
        if found is None:
            found = all_bold(self.spans)
            object.__setattr__(self, "_all_bold", found)
        return found


def segment(blocks: Iterable[Block], lexicon: Lexicon = DEFAULT_LEXICON) -> list[Token]:
    """Return one token per block, classifying each by its own text and style only."""
    tokens: list[Token] = []
    for block in blocks:
        token = classify(block, lexicon)
        if token.kind is TokenKind.TOC_ENTRY and tokens and _is_toc_title(tokens[-1]):
            _promote_toc_title(tokens, len(tokens) - 1)
        elif token.kind is TokenKind.TABLE:
            # A TOC printed as a table ("Section | Title | Action") under its title, maybe
            # with a header line between them.
            for back in (1, 2):
                if len(tokens) >= back and _is_toc_title(tokens[-back]):
                    _promote_toc_title(tokens, len(tokens) - back)
                    break
        tokens.append(token)
    tokens = _toc_bare_numbers(_counted_bare_numbers(tokens, lexicon))
    tokens = _dash_labels(_bold_run_in_labels(tokens, lexicon))
    tokens = _labelled_items(_labelled_headings(_drop_lone_toc_lines(tokens, lexicon)))
    tokens = _letter_o_bullets(tokens)
    tokens = _toc_letter_labels(link_tocs(_listed_contents(_row_labels(_opening_labels(tokens), lexicon))))
    tokens = _letter_runs(tokens)
    return _lead_ins_before_lists(tokens, lexicon)


# A run of dash labels has at least this many paragraphs, and they are at least this share of the paragraphs
# from its first to its last; each label's text is at least this long (a sentence, not "Jane Doe – MIT").
DASH_LABEL_MIN_RUN = 3
DASH_LABEL_SHARE = 2 / 3
DASH_LABEL_MIN_TEXT = 30


def _dash_labels(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with the paragraphs of a run that each run a label in with a dash read as fields.

    ``Deadlines – The Tendering Contractor accepts …``, ``Costs – the Tendering Contractor …``,
    ``Confidentiality - All information …``: one such paragraph is a sentence with a dash in it; a
    run of them between two headings, each a short title-like label over a sentence and no two
    labels the same, is a list of terms with their clauses, the dash standing where a colon would.
    """
    out = list(tokens)
    run: list[tuple[int, FieldMatch]] = []
    paragraphs = 0  # from the run's first label to its last

    def close() -> None:
        labels = {found.label.casefold() for _, found in run}
        if len(run) >= DASH_LABEL_MIN_RUN and len(labels) == len(run) and len(run) >= DASH_LABEL_SHARE * paragraphs:
            for i, found in run:
                out[i] = replace(tokens[i], field=found)

    for i, token in enumerate(tokens):
        if token.kind is not TokenKind.PARAGRAPH:
            close()
            run, paragraphs = [], 0
            continue
        found = dash_label(token.text) if token.field is None and not token.in_list else None
        if found is not None and len(found.rest) >= DASH_LABEL_MIN_TEXT:
            paragraphs = i - run[0][0] + 1 if run else 1
            run.append((i, found))
    close()
    return out


def _lead_ins_before_lists(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """Return `tokens` with the lines a list follows at once read as its lead-in where they name it as the choices.

    "What sort of proposals are we looking for?" over its bullets, or "We invite papers on topics related
    to …" over the topics (`Lexicon.lead_in_before_list`): only the list that follows tells that the
    sentence announces it, so this reads each line with the next.
    """
    out = list(tokens)
    heading: Token | None = None  # the heading of the part the token stands in
    for i, (token, following) in enumerate(itertools.pairwise(tokens)):
        if token.kind is TokenKind.HEADING or (
            token.kind is TokenKind.NUMBERED and token.block.kind is BlockKind.HEADING
        ):
            heading = token  # "## Topics", "## 2. Areas of Interest"
        listed = following.kind is TokenKind.NUMBERED and following.block.kind is not BlockKind.HEADING
        listed = listed and heading is not None and names_choices(heading.text) and _parallel_run(tokens, i + 1)
        if token is heading and token.kind is TokenKind.NUMBERED and listed:
            if token.lead_in is None and (lead_in := _under_choices_title(token, heading)) is not None:
                out[i] = replace(token, lead_in=lead_in)
            continue
        if token.kind not in (TokenKind.PARAGRAPH, TokenKind.HEADING) or token.lead_in is not None:
            continue
        if following.kind is not TokenKind.NUMBERED or following.numbering is None:
            continue
        lead_in = lexicon.lead_in_before_list(token.text) or (_under_choices_title(token, heading) if listed else None)
        if lead_in is not None:
            out[i] = replace(token, lead_in=lead_in)
    return out


# An item of a list of choices is one short phrase or sentence: at most this many characters.
CHOICE_ITEM_MAX_CHARS = 160
# An item that ends like a clause of a sentence running on to the next ("…technology;", "…base; and").
_RUNS_ON = lazy(r"(?i)(?:[;；,，、]|\b(?:and|or)|[和及或])\s*$")


def _parallel_run(tokens: list[Token], start: int) -> bool:
    """Return whether the list items from `start` read as parallel choices: flat, in one family, each one short
    phrase or sentence that does not run on into the next.

    A nested list groups what it lists ("- High priority" over its sub-items); items ending in ";" or "; and"
    are the clauses of one sentence ("…to: a. increase …; b. expand …; and").
    """
    first = tokens[start]
    run = list(
        itertools.takewhile(
            lambda token: token.kind is TokenKind.NUMBERED and token.block.kind is not BlockKind.HEADING,
            tokens[start:],
        )
    )
    if len(run) < 2:
        return False
    for token in run:
        numbering = token.numbering
        if numbering is None or first.numbering is None or numbering.key != first.numbering.key:
            return False
        if token.block.list_depth != first.block.list_depth:
            return False
        text = token.text.strip()
        if len(text) > CHOICE_ITEM_MAX_CHARS or _RUNS_ON.search(text):
            return False
    return True


def _under_choices_title(token: Token, heading: Token | None) -> str | None:
    """Return the lead-in of a line a list follows at once in a part whose heading names the choices it offers.

    The heading itself ("## Topics", "Areas of Interest", "研究方向") when the list follows it, or a sentence
    of its part that ends in a colon ("We like to see anything that squarely fits into the spectrum of:"): the
    heading says what the list is, the colon that the list follows.
    """
    if heading is None or not names_choices(heading.text):
        return None
    if token is heading:
        return token.text.strip().rstrip("：:").strip()
    return colon_sentence(token.text) if token.kind is TokenKind.PARAGRAPH else None


# A label opens the sections of one level when it is the first line under at least this many of them.
OPENING_LABEL_MIN_SECTIONS = 2


def _opening_key(token: Token) -> tuple[object, ...]:
    """Return what makes headings siblings of one level: their numbering family and heading level."""
    return token.numbering.family.name if token.numbering else None, token.block.heading_level


def _opening_labels(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with the first line under a heading read as the label its sibling sections open with.

    Where at least two headings of one level are each followed by the same label on a line of its
    own (``题目描述：``), that label, printed under another such heading without its colon
    (``题目描述``) or run into its text (``题目描述 系统需要…``), is the same field: the
    repetition is the evidence a colon gives elsewhere.
    """
    counts: Counter[tuple[tuple[object, ...], str]] = Counter()
    labels: dict[tuple[tuple[object, ...], str], str] = {}
    for head, first in itertools.pairwise(tokens):
        found = first.field
        if head.kind in _HEADINGS and first.kind is TokenKind.PARAGRAPH and found is not None and not found.rest:
            key = (_opening_key(head), found.label.strip().casefold())
            counts[key] += 1
            labels[key] = found.label.strip()
    opening = {key: labels[key] for key, n in counts.items() if n >= OPENING_LABEL_MIN_SECTIONS}
    if not opening:
        return tokens
    out = list(tokens)
    for i, (head, first) in enumerate(itertools.pairwise(tokens), start=1):
        if head.kind not in _HEADINGS or first.kind is not TokenKind.PARAGRAPH or first.field is not None:
            continue
        text = first.text.strip()
        for (level, _), label in opening.items():
            if level != _opening_key(head) or not text.casefold().startswith(label.casefold()):
                continue
            rest = text[len(label) :]
            if rest and not (rest[0].isspace() or is_cjk(label[-1])):
                continue  # "Descriptions" is not "Description": a Latin word runs on; Han has no word spaces
            out[i] = replace(first, field=FieldMatch(label, rest.strip(), known=False, colon=" " if rest else ""))
            break
    return out


# A run of self-labelled headings has at least this many lines.
LABELLED_MIN_RUN = 2


def _labelled_headings(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with self-labelled headings read as numbered: ``赛题方向 A-…`` … ``赛题方向 D-…``.

    One line led by a word and a letter or number says nothing (``Phase 2: build``); two or more set
    as headings (bold, or a format heading) in one size, with one lead word and markers counting
    1, 2, 3 (``A``, ``B``; ``一``, ``二``; a long run may skip one, `_counts_from_one`) in document order,
    are a numbering family of the document's own:
    the label is the word and its marker, the title the rest.
    """
    runs: dict[str, list[tuple[int, Numbering]]] = {}
    for i, token in enumerate(tokens):
        if token.kind not in (TokenKind.PARAGRAPH, TokenKind.HEADING) or token.in_list or token.decoration:
            continue
        if not (token.all_bold or token.kind is TokenKind.HEADING):
            continue
        found = match_labelled(token.text, alone=True)
        if found is None or is_caption_word(found[0]) or not is_title_like(found[1].rest):
            continue
        runs.setdefault(found[0].casefold(), []).append((i, found[1]))
    out = list(tokens)
    for run in runs.values():
        sizes = {tokens[i].block.font_size for i, _ in run}
        if len(run) < LABELLED_MIN_RUN or len(sizes) > 1:
            continue
        if not _counts_from_one([numbering.value for _, numbering in run]):
            continue
        for i, numbering in run:
            out[i] = _numbered(tokens[i], numbering)
    return out


# A long run of self-labelled headings may skip a number (an idea withdrawn from a list of 32):
# one skip in this many headings still counts.
LABELLED_HEADINGS_PER_SKIP = 10


def _counts_from_one(values: list[tuple[int, ...]]) -> bool:
    """Return whether the markers of a run count up from 1: ``1, 2, 3``, or ``1…4, 6…32`` with few skips.

    Each marker is above the one before; the numbers skipped are at most one per
    `LABELLED_HEADINGS_PER_SKIP` headings, so a short run must count without a gap.
    """
    numbers = [value[0] for value in values if len(value) == 1]
    if len(numbers) != len(values) or not numbers or numbers[0] != 1:
        return False
    if any(b <= a for a, b in itertools.pairwise(numbers)):
        return False
    return numbers[-1] - len(numbers) <= len(numbers) // LABELLED_HEADINGS_PER_SKIP


def _numbered(token: Token, numbering: Numbering) -> Token:
    """Return `token` read as a numbered line under `numbering` (a label of the document's own)."""
    # A label alone is its own title (``Problem Statement 3 :-``): its spans are the whole line's.
    alone = numbering.rest == numbering.label
    spans = strip_spans(token.block.spans) if alone else _rest_spans(token.block, numbering)
    return Token(TokenKind.NUMBERED, token.block, numbering.rest, spans, numbering=numbering)


def _labelled_items(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with runs of counted run-in items read as numbered: ``任务一：…`` ``任务二：…``.

    Paragraphs of body text led by one word and a marker counting 1, 2, 3 (``任务一：裁判随机发放…``,
    ``任务二：…``; ``问题 1：…`` … ``问题 5：…``), with nothing but plain paragraphs between them, are the
    items of one list of the document's own; a heading, a numbered or a labelled line between them ends
    the run. The run is a counter family learned from the document (`_counted_run`).
    """
    out = list(tokens)
    runs: dict[str, list[tuple[int, Numbering]]] = {}

    def close(word: str, run: list[tuple[int, Numbering]]) -> None:
        if not _counted_run(word, [numbering for _, numbering in run]):
            return
        for i, numbering in run:
            out[i] = _numbered(tokens[i], numbering)

    def close_all() -> None:
        for word, run in runs.items():
            close(word, run)
        runs.clear()

    for i, token in enumerate(tokens):
        found = None
        if token.kind is TokenKind.PARAGRAPH and not token.in_list and not token.decoration and not token.all_bold:
            found = match_labelled(token.text, item=True)
        if found is None or is_caption_word(found[0]):
            if token.kind is not TokenKind.PARAGRAPH or token.all_bold or token.field is not None:
                close_all()
            continue
        word, numbering = found[0].casefold(), found[1]
        run = runs.setdefault(word, [])
        if run and numbering.value != (run[-1][1].value[0] + 1,):
            close(word, run)
            run.clear()
        if run or numbering.value == (1,):
            run.append((i, numbering))
    close_all()
    return out


# A run of counted run-in items led by a word that names a task (`is_task_word`) has at least this many
# items; led by any other word, at least `LEARNED_ITEMS_MIN_RUN`, each a sentence of its own.
LABELLED_ITEMS_MIN_RUN = 2
LEARNED_ITEMS_MIN_RUN = 3


def _counted_run(word: str, run: list[Numbering]) -> bool:
    """Return whether counted run-in items are one enumeration: ``任务一：`` ``任务二：``, ``问题 1：…`` ``问题 2：…``.

    A word naming a task (``任务``, ``Task``) says so in two items. Any other word says so by repetition:
    three or more items counting 1, 2, 3 whose text runs on as sentences (the questions of a modelling
    problem); two ``Consent 1:`` ``Consent 2:`` boxes of a form, ``Milestone 1: [date]`` blanks or the
    short options ``选项 A：1.5mA`` … of a quiz are not.
    """
    if is_task_word(word):
        return len(run) >= LABELLED_ITEMS_MIN_RUN
    return len(run) >= LEARNED_ITEMS_MIN_RUN and not any(is_title_like(numbering.rest) for numbering in run)


def _letter_o_bullets(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with the lines led by Word's second-level bullet left as a letter read as its sub-items.

    ``• Dimensions of scale, to include`` then ``o The range of properties …`` ``o Complexity …``: an "o"
    and a space before a capital or a Han character, right under a bullet item or another such line, is
    a bullet one level below that item (`O_BULLET`).
    """
    out = list(tokens)
    depth: int | None = None  # the list depth of the "o" items under the last bullet item
    for i, token in enumerate(tokens):
        numbering = token.numbering
        if token.kind is TokenKind.NUMBERED and numbering is not None and numbering.is_bullet:
            inner = O_BULLET.pattern.match(token.text) if token.block.label is not None and depth else None
            if inner is not None:
                # "- o What …" in Markdown (the export of such an item): the letter is the bullet a reader sees.
                rest = token.text[inner.end() :].strip()
                label = Numbering(O_BULLET, inner.group("label"), (), rest, inner.group("num"))
                out[i] = replace(token, text=rest, spans=_rest_spans(token.block, label), numbering=label)
                continue
            depth = token.block.list_depth + 1
            continue
        found = O_BULLET.pattern.match(token.text) if token.kind is TokenKind.PARAGRAPH and depth else None
        if found is None or depth is None or token.decoration:
            depth = None
            continue
        label = Numbering(O_BULLET, found.group("label"), (), token.text[found.end() :].strip(), found.group("num"))
        block = replace(token.block, list_depth=depth)
        out[i] = replace(_numbered(token, label), block=block)
    return out


# Paragraphs led by a short bold phrase without a colon, this many in a document, are labelled.
RUN_IN_MIN_LABELS = 2
RUN_IN_MAX_WORDS = 4


def _bold_run_in_labels(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """Return `tokens` with paragraphs led by a bold run-in label without a colon read as fields.

    ``**Background** A language model transforms …``, ``**Project Details** Given these …`` (LaTeX's
    ``\\paragraph``): a short bold title-cased phrase, then a sentence starting with a capital. One such
    paragraph may be emphasis; two or more in the document are its way of labelling its parts.
    """
    found: list[tuple[int, FieldMatch]] = []
    for i, token in enumerate(tokens):
        if token.kind is not TokenKind.PARAGRAPH or token.field is not None or token.in_list or token.decoration:
            continue
        lead = bold_lead(token.spans)
        label = lead.strip()
        after = token.text[len(lead) :] if token.text.startswith(lead) else ""
        words = label.split()
        if not (0 < len(words) <= RUN_IN_MAX_WORDS and label[:1].isupper() and label[-1:].isalnum()):
            continue
        if not (after[:1].isspace() and after.lstrip()[:1].isupper()) or not is_title_like(label):
            continue
        rest = after.lstrip()
        found.append((i, FieldMatch(label, rest, lexicon.is_field_label(label), after[: len(after) - len(rest)])))
    if len(found) < RUN_IN_MIN_LABELS:
        return tokens
    out = list(tokens)
    for i, match in found:
        out[i] = replace(tokens[i], field=match)
    return out


def _counted_bare_numbers(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """Return `tokens` with the headings numbered by a bare number kept numbered only where the numbers count.

    ``## 1 Introduction``, ``## 2 Scope of Work``: numbered 1, 2 … in order, each one more (a
    ``2.1`` under them does not break the count). ``### 24 Hours of Code`` alone is a title that
    starts with a number, classified again without it.
    """
    expected = 1
    out = list(tokens)
    for i, token in enumerate(tokens):
        numbering = token.numbering
        if numbering is None or numbering.family.name != "bare-number":
            continue
        if numbering.last == expected:
            expected += 1
            continue
        out[i] = classify(token.block, lexicon, bare=False)
    if expected - 1 < BARE_NUMBER_MIN_HEADINGS:
        # Fewer than two counted: not an outline, every such heading keeps its whole text.
        out = [
            classify(t.block, lexicon, bare=False)
            if t.numbering is not None and t.numbering.family.name == "bare-number"
            else t
            for t in out
        ]
    return out


def _toc_bare_numbers(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with the TOC entries ``1 Introduction … 3`` numbered where the body's headings agree.

    A bare number before a title is a heading's number only where the headings count with it
    (`_counted_bare_numbers`); a contents line printing the number and title of such a heading
    (Word's TOC field over ``1 Request for Proposal (RFP)``) is that heading's entry, numbered alike.
    """
    heads = {
        (t.numbering.number, _heading_key(t.text))
        for t in tokens
        if t.kind is TokenKind.NUMBERED and t.numbering is not None and t.numbering.family is BARE_NUMBER
    }
    if not heads:
        return tokens
    out = list(tokens)
    for i, token in enumerate(tokens):
        line = token.toc
        if token.kind is not TokenKind.TOC_ENTRY or line is None or line.numbering is not None:
            continue
        found = match_families(line.title, (BARE_NUMBER,))
        if found is not None and (found.number, _heading_key(found.rest)) in heads:
            out[i] = replace(token, text=found.rest, toc=replace(line, numbering=found, title=found.rest))
    return out


# A contents without pages lists at least this many entries.
LISTED_TOC_MIN_ENTRIES = 2


def _listed_contents(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with a contents printed without pages read as one (a slide deck's ``Outline``).

    Under a TOC title (``Outline``, ``目录``), a run of short title lines set alike, none twice, each of which a
    heading after the run repeats (``† 赛题背景`` … then the slides ``† 赛题背景``): the entries of a
    table of contents, not headings of empty sections.
    """
    last: dict[str, int] | None = None
    for i, token in enumerate(tokens[:-1]):
        if not _is_toc_title(token) or tokens[i + 1].kind is TokenKind.TOC_ENTRY:
            continue
        run: list[int] = []
        seen: set[str] = set()
        names: dict[int, str] = {}
        for j in range(i + 1, len(tokens)):
            entry = tokens[j]
            # A short link to a heading's anchor (`- [Data](#data)`, as the export writes an entry) names it.
            link = _anchor_link(entry.block) if entry.kind is TokenKind.NAVIGATION else None
            text = link if link is not None else entry.text.strip()
            key = text.casefold()
            if (
                (entry.kind not in _HEADINGS and link is None)
                or not is_title_like(text)
                or key in seen
                or _style(entry) != _style(tokens[i + 1])
            ):
                break
            seen.add(key)
            names[j] = text
            run.append(j)
        if len(run) < LISTED_TOC_MIN_ENTRIES:
            continue
        if last is None:
            # Where each heading's title last stands, found once: a scan of the rest per contents
            # title would be quadratic in a document of many.
            last = {t.text.strip().casefold(): k for k, t in enumerate(tokens) if t.kind in _HEADINGS}
        if not all(last.get(key, -1) > run[-1] for key in seen):
            continue
        _promote_toc_title(tokens, i)
        for j in run:
            entry = tokens[j]
            line = TocLine(entry.numbering, names[j], None, None)
            tokens[j] = Token(TokenKind.TOC_ENTRY, entry.block, names[j], entry.spans, toc=line)
    return tokens


_HEADINGS = (TokenKind.HEADING, TokenKind.NUMBERED)


def _style(token: Token) -> tuple[object, ...]:
    """Return what makes lines entries of one list: their kind, numbering family and heading level."""
    return token.kind, token.numbering.key if token.numbering else None, token.block.heading_level


def _row_labels(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """Return `tokens` with the longer bold labels of a label/value grid read as labels.

    A bold lead ending in a colon is a label up to a few words on its own (`Lexicon.match_field`);
    next to a row whose bold label is one (``Funding Instrument:``), a longer one is a row of the
    same grid (``Funds Available and Anticipated Number of Awards:``).
    """
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token.kind is not TokenKind.PARAGRAPH or token.field is not None:
            continue
        neighbours = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
        if not any(t.field is not None and t.spans and t.spans[0].bold for t in neighbours):
            continue
        found = lexicon.row_label(token.text, bold_lead(token.spans))
        if found is not None:
            out[i] = replace(token, field=found)
    return out


# A list of in-page links is a table of contents when it has this many entries, most of them
# (LINK_TOC_SHARE) links, and at least half of them name a heading below it.
LINK_TOC_MIN_ENTRIES = 3
LINK_TOC_SHARE = 0.5
_NOT_WORD = lazy(r"[\W_]+")


def _heading_key(text: str) -> str:
    """Return a title as compared with a TOC entry: letters and digits only, case folded."""
    return _NOT_WORD.sub("", split_decoration(text.strip())[1].casefold())


def _anchor_link(block: Block) -> str | None:
    """Return the link text if the block is one link to an anchor in the page (a trailing mark aside)."""
    words = [span for span in block.spans if any(ch.isalnum() for ch in span.text)]
    if not words or any(span.link is None or not span.link.startswith("#") for span in words):
        return None
    return "".join(span.text for span in block.spans if span.link is not None).strip() or None


def _links_anchor(block: Block) -> bool:
    """Return whether any run of the block links to an anchor in the page (what `_anchor_link` needs)."""
    return any(span.link is not None and span.link.startswith("#") for span in block.spans)


def _heading_places(tokens: list[Token]) -> dict[str, tuple[int, int]]:
    """Return where the title of each heading first and last stands, by key: format headings, numbered titles,
    bold lines."""
    places: dict[str, tuple[int, int]] = {}
    for index, token in enumerate(tokens):
        texts: tuple[str, ...] = ()
        numbered = token.kind is TokenKind.NUMBERED and not token.in_list and token.title_like
        if token.kind is TokenKind.HEADING or token.block.heading_level is not None or numbered:
            texts = (token.text, token.block.full_text)
            if (letter := match_letter_heading(token.text.strip())) is not None:
                # "A. Proposal Preparation Instructions" set as a heading is the entry "Proposal Preparation
                # Instructions" of a TOC that numbers it otherwise (or not at all).
                texts += (letter.rest,)
        elif token.kind is TokenKind.PARAGRAPH and token.all_bold and token.title_like:
            texts = (token.text,)  # a bold line set as a heading
        for text in texts:
            if key := _heading_key(text):
                places[key] = (places[key][0] if key in places else index, index)
    return places


def _entry_text(token: Token) -> str:
    """Return what a TOC entry prints: its text without a list bullet."""
    if token.kind is TokenKind.NUMBERED and token.numbering is not None and token.numbering.is_bullet:
        return token.text
    return token.block.full_text.strip() if token.block.label is None else token.block.text.strip()


def link_tocs(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with each table of contents made of titles or in-page links read as TOC entries.

    A run of list items or short lines is a table of contents when most of its entries name
    a heading below it and either it stands under a TOC heading (``Table of Contents``, ``Index``,
    ``目录``) or most of its entries are links to anchors in the page (``- [Reproducible
    builds](#reproducible-builds)``), with or without page numbers. Unlinked grouping lines
    inside it (``- **Rust Compiler**`` over its links) are entries of a higher level, pointing to
    their heading where one has their name.
    """
    out = list(tokens)
    if not any(_links_anchor(token.block) or is_toc_title(token) for token in out):
        # A run becomes a TOC only under a TOC title or with anchor links: without either anywhere,
        # looking for runs of short lines (`is_title_like` on every token) cannot change a token.
        return out
    places: dict[str, tuple[int, int]] | None = None
    i = 0
    while i < len(out):
        # A run right after entries already read (the numbered lines `_listed_contents` took) goes on with
        # that contents: its titles count as listed, so the body's first repeat of one ends the run.
        before = i
        while before > 0 and out[before - 1].kind is TokenKind.TOC_ENTRY:
            before -= 1
        titled = before > 0 and is_toc_title(out[before - 1])
        end, seen = i, {_heading_key(out[k].text) for k in range(before, i)}
        while end < len(out) and _entry_candidate(out[end]):
            # A title the run has already listed begins the body it lists ("I. Introduction" after
            # "IX. Other Information"): the contents end there, however alike the lines are set.
            key = _heading_key(_entry_name(out[end]))
            if key in seen:
                break
            seen.add(key)
            end += 1
        if end == i:
            i += 1
            continue
        run = range(i, end)
        links = [j for j in run if _anchor_link(out[j].block) is not None]
        if end - i >= LINK_TOC_MIN_ENTRIES and (titled or len(links) > LINK_TOC_SHARE * len(run)):
            if places is None:
                places = _heading_places(out)
            # An entry names a heading below the run, or (under a TOC title) one above it: the summary
            # a call prints before its contents ("Summary of Program Requirements").
            named = [j for j in run if _names_heading(places.get(_heading_key(_entry_name(out[j]))), i, end, titled)]
            if len(named) >= LINK_TOC_MIN_ENTRIES and len(named) * 2 >= len(links or run):
                # Every link of the list is an entry; a line without a link where it names a heading
                # or groups the entries under it ("- High Priority" over its links).
                pointing = set(links) | set(named)
                groups = {
                    j for j in run[:-1] if j + 1 in pointing and out[j + 1].block.list_depth > out[j].block.list_depth
                }
                entries = sorted(pointing | groups)
                top = min(out[j].block.list_depth for j in entries)
                for j in entries:
                    out[j] = _toc_token(out[j], out[j].block.list_depth - top + 1)
                if titled:
                    _promote_toc_title(out, before - 1)
        i = end
    return out


def _names_heading(place: tuple[int, int] | None, start: int, end: int, titled: bool) -> bool:
    """Return whether a heading standing first and last at `place` lies outside the run `start:end` of entries."""
    return place is not None and (place[1] >= end or (titled and place[0] < start))


def _toc_letter_labels(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with capital-letter labels read where a table of contents vouches for them.

    ``A. Due Dates`` is no numbering on its own (``A. Smith`` begins a sentence alike). In a contents
    entry it is one; and the body line below the contents that prints the same label and title is
    that entry's heading, numbered so: a family of its own under ``V. Proposal Preparation …``.
    """
    out = list(tokens)
    vouched: set[tuple[str, str]] = set()
    last_entry = -1
    for i, token in enumerate(out):
        line = token.toc
        if token.kind is not TokenKind.TOC_ENTRY or line is None:
            continue
        last_entry = i
        letter = match_letter_heading(line.title) if line.numbering is None else None
        if letter is not None:
            line = replace(line, numbering=letter, title=letter.rest)
            out[i] = replace(token, text=letter.rest, toc=line)
        if line.numbering is not None and line.numbering.family is LETTER_HEADING:
            vouched.add((line.numbering.label, _heading_key(line.title)))
    if not vouched:
        return out
    for i in range(last_entry + 1, len(out)):
        token = out[i]
        if token.kind is not TokenKind.PARAGRAPH or token.block.heading_level is not None:
            continue
        letter = match_letter_heading(token.text.strip())
        if letter is not None and (letter.label, _heading_key(letter.rest)) in vouched:
            out[i] = _numbered(token, letter)
    return out


# Capital-letter lines that count A, B, C… at least this far are headings by their own sequence.
LETTER_RUN_MIN = 3


def _letter_runs(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with capital-letter title lines that count on from ``A.`` read as numbered.

    ``A. Smith`` begins a sentence; ``A. Background Information:``, then ``B. Platform Requirements``,
    ``C. User Interface`` over their text, each a short title line of its own, count A, B, C: a sequence
    of the document's own, as a contents entry vouches for one (`_toc_letter_labels`). A run starts at
    ``A.`` and goes on while each next letter follows; it counts when it reaches `LETTER_RUN_MIN` lines.
    """
    out = list(tokens)
    run: list[tuple[int, Numbering]] = []

    def close() -> None:
        if len(run) >= LETTER_RUN_MIN:
            for i, numbering in run:
                out[i] = _numbered(tokens[i], numbering)
        run.clear()

    for i, token in enumerate(tokens):
        if token.kind is not TokenKind.PARAGRAPH or token.block.heading_level is not None:
            continue
        text = token.text.strip()
        letter = match_letter_heading(text)
        if letter is None or not (is_title_like(letter.rest) or is_short_label(letter.rest)):
            continue
        if run and letter.follows(run[-1][1]):
            run.append((i, letter))
            continue
        close()
        if letter.last == 1:
            run.append((i, letter))
    close()
    return out


def _entry_name(token: Token) -> str:
    return _anchor_link(token.block) or _entry_text(token)


def _entry_candidate(token: Token) -> bool:
    """Return whether a token may be an entry of a TOC without page numbers: a link, or a short title line."""
    if token.kind is TokenKind.NAVIGATION:
        # A short link to an anchor ("Key Dates") among longer ones is an entry; "Back to top" is not.
        return not is_navigation(token.text) and _anchor_link(token.block) is not None
    if token.kind not in (TokenKind.PARAGRAPH, TokenKind.NUMBERED) or token.block.heading_level is not None:
        return False
    if _is_toc_title(token):
        return False  # the heading of the contents, not an entry
    return _anchor_link(token.block) is not None or is_title_like(_entry_text(token))


def _toc_token(token: Token, level: int) -> Token:
    """Return the token as a TOC entry: the link's text (or the line's) is the title, a numbering its label.

    The numbering is the title's own (``1. Disclaimer``) or, for a link, its list item's (``1.`` of an
    ordered list of links).
    """
    link = _anchor_link(token.block)
    text = link or _entry_text(token)
    numbering = match_numbering(text)
    if numbering is not None and (numbering.is_bullet or not numbering.rest):
        numbering = None
    title = numbering.rest if numbering is not None else text
    listed = token.numbering if link is not None else None
    if link is not None and listed is None and token.block.label is not None:
        # An entry read as navigation ("3. [Due Dates](#dates)") keeps the number its list gives it.
        listed = match_numbering(token.block.full_text.strip())
    if listed is not None and not listed.is_bullet and (numbering is None or numbering.family.role is Role.PART):
        # "1. [Disclaimer](#1-disclaimer)", "6. [Appendix C: Covering Letter](…)": the item of a
        # numbered list numbers the entry it links; an appendix's letter stays in its title.
        numbering, title = replace(listed, rest=text), text
    rest = _entry_text(token)
    mark = rest[rest.find(text) + len(text) :].strip() if link is not None and text in rest else ""
    line = TocLine(numbering, title, None, None, level=level, mark=mark or None)
    return Token(TokenKind.TOC_ENTRY, token.block, title, toc=line)


def _promote_toc_title(tokens: list[Token], index: int) -> None:
    previous = tokens[index]
    tokens[index] = Token(TokenKind.TOC_TITLE, previous.block, previous.block.full_text.strip())


def _drop_lone_toc_lines(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """Return `tokens` with TOC lines that stand alone classified again without the TOC rule.

    A table of contents is a run of entries (or one entry under a TOC title); a lone
    `label<TAB>number` line is a form field ("Remaining characters\t2000", in the Horizon form).
    """
    kinds = [t.kind for t in tokens]
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token.kind is not TokenKind.TOC_ENTRY:
            continue
        neighbours = {kinds[j] for j in (i - 1, i + 1) if 0 <= j < len(kinds)}
        if neighbours & {TokenKind.TOC_ENTRY, TokenKind.TOC_TITLE}:
            continue
        out[i] = classify(token.block, lexicon, toc=False)
    return out


def _is_toc_title(token: Token) -> bool:
    return token.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING) and is_toc_title_text(token.block.full_text)


def is_toc_title(token: Token) -> bool:
    """Return whether the token's text is a table-of-contents heading (`目录`, `Table of contents`)."""
    return _is_toc_title(token) or token.kind is TokenKind.TOC_TITLE


def classify(block: Block, lexicon: Lexicon = DEFAULT_LEXICON, *, toc: bool = True, bare: bool = True) -> Token:
    """Return the token for one block (`toc=False` skips the TOC-line rule, `bare=False` a heading's bare number)."""
    if block.kind is BlockKind.TABLE:
        return Token(TokenKind.TABLE, block, block.text)
    if block.kind is BlockKind.CODE:
        return Token(TokenKind.CODE, block, block.text)
    full = block.full_text.strip()
    # A TOC line first: Word hyperlinks every TOC entry to its heading, and a short entry
    # would otherwise look like a navigation link.
    entry = match_toc_line(full) if toc else None
    if entry is not None:
        return Token(TokenKind.TOC_ENTRY, block, entry.title, toc=entry)
    if _is_navigation(block):
        return Token(TokenKind.NAVIGATION, block, full)
    marker = lexicon.directions_marker(full)
    if marker is not None:
        return Token(TokenKind.MARKER, block, full, marker=marker)
    # Once: the attachment label is a numbering too. A heading may be numbered with a bare number.
    numbering = match_heading_numbering(full) if bare and block.kind is BlockKind.HEADING else match_numbering(full)
    if numbering is not None and _unstyled_part_label(block, numbering):
        numbering = None
    label = doc_label_of(numbering)
    if label is not None:
        return Token(TokenKind.DOC_LABEL, block, full, label=label)
    if numbering is not None and numbering.is_bullet and block.label is not None:
        # "- (3) …": a Markdown bullet whose text starts with its own number; the number wins.
        # "- • …": a bullet glyph typed after the format's bullet is the one a reader sees.
        inner = match_numbering(block.text.strip())
        if inner is not None:
            block, numbering = replace(block, label=None), inner
    if numbering is not None:
        spans = _rest_spans(block, numbering)
        found = lexicon.match_field(numbering.rest, bold_lead(spans))
        decoration = None
        if found is None:
            # "- 👥 **Mentor(s):** Ana": the item's label starts after its pictographs, as a paragraph's does.
            decoration, found = _decorated_field(numbering.rest, spans, lexicon)
        return Token(
            TokenKind.NUMBERED,
            block,
            numbering.rest,
            spans,
            numbering=numbering,
            field=found,
            lead_in=lexicon.lead_in(numbering.rest),
            decoration=decoration,
        )
    kind = TokenKind.HEADING if block.kind is BlockKind.HEADING else TokenKind.PARAGRAPH
    spans = strip_spans(block.spans)
    decoration, full, spans = _undecorated(full, spans)
    found = lexicon.match_field(full, bold_lead(spans))
    return Token(kind, block, full, spans, field=found, lead_in=lexicon.lead_in(full), decoration=decoration or None)


def _undecorated(text: str, spans: tuple[Span, ...]) -> tuple[str, str, tuple[Span, ...]]:
    """Return a line's leading pictographs ("" when none), its text after them and the spans of that text."""
    decoration, text = split_decoration(text)
    if decoration:
        # "👥 **Mentor(s):** …", "### 💡 Smart Bot": the label or title starts after the pictographs.
        text = text.strip()
        joined = "".join(span.text for span in spans)
        if joined.endswith(text):
            spans = strip_spans(drop_spans(spans, len(joined) - len(text)))
    return decoration, text, spans


def _decorated_field(text: str, spans: tuple[Span, ...], lexicon: Lexicon) -> tuple[str | None, FieldMatch | None]:
    """Return the pictographs before an item's label and the label, or (None, None) where none follow them."""
    decoration, rest, rest_spans = _undecorated(text, spans)
    found = lexicon.match_field(rest, bold_lead(rest_spans)) if decoration else None
    return (decoration, found) if found is not None else (None, None)


def _unstyled_part_label(block: Block, numbering: Numbering) -> bool:
    """Return whether an unnumbered part label (``Appendix: …``) is set in running text, not as a heading.

    ``Appendix: Selection of Resources`` set as a heading opens the appendix; ``Attachment: the
    signed consent form.`` in a paragraph is a labelled line. A numbered label (``Appendix A``)
    says it is a part wherever it stands.
    """
    if numbering.family.name != "appendix" or numbering.value:
        return False
    return block.kind is not BlockKind.HEADING and not all_bold(block.spans)


def _is_navigation(block: Block) -> bool:
    text = block.full_text.strip()
    if not text:
        return False
    if is_navigation(text):
        return True
    # A block that is nothing but short links to anchors in the same document ("[↑](#top)").
    if len(text) > 12:
        return False
    visible = [span for span in block.spans if span.text.strip()]
    return bool(visible) and all(s.link is not None and s.link.startswith("#") for s in visible)


def _rest_spans(block: Block, numbering: Numbering) -> tuple[Span, ...]:
    """Return the spans of the block after the numbering label and the space after it."""
    full = block.full_text
    stripped = full.strip()
    rest_start = len(full) - len(full.lstrip()) + len(stripped) - len(numbering.rest)
    # full_text is label + " " + text when the format supplied the label; spans cover text only.
    in_text = rest_start - (0 if block.label is None else len(block.label) + 1)
    return strip_spans(drop_spans(block.spans, max(in_text, 0)))
