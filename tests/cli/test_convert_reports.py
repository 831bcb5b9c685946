"""`docparse convert` says what went wrong: error-level diagnostics on standard error, exports refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.cli.convert import SHOWN_ERRORS, Outcome, report_errors

from ..conftest import FIXTURES, SEED

GARBLED = FIXTURES / "hostile" / "pdf-partly-garbled.pdf"


def _convert(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["convert", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_error_diagnostics_are_printed_one_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "call.json"
    code, stdout, err = _convert(capsys, str(GARBLED), "--ocr", "never", "-o", str(out))
    assert (code, stdout) == (0, "")
    assert err.splitlines() == [f"{GARBLED}:1:1: DP103 {_message()} (page 2)"]
    assert docparse.load(out).source.format == "pdf"


def _message() -> str:
    document = docparse.parse(GARBLED, options=docparse.ParseOptions(ocr="never"))
    return next(d.message for d in document.diagnostics if d.code == "DP103")


def test_quiet_silences_the_diagnostics_and_strict_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _convert(capsys, str(GARBLED), "--ocr", "never", "-q", "-o", str(tmp_path / "a.json"))
    assert (code, err) == (0, "")
    code, _, err = _convert(capsys, str(GARBLED), "--ocr", "never", "--strict", "-o", str(tmp_path / "b.json"))
    assert code == 1 and "DP103" in err
    assert not (tmp_path / "b.json").exists()


def test_only_the_first_errors_are_printed_with_the_count_of_the_rest() -> None:
    stream = io.StringIO()
    lines = tuple(f"x.pdf:1:1: DP103 garbled (page {n})" for n in range(1, SHOWN_ERRORS + 1))
    report_errors(Outcome("x.pdf", None, "converted", errors=lines, error_count=7), "x.pdf", stream)
    assert stream.getvalue().splitlines() == [
        *lines,
        f"docparse: x.pdf: {7 - SHOWN_ERRORS} more error(s); `docparse check x.pdf` lists them all",
    ]


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_an_export_given_back_is_refused_with_a_hint(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / f"call{suffix}"
    code, _, _ = _convert(capsys, str(SEED), "-o", str(exported))
    assert code == 0
    code, stdout, err = _convert(capsys, str(exported), "-f", "md")
    assert (code, stdout) == (1, "")
    assert err == (
        f"docparse: {exported}: this is a docparse export (JSON or YAML), not a call: "
        "read it back with docparse.load()\n"
    )
    with pytest.raises(docparse.UnsupportedFormatError):
        docparse.parse(exported)
    assert docparse.load(exported).title == docparse.parse(SEED).title
