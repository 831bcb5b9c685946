"""The command line: conversion, schema, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import docparse
from docparse.cli import main

from .conftest import SEED


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "docparse", *args], input=stdin, capture_output=True, timeout=120, check=False
    )


def test_convert_to_stdout_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sections"][0]["title"] == "开放课题"


def test_convert_writes_the_json_export_byte_for_byte(tmp_path: Path) -> None:
    # The JSON goes out as the serializer's UTF-8 bytes: the same bytes as `to_json`'s text.
    expected = docparse.to_json(docparse.parse(SEED)).encode("utf-8")
    result = run("convert", str(SEED), "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected
    out = tmp_path / "out.json"
    assert main(["convert", str(SEED), "-o", str(out)]) == 0
    assert out.read_bytes() == expected


def test_convert_stdin_to_stdout_with_python_m() -> None:
    result = run("convert", "-", "-f", "md", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert "### 1.1 机器学习基础理论" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", ["json", "yaml", "md"])
def test_convert_to_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["convert", str(SEED), "-f", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "机器学习基础理论" in text
    if fmt != "md":
        assert docparse.load(out).title == "申报主题"


def test_batch_goes_on_after_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "in" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "in" / "good.txt").write_bytes(SEED.read_bytes())
    code = main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-f", "yaml"])
    err = capsys.readouterr().err
    assert code == 1
    assert (tmp_path / "out" / "good.yaml").exists()
    assert "bad.txt" in err and "1 failed" in err


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Document"


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("docparse ")


@pytest.mark.parametrize(
    ("args", "content", "code", "message"),
    [
        (["convert", "{tmp}/absent.txt"], None, 2, "no such file"),
        (["convert", "{tmp}"], None, 2, "is a directory"),
        (["convert", "{tmp}/empty.txt"], b"", 1, "empty file"),
        (["convert", "{tmp}/garbage.txt"], bytes(range(256)) * 4, 1, "not text"),
        (["convert", "{tmp}/old.doc"], b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, 1, "convert it to DOCX"),
        (["convert", "{tmp}/a.txt", "{tmp}/b.txt"], b"1. x\n", 2, "need -o DIR"),
        (["convert", "x", "--bogus"], None, 2, "unrecognized arguments"),
        ([], None, 2, "usage"),
    ],
    ids=["missing", "directory", "empty", "binary", "legacy-doc", "many-without-o", "bad-flag", "no-command"],
)
def test_errors_are_one_line_without_traceback(
    tmp_path: Path, args: list[str], content: bytes | None, code: int, message: str
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if content is not None:
        for arg in argv[1:]:
            if arg.startswith(str(tmp_path)):
                Path(arg).write_bytes(content)
    result = run(*argv)
    err = result.stderr.decode("utf-8")
    assert result.returncode == code, err
    assert message in err
    assert "Traceback" not in err


def _modules_after(argv: list[str]) -> set[str]:
    # In a fresh interpreter: run `docparse ARGV` through `main` and list what got imported.
    code = (
        "import sys\nfrom docparse.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return set(result.stdout.split("\n")[-2].split())


def test_version_and_usage_errors_import_no_model_nor_command() -> None:
    heavy = {"pydantic", "docparse.model", "docparse.pipeline", "docparse.check", "docparse.cli.convert"}
    for argv in (["--version"], ["convert"], ["check", "--fail-on", "nonsense", "x"]):
        assert heavy & _modules_after(argv) == set(), argv


def test_convert_imports_neither_the_lint_front_end_nor_the_other_commands() -> None:
    loaded = _modules_after(["convert", str(SEED), "-o", "-"])
    assert {"docparse.cli.convert", "docparse.pipeline"} <= loaded
    assert {
        "docparse.cli.check",
        "docparse.cli.config",
        "docparse.cli.formatters",
        "docparse.cli.explain",
        "docparse.cli.rule",
        "docparse.explanation",
    } & loaded == set()


def test_a_command_runs_with_the_collector_as_it_found_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # The collector is paused while a command's modules are imported, and only then.
    import gc

    import docparse.cli.arguments as arguments
    import docparse.cli.schema

    seen: list[bool] = []
    importing: list[bool] = []
    import_module = arguments.importlib.import_module

    def recording_import(name: str) -> object:
        importing.append(gc.isenabled())
        return import_module(name)

    monkeypatch.setattr(arguments.importlib, "import_module", recording_import)
    monkeypatch.setattr(docparse.cli.schema, "run_schema", lambda args: seen.append(gc.isenabled()) or 0)
    assert main(["schema"]) == 0 and gc.isenabled()
    gc.disable()
    try:
        assert main(["schema"]) == 0 and not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [True, False] and importing == [False, False]


def test_convert_stdin_filename_names_the_document_and_picks_its_reader(tmp_path: Path) -> None:
    # Markdown on standard input is read as plain text unless --stdin-filename says what it is.
    markdown = (Path(__file__).parent.parent / "fixtures" / "seed" / "expected.md").read_bytes()
    named = run("convert", "-", "--stdin-filename", "calls/call.md", stdin=markdown)
    assert named.returncode == 0, named.stderr
    source = json.loads(named.stdout)["source"]
    assert (source["name"], source["format"]) == ("call.md", "markdown")
    bare = run("convert", "-", stdin=markdown)
    assert json.loads(bare.stdout)["source"]["format"] == "text"
    # In a batch its output is named after it, not `stdin.json`.
    other = tmp_path / "seed.txt"
    other.write_bytes(SEED.read_bytes())
    batch = run("convert", "-", str(other), "--stdin-filename", "call.md", "-o", str(tmp_path / "out"), stdin=markdown)
    assert batch.returncode == 0, batch.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["call.json", "seed.json"]


def test_convert_stdin_filename_names_stdin_in_errors_and_needs_input_dash(tmp_path: Path) -> None:
    failed = run("convert", "-", "--stdin-filename", "calls/bad.pdf", stdin=b"%PDF-1.7 not really")
    assert failed.returncode != 0
    assert b"calls/bad.pdf:" in failed.stderr and b"<stdin>" not in failed.stderr
    misuse = run("convert", str(SEED), "--stdin-filename", "x.md")
    assert misuse.returncode == 2
    assert b"--stdin-filename" in misuse.stderr
