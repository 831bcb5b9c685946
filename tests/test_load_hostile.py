"""Issue 27: `docparse.load` with the readers' discipline: depth, size, aliases, numbers; typed errors only."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import docparse
from docparse.errors import CorruptDocumentError, LimitExceededError
from docparse.export.yaml import to_yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import hostile3

from .conftest import SEED

CASES: dict[str, tuple[bytes, type[docparse.DocparseError], str]] = {
    "alias tree": (hostile3.yaml_alias_tree(), LimitExceededError, "expands to more than"),
    "100k-deep JSON": (hostile3.deep_json(), LimitExceededError, "nested more than 200 deep"),
    "100k-deep YAML": (hostile3.deep_yaml(), LimitExceededError, "nested more than 200 deep"),
    "201-deep JSON": (hostile3.deep_json(201), LimitExceededError, "nested more than 200 deep"),
    "100k-digit number": (hostile3.long_number(), CorruptDocumentError, "digits"),
    "100k-digit YAML number": (b"size: " + b"9" * 100_000 + b"\n", CorruptDocumentError, "digits"),
    "many aliases": (b"a: &a x\nb: [" + b", ".join([b"*a"] * 10_001) + b"]\n", LimitExceededError, "aliases"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_export_gives_its_typed_error(name: str) -> None:
    data, error, message = CASES[name]
    with pytest.raises(error, match=message) as caught:
        docparse.load(data)
    assert type(caught.value) is error
    assert "\n" not in str(caught.value)


def test_a_nesting_within_the_limit_is_parsed_then_validated() -> None:
    with pytest.raises(CorruptDocumentError, match="not a valid docparse document"):
        docparse.load(hostile3.deep_json(199))


def test_an_export_over_the_size_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("docparse.options.DEFAULT_MAX_INPUT_BYTES", 1_000)
    with pytest.raises(LimitExceededError, match="over the limit of 1000 bytes"):
        docparse.load(b"{" + b" " * 2_000 + b"}")


def test_real_exports_still_load() -> None:
    document = docparse.parse(SEED)
    assert docparse.load(to_yaml(document).encode("utf-8")) == document
    assert docparse.load(docparse.to_json(document).encode("utf-8")) == document
