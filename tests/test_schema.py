"""The committed JSON Schema is current, and every export validates against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import docparse
from docparse.schema import SCHEMA_FILE, schema_text

from .conftest import FIXTURES, ROOT

SCHEMA_PATH = ROOT / "schemas" / SCHEMA_FILE


def test_committed_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "schemas/ is stale: run `docparse schema -o schemas/docparse.schema.json`"
    )


def test_schema_has_version_and_descriptions() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["properties"]["schema_version"]["default"] == docparse.Document.model_fields["schema_version"].default
    direction = schema["$defs"]["Direction"]
    assert all("description" in prop for prop in direction["properties"].values())
    assert direction["additionalProperties"] is False


def _expected_jsons() -> list[Path]:
    return sorted(FIXTURES.glob("*/expected.json"))


@pytest.mark.parametrize("path", _expected_jsons(), ids=lambda p: p.parent.name)
def test_fixture_exports_validate(path: Path) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(path.read_text(encoding="utf-8")))
