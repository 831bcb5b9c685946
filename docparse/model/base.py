"""The base of every model class: frozen, no unknown fields."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Frozen Pydantic model that refuses unknown fields."""

    # `ser_json_inf_nan`: the JSON export writes an infinite or NaN float as Python's `json` does
    # (`Infinity`, `NaN`), not as `null`; it changes neither `model_dump()` nor the schema.
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True, ser_json_inf_nan="constants")
