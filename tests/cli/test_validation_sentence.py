"""A pydantic ValidationError that escapes a stage reaches the user as one sentence of ours,
not pydantic's "Value should have at least 1 item after validation"."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field, ValidationError

from fraudlink.cli.main import validation_sentence


class _Selection(BaseModel):
    lists: list[str] = Field(min_length=1)
    limit: int = Field(ge=1)


def _error(**data: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        _Selection.model_validate(data)
    return caught.value


def test_too_short_missing_and_other_problems_read_as_one_sentence() -> None:
    assert validation_sentence(_error(lists=[], limit=1)) == (
        "'lists' needs at least 1 value(s); give one."
    )
    assert validation_sentence(_error(lists=["a"])) == "'limit' is required; give it."
    sentence = validation_sentence(_error(lists=["a"], limit=0))
    assert sentence is not None and sentence.startswith("'limit': input should be greater")
    assert "\n" not in sentence and "pydantic" not in sentence
    assert validation_sentence(ValueError("plain")) is None
