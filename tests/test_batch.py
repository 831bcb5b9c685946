"""`docparse.convert_one`: the per-file call of batch engines never raises for a document problem."""

from __future__ import annotations

import copyreg
import logging
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

import docparse
from docparse import ParseResult, convert_one
from docparse.errors import DocparseError, ForeignCause

from .conftest import FIXTURES, SEED
from .read.docx_factory import make_docx

HOSTILE = sorted((FIXTURES / "hostile").glob("*.pdf"))


def test_a_call_gives_its_document_and_name() -> None:
    result = convert_one(SEED)
    assert result.ok and result.name == "input.txt" and result.error_kind is None and result.message is None
    assert result.document == docparse.parse(SEED)
    assert result.unwrap() is result.document


def test_bytes_keep_the_name_given() -> None:
    result = convert_one(SEED.read_bytes(), name="calls/2026/seed.txt")
    assert result.ok and result.name == "calls/2026/seed.txt"
    assert result.document is not None and result.document.source.name == "calls/2026/seed.txt"
    assert convert_one(SEED.read_bytes()).name is None


def test_a_result_pickles_with_its_document() -> None:
    result = convert_one(SEED)
    copy = pickle.loads(pickle.dumps(result))
    assert copy == result and copy.document == result.document


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_files_give_a_result_that_pickles(path: Path) -> None:
    result = convert_one(path)  # never raises, whatever the bytes
    assert result.name == path.name
    copy = pickle.loads(pickle.dumps(result))
    assert (copy.ok, copy.error_kind, copy.message, copy.cause) == (
        result.ok,
        result.error_kind,
        result.message,
        result.cause,
    )
    if not result.ok:
        assert result.document is None and result.error is not None and result.message
        assert result.error_kind == type(result.error).__name__
        assert issubclass(getattr(docparse.errors, result.error_kind), DocparseError)
        with pytest.raises(type(result.error)):
            copy.unwrap()


def test_the_hostile_set_holds_failures_of_several_kinds() -> None:
    kinds = {convert_one(path).error_kind for path in HOSTILE}
    assert {"CorruptDocumentError", "EncryptedDocumentError", "NoTextLayerError"} <= kinds


def test_an_unpicklable_cause_survives_as_text() -> None:
    corrupt = make_docx("", document='<?xml version="1.0"?><w:document><w:body><w:p>')
    result = convert_one(corrupt, name="broken.docx")
    assert not result.ok and result.error_kind == "CorruptDocumentError" and result.name == "broken.docx"
    assert result.cause is not None and result.cause.startswith("XMLSyntaxError: ")
    copy = pickle.loads(pickle.dumps(result))
    assert copy.cause == result.cause and isinstance(copy.error, DocparseError)
    assert copy.error is not None and isinstance(copy.error.cause, ForeignCause)


@pytest.fixture
def tblib_pickling() -> Iterator[None]:
    """Install tblib's exception pickling as `distributed` does on import, for this test only."""
    from tblib import pickling_support

    before = dict(copyreg.dispatch_table)
    pickling_support.install(
        *(getattr(docparse.errors, name) for name in dir(docparse.errors) if name.endswith("Error"))
    )
    try:
        yield
    finally:
        copyreg.dispatch_table.clear()
        copyreg.dispatch_table.update(before)


def test_a_result_pickles_where_tblib_pickles_exception_chains(tblib_pickling: None) -> None:
    corrupt = make_docx("", document='<?xml version="1.0"?><w:document><w:body><w:p>')
    error = convert_one(corrupt).error
    # The copy kept in the result has a stand-in for its cause and no context or traceback.
    assert error is not None and isinstance(error.__cause__, ForeignCause) and error.__context__ is None
    with pytest.raises(docparse.errors.DocparseError) as raised:
        docparse.parse(corrupt)
    with pytest.raises(TypeError):
        pickle.dumps(raised.value)  # under tblib the error as raised takes its lxml cause along
    copy = pickle.loads(pickle.dumps(convert_one(corrupt, name="broken.docx")))
    assert copy.error_kind == "CorruptDocumentError" and copy.error is not None
    assert isinstance(copy.error.cause, ForeignCause) and copy.error.cause.type_name == "XMLSyntaxError"


def test_a_missing_file_is_a_result_named_after_it(tmp_path: Path) -> None:
    result = convert_one(tmp_path / "gone.pdf")
    assert not result.ok and result.error_kind == "DocumentNotFoundError" and result.name == "gone.pdf"


def test_a_bug_of_ours_is_an_internal_error_result_and_is_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr("docparse.pipeline.read_blocks", broken)
    with caplog.at_level(logging.ERROR, logger="docparse"):
        result = convert_one(SEED)
    assert not result.ok and result.error_kind == "InternalError" and result.name == "input.txt"
    assert result.message is not None and "KeyError" in result.message and result.cause == "KeyError: 'oops'"
    assert [r.name for r in caplog.records] == ["docparse"] and caplog.records[0].exc_info is not None
    assert pickle.loads(pickle.dumps(result)).error_kind == "InternalError"


def test_running_out_of_memory_is_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    def greedy(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr("docparse.pipeline.read_blocks", greedy)
    assert convert_one(SEED).error_kind == "LimitExceededError"


def test_a_caller_mistake_still_raises() -> None:
    with pytest.raises(TypeError, match="not int"):
        convert_one(42)  # type: ignore[arg-type]


def test_a_failed_result_without_an_error_says_so() -> None:
    with pytest.raises(DocparseError, match="no document"):
        ParseResult("x", False).unwrap()
