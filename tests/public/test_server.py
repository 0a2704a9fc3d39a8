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


#: more ways the public writes the sample identifiers: every kind, several forms each
WRITTEN_FORMS: list[tuple[str, str, str | None]] = [
    ("phone", "+855 12 345 678", None),
    ("phone", "00855-12-345-678", None),
    ("phone", "(012) 345-678", "kh"),
    ("phone", "+855 98 765 432", None),  # reported as a WhatsApp number
    ("whatsapp", "+855 98 765 432", None),
    ("whatsapp", "098 765 432", "KH"),
    ("whatsapp", "012 345 678", "KH"),  # reported as a phone number
    ("telegram", "@Scam_Boss_KH", None),
    ("telegram", "t.me/scam_boss_kh", None),
    ("line", "line.me/R/ti/p/@cs.task88", None),
    ("line", "@CS.TASK88", None),
    ("wechat", "jenny_2113", None),
    ("kakao", "wealth_coach168", None),
    ("email", " tradeteam6816@qq.com ", None),
    ("url", "https://jinfeng-hub.top/h5/index.html", None),
    ("url", "HTTPS://JINFENG-HUB.TOP/h5/index.html", None),
    ("url", "hxxps://www.gold-trade-vip[.]com/other/page", None),  # its domain is reported
    ("domain", "GOLD-TRADE-VIP.COM", None),
    ("domain", "www.gold-trade-vip.com", None),
    ("account", "ge26tb3757072206008539", None),
    ("account", "GE26-TB37-5707-2206-0085-39", None),
    ("account", "5438-0009-9211-9610-997", None),
    ("account", "ICBC 5438000992119610997", None),
    ("wallet", "0x52908400098527886e0f7030069857d2e4169ee7", None),
]


@pytest.mark.parametrize(("kind", "typed", "country"), WRITTEN_FORMS)
def test_every_kind_is_found_however_it_is_written(
    sample_index: Path, tmp_path: Path, kind: str, typed: str, country: str | None
) -> None:
    client = make_client(sample_index, tmp_path, rate_limit=1000)
    params = {"kind": kind, "value": typed} | ({"country": country} if country else {})
    answer = client.get("/v1/check", params=params).json()
    assert answer.get("reported") is True, (kind, typed, answer)


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
