"""`docparse explain FILE`: the table, the JSON, the pages drawn, and the errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from docparse.cli import main
from docparse.explanation import Explanation, Role, explain
from docparse.explanation.draw import COLOURS, RESOLUTION

from ..conftest import FIXTURES, SEED

PDF = FIXTURES / "seed-pdf-reportlab" / "input.pdf"


def test_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEED)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "input.txt (text): catalogue: 8 topics (8 with research directions)"
    assert out[1] == "shape rules applied: topics, kind"
    assert out[3].split() == ["WHERE", "ROLE", "RULE", "NODE", "EVIDENCE", "TEXT"]
    heading = next(line for line in out if line.startswith("L26 "))
    assert heading.split()[:5] == ["L26", "topic", "heading", ">topics", "1.1"]
    assert "decimal-multi/2 '1.1'" in heading and heading.endswith("1.1 机器学习基础理论")
    assert len(out) - 4 == len(explain(SEED).records)  # one line a record


def test_grep_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEED), "--grep", "返回目录", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    explanation = Explanation.model_validate(data)
    assert explanation.kind.value == "catalogue"
    assert len(explanation.records) == SEED.read_text(encoding="utf-8").count("返回目录")
    assert {(r.role, r.rule, r.reason) for r in explanation.records} == {(Role.DROPPED, "navigation", "back-link")}


def test_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    assert main(["explain", "-", "--grep", "1.1 机器学习"]) == 0
    assert "<input> (text)" in capsys.readouterr().out


def test_pages_and_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(PDF), "--pages", "2", "--png", str(tmp_path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    explanation = Explanation.model_validate_json(captured.out)
    assert explanation.records and all(r.pages == (2,) for r in explanation.records)
    target = tmp_path / "input-p2.png"
    assert f"wrote {target}" in captured.err and list(tmp_path.iterdir()) == [target]
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000
    with Image.open(target) as opened:
        image = opened.convert("RGB")
    scale = RESOLUTION / 72
    assert image.width == round(595.27 * scale) or image.width == round(595 * scale)
    heading = next(r for r in explanation.records if r.text == "1.1 机器学习基础理论")
    box = heading.provenance.regions[0].bbox
    # The topic's box is stroked in the topic's colour along its left edge ...
    middle = int((box.top + box.bottom) / 2 * scale)
    edge = {image.getpixel((x, middle)) for x in range(int(box.x0 * scale) - 2, int(box.x0 * scale) + 4)}
    assert COLOURS[Role.TOPIC] in edge
    # ... and a section's in the section's.
    section = next(r for r in explanation.records if r.role is Role.SECTION).provenance.regions[0].bbox
    middle = int((section.top + section.bottom) / 2 * scale)
    edge = {image.getpixel((x, middle)) for x in range(int(section.x0 * scale) - 2, int(section.x0 * scale) + 4)}
    assert COLOURS[Role.SECTION] in edge and COLOURS[Role.TOPIC] not in edge
    # The legend below the page shows a swatch of each role drawn.
    page_height = int(842 * scale)
    legend = {image.getpixel((x, y)) for x in range(image.width) for y in range(page_height, image.height)}
    assert {COLOURS[Role.TOPIC], COLOURS[Role.SECTION], COLOURS[Role.DIRECTION], COLOURS[Role.DROPPED]} <= legend


def test_grep_draws_the_pages_it_finds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(PDF), "--grep", "2.1 面向前沿", "--png", str(tmp_path)]) == 0
    found = explain(PDF).select(grep="2.1 面向前沿").records
    pages = sorted({page for record in found for page in record.pages})
    assert len(pages) == 2  # the TOC line and the heading
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"input-p{page}.png" for page in pages]
    table = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in table[4:]] == ["toc-entry", "topic"]


def test_an_encrypted_pdf_is_drawn_with_its_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = FIXTURES / "hostile" / "pdf-encrypted-aes256.pdf"
    assert main(["explain", str(locked), "--pages", "1", "--png", str(tmp_path)]) == 1
    assert "--password" in capsys.readouterr().err and not list(tmp_path.iterdir())
    assert main(["explain", str(locked), "--pages", "1", "--png", str(tmp_path), "--password", "secret"]) == 0
    with Image.open(tmp_path / "pdf-encrypted-aes256-p1.png") as image:
        assert image.format == "PNG" and image.width > 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--png", "out"], "--png needs a PDF; {seed} is text"),
        (["--pages", "2"], "--pages needs a PDF; {seed} is text"),
        (["--pages", "x"], "--pages x: give a page (3) or a range (3-5)"),
        (["--pages", "3-2"], "--pages 3-2: pages count from 1, the first before the last"),
        (["--format", "yaml"], "argument --format: invalid choice"),
    ],
)
def test_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) if "--format" in argv else _no_raise():
        assert main(["explain", str(SEED), *argv]) == 2
    err = capsys.readouterr().err
    assert message.format(seed=SEED) in err and "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_pages_past_the_end_and_documents_that_fail(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["explain", str(PDF), "--pages", "8-9"]) == 2
    assert capsys.readouterr().err == f"docparse: error: --pages 8-9: {PDF} has 8 page(s)\n"
    assert main(["explain", str(FIXTURES / "hostile" / "pdf-empty.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("docparse: ") and err.count("\n") == 1
    assert main(["explain", str(tmp_path / "missing.pdf")]) == 2
    assert "no such file" in capsys.readouterr().err.casefold()


class _no_raise:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False
