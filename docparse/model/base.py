"""The base of every model class: frozen, no unknown fields."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
"""One set per distinct combination of fields given, shared by every instance given them.

A set, not a frozenset: pydantic's serializer wants a set (``exclude_unset``). Nothing adds to
it: a frozen model refuses assignment, and a copy gets a set of its own (`Model.__copy__`).
"""


def _shared(fields: set[str]) -> set[str]:
    key = frozenset(fields)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        shared = _FIELDS_SETS[key] = set(key)
    return shared


class Model(BaseModel):
    """Frozen Pydantic model that refuses unknown fields."""

    # Every field states its description in `Field(description=...)`: pydantic's
    # `use_attribute_docstrings` would read this package's source with `inspect` and `ast` in
    # every process (a third of the model's build time) to add nothing (tests/test_schema.py).
    # `ser_json_inf_nan`: the JSON export writes an infinite or NaN float as Python's `json` does
    # (`Infinity`, `NaN`), not as `null`; it changes neither `model_dump()` nor the schema.
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="constants")

    def model_post_init(self, context: Any, /) -> None:
        # pydantic gives every instance its own set of the fields it was given: 216 bytes or
        # more, half the memory of a `BBox`, and of an outline's models (6 of 12 MiB for a
        # 351-page call). A frozen model never adds to it, so instances share one set.
        object.__setattr__(self, "__pydantic_fields_set__", _shared(self.__pydantic_fields_set__))

    def __copy__(self) -> Any:
        # `model_copy(update=...)` adds the updated names to the copy's set: give it its own.
        copied = super().__copy__()
        object.__setattr__(copied, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Any:
        copied = super().__deepcopy__(memo)
        object.__setattr__(copied, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        return copied
