"""The strict schema of a received manifest, checked before any of its values is used.

A package signed by a trusted partner is still input from outside: a stolen
key or a careless sender can put anything into it. Every field is checked for
type, shape and length at once (Pydantic, strict, unknown fields refused), and
JSON nested deeper than ``MAX_DEPTH`` is refused while it is parsed, so a
hostile manifest ends in one ``PackageRejected`` and never in a traceback.
The package ``id`` must be a canonical UUID and every hash 64 hex digits:
nothing a sender writes can then spell a path.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import pydantic_core
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from fraudlink.share.content import KINDS
from fraudlink.share.crypto import ALGORITHM
from fraudlink.share.errors import PackageRejected
from fraudlink.share.markings import HANDLING_CODES, RELIABILITY
from fraudlink.store.schema import TLP_LEVELS

FORMAT = "fraudlink-package/1"
MAX_DEPTH = 64
UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
AGENCY = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"
MEMBER = r"^(content\.json|evidence/[0-9]{6})$"
SHA256 = r"^[0-9a-f]{64}$"


def one_of(*allowed: str) -> AfterValidator:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}")
        return value

    return AfterValidator(check)


Text = Annotated[str, Field(max_length=128)]
Tlp = Annotated[str, one_of(*TLP_LEVELS)]
Handling = Annotated[str, one_of(*HANDLING_CODES)]
Reliability = Annotated[str, one_of(*RELIABILITY)]
Kind = Annotated[str, one_of(*KINDS, "retraction")]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class MarkingsModel(_Strict):
    tlp: Tlp
    handling: list[Handling] = Field(max_length=len(HANDLING_CODES))
    reliability: Reliability
    accuracy: int = Field(ge=1, le=4)


class EncryptionModel(_Strict):
    algorithm: Annotated[str, one_of(ALGORITHM)]
    ephemeral_key: str = Field(min_length=44, max_length=44)


class MemberModel(_Strict):
    name: str = Field(pattern=MEMBER)
    sha256: str = Field(pattern=SHA256)
    size: int = Field(ge=0)


class Manifest(_Strict):
    """What the outside of a package says; ``receive`` uses nothing else from it."""

    format: Annotated[str, one_of(FORMAT)]
    id: str = Field(pattern=UUID)
    kind: Kind
    sender: str = Field(pattern=AGENCY)
    recipient: str = Field(pattern=AGENCY)
    recipients: list[Text] = Field(default_factory=list, max_length=64)
    created_at: dt.datetime = Field(strict=False)  # ISO 8601 text in JSON
    #: when the sender signed it (after approval); what a key's revocation is compared with
    signed_at: dt.datetime | None = Field(default=None, strict=False)
    created_by: Text
    approved_by: Text | None
    purpose: str = Field(max_length=64)
    markings: MarkingsModel
    relation: Literal["retracts", "corrects"] | None
    follows: str | None = Field(pattern=UUID)
    encryption: EncryptionModel
    members: list[MemberModel] = Field(min_length=1)


def parse_json(data: bytes, what: str) -> Any:
    """Parse JSON with a nesting limit; a hostile document is refused, never a traceback."""
    try:
        value = pydantic_core.from_json(data)
    except ValueError as exc:
        if "recursion limit" in str(exc):
            raise _too_deep(what) from exc
        raise PackageRejected(
            f"The package's {what} is not readable JSON; nothing was imported."
        ) from exc
    return _limit_depth(value, what)


def _too_deep(what: str) -> PackageRejected:
    return PackageRejected(
        f"The package's {what} is nested more than {MAX_DEPTH} levels deep; "
        "it was crafted to crash readers and was not imported."
    )


def _limit_depth(value: Any, what: str) -> Any:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(what)
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        )
        stack.extend((child, depth + 1) for child in children)
    return value


def check_manifest(data: bytes, max_members: int) -> Manifest:
    """Validate every field of the manifest at once and report the problems in one line."""
    raw = parse_json(data, "manifest")
    if not isinstance(raw, dict):
        raise PackageRejected("The package's manifest is not a JSON object.")
    try:
        manifest = Manifest.model_validate(raw)
    except ValidationError as exc:
        raise PackageRejected(f"The package's manifest is malformed: {problems(exc)}.") from exc
    if len(manifest.members) > max_members:
        raise PackageRejected(f"The package has more than {max_members} members.")
    return manifest


def problems(error: ValidationError) -> str:
    """At most five problems, each as ``field: reason``, so the message stays one line."""
    found = [
        f"{'.'.join(str(part) for part in item['loc']) or 'manifest'}: {item['msg']}"
        for item in error.errors(include_url=False, include_input=False)
    ]
    more = f" (and {len(found) - 5} more)" if len(found) > 5 else ""
    return "; ".join(found[:5]) + more
