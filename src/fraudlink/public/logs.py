"""Request logs that never hold a checked value in clear.

A checked number is logged as a keyed hash: the operator can still see that one
client asked for the same value a thousand times, but a leaked log does not say
which numbers people were worried about (nor, by brute force of the phone
space, can it be reversed without the key).

The hash is keyed BLAKE2b (a MAC by design, one C call: cheaper than HMAC-SHA-256,
which this hot path paid for twice a check). A client's hash is kept for the
clients seen lately, as they ask again and again.
"""

from __future__ import annotations

import hashlib
import logging
import secrets

log = logging.getLogger("fraudlink.public")
_CLIENTS_KEPT = 4096


class ValueHasher:
    def __init__(self, key: str | None) -> None:
        secret = key.encode() if key else secrets.token_bytes(32)
        # BLAKE2b takes a key of 64 bytes at most: a longer one is hashed down first
        self._key = secret if len(secret) <= 64 else hashlib.blake2b(secret).digest()
        self._clients: dict[str, str] = {}

    def __call__(self, kind: str, value: str) -> str:
        data = f"{kind}\x00{value}".encode()
        return hashlib.blake2b(data, digest_size=8, key=self._key, person=b"value").hexdigest()

    def client(self, address: str) -> str:
        found = self._clients.get(address)
        if found is None:
            if len(self._clients) >= _CLIENTS_KEPT:
                self._clients.clear()
            found = hashlib.blake2b(
                address.encode(), digest_size=6, key=self._key, person=b"client"
            ).hexdigest()
            self._clients[address] = found
        return found


def quicker_records() -> None:
    """Records without the caller's file and line, thread and process names, which the
    public server's log format does not show: the logging HOWTO's "Optimization" knobs.
    Called by the server process only (the switches are process-wide)."""
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
