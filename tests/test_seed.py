"""The reference call parsed from its text: the acceptance numbers of the core pipeline."""

from __future__ import annotations

import docparse
from docparse.model import DropReason

from .conftest import SEED
from .helpers import assert_seed_outline, seed_direction_texts


def test_seed_outline() -> None:
    assert_seed_outline(docparse.parse(SEED))


def test_fifty_directions_in_the_seed() -> None:
    assert len(seed_direction_texts()) == 50


def test_back_links_are_dropped_and_recorded() -> None:
    document = docparse.parse(SEED)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    back_links = [i + 1 for i, line in enumerate(lines) if line.strip() == "[返回目录](#)"]
    dropped = [d for d in document.dropped if d.reason is DropReason.BACK_LINK]
    assert [d.provenance.line_start for d in dropped] == back_links
    assert all(d.text == "返回目录" for d in dropped)
    assert "返回目录" not in docparse.to_json(document).replace('"text": "返回目录"', "")


def test_every_node_has_its_source_lines() -> None:
    document = docparse.parse(SEED)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    topic = next(iter(document.iter_topics()))
    assert lines[topic.provenance.line_start - 1] == "1.1 机器学习基础理论"  # type: ignore[operator]
    direction = topic.directions[2]
    assert lines[direction.provenance.line_start - 1].startswith("- 3) **模型小型化技术研究**")  # type: ignore[operator]
    cut = list(document.iter_topics())[4].description[0].provenance
    assert lines[cut.line_start - 1].endswith("着重方法")  # type: ignore[operator]
    assert lines[cut.line_end - 1].startswith("的效果和效率")  # type: ignore[operator]


def test_ids_are_stable_numbering_paths() -> None:
    document = docparse.parse(SEED)
    ids = document.iter_ids()
    assert ids[:3] == ["1", "1.1", "1.1/d1"]
    assert "2.2/t4/d2" in ids
    assert len(ids) == len(set(ids))


def test_parse_accepts_path_bytes_and_str() -> None:
    by_path = docparse.parse(SEED)
    by_str = docparse.parse(str(SEED))
    by_bytes = docparse.parse(SEED.read_bytes())
    by_text = docparse.parse_text(SEED.read_text(encoding="utf-8"))
    outlines = {str(docparse.outline_data(d)) for d in (by_path, by_str, by_bytes, by_text)}
    assert len(outlines) == 1
    assert by_bytes.source.name is None and by_path.source.name == "input.txt"
