"""What the hub rule needs to know of identifiers, computed on Spark DataFrames.

The same quantities ``hubs.profile`` computes in-process, from the same
definitions: degrees, each kind's ``KIND_QUANTILE`` cut-off (Spark's exact
``percentile`` interpolates linearly between order statistics, as
``numpy.quantile`` does), the bar each identifier at or above its cut-off
must reach (``needed_groups`` on the driver: those are few), the allow-list
and hotline variants (``AllowlistMatcher`` and ``hotline_variants`` run
unchanged in the executors' Python).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fraudlink.link.networks.allowlist import AllowlistMatcher
from fraudlink.link.networks.hubs import (
    KIND_QUANTILE,
    KIND_SAMPLE,
    NUMBER_KINDS,
    Cutoff,
    hotline_numbers,
    hotline_variants,
    looks_official,
    needed_groups,
)

DataFrame = Any
Row = tuple[int, str, str]


@dataclass(frozen=True, slots=True)
class SparkProfile:
    """Judged and ignored identifiers' degrees, bars, hotline variants and the cut-offs.

    ``degree`` holds every judged, allow-listed and variant identifier;
    ``variants`` maps a variant to its hotline, ``labels`` a hotline to ``kind:value``.
    """

    degree: dict[int, int]
    needed: dict[int, int]
    allowlisted: list[int]
    variants: dict[int, int]
    labels: dict[int, str]
    cutoffs: dict[str, Cutoff]


def kind_cutoffs(shared: DataFrame) -> dict[str, Cutoff]:
    """Per kind, ``hubs.kind_cutoffs`` over the shared identifiers (degree ≥ 2)."""
    from pyspark.sql import functions as F

    stats = shared.groupBy("kind").agg(
        F.count("*").alias("n"), F.expr(f"percentile(degree, {KIND_QUANTILE})").alias("cut")
    )
    found = {k: (int(n), float(c)) for k, n, c in stats.collect()}
    cuts = {k: c for k, (n, c) in found.items() if n >= KIND_SAMPLE}
    above: dict[str, int] = {}
    if cuts:
        spark = shared.sparkSession
        table = spark.createDataFrame(list(cuts.items()), "kind string, cut double")
        rows = (
            shared.join(F.broadcast(table), "kind")
            .where(F.col("degree") >= F.col("cut"))
            .groupBy("kind")
            .count()
            .collect()
        )
        above = {k: int(n) for k, n in rows}
    return {k: Cutoff(cuts.get(k), n, above.get(k, 0)) for k, (n, _) in found.items()}


def spark_profile(shared: DataFrame, matcher: AllowlistMatcher) -> SparkProfile:
    """What the hub rule knows of the ``shared`` rows (identifier_id, degree, kind, value)."""
    from pyspark.sql import functions as F

    cutoffs = kind_cutoffs(shared)
    floors = shared.sparkSession.createDataFrame(
        [(k, float(c.floor)) for k, c in cutoffs.items()], "kind string, floor double"
    )
    judged = (
        shared.join(F.broadcast(floors), "kind")
        .where(F.col("degree") >= F.col("floor"))
        .select("identifier_id", "kind", "value", "degree")
        .collect()
    )
    degree = {int(i): int(d) for i, _, _, d in judged}
    needed = {int(i): needed_groups(k, v, int(d), cutoffs) for i, k, v, d in judged}
    allowlisted = _allowlisted_ids(shared, matcher)
    hotlines = hotline_numbers((i, k, v) for i, k, v, _ in judged if looks_official(k, v))
    variants: dict[int, int] = {}
    if hotlines:
        numbers = _rows(shared.where(_may_spell(hotlines)))
        variants = dict(numbers.mapPartitions(_variants(hotlines)).collect())
    labels = {i: f"{k}:{v}" for i, k, v, _ in judged if i in set(variants.values())}
    degree.update(_degrees(shared, sorted(allowlisted | set(variants))))
    return SparkProfile(degree, needed, sorted(allowlisted), variants, labels, cutoffs)


def _rows(frame: DataFrame) -> Any:
    return frame.select("identifier_id", "kind", "value").rdd.map(tuple)


def _allowlisted_ids(shared: DataFrame, matcher: AllowlistMatcher) -> set[int]:
    """``matcher`` over the shared rows: exact entries by a join, urls (a platform's pages)
    in the executors' Python — the only rows that need it, a small share of the identifiers."""
    from pyspark.sql import functions as F

    found = {int(i) for i in _rows(shared.where(F.col("kind") == "url"))
             .mapPartitions(_allowlisted(matcher)).collect()}  # fmt: skip
    if matcher.exact:
        exact = shared.sparkSession.createDataFrame(
            sorted(matcher.exact), "kind string, value string"
        )
        rows = shared.where(F.col("kind") != "url").join(F.broadcast(exact), ["kind", "value"])
        found.update(int(i) for (i,) in rows.select("identifier_id").collect())
    return found


def _may_spell(hotlines: dict[str, int]) -> Any:
    """Rows ``hotline_variants`` may keep: a number kind whose digits end with a hotline's
    national number and are longer than it (the same test, so only those go to Python)."""
    from pyspark.sql import functions as F

    digits = F.regexp_replace(F.col("value"), "[^0-9]", "")
    lengths = sorted({len(n) for n in hotlines})
    ends = [(F.length(digits) > n) & F.substring(digits, -n, n).isin(
                sorted(h for h in hotlines if len(h) == n)) for n in lengths]  # fmt: skip
    # Python's isdigit also takes non-ASCII digits: such values always go to Python
    ends.append(F.col("value").rlike("[^\\x00-\\x7F]"))
    return F.col("kind").isin(sorted(NUMBER_KINDS)) & functools.reduce(lambda a, b: a | b, ends)


def _degrees(shared: DataFrame, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    from pyspark.sql import functions as F

    wanted = shared.sparkSession.createDataFrame([(i,) for i in ids], "identifier_id long")
    rows = shared.join(F.broadcast(wanted), "identifier_id").select("identifier_id", "degree")
    return {int(i): int(d) for i, d in rows.collect()}


def _allowlisted(matcher: AllowlistMatcher) -> Any:
    def matching(rows: Iterator[Row]) -> Iterator[int]:
        return (i for i, kind, value in rows if matcher(kind, value))

    return matching


def _variants(hotlines: dict[str, int]) -> Any:
    def found(rows: Iterator[Row]) -> Iterator[tuple[int, int]]:
        return iter(hotline_variants(list(rows), hotlines).items())

    return found
