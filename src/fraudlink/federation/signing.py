"""Server-to-server authentication: RFC 9421 HTTP Message Signatures with the agencies' Ed25519 keys.

Every request between partners is signed by the sending agency over its
method, path, query and ``Content-Digest`` (RFC 9530), with a ``created`` time
and a fresh ``nonce``; the receiver checks the signature with the key card it
trusts, the age of ``created``, that the nonce was never seen, and that the
digest is the body's. Answers and receipts are JSON documents signed with the
same keys (``sign_document``), so they can be kept and checked again later.

The signature itself is made and checked by the ``http-message-signatures``
library; this module only chooses what is covered and who is trusted.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import http_sf
from cryptography.exceptions import InvalidSignature as BadEd25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from http_message_signatures import (
    HTTPMessageSigner,
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    InvalidSignature,
    algorithms,
)
from http_message_signatures.exceptions import HTTPMessageSignaturesException

from fraudlink.errors import FraudlinkError

TAG = "fraudlink-federation/1"
COVERED = ("@method", "@path", "@query", "content-digest")
DOCUMENT_FORMAT = "fraudlink-signed/1"


class Refused(FraudlinkError):
    """A server-to-server request failed authentication; the reason is logged, not detailed."""

    status = 401
    title = "Signature refused"

    def __init__(self, message: str, reason: str, keyid: str | None = None) -> None:
        super().__init__(message)
        self.reason, self.keyid = reason, keyid


@dataclass
class Message:
    """The little of an HTTP request the library reads: method, absolute URL, header lines."""

    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)


class _Keys(HTTPSignatureKeyResolver):  # type: ignore[misc]
    """Resolves a ``keyid`` (an agency code) through ``lookup``; remembers an unknown one."""

    def __init__(
        self,
        lookup: Callable[[str], Ed25519PublicKey | None] | None = None,
        private: Ed25519PrivateKey | None = None,
    ) -> None:
        self.lookup, self.private, self.unknown = lookup, private, False

    def resolve_public_key(self, key_id: str) -> Ed25519PublicKey:
        found = self.lookup(key_id) if self.lookup else None
        if found is None:
            self.unknown = True
            raise InvalidSignature(f"unknown key {key_id!r}")
        return found

    def resolve_private_key(self, key_id: str) -> Ed25519PrivateKey:
        assert self.private is not None
        return self.private


class _Verifier(HTTPMessageVerifier):  # type: ignore[misc]
    #: partners' clocks drift; the window itself is ``max_age``
    max_clock_skew = dt.timedelta(seconds=30)


def content_digest(sha256: bytes) -> str:
    """The RFC 9530 field for a body whose SHA-256 is ``sha256``."""
    return str(http_sf.ser({"sha-256": (sha256, {})}))


def digest_of(body: bytes) -> str:
    return content_digest(hashlib.sha256(body).digest())


def sign_request(
    method: str,
    url: str,
    body_sha256: bytes,
    keyid: str,
    key: Ed25519PrivateKey,
    headers: dict[str, str] | None = None,
) -> dict[str, str]:
    """Headers to send: ``Content-Digest``, ``Signature-Input`` and ``Signature``."""
    message = Message(method, url, dict(headers or {}))
    message.headers["Content-Digest"] = content_digest(body_sha256)
    signer = HTTPMessageSigner(signature_algorithm=algorithms.ED25519, key_resolver=_Keys(None, key))
    signer.sign(
        message,
        key_id=keyid,
        nonce=secrets.token_urlsafe(18),
        tag=TAG,
        label="fraudlink",
        covered_component_ids=COVERED,
        use_existing_digest=True,
    )
    return message.headers


@dataclass(frozen=True)
class Verified:
    keyid: str
    nonce: str
    created: int
    digest: str


def verify_request(
    method: str,
    url: str,
    headers: Iterable[tuple[str, str]],
    lookup: Callable[[str], Ed25519PublicKey | None],
    window: int,
) -> Verified:
    """Check the signature over the headers; the body's digest is checked by the caller."""
    message = Message(method, url, {name.lower(): value for name, value in headers})
    keys = _Keys(lookup)
    verifier = _Verifier(signature_algorithm=algorithms.ED25519, key_resolver=keys)
    if "signature" not in message.headers or "signature-input" not in message.headers:
        raise Refused("Sign the request (RFC 9421) with your agency key.", "unsigned")
    try:
        [result] = verifier.verify(
            message,
            max_age=dt.timedelta(seconds=window),
            expect_tag=TAG,
            require_components=COVERED,
        )
    except (InvalidSignature, HTTPMessageSignaturesException, ValueError) as exc:
        keyid = _claimed_keyid(message.headers.get("signature-input", ""))
        if keys.unknown:
            raise Refused("The signing key is not a trusted partner's.", "unknown key", keyid)
        raise Refused(
            "The request's signature does not verify.", f"bad signature: {exc}"[:300], keyid
        ) from exc
    params = result.parameters
    if not params.get("nonce") or not params.get("created"):
        raise Refused("Sign with a created time and a nonce.", "no nonce", str(params["keyid"]))
    return Verified(
        str(params["keyid"]),
        str(params["nonce"]),
        int(params["created"]),
        result.covered_components['"content-digest"'],
    )


def _claimed_keyid(signature_input: str) -> str | None:
    """The keyid a refused request claims, for the log only (it proved nothing)."""
    try:
        parsed = http_sf.parse(signature_input.encode(), tltype="dictionary")
    except (ValueError, TypeError):
        return None
    for _label, (_members, params) in parsed.items():
        keyid = params.get("keyid")
        if isinstance(keyid, str):
            return keyid[:64]
    return None


def expected_sha256(digest_field: str) -> bytes:
    """The SHA-256 a signed ``Content-Digest`` promises; other algorithms are refused."""
    try:
        parsed = http_sf.parse(digest_field.encode(), tltype="dictionary")
        value = parsed["sha-256"][0]
    except (ValueError, TypeError, KeyError) as exc:
        raise Refused("Send Content-Digest with sha-256.", "digest malformed") from exc
    if not isinstance(value, bytes) or len(value) != 32:
        raise Refused("Send Content-Digest with sha-256.", "digest malformed")
    return value


def _canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign_document(document: dict[str, Any], keyid: str, key: Ed25519PrivateKey) -> dict[str, Any]:
    """The document with a detached Ed25519 signature over its canonical JSON."""
    body = {**document, "format": DOCUMENT_FORMAT, "signer": keyid}
    signature = base64.b64encode(key.sign(_canonical(body))).decode("ascii")
    return {**body, "signature": signature}


def verify_document(document: dict[str, Any], signer: str, key: Ed25519PublicKey) -> dict[str, Any]:
    """The document without its signature, once it verifies as ``signer``'s."""
    body = {k: v for k, v in document.items() if k != "signature"}
    if body.get("format") != DOCUMENT_FORMAT or body.get("signer") != signer:
        raise Refused(f"The answer is not a document signed by {signer}.", "wrong signer")
    try:
        key.verify(base64.b64decode(str(document.get("signature", "")), validate=True),
                   _canonical(body))  # fmt: skip
    except (BadEd25519, ValueError) as exc:
        raise Refused(f"The answer's signature is not {signer}'s.", "bad document") from exc
    return body
