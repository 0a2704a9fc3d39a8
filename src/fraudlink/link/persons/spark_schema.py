"""The Spark schema of the resolver's input: Spark cannot infer array columns that hold NULLs."""

from __future__ import annotations

from typing import Any

import pandas as pd  # type: ignore[import-untyped]

_ARRAYS = frozenset({"name_all", "name_tokens", "documents", "phones"})


def spark_frame(api: Any, frame: pd.DataFrame) -> Any:
    from pyspark.sql.types import (
        ArrayType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    fields = []
    for column in frame.columns:
        if column == "unique_id":
            kind: Any = LongType()
        elif column in _ARRAYS:
            kind = ArrayType(StringType())
        else:
            kind = StringType()
        fields.append(StructField(column, kind, nullable=True))
    rows = [
        tuple(None if _missing(value) else value for value in row)
        for row in frame.itertuples(index=False)
    ]
    return api.spark.createDataFrame(rows, StructType(fields))


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)
