"""The public server over a real index: answers, normalisation, errors, logs and languages."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from fraudlink.public.index import PublicIndex

from .conftest import KIND_SAMPLES, make_client

ANSWER_KEYS = {"reported", "reports", "victims", "first_seen", "last_seen", "scam_types",
               "victim_countries", "official"}  # fmt: skip


@pytest.mark.parametrize(("kind", "typed", "country", "stored"), KIND_SAMPLES)
def test_every_kind_is_found_as_the_public_types_it(
    sample_index: Path, tmp_path: Path, kind: str, typed: str, country: str | None,
    stored: tuple[str, str],
) -> None:  # fmt: skip
    client = make_client(sample_index, tmp_path)
    params = {"kind": kind, "value": typed} | ({"country": country} if country else {})
    answer = client.get("/v1/check", params=params).json()
    assert answer["reported"] is True, (kind, typed, answer)
    assert (answer["reports"], answer["victims"]) == (3, 2)
    assert set(answer) <= ANSWER_KEYS


def test_below_the_threshold_is_the_same_answer_as_never_reported(
    sample_index: Path, tmp_path: Path
) -> None:
    client = make_client(sample_index, tmp_path)
    twice = client.get("/v1/check", params={"kind": "phone", "value": "+85577111222"})
    never = client.get("/v1/check", params={"kind": "phone", "value": "+85577999888"})
    assert twice.json() == never.json() == {"reported": False}
    assert twice.headers["content-length"] == never.headers["content-length"]


def test_found_and_not_found_do_the_same_work(sample_index: Path, tmp_path: Path) -> None:
    from fraudlink.public.check import check

    probes: list[int] = []

    class Counting(PublicIndex):
        def lookup(self, keys: list[bytes]) -> list:  # type: ignore[type-arg]
            probes.append(len(keys))
            return super().lookup(keys)

    index = Counting(sample_index)
    for value in ("+85512345678", "+85577999888", "@scam_boss_kh", "@nobody_here"):
        kind = "phone" if value.startswith("+") else "telegram"
        check(index, kind, value)
    assert len(set(probes)) == 1


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"kind": "phone", "value": "+855*"}, 400),
        ({"kind": "telegram", "value": "scam%"}, 400),
        ({"kind": "passport", "value": "E1234567"}, 400),
        ({"kind": "phone", "value": "hello"}, 400),
        ({"kind": "phone", "value": "012345678", "country": "Cambodia"}, 400),
        ({"kind": "phone"}, 400),
        ({"kind": "phone", "value": "1" * 600}, 400),
    ],
)
def test_bad_checks_answer_problem_json(
    sample_index: Path, tmp_path: Path, params: dict[str, str], status: int
) -> None:
    response = make_client(sample_index, tmp_path).get("/v1/check", params=params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) == {"type", "title", "status", "detail"} and body["status"] == status


def test_unknown_paths_answer_problem_json_under_v1(sample_index: Path, tmp_path: Path) -> None:
    client = make_client(sample_index, tmp_path)
    assert client.get("/v1/nothing").headers["content-type"] == "application/problem+json"
    page = client.get("/nothing")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


def test_logs_hold_no_checked_value_in_clear(
    sample_index: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(sample_index, tmp_path, log_key="k")
    with caplog.at_level(logging.INFO, logger="fraudlink.public"):
        client.get("/v1/check", params={"kind": "telegram", "value": "@scam_boss_kh"})
        client.get("/", params={"kind": "phone", "value": "012 345 678", "country": "KH"})
    lines = [r.getMessage() for r in caplog.records if r.name == "fraudlink.public"]
    assert len(lines) == 2 and all("value=" in line for line in lines)
    text = "\n".join(lines)
    for clear in ("scam_boss_kh", "85512345678", "345"):
        assert clear not in text


def test_a_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    from fraudlink.public.index import IndexUnavailable

    with pytest.raises(IndexUnavailable, match="fraudlink public publish"):
        make_client(tmp_path / "none.sqlite", tmp_path)
