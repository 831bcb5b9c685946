"""Bench hook: record the OCR engine's raw outputs once, replay them on later runs (no engine, no model).

The OCR itself (rapidocr's detection and recognition) costs 20-60 CPU-s a rendition; what
`docparse/read/pdf/ocr.py` does with its outputs (rows, sizes, spaces, leaders) costs
milliseconds. `ReplayEngine` stands in for the engine `ocr.load_engine` returns: each call is
keyed by the image it is given (its bytes, shape and type), the detector's size limit, the
word-box switch and the engine's versions; a key seen before is answered from its JSON file
(the detection boxes, the recognised texts, their scores and the per-character boxes), a new one
is passed to the real engine and its answer written. So a change to the layer after the engine
is scored in seconds, against exactly the outputs the engine gave, and a change to the
rendering (a new image) or to the engine falls back to the engine rather than to stale answers.

Bench only: `bench/bench_ocr_outline.py --replay DIR` installs it in the parse's process; the
run-time code never reads a recording.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any


class _Detector:
    """What `ocr.recognise` sets on the detector: the long side to detect at, read at each call."""

    limit_side_len: int = 0


def _versions() -> str:
    from importlib.metadata import version

    return f"rapidocr {version('rapidocr')} onnxruntime {version('onnxruntime')}"


def _plain(value: Any) -> Any:
    """Return `value` (numpy arrays, tuples, numpy scalars) as JSON-able lists and floats."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


class ReplayEngine:
    """The OCR engine's stand-in: answers from `folder` when it holds the call's key, else asks the engine."""

    def __init__(self, folder: Path, *, offline: bool = False) -> None:
        self.folder = folder
        self.offline = offline
        self.detector = _Detector()
        self.versions = _versions()
        self.hits = self.misses = 0
        folder.mkdir(parents=True, exist_ok=True)

    def _load_det_model(self) -> _Detector:
        return self.detector

    def key(self, image: Any, return_word_box: bool) -> str:
        digest = hashlib.sha256(image.tobytes())
        digest.update(f"{image.shape} {image.dtype} {self.detector.limit_side_len} {return_word_box}".encode())
        digest.update(self.versions.encode())
        return digest.hexdigest()[:32]

    def __call__(self, image: Any, return_word_box: bool = False) -> Any:
        path = self.folder / f"{self.key(image, return_word_box)}.json"
        if path.exists():
            self.hits += 1
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            if self.offline:
                raise LookupError(f"no recorded OCR output for this image ({path.name}) and replay is offline")
            self.misses += 1
            data = self.ask(image, return_word_box)
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return SimpleNamespace(
            boxes=data["boxes"], txts=data["txts"], scores=data["scores"], word_results=data["word_results"]
        )

    def ask(self, image: Any, return_word_box: bool) -> dict[str, Any]:
        """Return the real engine's answer for `image` as JSON-able data."""
        from docparse.read.pdf import ocr

        engine = _real_engine(ocr)
        detector = engine._load_det_model()
        detector.limit_side_len = self.detector.limit_side_len
        result = engine(image, return_word_box=return_word_box)
        return {
            "boxes": None if result.boxes is None else _plain(result.boxes),
            "txts": None if result.txts is None else list(result.txts),
            "scores": None if result.scores is None else _plain(result.scores),
            "word_results": _plain(result.word_results or ()),
        }


_REAL: dict[str, Any] = {}


def _real_engine(ocr: Any) -> Any:
    if "engine" not in _REAL:
        _REAL["engine"] = _REAL["load"]()
    return _REAL["engine"]


def install(folder: Path, *, offline: bool = False) -> ReplayEngine:
    """Make `docparse.read.pdf.ocr.load_engine` return a `ReplayEngine` over `folder` in this process."""
    from docparse.read.pdf import ocr

    _REAL["load"] = ocr.load_engine
    engine = ReplayEngine(folder, offline=offline)
    ocr.load_engine = lambda: engine  # type: ignore[assignment]
    return engine
