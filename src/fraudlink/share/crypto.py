"""Per-package encryption: X25519 ECDH with an ephemeral key, HKDF-SHA256, AES-256-GCM chunks.

Each package gets a fresh key that only the recipient's X25519 private key can
re-derive. Members are encrypted in 1 MiB chunks so a 1 GiB evidence file never
sits in memory; each chunk's nonce and associated data bind it to its member,
its position and whether it is the last, so chunks cannot be cut, swapped or
reordered without the decryption failing.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fraudlink.share.errors import PackageRejected
from fraudlink.share.keys import RAW

CHUNK = 1 << 20
TAG = 16
ALGORITHM = "X25519-HKDF-SHA256-AES256GCM-chunked/1"


@dataclass(frozen=True)
class Digest:
    sha256: str
    size: int


def _derive(shared: bytes, ephemeral: bytes, recipient: bytes, package_id: str) -> bytes:
    info = b"fraudlink package key\0" + ephemeral + recipient
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=package_id.encode(), info=info)
    return hkdf.derive(shared)


def key_for(recipient: X25519PublicKey, package_id: str) -> tuple[bytes, bytes]:
    """A fresh package key and the ephemeral public key the recipient needs to re-derive it."""
    ephemeral = X25519PrivateKey.generate()
    public = ephemeral.public_key().public_bytes(*RAW)
    recipient_raw = recipient.public_bytes(*RAW)
    return _derive(ephemeral.exchange(recipient), public, recipient_raw, package_id), public


def key_from(private: X25519PrivateKey, ephemeral: bytes, package_id: str) -> bytes:
    try:
        peer = X25519PublicKey.from_public_bytes(ephemeral)
    except ValueError as exc:
        raise PackageRejected("The package's key exchange value is malformed.") from exc
    own = private.public_key().public_bytes(*RAW)
    return _derive(private.exchange(peer), ephemeral, own, package_id)


def _nonce_aad(index: int, chunk: int, last: bool) -> tuple[bytes, bytes]:
    nonce = struct.pack(">IQ", index, chunk)
    return nonce, b"fraudlink chunk\0" + nonce + (b"\1" if last else b"\0")


def encrypt_stream(key: bytes, index: int, source: IO[bytes], sink: IO[bytes]) -> Digest:
    """Encrypt ``source`` into ``sink`` and return the plaintext's SHA-256 and size."""
    aead, digest, size = AESGCM(key), hashlib.sha256(), 0
    chunk_no, current = 0, source.read(CHUNK)
    while True:
        following = source.read(CHUNK) if len(current) == CHUNK else b""
        last = not following
        digest.update(current)
        size += len(current)
        nonce, aad = _nonce_aad(index, chunk_no, last)
        sink.write(aead.encrypt(nonce, current, aad))
        if last:
            return Digest(digest.hexdigest(), size)
        chunk_no, current = chunk_no + 1, following


def encrypted_size(size: int) -> int:
    chunks = max(1, -(-size // CHUNK))
    return size + chunks * TAG


def decrypt_stream(
    key: bytes, index: int, size: int, source: IO[bytes], sink: IO[bytes], label: str
) -> Digest:
    """Decrypt exactly ``size`` plaintext bytes; any altered, missing or extra byte is fatal."""
    aead, digest = AESGCM(key), hashlib.sha256()
    chunks = max(1, -(-size // CHUNK))
    for chunk_no in range(chunks):
        plain_len = min(CHUNK, size - chunk_no * CHUNK)
        sealed = source.read(plain_len + TAG)
        nonce, aad = _nonce_aad(index, chunk_no, chunk_no == chunks - 1)
        try:
            plain = aead.decrypt(nonce, sealed, aad)
        except InvalidTag as exc:
            raise PackageRejected(f"Member {label} fails decryption: it was altered.") from exc
        digest.update(plain)
        sink.write(plain)
    if source.read(1):
        raise PackageRejected(f"Member {label} is longer than its manifest says.")
    return Digest(digest.hexdigest(), size)
