"""The committed JSON Schema is current, and every export validates against it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

import docparse
import docparse.model
from docparse.model.base import Model
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


def _model_classes() -> list[type[Model]]:
    classes: list[type[Model]] = []
    pending: list[type[Model]] = [Model]
    while pending:
        cls = pending.pop()
        classes.append(cls)
        pending.extend(cls.__subclasses__())
    return [cls for cls in classes if cls.model_fields]


def test_every_field_has_a_description() -> None:
    # The model states descriptions in `Field(description=...)` (no attribute docstrings read at
    # run time): a field without one would reach the schema undescribed.
    missing = [
        f"{cls.__name__}.{name}"
        for cls in _model_classes()
        for name, f in cls.model_fields.items()
        if not f.description
    ]
    assert not missing
    assert {"Document", "Direction", "Provenance", "Diagnostic", "BBox"} <= {cls.__name__ for cls in _model_classes()}


def _expected_jsons() -> list[Path]:
    return sorted(FIXTURES.glob("*/expected.json"))


@pytest.mark.parametrize("path", _expected_jsons(), ids=lambda p: p.parent.name)
def test_fixture_exports_validate(path: Path) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(path.read_text(encoding="utf-8")))


def test_schema_id_is_where_the_project_publishes_it() -> None:
    # Not a placeholder domain: the committed file in the repository that pyproject names as Homepage.
    homepage = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]["Homepage"]
    owner_repo = homepage.removeprefix("https://github.com/")
    schema_id = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$id"]
    assert schema_id == f"https://raw.githubusercontent.com/{owner_repo}/main/schemas/{SCHEMA_FILE}"
