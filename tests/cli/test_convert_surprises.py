"""`docparse convert` does what its options say: page limits and ranges, -o and -f, folders, progress."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

import docparse
from docparse.cli import convert as convert_module
from docparse.cli import main
from docparse.cli.common import GENERATED
from docparse.cli.convert import Outcome, Progress

from ..conftest import FIXTURES, SEED

PDF = FIXTURES / "seed-pdf-reportlab" / "input.pdf"  # eight pages


def _convert(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["convert", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _pages(document: docparse.Document) -> set[int]:
    data = json.loads(docparse.to_json(document))
    found: set[int] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            found.update(region["page"] for region in value.get("regions", ()))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk({k: v for k, v in data.items() if k != "diagnostics"})
    return found


def test_max_pages_reads_the_first_pages_and_names_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "call.json"
    code, _, err = _convert(capsys, str(PDF), "--max-pages", "2", "-o", str(out))
    assert (code, err) == (0, "")
    document = docparse.load(out)
    assert _pages(document) <= {1, 2} and 1 in _pages(document)
    unread = [d.message for d in document.diagnostics if d.code == "DP110"]
    assert unread == ["read 2 page(s) of 8 (pages='1-2'); not read: 3-8"]
    # The library's limit still refuses a longer PDF: a limit guards, a selection chooses.
    with pytest.raises(docparse.LimitExceededError):
        docparse.parse(PDF, options=docparse.ParseOptions(limits=docparse.Limits(max_pages=2)))


def test_page_ranges_read_only_those_pages_in_real_page_numbers() -> None:
    whole = docparse.parse(PDF)
    document = docparse.parse(PDF, options=docparse.ParseOptions(pages="3-4,7-"))
    assert _pages(document) <= {3, 4, 7, 8} and {3, 7} <= _pages(document)
    assert [d.message for d in document.diagnostics if d.code == "DP110"] == [
        "read 4 page(s) of 8 (pages='3-4,7-'); not read: 1-2, 5-6"
    ]
    # A topic of page 8 is at the same place of the same page as in the whole document.
    regions = {r for t in whole.iter_topics() for r in t.provenance.regions if r.page == 8}
    assert regions and regions <= {r for t in document.iter_topics() for r in t.provenance.regions}
    assert docparse.ParseOptions(pages="1-").pages == "1-"
    every = docparse.parse(PDF, options=docparse.ParseOptions(pages="1-"))
    assert not [d for d in every.diagnostics if d.code == "DP110"]


@pytest.mark.parametrize("spec", ["0", "5-3", "3-7-9", "a", "", "1,,2"])
def test_a_bad_page_selection_is_refused(spec: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValidationError):
        docparse.ParseOptions(pages=spec)
    with pytest.raises(SystemExit) as exited:
        main(["convert", str(PDF), "--pages", spec])
    assert exited.value.code == 2 and "--pages" in capsys.readouterr().err


def test_pages_of_a_file_without_pages(capsys: pytest.CaptureFixture[str]) -> None:
    document = docparse.parse(SEED, options=docparse.ParseOptions(pages="2-3"))
    assert [(d.code, d.severity.value) for d in document.diagnostics if d.code == "DP111"] == [("DP111", "info")]
    assert docparse.outline_data(document) == docparse.outline_data(docparse.parse(SEED))
    code, _, err = _convert(capsys, str(SEED), "--pages", "2-3")
    assert code == 2 and err == f"docparse: error: --pages 2-3: {SEED} has no pages (only a PDF has)\n"
    with pytest.raises(docparse.EmptyDocumentError):
        docparse.parse(PDF, options=docparse.ParseOptions(pages="20-"))


def test_an_output_suffix_that_names_another_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _convert(capsys, str(SEED), "-o", str(tmp_path / "call.md"), "-f", "json")
    assert code == 2 and "names md output but -f json was given" in err
    assert not (tmp_path / "call.md").exists()
    code, _, _ = _convert(capsys, str(SEED), "-o", str(tmp_path / "call.markdown"), "-f", "md")
    assert code == 0


def test_an_output_without_suffix_is_a_folder_for_a_folder_or_several_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    assert _convert(capsys, str(folder), "-o", str(tmp_path / "newout"))[0] == 0
    assert (tmp_path / "newout" / "a.json").is_file()
    assert _convert(capsys, str(SEED), str(folder / "a.txt"), "-o", str(tmp_path / "two"))[0] == 0
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["a.json", "input.json"]
    assert _convert(capsys, str(SEED), "-o", str(tmp_path / "one"))[0] == 0
    assert (tmp_path / "one").is_file()


def test_markdown_written_into_the_input_tree_is_not_read_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    (folder / "own.markdown").write_text("# A call written by hand\n\n1. 节\n", encoding="utf-8")
    assert _convert(capsys, str(folder), "-f", "md", "-o", str(folder))[0] == 0
    assert (folder / "a.md").read_text(encoding="utf-8").startswith(GENERATED)
    code, _, err = _convert(capsys, str(folder), "-f", "md", "-o", str(tmp_path / "again"), "-v")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "again").iterdir()) == ["a.md", "own.md"]  # own.markdown is read
    assert f"docparse: {folder / 'a.md'}: skipped: Markdown that docparse wrote, not a call" in err
    # Named on its own it is read, and it is the same outline as its source.
    again = docparse.parse(folder / "a.md")
    assert docparse.outline_data(again) == docparse.outline_data(docparse.parse(SEED))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_counts_the_files_done_not_those_reported() -> None:
    stream = _Terminal()
    progress = Progress(5, stream, enabled=True)
    progress.show(4)  # four files finished while the first in order still runs
    progress.step("calls/a.pdf")
    assert stream.getvalue().endswith("[4/5] calls/a.pdf")
    progress.step("calls/b.pdf")
    assert stream.getvalue().endswith("[4/5] calls/b.pdf")
    progress.show(3)  # never back
    assert stream.getvalue().endswith("[4/5] calls/b.pdf")


def test_the_finished_count_reaches_every_file_of_a_parallel_batch(tmp_path: Path) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SEED, folder / f"{name}.txt")
    planned = convert_module.plan([str(folder)], str(tmp_path / "out"))
    seen: list[int] = []
    outcomes = list(convert_module.iter_outcomes(planned, 2, seen.append))
    assert [o.status for o in outcomes] == ["converted"] * 3
    assert seen == sorted(seen) and seen[-1] == 3


def test_ctrl_c_starts_its_message_on_a_fresh_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SEED, folder / f"{name}.txt")

    def interrupted(planned: list[object], jobs: int, finished: object = None) -> Iterator[Outcome]:
        yield Outcome(str(folder / "a.txt"), tmp_path / "out" / "a.json", "converted")
        raise KeyboardInterrupt

    stream = _Terminal()
    monkeypatch.setattr(convert_module, "iter_outcomes", interrupted)
    monkeypatch.setattr("sys.stderr", stream)
    assert main(["convert", str(folder), "-o", str(tmp_path / "out")]) == 130
    text = stream.getvalue()
    assert "[1/3]" in text
    assert text.endswith("\r\x1b[Kdocparse: interrupted\n")
