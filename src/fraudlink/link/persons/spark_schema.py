"""The Spark schema of the resolver's input: Spark cannot infer array columns that hold NULLs."""

from __future__ import annotations

from typing import Any

from fraudlink.link.persons.features import ARRAY_COLUMNS, COLUMNS


def spark_frame(api: Any, rows: list[dict[str, Any]]) -> Any:
    from pyspark.sql.types import (
        ArrayType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    fields = []
    for column in COLUMNS:
        if column == "unique_id":
            kind: Any = LongType()
        elif column in ARRAY_COLUMNS:
            kind = ArrayType(StringType())
        else:
            kind = StringType()
        fields.append(StructField(column, kind, nullable=True))
    values = [tuple(row.get(column) for column in COLUMNS) for row in rows]
    return api.spark.createDataFrame(values, StructType(fields))
