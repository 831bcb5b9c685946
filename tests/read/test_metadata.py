"""What a file says about itself (`Document.source.metadata`): DOCX core properties, a PDF's Info
dictionary and XMP packet, a page's title and meta tags; hostile values cleaned, never an error."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pikepdf
import pytest
from reportlab.pdfgen import canvas

import docparse
from docparse.read.detect import detect_format
from docparse.read.metadata import MAX_VALUE_CHARS, clean, iso_date, pdf_date
from docparse.read.sourcecount import account_source

from ..conftest import FIXTURES
from .docx_factory import make_docx, p, r


def _pdf(info: dict[str, str] | None = None, xmp: bytes | None = None, *, flate: bool = False) -> bytes:
    """Return a one-page PDF with the given Info dictionary and XMP packet (none when None)."""
    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=True)
    page.drawString(72, 720, "Call for proposals")
    page.save()
    pdf = pikepdf.open(io.BytesIO(out.getvalue()))
    del pdf.trailer["/Info"]
    if info is not None:
        pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary({f"/{k}": pikepdf.String(v) for k, v in info.items()}))
    if xmp is not None:
        stream = pikepdf.Stream(pdf, zlib.compress(xmp) if flate else xmp)
        if flate:
            stream.Filter = pikepdf.Name.FlateDecode
        stream.Type = pikepdf.Name.Metadata
        stream.Subtype = pikepdf.Name.XML
        pdf.Root.Metadata = pdf.make_indirect(stream)
    saved = io.BytesIO()
    pdf.save(saved)
    return saved.getvalue()


XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmp:CreateDate="2024-03-01T08:30:00+08:00" pdf:Producer="Typst">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">揭榜挂帅 项目指南</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>科技部</rdf:li><rdf:li>Second</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>""".encode()


def test_docx_core_properties() -> None:
    # fixtures/generate/make_seed_docx.py writes these core and app properties.
    meta = docparse.parse(FIXTURES / "seed-docx-typed" / "input.docx").source.metadata
    assert meta.title == "2021年度百度飞桨开源课题申报指南 附件一 申报主题"
    assert meta.author == "docparse fixtures"
    assert meta.created == datetime(2021, 3, 1, 9, 0, tzinfo=UTC)
    assert meta.producer == "Microsoft Macintosh Word"


CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">{}</cp:coreProperties>'
)
CORE_REL = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/><Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/></Relationships>'
)


@pytest.mark.parametrize(
    ("core", "title", "created"),
    [
        (
            CORE.format("<dc:title>指南</dc:title><dcterms:created>2024-05-06T07:08:09Z</dcterms:created>"),
            "指南",
            datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC),
        ),
        (CORE.format("<dc:title>指南</dc:title><dcterms:created>last spring</dcterms:created>"), "指南", None),
        (CORE.format("<dc:title>unclosed"), None, None),  # damaged: the call is still read
    ],
    ids=["written", "bad-date", "damaged"],
)
def test_docx_core_properties_of_any_quality(core: str, title: str | None, created: datetime | None) -> None:
    data = make_docx(
        p(r("1. 总则")), extra_parts={"_rels/.rels": CORE_REL.encode(), "docProps/core.xml": core.encode()}
    )
    document = docparse.parse(data, name="call.docx")
    assert (document.source.metadata.title, document.source.metadata.created) == (title, created)
    assert document.sections[0].title == "总则"


def test_pdf_info_dictionary() -> None:
    meta = docparse.parse(
        _pdf({"Title": "课题申报指南", "Author": "A. Funder", "CreationDate": "D:20250823123645-04'00'"})
    ).source.metadata
    assert (meta.title, meta.author) == ("课题申报指南", "A. Funder")
    assert meta.created == datetime(2025, 8, 23, 12, 36, 45, tzinfo=timezone(-timedelta(hours=4)))
    assert meta.modified is None


@pytest.mark.parametrize("flate", [False, True], ids=["plain", "flate"])
def test_pdf_xmp_fills_what_info_lacks(flate: bool) -> None:
    meta = docparse.parse(_pdf({"Author": "Info author"}, XMP, flate=flate)).source.metadata
    assert meta.title == "揭榜挂帅 项目指南"  # rdf:Alt: the first language's value
    assert meta.author == "Info author"  # the Info dictionary comes first
    assert meta.created == datetime(2024, 3, 1, 8, 30, tzinfo=timezone(timedelta(hours=8)))  # an attribute
    assert meta.producer == "Typst"


def test_pdf_hostile_metadata_is_cleaned_or_ignored() -> None:
    bomb = b"<x>" + b" " * (2 << 20) + b"</x>"
    document = docparse.parse(_pdf({"Title": "\u202eevil\x00 title" + "x" * 5000}, bomb, flate=True))
    meta = document.source.metadata
    assert meta.title is not None and meta.title.startswith("evil title") and len(meta.title) == MAX_VALUE_CHARS
    assert "\u202e" not in meta.title
    assert document.source.metadata.author is None  # the inflating packet is not read


def test_html_title_and_meta() -> None:
    page = (
        '<html><head><title>NOFO: Rare disease</title><meta name="author" content="NIH">'
        '<meta property="article:modified_time" content="2025-01-02"><meta name="generator" content="Drupal 10">'
        "</head><body><main><h1>Rare disease</h1><p>Text.</p></main></body></html>"
    )
    meta = docparse.parse(page.encode(), name="call.html").source.metadata
    assert (meta.title, meta.author, meta.producer) == ("NOFO: Rare disease", "NIH", "Drupal 10")
    assert meta.modified == datetime(2025, 1, 2)


@pytest.mark.parametrize("export", [docparse.to_json, docparse.to_yaml], ids=["json", "yaml"])
def test_text_declares_nothing_and_metadata_round_trips(export: Callable[[docparse.Document], str]) -> None:
    assert docparse.parse_text("1. 总则\n").source.metadata.is_empty()
    document = docparse.parse(FIXTURES / "seed-docx-typed" / "input.docx")
    assert docparse.load(export(document).encode()).source.metadata == document.source.metadata


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("D:2021", datetime(2021, 1, 1)),
        ("D:20210419", datetime(2021, 4, 19)),
        ("D:20210419123456Z", datetime(2021, 4, 19, 12, 34, 56, tzinfo=UTC)),
        ("D:20210419123456+05'30'", datetime(2021, 4, 19, 12, 34, 56, tzinfo=timezone(timedelta(hours=5, minutes=30)))),
        ("D:20211341", None),  # month 13
        ("yesterday", None),
    ],
)
def test_pdf_dates(text: str, expected: datetime | None) -> None:
    assert pdf_date(text) == expected


def test_iso_dates_and_clean() -> None:
    assert iso_date("2024-03-01T08:00:00Z") == datetime(2024, 3, 1, 8, tzinfo=UTC)
    assert iso_date("not a date") is None
    assert clean("  a\tb\n c ") == "a b c"
    assert clean("\x00\u2066") is None


FRONT_MATTER = """---
title: "Higress 邀您报名 2025 开源之夏"
description: 社区博客
date: 2025-05-09
keywords: ["Higress", "OSPP"]
authors: 阿里云
---

### 一、开源之夏是什么活动

活动联合各大开源社区。
"""


def test_markdown_front_matter_is_metadata_and_its_title_heads_the_text() -> None:
    document = docparse.parse(FRONT_MATTER.encode(), name="call.md")
    meta = document.source.metadata
    assert (meta.title, meta.subject, meta.keywords, meta.author) == (
        "Higress 邀您报名 2025 开源之夏",
        "社区博客",
        "Higress, OSPP",
        "阿里云",
    )
    assert meta.created == datetime(2025, 5, 9)
    assert document.title == "Higress 邀您报名 2025 开源之夏"
    assert [s.title for s in document.sections] == ["开源之夏是什么活动"]
    assert [d.text for d in document.dropped if d.reason == "markup"][:3] == ["---", "title:", "description: 社区博客"]
    assert account_source(FRONT_MATTER.encode(), document, name="call.md").complete


TOML_FRONT_MATTER = """+++
title = "开源软件供应链点亮计划暑期 2022 项目"
date = 2022-04-02
[taxonomies]
tags = ["ospp"]
+++

# 自由及开源软件简中本地化工作

项目说明。
"""


def test_a_toml_front_matter_hugo_zola_is_metadata_and_its_title_heads_the_text() -> None:
    # Hugo and Zola fence a TOML front matter with "+++": the site's metadata, its title the page's title.
    document = docparse.parse(TOML_FRONT_MATTER.encode(), name="call.md")
    meta = document.source.metadata
    assert meta.title == "开源软件供应链点亮计划暑期 2022 项目"
    assert meta.created == datetime(2022, 4, 2)
    assert meta.keywords is None  # the table's keys are not the document's fields
    assert document.title == "开源软件供应链点亮计划暑期 2022 项目"
    assert [d.text for d in document.dropped if d.reason == "markup"][:3] == ["+++", "title =", "date = 2022-04-02"]
    assert account_source(TOML_FRONT_MATTER.encode(), document, name="call.md").complete


@pytest.mark.parametrize(
    "text",
    [
        "---\n\n1. 总则\n\n正文。\n",  # a rule, no closing fence
        "---\nnot: [yaml\n---\n1. 总则\n",  # not YAML
        "---\n- a list\n---\n1. 总则\n",  # YAML, but no mapping
        "---\nx: " + "[" * 3000 + "]" * 3000 + "\n---\n1. 总则\n",  # nested past the stack
        "+++\ntitle: not toml\n+++\n1. 总则\n",  # not TOML
        "+++\n\n1. 总则\n",  # no closing fence
    ],
    ids=["rule", "not-yaml", "not-mapping", "deep", "not-toml", "toml-unclosed"],
)
def test_what_is_not_front_matter_stays_text(text: str) -> None:
    document = docparse.parse(text.encode(), name="call.md")
    assert document.source.metadata.is_empty()
    assert account_source(text.encode(), document, name="call.md").complete


JEKYLL_PAGE = """---
layout: info
title: Example Lab - Summer of Code 2015
---
<section class="general">
  <h1>Summer of Code 2015</h1>
  <h2>Project ideas</h2>
  <p>Students may propose one of the ideas below.</p>
</section>
"""


@pytest.mark.parametrize("name", ["ideas.html", None])
def test_a_page_of_a_static_sites_sources_is_html_its_front_matter_metadata(name: str | None) -> None:
    # A Jekyll page opens with YAML front matter: the bytes are still a web page (with or without
    # the .html name), its front matter lines markup, its title the page's title.
    data = JEKYLL_PAGE.encode()
    document = docparse.parse(data, name=name)
    assert document.source.format == "html"
    assert document.source.metadata.title == "Example Lab - Summer of Code 2015"
    assert document.title == "Summer of Code 2015"
    assert [s.title for s in document.sections] == ["Project ideas"]
    markup = [(d.text, d.provenance.line_start) for d in document.dropped if d.reason == "markup"]
    assert markup[:4] == [("---", 1), ("layout: info", 2), ("title:", 3), ("---", 4)]
    assert account_source(data, document, name=name).complete


def test_a_markdown_file_with_front_matter_and_html_blocks_stays_markdown() -> None:
    # Markdown may hold HTML blocks: only a doctype or an <html> element makes a .md file a page.
    assert detect_format(JEKYLL_PAGE.encode(), "ideas.md") == "markdown"
