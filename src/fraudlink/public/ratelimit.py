"""Requests per client per window: in this process by default, in Redis when shared.

A fixed window is enough here: it caps bulk enumeration of numbers, and a burst
at a window's edge doubles the rate at most.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from fraudlink.errors import ConfigError, FraudlinkError


class RateLimited(FraudlinkError):
    status = 429
    title = "Too many requests"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many checks from your connection; try again in {retry_after} s.")
        self.retry_after = retry_after


class Limiter(Protocol):
    def hit(self, client: str) -> None:
        """Count one request of ``client``; raise ``RateLimited`` past the limit."""


class MemoryLimiter:
    def __init__(self, limit: int, window: int) -> None:
        self.limit, self.window = limit, window
        self._counts: dict[str, int] = {}
        self._current = -1
        self._lock = threading.Lock()

    def hit(self, client: str) -> None:
        now = time.time()
        slot = int(now // self.window)
        with self._lock:
            if slot != self._current:
                self._counts.clear()
                self._current = slot
            count = self._counts[client] = self._counts.get(client, 0) + 1
        if count > self.limit:
            raise RateLimited(_retry_after(now, self.window))


class RedisLimiter:
    def __init__(self, url: str, limit: int, window: int) -> None:
        import redis

        self.limit, self.window = limit, window
        self._redis = redis.Redis.from_url(url, socket_timeout=2)
        try:
            self._redis.ping()
        except redis.RedisError as error:
            raise ConfigError(
                f"Cannot reach Redis at FRAUDLINK_REDIS_URL ({error}); start it or unset it."
            ) from None

    def hit(self, client: str) -> None:
        now = time.time()
        key = f"fraudlink:public:rl:{int(now // self.window)}:{client}"
        # one round trip, no MULTI/EXEC: INCR is atomic, and EXPIRE only has to happen once
        pipe = self._redis.pipeline(transaction=False)
        pipe.incr(key)
        pipe.expire(key, self.window + 1)
        count = int(pipe.execute()[0])
        if count > self.limit:
            raise RateLimited(_retry_after(now, self.window))


def _retry_after(now: float, window: int) -> int:
    return max(1, int(window - now % window + 0.999))


def make_limiter(redis_url: str | None, limit: int, window: int) -> Limiter:
    if redis_url:
        return RedisLimiter(redis_url, limit, window)
    return MemoryLimiter(limit, window)
