"""The package file: a plain zip whose every byte is covered by the sender's Ed25519 signature.

Layout: ``<member>.enc`` entries (encrypted, stored uncompressed), then
``manifest.json``, then a fixed-size signature block in the zip comment. The
signature covers the SHA-256 of everything before that block, so a flipped
byte anywhere (a member, a header, a timestamp, the directory) is caught
before anything is decrypted. Opening is defensive: an unknown sender, a bad
signature, a member name that could escape a folder, a symlink, an oversized
member or a suspicious compression ratio each stop the package at once.
"""

from __future__ import annotations

import base64
import hashlib
import json
import stat
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fraudlink.share.crypto import encrypted_size
from fraudlink.share.errors import PackageRejected
from fraudlink.share.manifest import Manifest, check_manifest

if TYPE_CHECKING:
    from fraudlink.share.keys import SigningKey

MANIFEST = "manifest.json"
SIG_LEN = 256
SIG_MAGIC = b"FLSIG1"
SIG_CONTEXT = b"fraudlink-package-v1\0"
READ = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What a package may contain before it is treated as hostile."""

    max_member: int = 8 << 30
    max_total: int = 64 << 30
    max_members: int = 200_000
    max_ratio: int = 100
    max_manifest: int = 64 << 20


def _block(sender: str, signature: bytes) -> bytes:
    text = SIG_MAGIC + b" " + sender.encode() + b" " + base64.b64encode(signature)
    if len(text) > SIG_LEN:
        raise PackageRejected("The sender code is too long for a package signature block.")
    return text.ljust(SIG_LEN, b" ")


def _prefix_digest(handle: BinaryIO, length: int) -> bytes:
    digest, left = hashlib.sha256(), length
    handle.seek(0)
    while left:
        data = handle.read(min(READ, left))
        if not data:
            raise PackageRejected("The package file is truncated.")
        digest.update(data)
        left -= len(data)
    return digest.digest()


def sign_in_place(path: Path, sender: str, key: Ed25519PrivateKey) -> None:
    """Sign a zip written with a blank ``SIG_LEN``-byte comment by overwriting that comment."""
    length = path.stat().st_size - SIG_LEN
    with path.open("r+b") as handle:
        signature = key.sign(SIG_CONTEXT + _prefix_digest(handle, length))
        handle.seek(length)
        handle.write(_block(sender, signature))


class Writer:
    """Streams encrypted members into a zip; ``close`` adds the manifest and the signature."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True)

    @contextmanager
    def member(self, name: str, size_hint: int) -> Iterator[IO[bytes]]:
        info = zipfile.ZipInfo(name + ".enc", date_time=(2000, 1, 1, 0, 0, 0))
        info.file_size = encrypted_size(size_hint)
        with self.zip.open(info, "w", force_zip64=info.file_size > 0x7FFFFFFF) as sink:
            yield sink

    def close(self, manifest: dict[str, Any], sender: str, key: Ed25519PrivateKey) -> None:
        data = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode()
        self.zip.writestr(zipfile.ZipInfo(MANIFEST, date_time=(2000, 1, 1, 0, 0, 0)), data)
        self.zip.comment = b" " * SIG_LEN
        self.zip.close()
        sign_in_place(self.path, sender, key)

    def abort(self) -> None:
        self.zip.close()
        self.path.unlink(missing_ok=True)


def read_signature_block(handle: BinaryIO, size: int) -> tuple[str, bytes]:
    if size < SIG_LEN + 22:
        raise PackageRejected("The file is too short to be a fraudlink package.")
    handle.seek(size - SIG_LEN)
    block = handle.read(SIG_LEN)
    parts = block.rstrip(b" ").split(b" ")
    try:
        sender, signature = parts[1].decode(), base64.b64decode(parts[2], validate=True)
        if len(parts) != 3 or parts[0] != SIG_MAGIC or _block(sender, signature) != block:
            raise ValueError
    except (IndexError, ValueError) as exc:
        raise PackageRejected(
            "The package's signature block is missing or altered; ask the sender to resend it."
        ) from exc
    return sender, signature


def verify_file(
    path: Path, keys_of: Callable[[str], Sequence[SigningKey]]
) -> tuple[str, SigningKey]:
    """Check the whole file against its sender's signature; return the sender and the key.

    A partner who rotated has several keys; the one that verifies is returned so the
    caller can refuse what a revoked key signed after its revocation.
    """
    size = path.stat().st_size
    with path.open("rb") as handle:
        sender, signature = read_signature_block(handle, size)
        candidates = keys_of(sender)
        if not candidates:
            raise PackageRejected(
                f"The package comes from unknown sender '{sender}'; import its key card "
                "with `fraudlink agency add` after checking the fingerprint."
            )
        digest = _prefix_digest(handle, size - SIG_LEN)
    for key in candidates:
        try:
            key.public.verify(signature, SIG_CONTEXT + digest)
        except InvalidSignature:
            continue
        return sender, key
    raise PackageRejected(
        f"The package's signature does not verify: it was altered after '{sender}' signed it."
    )


def _unsafe_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or any(part in ("", ".", "..") for part in parts)
        or "\0" in name
    )


def check_members(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse names that escape, links, oversized members and zip bombs before reading any."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise PackageRejected(f"The package has more than {limits.max_members} members.")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise PackageRejected("The package lists a member twice; it was crafted or corrupted.")
    total = 0
    for info in infos:
        _check_member(info, limits)
        total += info.file_size
    if total > limits.max_total:
        raise PackageRejected(f"The package unpacks to more than {limits.max_total} bytes.")


def _check_member(info: zipfile.ZipInfo, limits: Limits) -> None:
    name = info.filename
    if _unsafe_name(name):
        raise PackageRejected(f"The package member '{name}' has a path that could escape.")
    if stat.S_ISLNK(info.external_attr >> 16) or info.is_dir():
        raise PackageRejected(f"The package member '{name}' is a link or folder, not a file.")
    if info.file_size > limits.max_member:
        raise PackageRejected(f"The package member '{name}' is larger than {limits.max_member}.")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PackageRejected(f"The package member '{name}' uses an unsupported compression.")
    if info.file_size > limits.max_ratio * max(info.compress_size, 1):
        raise PackageRejected(
            f"The package member '{name}' expands more than {limits.max_ratio} times (zip bomb)."
        )


def read_manifest(archive: zipfile.ZipFile, limits: Limits) -> Manifest:
    """The manifest, validated against its strict schema, and the members it lists present."""
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError as exc:
        raise PackageRejected("The package has no manifest.json.") from exc
    if info.file_size > limits.max_manifest:
        raise PackageRejected("The package's manifest is too large.")
    try:
        data = archive.read(info)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageRejected("The package's manifest cannot be read.") from exc
    manifest = check_manifest(data, limits.max_members)
    expected = {MANIFEST} | {f"{m.name}.enc" for m in manifest.members}
    if expected != set(archive.namelist()):
        raise PackageRejected("The package's members do not match its manifest.")
    return manifest


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageRejected("The package is not a readable archive.") from exc
