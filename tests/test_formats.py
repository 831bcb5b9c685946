"""The format registry: every suffix it lists is collected from a folder, detected and claimed as its format.

The lists of input formats once lived in five places and drifted (``.text`` claimed but never
collected, ``.xhtml`` collected but never claimed); these tests hold every user of a format list
to `docparse.formats.FORMATS`.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import get_args

import pytest

from docparse.cli import main
from docparse.files import iter_calls
from docparse.formats import BY_NAME, FORMAT_NAMES, FORMATS, INPUT_SUFFIXES, SourceFormat
from docparse.model.document import Document
from docparse.read import claimed_format, detect_format

from .conftest import FIXTURES, SEED

# A committed file of each format, to be saved under each of its suffixes.
SAMPLES: dict[SourceFormat, Path] = {
    "pdf": FIXTURES / "seed-pdf-reportlab" / "input.pdf",
    "docx": FIXTURES / "seed-docx-typed" / "input.docx",
    "html": FIXTURES / "seed-html" / "input.html",
    "markdown": SEED,
    "text": SEED,
    "image": FIXTURES / "ocr" / "seed-page1.png",
}
SUFFIXES = [(fmt.name, suffix) for fmt in FORMATS for suffix in fmt.suffixes]
# What a folder's walk collects: every format but images, which are read when named.
COLLECTED = [(name, suffix) for name, suffix in SUFFIXES if BY_NAME[name].collected]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Return a folder holding the sample of each format under each of its suffixes (``docm.docm``)."""
    root = tmp_path / "calls"
    root.mkdir()
    for name, suffix in SUFFIXES:
        (root / f"{suffix[1:]}{suffix}").write_bytes(SAMPLES[name].read_bytes())
    return root


def test_the_registry_names_each_format_of_the_model_once() -> None:
    assert sorted(fmt.name for fmt in FORMATS) == sorted(FORMAT_NAMES) == sorted(set(FORMAT_NAMES))
    schema = Document.model_json_schema()
    assert sorted(schema["$defs"]["Source"]["properties"]["format"]["enum"]) == sorted(FORMAT_NAMES)
    assert set(SAMPLES) == set(get_args(SourceFormat))


def test_each_suffix_belongs_to_one_format_and_is_lower_case() -> None:
    listed = [suffix for _, suffix in SUFFIXES]
    assert len(listed) == len(set(listed))
    assert tuple(suffix for _, suffix in COLLECTED) == INPUT_SUFFIXES
    assert all(suffix.startswith(".") and suffix == suffix.lower() for suffix in listed)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda fmt: fmt.name)
def test_each_reader_entry_is_a_function_of_its_module(fmt: object) -> None:
    module, function = BY_NAME[fmt.name].reader  # type: ignore[attr-defined]
    assert callable(getattr(importlib.import_module(module), function))


@pytest.mark.parametrize(("name", "suffix"), SUFFIXES)
def test_detection_and_the_name_s_claim_agree_with_the_registry(name: SourceFormat, suffix: str) -> None:
    data = SAMPLES[name].read_bytes()
    assert detect_format(data, f"call{suffix}") == name
    assert detect_format(data, f"CALL{suffix.upper()}") == name
    assert claimed_format(f"call{suffix}") == BY_NAME[name].kind


def test_a_folder_yields_a_file_of_every_listed_suffix(folder: Path) -> None:
    assert sorted(path.suffix for path in iter_calls(folder)) == sorted(INPUT_SUFFIXES)


def test_convert_dir_converts_a_file_of_every_listed_suffix(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(folder), "-o", str(out)]) == 0
    assert sorted(path.name for path in out.iterdir()) == sorted(f"{suffix[1:]}.json" for _, suffix in COLLECTED)
    for name, suffix in COLLECTED:
        document = json.loads((out / f"{suffix[1:]}.json").read_text(encoding="utf-8"))
        assert document["source"]["format"] == name


def test_check_dir_checks_a_file_of_every_listed_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Each file holds another format than its name says, so that each checked file has a finding.
    other: dict[SourceFormat, Path] = {"pdf": SEED, "docx": SEED, "html": SEED, "markdown": SAMPLES["html"]}
    for name, suffix in COLLECTED:
        (tmp_path / f"{suffix[1:]}{suffix}").write_bytes(other.get(name, SAMPLES["html"]).read_bytes())
    main(["check", str(tmp_path), "--format", "json", "--exit-zero"])
    findings = json.loads(capsys.readouterr().out)
    assert {Path(finding["path"]).suffix for finding in findings} == set(INPUT_SUFFIXES)
