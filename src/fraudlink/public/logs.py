"""Request logs that never hold a checked value in clear.

A checked number is logged as a keyed hash: the operator can still see that one
client asked for the same value a thousand times, but a leaked log does not say
which numbers people were worried about (nor, by brute force of the phone
space, can it be reversed without the key).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

log = logging.getLogger("fraudlink.public")


class ValueHasher:
    def __init__(self, key: str | None) -> None:
        self._key = key.encode() if key else secrets.token_bytes(32)

    def __call__(self, kind: str, value: str) -> str:
        digest = hmac.new(self._key, f"{kind}\x00{value}".encode(), hashlib.sha256)
        return digest.hexdigest()[:16]

    def client(self, address: str) -> str:
        return hmac.new(self._key, b"client\x00" + address.encode(), hashlib.sha256).hexdigest()[
            :12
        ]
