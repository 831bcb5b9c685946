"""The collector's thresholds are raised during a parse and restored after it, on errors and across threads."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import docparse
import docparse.pipeline as pipeline
from docparse.blocks import Block

from .conftest import SEED

DEFAULT = (700, 10, 10)


@pytest.fixture(autouse=True)
def default_thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    gc.set_threshold(*DEFAULT)
    yield
    gc.set_threshold(*saved)


def _recording_normalize(seen: list[tuple[int, int, int]], barrier: threading.Barrier | None = None) -> object:
    real = pipeline.normalize

    def normalize(blocks: list[Block], *args: object) -> list[Block]:
        seen.append(gc.get_threshold())
        if barrier is not None:
            barrier.wait(timeout=30)
        return real(blocks, *args)  # type: ignore[arg-type]

    return normalize


def test_parse_raises_the_thresholds_and_restores_them(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(pipeline, "normalize", _recording_normalize(seen))
    docparse.parse(SEED)
    docparse.parse_text(SEED.read_text(encoding="utf-8"))
    assert seen == [(pipeline.YOUNG_THRESHOLD, 10, pipeline.OLD_THRESHOLD)] * 2
    assert gc.get_threshold() == DEFAULT


def test_thresholds_are_restored_when_the_parse_fails() -> None:
    with pytest.raises(docparse.EmptyDocumentError):
        docparse.parse(b"   \n")
    with pytest.raises(docparse.CorruptDocumentError):
        docparse.parse(b"%PDF-1.4 broken", format="pdf")
    assert gc.get_threshold() == DEFAULT


def test_higher_thresholds_of_the_caller_are_kept() -> None:
    gc.set_threshold(50_000, 20, 200)
    docparse.parse(SEED)
    assert gc.get_threshold() == (50_000, 20, 200)


def test_concurrent_parses_share_the_raise_and_the_last_one_restores(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int, int]] = []
    # Every thread waits inside its parse until all are inside: the parses overlap for sure.
    barrier = threading.Barrier(4)
    monkeypatch.setattr(pipeline, "normalize", _recording_normalize(seen, barrier))
    errors: list[BaseException] = []

    def work() -> None:
        try:
            docparse.parse(SEED)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert seen == [(pipeline.YOUNG_THRESHOLD, 10, pipeline.OLD_THRESHOLD)] * 4
    assert gc.get_threshold() == DEFAULT
