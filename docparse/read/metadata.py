"""Read stage, any format: what a file says about itself → `Metadata`.

One set of helpers for the formats that declare metadata: DOCX core properties (Dublin Core in
``docProps/core.xml``), a PDF's Info dictionary and its XMP packet (Dublin Core and XMP in RDF),
a web page's ``<title>`` and ``<meta>`` tags, a Markdown file's YAML front matter. Values are hostile like the rest of
the file: trimmed, stripped of control and bidi characters, capped in length; dates in the
formats the standards give (PDF ``D:YYYYMMDDHHmmSSOHH'mm'``, W3C/ISO 8601), null when unreadable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import chain
from typing import TYPE_CHECKING, Any

from docparse.model.document import Metadata
from docparse.vocab.lazy import lazy

if TYPE_CHECKING:
    # Only the annotation of `from_xml`: the text reader calls this module without importing lxml.
    from lxml import etree

MAX_VALUE_CHARS = 1000
"""A declared value longer than this is cut: metadata is a label, not content."""
MAX_XMP_BYTES = 1 << 20
"""An XMP packet is a few KB; a larger one is not read."""

# C0/C1 controls (tab and newline become spaces first), bidi embeddings, overrides and isolates,
# and lone surrogates: none belongs in a title, and bidi overrides can disguise one.
_UNWANTED = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

# Dublin Core and XMP names, shared by DOCX core properties and a PDF's XMP packet.
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
XMP = "http://ns.adobe.com/xap/1.0/"
PDF_NS = "http://ns.adobe.com/pdf/1.3/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

FIELDS: tuple[str, ...] = tuple(Metadata.model_fields)
DATE_FIELDS = frozenset({"created", "modified"})

PDF_INFO_KEYS: Mapping[str, str] = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Keywords": "keywords",
    "CreationDate": "created",
    "ModDate": "modified",
    "Producer": "producer",
}
"""A PDF Info dictionary's keys (ISO 32000-1, 14.3.3) → `Metadata` fields."""

XML_NAMES: Mapping[str, str] = {
    f"{{{DC}}}title": "title",
    f"{{{DC}}}creator": "author",
    f"{{{DC}}}subject": "subject",
    f"{{{DC}}}description": "subject",
    f"{{{CP}}}keywords": "keywords",
    f"{{{PDF_NS}}}Keywords": "keywords",
    f"{{{DCTERMS}}}created": "created",
    f"{{{XMP}}}CreateDate": "created",
    f"{{{DCTERMS}}}modified": "modified",
    f"{{{XMP}}}ModifyDate": "modified",
    f"{{{PDF_NS}}}Producer": "producer",
}
"""Elements of DOCX core properties and of XMP (Dublin Core, XMP, Adobe PDF schemas) → fields."""

HTML_META_NAMES: Mapping[str, str] = {
    "author": "author",
    "dc.creator": "author",
    "description": "subject",
    "dc.description": "subject",
    "keywords": "keywords",
    "dc.date.created": "created",
    "dcterms.created": "created",
    "article:published_time": "created",
    "date": "created",
    "dc.date.modified": "modified",
    "dcterms.modified": "modified",
    "article:modified_time": "modified",
    "last-modified": "modified",
    "generator": "producer",
    "dc.title": "title",
    "og:title": "title",
}
"""``<meta name=…>`` / ``<meta property=…>`` names (lower case) → fields; the ``<title>`` comes first."""


FRONT_MATTER_KEYS: Mapping[str, str] = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "description": "subject",
    "summary": "subject",
    "subject": "subject",
    "keywords": "keywords",
    "tags": "keywords",
    "date": "created",
    "created": "created",
    "lastmod": "modified",
    "updated": "modified",
    "modified": "modified",
    "generator": "producer",
}
"""Keys of a Markdown file's YAML front matter (Jekyll, Hugo, Docusaurus, Hexo) → fields."""


def front_matter_values(data: Mapping[object, object]) -> dict[str, str]:
    """Return field → text of the known keys of a parsed front matter (lists joined, dates as ISO text)."""
    values: dict[str, str] = {}
    for key, value in data.items():
        name = FRONT_MATTER_KEYS.get(str(key).lower())
        if name is None or name in values:
            continue
        if isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value[:50] if isinstance(item, str | int | float))
        elif isinstance(value, date | datetime):
            value = value.isoformat()
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            values[name] = str(value)
    return values


def clean(value: object) -> str | None:
    """Return `value` as one trimmed line without control or bidi characters, or None if empty."""
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        return None
    text = " ".join(_UNWANTED.sub(" ", value[: MAX_VALUE_CHARS * 4]).split())
    return text[:MAX_VALUE_CHARS] or None


_PDF_DATE = re.compile(
    r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz+\-])\s*(\d{2})?'?\s*(\d{2})?'?)?"
)


def pdf_date(value: str) -> datetime | None:
    """Return the date of a PDF date string (``D:20210419123456+02'00'``; every part after the year optional)."""
    match = _PDF_DATE.match(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, sign, tz_hour, tz_minute = match.groups()
    tz: timezone | None = None
    if sign in ("Z", "z"):
        tz = UTC
    elif sign is not None:
        offset = timedelta(hours=int(tz_hour or 0), minutes=int(tz_minute or 0))
        tz = timezone(-offset if sign == "-" else offset) if offset < timedelta(hours=24) else None
    try:
        return datetime(
            int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0), tzinfo=tz
        )
    except ValueError:
        return None


def iso_date(value: str) -> datetime | None:
    """Return the date of a W3C/ISO 8601 string (``2024-03-01T08:00:00Z``, ``2024-03-01``), or None."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def make(values: Mapping[str, Any]) -> Metadata:
    """Return the `Metadata` of `values` (field → raw value): text cleaned, dates parsed (PDF or ISO form)."""
    fields: dict[str, Any] = {}
    for name, raw in values.items():
        text = clean(raw)
        if text is None:
            continue
        if name in DATE_FIELDS:
            date = pdf_date(text) if text.startswith("D:") else iso_date(text) or pdf_date(text)
            if date is not None:
                fields[name] = date
        else:
            fields[name] = text
    return Metadata(**fields)


def from_xml(root: etree._Element) -> dict[str, str]:
    """Return field → text of the Dublin Core / XMP elements under `root` (the first value of each field).

    An XMP value may be a plain element, an attribute of ``rdf:Description`` (the short form), or an
    ``rdf:Alt``/``rdf:Seq``/``rdf:Bag`` of ``rdf:li`` (a title per language, a list of creators):
    its first item is taken.
    """
    found: dict[str, str] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == f"{{{RDF}}}Description":
            for key, value in element.attrib.items():
                name = XML_NAMES.get(str(key))
                if name is not None:
                    found.setdefault(name, str(value))
        name = XML_NAMES.get(element.tag)
        if name is None:
            continue
        if name in found:
            continue  # the first value of a field is kept: a nested repeat is not searched again
        # The `rdf:li` of an `rdf:Alt`/`Seq`/`Bag` child (or a bare `rdf:li` child), not of the
        # whole subtree: a field nested in itself 240 deep over 100,000 items made that quadratic.
        items = chain(element.iterfind(f"./{{{RDF}}}li"), element.iterfind(f"./*/{{{RDF}}}li"))
        item = next((li for li in items if (li.text or "").strip()), None)
        text = (item if item is not None else element).text
        if text and text.strip():
            found.setdefault(name, text)
    return found


# A YAML front matter is a few lines of site metadata; a "---" with no closing fence this close
# is a rule in the text, not front matter.
FRONT_MATTER_MAX_LINES = 100


def front_matter(lines: list[str]) -> tuple[int, dict[str, str]] | None:
    """Return (lines it spans, field → text) of a YAML or TOML front matter opening the text, or None.

    Front matter (Jekyll, Hugo, Docusaurus) is a YAML mapping between ``---`` on the first line
    and ``---`` or ``...``, or (Hugo, Zola) a TOML table between ``+++`` fences, within
    FRONT_MATTER_MAX_LINES lines: anything else is the text's own.
    """
    if not lines:
        return None
    fence = lines[0].rstrip()
    if fence == "+++":
        return _fenced(lines, ("+++",), _toml)
    if fence == "---":
        return _fenced(lines, ("---", "..."), _yaml)
    return None


def _fenced(
    lines: list[str], closers: tuple[str, ...], parse: Callable[[str], object]
) -> tuple[int, dict[str, str]] | None:
    """Return (lines it spans, field → text) of the mapping `parse` reads between the opening fence and a closer."""
    for i in range(1, min(len(lines), FRONT_MATTER_MAX_LINES)):
        if lines[i].rstrip() in closers:
            data = parse("\n".join(lines[1:i]))
            return (i + 1, front_matter_values(data)) if isinstance(data, dict) else None
    return None


def _yaml(text: str) -> object:
    """Return what a YAML front matter holds, or None when it is not YAML after all (or nests past the stack)."""
    import yaml  # PyYAML only for a text that opens with a fence

    try:
        return yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError):
        return None


def _toml(text: str) -> object:
    """Return what a TOML front matter holds (Hugo, Zola), or None when it is not TOML after all."""
    import tomllib  # the standard library's TOML parser, only for a text that opens with ``+++``

    try:
        return dict(tomllib.loads(text).items())
    except (tomllib.TOMLDecodeError, RecursionError):
        return None


def front_title_line(lines: list[str]) -> int | None:
    """Return the index of a front matter's title line (``title: …``, ``title = "…"``) in its `lines`, or None."""
    return next((i for i, line in enumerate(lines) if _FRONT_TITLE.match(line)), None)


def front_title_key(line: str) -> str:
    """Return the key part of a front matter's title line (``title:``, ``title =``): the markup kept of it."""
    match = _FRONT_TITLE.match(line)
    return match.group().strip() if match else line.strip()


# The title key of a YAML (``title: …``) or TOML (``title = "…"``) front matter.
_FRONT_TITLE = lazy(r"(?i)title\s*[:=]")
