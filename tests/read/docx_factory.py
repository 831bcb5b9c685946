"""Build tiny DOCX files from hand-written WordprocessingML, for the DOCX reader's tests."""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
)
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL_TYPE}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def p(*runs: str, ppr: str = "") -> str:
    """Return a ``w:p`` with properties `ppr` (inner XML) and run-level content `runs`."""
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def r(text: str = "", *, rpr: str = "", extra: str = "") -> str:
    """Return a ``w:r`` holding `text` (preserving spaces) after `extra` content, with properties `rpr`."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    body = f'<w:t xml:space="preserve">{text}</w:t>' if text else ""
    return f"<w:r>{props}{extra}{body}</w:r>"


def document_xml(body: str, *, prolog: str = "") -> str:
    """Return a complete ``word/document.xml`` around the body content `body`."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>'
    )


def part_xml(root: str, content: str) -> str:
    """Return a part whose root element is ``w:{root}`` holding `content`."""
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {NAMESPACES}>{content}</w:{root}>'


def make_docx(
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    footnotes: str | None = None,
    endnotes: str | None = None,
    headers: tuple[str, ...] = (),
    footers: tuple[str, ...] = (),
    links: dict[str, str] | None = None,
    document: str | None = None,
    extra_parts: dict[str, bytes] | None = None,
    comments: str | None = None,
    chunks: dict[str, tuple[str, bytes]] | None = None,
) -> bytes:
    """Return the bytes of a DOCX whose body is `body` (inner XML of ``w:body``).

    `styles`, `numbering`, `footnotes`, `endnotes` are the *content* of those parts' root
    elements; `headers` and `footers` the content of each ``w:hdr``/``w:ftr``; `links` maps
    relationship ids to external hyperlink targets. `document` replaces document.xml entirely.
    `comments` is the content of ``w:comments``; `chunks` maps relationship ids to the name (under
    ``word/``) and bytes of a part an ``w:altChunk`` imports.
    """
    rels: list[str] = []
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document if document is not None else document_xml(body),
    }

    def add(kind: str, name: str, xml: str) -> None:
        parts[f"word/{name}"] = xml
        rels.append(f'<Relationship Id="rId{len(rels) + 100}" Type="{REL_TYPE}/{kind}" Target="{name}"/>')

    if styles is not None:
        add("styles", "styles.xml", part_xml("styles", styles))
    if numbering is not None:
        add("numbering", "numbering.xml", part_xml("numbering", numbering))
    if footnotes is not None:
        add("footnotes", "footnotes.xml", part_xml("footnotes", footnotes))
    if endnotes is not None:
        add("endnotes", "endnotes.xml", part_xml("endnotes", endnotes))
    for i, header in enumerate(headers):
        add("header", f"header{i + 1}.xml", part_xml("hdr", header))
    for i, footer in enumerate(footers):
        add("footer", f"footer{i + 1}.xml", part_xml("ftr", footer))
    if comments is not None:
        add("comments", "comments.xml", part_xml("comments", comments))
    for rel_id, (name, data) in (chunks or {}).items():
        parts[f"word/{name}"] = data
        rels.append(f'<Relationship Id="{rel_id}" Type="{REL_TYPE}/aFChunk" Target="{name}"/>')
    for rel_id, target in (links or {}).items():
        rels.append(
            f'<Relationship Id="{rel_id}" Type="{REL_TYPE}/hyperlink" Target="{target}" TargetMode="External"/>'
        )
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}'
        "</Relationships>"
    )
    parts.update(extra_parts or {})
    return zip_bytes(parts)


def zip_bytes(parts: dict[str, str | bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Return a zip archive holding `parts` (name → text or bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()
