"""The base of every model class: frozen, no unknown fields."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Frozen Pydantic model that refuses unknown fields."""

    # Every field states its description in `Field(description=...)`: pydantic's
    # `use_attribute_docstrings` would read this package's source with `inspect` and `ast` in
    # every process (a third of the model's build time) to add nothing (tests/test_schema.py).
    # `ser_json_inf_nan`: the JSON export writes an infinite or NaN float as Python's `json` does
    # (`Infinity`, `NaN`), not as `null`; it changes neither `model_dump()` nor the schema.
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="constants")
