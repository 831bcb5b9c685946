"""The public Python API: a small explicit `__all__`, typed errors, py.typed."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest

import docparse

from .conftest import FIXTURES, ROOT, SEED


def test_public_names_are_explicit() -> None:
    assert sorted(docparse.__all__) == sorted(
        [
            "CorruptDocumentError",
            "DecodingError",
            "Diagnostic",
            "Direction",
            "DocparseError",
            "Document",
            "DocumentNotFoundError",
            "EmptyDocumentError",
            "EncryptedDocumentError",
            "Explanation",
            "LimitExceededError",
            "Limits",
            "NoTextLayerError",
            "OcrUnavailableError",
            "ParseOptions",
            "ParseResult",
            "Section",
            "Severity",
            "StrictModeError",
            "Topic",
            "Track",
            "UnsupportedFormatError",
            "__version__",
            "convert_one",
            "explain",
            "load",
            "outline_data",
            "parse",
            "parse_text",
            "to_json",
            "to_markdown",
            "to_yaml",
        ]
    )
    for name in docparse.__all__:
        assert hasattr(docparse, name), name


def test_package_is_typed() -> None:
    assert (ROOT / "docparse" / "py.typed").exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", docparse.EmptyDocumentError),
        (b"\n\n   \n", docparse.EmptyDocumentError),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, docparse.UnsupportedFormatError),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, docparse.CorruptDocumentError),
        (b"GIF89a" + b"\0" * 64, docparse.UnsupportedFormatError),
        (bytes(range(256)) * 8, docparse.DecodingError),
    ],
    ids=["empty", "blank", "ole", "broken-png", "gif", "binary"],
)
def test_bad_input_raises_a_typed_error(data: bytes, error: type[docparse.DocparseError]) -> None:
    with pytest.raises(error):
        docparse.parse(data)


def test_missing_file_is_a_documented_error(tmp_path: Path) -> None:
    with pytest.raises(docparse.DocumentNotFoundError, match="no such file") as raised:
        docparse.parse(tmp_path / "absent.txt")
    assert isinstance(raised.value, docparse.DocparseError) and isinstance(raised.value, FileNotFoundError)
    assert raised.value.path == str(tmp_path / "absent.txt")
    with pytest.raises(docparse.DocumentNotFoundError, match="parse_text"):
        docparse.parse(str(tmp_path / "absent.txt"))
    with pytest.raises(docparse.DocparseError, match="cannot read"):
        docparse.parse(tmp_path)  # a folder: read, but not a file


def test_a_call_in_a_str_is_not_taken_for_a_path() -> None:
    with pytest.raises(docparse.DocumentNotFoundError, match=r"parse_text") as raised:
        docparse.parse("1. 开放课题\n\n1.1 机器学习基础理论\n")
    assert "开放课题" not in str(raised.value)  # the text is not echoed back as a file name


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview, "path", "str", "file", "bytesio"])
def test_parse_takes_paths_bytes_like_data_and_binary_files(kind: object) -> None:
    data = SEED.read_bytes()
    if kind == "path":
        document = docparse.parse(SEED)
    elif kind == "str":
        document = docparse.parse(str(SEED))
    elif kind == "file":
        with SEED.open("rb") as stream:
            document = docparse.parse(stream)
    elif kind == "bytesio":
        document = docparse.parse(io.BytesIO(data), name="call.txt")
    else:
        assert isinstance(kind, type)
        document = docparse.parse(kind(data))
    assert docparse.outline_data(document) == docparse.outline_data(docparse.parse(data))
    expected_name = {"path": "input.txt", "str": "input.txt", "file": "input.txt", "bytesio": "call.txt"}
    assert document.source.name == expected_name.get(str(kind))


def test_a_text_file_object_is_refused_with_a_hint() -> None:
    with SEED.open(encoding="utf-8") as stream, pytest.raises(TypeError, match="binary mode"):
        docparse.parse(stream)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="parse_text"):
        docparse.parse(12)  # type: ignore[arg-type]


def test_name_gives_the_format_hint() -> None:
    markdown = b"# Title\n\n## 1. Part\n\n### 1.1 Topic\n"
    assert docparse.parse(markdown, name="call.md").source.format == "markdown"
    assert docparse.parse(markdown, name="call.txt").source.format == "text"


@pytest.mark.parametrize("fixture", ["seed-pdf-reportlab/input.pdf", "seed-docx-typed/input.docx"])
@pytest.mark.parametrize("format", ["text", "markdown"])
def test_binary_data_forced_as_text_is_a_decoding_error(fixture: str, format: Literal["text", "markdown"]) -> None:
    with pytest.raises(docparse.DecodingError, match="not text"):
        docparse.parse(FIXTURES / fixture, format=format)


def test_find_and_iter_directions() -> None:
    document = docparse.parse(SEED)
    directions = list(docparse.parse(SEED).iter_directions())
    assert isinstance(document.iter_directions(), Iterator)
    assert len(directions) == sum(len(node.directions) for node in document.iter_nodes())
    assert [d.id for d in directions][:2] == ["1.1/d1", "1.1/d2"]
    topic = document.find("1.1")
    assert isinstance(topic, docparse.Topic) and topic.title == "机器学习基础理论"
    direction = document.find("1.1/d1")
    assert isinstance(direction, docparse.Direction) and direction.title == "深度学习优化算法和收敛性研究"
    assert document.find("9.9") is None


def test_document_is_frozen() -> None:
    document = docparse.parse_text("1. 节\n\n1.1 题\n")
    with pytest.raises(Exception, match="frozen"):
        document.title = "x"  # type: ignore[misc]


def test_limits_are_enforced() -> None:
    options = docparse.ParseOptions(limits=docparse.Limits(max_input_bytes=10))
    with pytest.raises(docparse.LimitExceededError):
        docparse.parse(b"1. a long enough call", options=options)
    options = docparse.ParseOptions(limits=docparse.Limits(max_blocks=3))
    with pytest.raises(docparse.LimitExceededError):
        docparse.parse(b"a\n\nb\n\nc\n\nd\n\ne\n", options=options)


def test_a_huge_single_line_is_refused_quickly() -> None:
    options = docparse.ParseOptions(limits=docparse.Limits(max_line_chars=1000))
    with pytest.raises(docparse.LimitExceededError, match="max_line_chars"):
        docparse.parse(("研究" * 600).encode("utf-8"), options=options)


def test_diagnostics_come_in_document_order() -> None:
    text = "1. 部分\n\n1.1 主题\n\n建议研究方向：\n\n1) 甲。\n3) 乙。\n\n一段游离文字。\n\n1.3 空主题\n"
    document = docparse.parse_text(text)
    lines = [d.provenance.line_start or 0 for d in document.diagnostics]
    assert len(lines) >= 3
    assert lines == sorted(lines)


def test_import_is_lazy_and_every_public_name_still_resolves() -> None:
    # In a fresh interpreter: `import docparse` loads neither pydantic, the model, PyYAML,
    # markdown-it nor the version lookup; each public name then resolves to the real object.
    code = (
        "import sys, docparse\n"
        "heavy = ['pydantic', 'yaml', 'markdown_it', 'importlib.metadata', 'docparse.model', 'docparse.pipeline']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "from docparse.model import Document\n"
        "from docparse.pipeline import parse\n"
        "print(docparse.Document is Document, docparse.parse is parse, callable(docparse.load))\n"
        "print(docparse.__version__ != '', sorted(set(docparse.__all__) - set(dir(docparse))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "True True True", "True []"]


def test_load_stays_the_function_when_its_module_is_imported_first() -> None:
    code = "import docparse.load, docparse\nprint(callable(docparse.load), type(docparse.load).__name__)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "function"]


def test_a_docx_conversion_to_json_loads_neither_markdown_it_nor_yaml() -> None:
    path = FIXTURES / "seed-docx-autonum" / "input.docx"
    code = (
        "import sys, docparse\n"
        f"docparse.to_json(docparse.parse({str(path)!r}))\n"
        "print(sorted(m for m in ('markdown_it', 'yaml') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]"]


def test_dir_lists_the_public_names_and_the_version_is_the_project_s() -> None:
    import tomllib

    from .conftest import ROOT

    names = set(dir(docparse))
    assert set(docparse.__all__) <= names and "__version__" in names
    assert not {"Any", "TYPE_CHECKING", "importlib", "logging", "annotations"} & names
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    assert docparse.__version__ == version
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{version}] - " in changelog and changelog.index("## [Unreleased]") < changelog.index(f"## [{version}]")
