"""The same call gives the same outline in every format: text, both DOCX, the PDF renditions and the HTML one."""

from __future__ import annotations

from pathlib import Path

import pytest

import docparse

from .conftest import FIXTURES, SEED
from .helpers import assert_seed_outline

RENDITIONS = sorted(p for p in FIXTURES.glob("seed-*/input.*"))


@pytest.fixture(scope="module")
def text_outline() -> dict[str, object]:
    return docparse.outline_data(docparse.parse(SEED))


def test_every_rendition_is_there() -> None:
    names = {p.parent.name for p in RENDITIONS}
    assert names == {
        "seed-docx-typed",
        "seed-docx-autonum",
        "seed-pdf-libreoffice",
        "seed-pdf-reportlab",
        "seed-pdf-fpdf2",
        "seed-pdf-justified",
        "seed-pdf-columns",
        "seed-html",
    }


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.parent.name)
def test_rendition_outline_equals_the_text_outline(path: Path, text_outline: dict[str, object]) -> None:
    document = docparse.parse(path)
    assert_seed_outline(document)
    assert docparse.outline_data(document) == text_outline


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.parent.name)
def test_every_node_points_into_its_source(path: Path) -> None:
    document = docparse.parse(path)
    nodes: list[docparse.model.Provenance] = []
    for section in document.sections:
        nodes.append(section.provenance)
        for topic in section.topics:
            nodes.append(topic.provenance)
            nodes.extend(d.provenance for d in topic.directions)
            for track in topic.tracks:
                nodes.append(track.provenance)
                nodes.extend(d.provenance for d in track.directions)
    if path.suffix == ".pdf":
        assert all(p.regions and p.regions[0].page >= 1 for p in nodes)
        assert all(r.bbox.x0 < r.bbox.x1 and r.bbox.top < r.bbox.bottom for p in nodes for r in p.regions)
        assert document.source.pages and document.source.pages > 1
    elif path.suffix == ".html":
        assert all(p.line_start is not None and p.line_end is not None for p in nodes)
        starts = [p.line_start for p in nodes]
        assert starts == sorted(starts)  # type: ignore[type-var]
        lines = path.read_text(encoding="utf-8").splitlines()
        first = document.sections[0].topics[0]
        assert first.title is not None and first.title in lines[first.provenance.line_start - 1]  # type: ignore[operator]
    else:
        assert all(p.paragraph_start is not None for p in nodes)
        starts = [p.paragraph_start for p in nodes]
        assert starts == sorted(starts)  # type: ignore[type-var]
