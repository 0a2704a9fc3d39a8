"""The signing HTTP client a server uses to call its partners, and how it reads their answers."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fraudlink.errors import FraudlinkError
from fraudlink.federation.signing import sign_request, verify_document
from fraudlink.share.keys import LocalKeys

BASE = "/api/v1/federation"


class PartnerDown(FraudlinkError):
    """The partner did not answer, or answered that it cannot serve now: try again later."""

    status = 503
    title = "Partner unavailable"


class PartnerRefused(FraudlinkError):
    """The partner answered with a final refusal; its problem detail is the message."""

    status = 502
    title = "Partner refused"

    def __init__(self, message: str, answer: int) -> None:
        super().__init__(message)
        self.answer = answer


#: answers worth retrying: the partner may not trust our card yet, is busy, or is restarting
RETRY = {401, 404, 408, 409, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Peer:
    code: str
    url: str
    key: Ed25519PublicKey


class Client:
    """Signs each request as the hosted agency and verifies each answer as the partner's."""

    def __init__(self, keys: LocalKeys, timeout: float) -> None:
        self.keys = keys
        self.http = httpx.Client(timeout=timeout)

    def close(self) -> None:
        self.http.close()

    def call(
        self,
        peer: Peer,
        method: str,
        path: str,
        query: dict[str, Any] | None = None,
        body: bytes = b"",
        content_type: str = "application/octet-stream",
    ) -> dict[str, Any]:
        url = peer.url + BASE + path + ("?" + urlencode(query) if query else "")
        headers = sign_request(
            method, url, hashlib.sha256(body).digest(), self.keys.code, self.keys.signing,
            {"Content-Type": content_type},
        )  # fmt: skip
        try:
            answer = self.http.request(method, url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise PartnerDown(f"{peer.code} at {peer.url} did not answer ({type(exc).__name__}).")
        return self._read(peer, answer)

    def _read(self, peer: Peer, answer: httpx.Response) -> dict[str, Any]:
        try:
            data = answer.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            data = {}
        if answer.status_code >= 400:
            detail = str(data.get("detail") or answer.reason_phrase)[:500]
            message = f"{peer.code} answered {answer.status_code}: {detail}"
            if answer.status_code in RETRY:
                raise PartnerDown(message)
            raise PartnerRefused(message, answer.status_code)
        if not isinstance(data, dict):
            raise PartnerDown(f"{peer.code} answered something that is not a signed document.")
        return verify_document(data, peer.code, peer.key)
