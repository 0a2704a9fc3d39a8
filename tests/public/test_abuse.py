"""Rate limits answer 429, in this process and through a real Redis shared by processes."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from .conftest import make_client

REDIS_URL = os.environ.get("FRAUDLINK_TEST_REDIS", "redis://127.0.0.1:6379/15")


def _redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except redis.RedisError as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but Redis is not reachable: {error}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}")


def _hammer(client: object, times: int) -> list[int]:
    params = {"kind": "phone", "value": "+85512345678"}
    return [client.get("/v1/check", params=params).status_code for _ in range(times)]  # type: ignore[attr-defined]


def test_in_process_limit_answers_429_with_retry_after(sample_index: Path, tmp_path: Path) -> None:
    client = make_client(sample_index, tmp_path, rate_limit=5, rate_window=3600)
    codes = _hammer(client, 7)
    assert codes == [200] * 5 + [429] * 2
    limited = client.get("/v1/check", params={"kind": "phone", "value": "+85512345678"})
    assert limited.headers["content-type"] == "application/problem+json"
    assert int(limited.headers["retry-after"]) >= 1
    page = client.get("/", params={"kind": "phone", "value": "+85512345678"})
    assert page.status_code == 429 and "text/html" in page.headers["content-type"]


def test_redis_limit_is_shared_between_servers(sample_index: Path, tmp_path: Path) -> None:
    _redis_or_skip()
    import redis

    db = redis.Redis.from_url(REDIS_URL)
    keys_before = set(db.keys("fraudlink:public:rl:*"))
    # a fresh client address per run keeps parallel runs from sharing a counter
    client_ip = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"
    settings = {"redis_url": REDIS_URL, "rate_limit": 4, "rate_window": 3600,
                "trust_forwarded": True}  # fmt: skip
    first = make_client(sample_index, tmp_path, **settings)
    second = make_client(sample_index, tmp_path, **settings)
    for client in (first, second):
        client.headers["x-forwarded-for"] = client_ip
    assert _hammer(first, 3) == [200] * 3
    assert _hammer(second, 2) == [200, 429]
    created = set(db.keys("fraudlink:public:rl:*")) - keys_before
    assert any(client_ip.encode() in key for key in created)
    for key in created:
        assert db.ttl(key) > 0
        db.delete(key)


def test_redis_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from fraudlink.public.settings import PublicSettings

    monkeypatch.setenv("FRAUDLINK_REDIS_URL", "redis://example:6379/0")
    assert PublicSettings().redis_url == "redis://example:6379/0"


def test_an_unreachable_redis_is_a_clear_error(sample_index: Path, tmp_path: Path) -> None:
    from fraudlink.errors import ConfigError

    with pytest.raises(ConfigError, match="FRAUDLINK_REDIS_URL"):
        make_client(sample_index, tmp_path, redis_url="redis://127.0.0.1:1/0")
