"""Hostile and broken input through the command line: one line each, no traceback, the batch goes on."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import docparse
from docparse.cli import main

from .conftest import FIXTURES, SEED

HOSTILE = sorted((FIXTURES / "hostile").glob("*.pdf"))
# The hostile files that open: owner-password-only, text drawn twice, partly garbled, ligatures,
# control characters from a bad ToUnicode map, and a
# DOCX named .pdf (the format comes from the bytes; the PDF reader alone would call it corrupt).
OPENS = {
    "pdf-owner-password-only.pdf",
    "pdf-drawn-twice.pdf",
    "pdf-partly-garbled.pdf",
    "pdf-docx-renamed.pdf",
    "pdf-ligatures.pdf",
    "pdf-control-chars.pdf",
    "pdf-partly-guessed.pdf",
}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


GENERATED: dict[str, tuple[bytes, type[docparse.DocparseError]]] = {
    "empty.txt": (b"", docparse.EmptyDocumentError),
    "nul.txt": (b"1. \xe5\xbc\x80\x00\x00\xff\xfe\x00 broken", docparse.DecodingError),
    "not-a-zip.docx": (b"PK\x03\x04" + b"\x00" * 200, docparse.CorruptDocumentError),
    "truncated.docx": ((FIXTURES / "seed-docx-typed" / "input.docx").read_bytes()[:5000], docparse.DocparseError),
    "no-content-types.docx": (_zip({"word/other.xml": b"<x/>"}), docparse.CorruptDocumentError),
    "workbook.docx": (
        _zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}),
        docparse.UnsupportedFormatError,
    ),
    "legacy.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000, docparse.UnsupportedFormatError),
    "docx-named.pdf": ((FIXTURES / "seed-docx-typed" / "input.docx").read_bytes(), docparse.DocparseError),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_input_gives_its_error(name: str) -> None:
    data, error = GENERATED[name]
    if name == "docx-named.pdf":
        # Detected from the bytes: a DOCX named .pdf is read as the DOCX it is.
        assert docparse.parse(data).iter_topics()
        return
    with pytest.raises(error):
        docparse.parse(data)


def test_every_hostile_file_is_one_line_in_a_batch_that_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in HOSTILE:
        (inputs / path.name).write_bytes(path.read_bytes())
    for name, (data, _) in GENERATED.items():
        if name.endswith((".txt", ".pdf", ".docx")):
            (inputs / name).write_bytes(data)
    (inputs / "good.txt").write_bytes(SEED.read_bytes())
    result = subprocess.run(
        # OCR off: the files without a usable text layer must fail with their one line here.
        [sys.executable, "-m", "docparse", "convert", str(inputs), "-o", str(tmp_path / "out"), "--ocr", "never"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert result.returncode == 1
    assert (tmp_path / "out" / "good.json").exists()
    failures = [line for line in err.splitlines() if line.startswith("docparse: ") and "converted" not in line]
    failed_names = {Path(line.split(": ", 2)[1]).name for line in failures}
    expected_to_fail = {p.name for p in inputs.iterdir()} - OPENS - {"good.txt", "docx-named.pdf"}
    assert failed_names == expected_to_fail
    assert "encrypted" in err and "--password" in err


def test_an_internal_error_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr("docparse.pipeline.read_blocks", boom)  # inside the one guarded parse
    assert main(["convert", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert "internal error (ZeroDivisionError: simulated bug)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("name", "message"), [("x.pdf", "not a PDF"), ("x.docx", "not a DOCX")])
def test_bytes_that_are_not_what_the_extension_says_are_corrupt(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(docparse.CorruptDocumentError, match=message):
        docparse.parse(path)


def test_pdfminer_warnings_stay_off_standard_error(tmp_path: Path) -> None:
    import random

    data = bytearray((FIXTURES / "seed-pdf-reportlab" / "input.pdf").read_bytes())
    rng = random.Random(1)  # this damage makes pdfminer log over a hundred warnings
    for _ in range(20):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    command = [sys.executable, "-m", "docparse", "convert", str(path), "-o", str(tmp_path / "out.json")]
    quiet = subprocess.run(command, capture_output=True, timeout=120, check=False)
    verbose = subprocess.run([*command, "--verbose"], capture_output=True, timeout=120, check=False)
    assert len(quiet.stderr.decode().splitlines()) <= 1
    assert len(verbose.stderr.decode().splitlines()) > 10


def test_the_library_prints_nothing_on_a_damaged_pdf(tmp_path: Path) -> None:
    import random

    data = bytearray((FIXTURES / "seed-pdf-reportlab" / "input.pdf").read_bytes())
    rng = random.Random(1)
    for _ in range(20):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    script = f"import docparse\ntry:\n    docparse.parse({str(path)!r})\nexcept docparse.DocparseError:\n    pass\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, check=False)
    assert result.returncode == 0
    assert result.stderr == b""
