"""Federation: partners' servers deliver packages and receipts; liaisons read the inbox and outbox.

Routes under ``/federation/packages``, ``/receipts`` and ``/hello`` are called by
partner servers, not by people: they are authenticated by an RFC 9421 signature
with the partner's agency key (policy ``signed``), never by a user token.
Their answers are JSON documents signed with this agency's key.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from fraudlink.api.deps import CallerDep, DatabaseDep, SessionDep
from fraudlink.api.paging import CursorQuery, LimitQuery, after, next_cursor
from fraudlink.api.policy import policy_for
from fraudlink.api.problems import responses
from fraudlink.errors import ConfigError, DatabaseError, InputError

router = APIRouter(prefix="/federation", tags=["federation"])
UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
PackagePath = Annotated[str, Path(pattern=UUID, description="The package's UUID.")]
SIGNED = responses(400, 401, 404, 409, 413, 422, 429, 503)
SIGNATURE_HEADERS = {
    "parameters": [
        {
            "name": name,
            "in": "header",
            "required": False,
            "schema": {"type": "string"},
            "description": text,
        }
        for name, text in (
            (
                "Signature-Input",
                "RFC 9421: covered @method, @path, @query, content-digest; "
                "created, nonce, keyid (the sending agency's code)",
            ),
            ("Signature", "RFC 9421 Ed25519 signature by the sending agency's key"),
            ("Content-Digest", "RFC 9530 sha-256 of the body"),
        )
    ]
}


class SignedDocument(BaseModel):
    """A JSON document signed by the answering agency (``signer``), Ed25519 over canonical JSON."""

    model_config = ConfigDict(extra="allow")
    format: str = Field(examples=["fraudlink-signed/1"])
    signer: str = Field(examples=["TH-RTP"])
    signature: str


class InboxItem(BaseModel):
    package_id: str
    sender: str
    kind: str
    tlp: str
    relation: str | None
    follows: str | None
    size: int
    state: str = Field(examples=["waiting", "opened", "retracted", "applied", "rejected"])
    received_at: str
    opened_at: str | None
    opened_by: str | None
    error: str | None


class InboxPage(BaseModel):
    items: list[InboxItem]
    next_cursor: str | None = None


class OutboxItem(BaseModel):
    package_id: str
    kind: str = Field(examples=["package", "receipt"])
    partner: str
    state: str = Field(examples=["queued", "delivered", "failed"])
    package_state: str | None = Field(examples=["queued", "delivered", "opened", "failed"])
    size: int
    attempts: int
    last_error: str | None
    queued_at: str
    delivered_at: str | None


class OutboxPage(BaseModel):
    items: list[OutboxItem]
    next_cursor: str | None = None


class Opened(BaseModel):
    package_id: str
    kind: str
    sender: str
    tlp: str
    imported: dict[str, int]
    withdrawn: dict[str, int]


@dataclass
class Federation:
    """The server's federation settings and unlocked identity, made on first use."""

    config: Any
    identity: Any


_made = threading.Lock()


def federation(request: Request, store: DatabaseDep) -> Federation:
    from fraudlink.federation.config import FederationSettings
    from fraudlink.federation.partners import Identity

    with _made:
        found: Federation | None = getattr(request.app.state, "federation", None)
        if found is None:
            config = FederationSettings()
            identity = Identity(store, config.secret()) if config.passphrase else None
            found = request.app.state.federation = Federation(config, identity)
    return found


FederationDep = Annotated[Federation, Depends(federation)]


@dataclass(frozen=True)
class Partner:
    code: str
    body: bytes


def _keys(fed: Federation) -> Any:
    if fed.identity is None:
        raise DatabaseError("This server does not federate: its passphrase is not configured.")
    return fed.identity.keys()


@dataclass(frozen=True)
class KeysWhenAsked:
    """The keys, asked for only once the package is known to exist (404 before 503)."""

    fed: Federation

    def keys(self) -> Any:
        return _keys(self.fed)


async def partner(request: Request, store: DatabaseDep, fed: FederationDep) -> Partner:
    """The partner agency whose signature this request carries (or a logged 401)."""
    from fraudlink.federation.guard import authenticate

    policy = policy_for(str(getattr(request.scope.get("route"), "name", "")))
    if policy is None or not policy.signed:
        raise ConfigError("This route has no signed-request policy; it stays closed.")
    body = await request.body()
    verified = await run_in_threadpool(
        authenticate,
        store,
        request.method,
        str(request.url),
        request.url.path,
        list(request.headers.items()),
        body,
        fed.config.fed_window,
    )
    return Partner(verified.keyid, body)


PartnerDep = Annotated[Partner, Depends(partner)]


def _signed(fed: Federation, body: dict[str, Any]) -> dict[str, Any]:
    from fraudlink.federation.signing import sign_document

    keys = _keys(fed)
    return sign_document(body, keys.code, keys.signing)


@router.get(
    "/hello",
    name="federation_hello",
    response_model=SignedDocument,
    responses=SIGNED,
    openapi_extra=SIGNATURE_HEADERS,
)
def hello(
    who: PartnerDep,
    fed: FederationDep,
    challenge: Annotated[str, Query(max_length=128, description="Echoed, signed.")] = "",
) -> dict[str, Any]:
    """A partner's `partner test`: the signed answer proves who answers and that we trust it."""
    from fraudlink.federation.partners import now

    return _signed(fed, {"hello": who.code, "challenge": challenge, "at": now().isoformat()})


@router.get(
    "/packages/{package_id}",
    name="federation_package_state",
    response_model=SignedDocument,
    responses=SIGNED,
    openapi_extra=SIGNATURE_HEADERS,
)
def package_state(
    package_id: PackagePath, who: PartnerDep, fed: FederationDep, store: DatabaseDep
) -> dict[str, Any]:
    """How much of a package is here: the receipt when whole, else the offset to continue at."""
    from fraudlink.federation.inbox import state

    return _signed(fed, state(store, fed.config, who.code, package_id))


UPLOAD = SIGNATURE_HEADERS | {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.put(
    "/packages/{package_id}",
    name="federation_upload",
    response_model=SignedDocument,
    responses=SIGNED,
    openapi_extra=UPLOAD,
)
def upload(
    package_id: PackagePath,
    who: PartnerDep,
    fed: FederationDep,
    store: DatabaseDep,
    offset: Annotated[int, Query(ge=0, le=1 << 46)],
    total: Annotated[int, Query(ge=1, le=1 << 46)],
    sha256: Annotated[str, Query(pattern=r"^[0-9a-f]{64}$")],
) -> dict[str, Any]:
    """One chunk of a package file; the last one brings the package into the inbox."""
    from fraudlink.federation.inbox import Chunk, receive_chunk

    chunk = Chunk(who.code, package_id, offset, total, sha256, who.body)
    return _signed(fed, receive_chunk(store, fed.config, _keys(fed), chunk))


@router.post(
    "/receipts",
    name="federation_receipt",
    response_model=SignedDocument,
    responses=SIGNED,
    openapi_extra=SIGNATURE_HEADERS,
)
def receipt(who: PartnerDep, fed: FederationDep, store: DatabaseDep) -> dict[str, Any]:
    """A partner's receipt for one of our packages (opened, or refused on opening)."""
    from fraudlink.federation import receipts

    document = _json(who.body)
    keys = _keys(fed)
    with store.session() as session:
        body = receipts.check(session, document, who.code, keys.code, str(document.get("package")))
        kept = receipts.keep(session, document, body, who.code)
    return _signed(fed, {"stored": kept, "package": body["package"]})


def _json(body: bytes) -> dict[str, Any]:
    try:
        found = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError("Send the receipt as a JSON object.") from exc
    if not isinstance(found, dict):
        raise InputError("Send the receipt as a JSON object.")
    return found


@router.get("/inbox", name="list_federation_inbox", response_model=InboxPage,
            responses=responses(400, 401, 403, 429))  # fmt: skip
def inbox(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> InboxPage:
    """Packages partners delivered to your agency, oldest first, opened or waiting."""
    from fraudlink.federation.inbox import list_inbox

    rows = list_inbox(session, list(who.principal.units), after(cursor), limit + 1)
    page = rows[:limit]
    last = int(page[-1]["id"]) if len(rows) > limit else None
    return InboxPage(
        items=[InboxItem.model_validate(r) for r in page], next_cursor=next_cursor(last)
    )


@router.post(
    "/inbox/{package_id}/open",
    name="open_inbox_package",
    response_model=Opened,
    responses=responses(400, 401, 403, 404, 422, 429, 503),
)
def open_package(
    package_id: PackagePath, who: CallerDep, fed: FederationDep, store: DatabaseDep
) -> Opened:
    """Open a waiting package: every check of `package open`, then its records are yours to see."""
    from fraudlink.federation.inbox import open_from_inbox

    received = open_from_inbox(
        store,
        fed.config,
        KeysWhenAsked(fed),
        package_id,
        who.principal.username,
        list(who.principal.units),
    )
    return Opened(
        package_id=received.package_id,
        kind=received.kind,
        sender=received.sender,
        tlp=received.tlp,
        imported=received.counts,
        withdrawn=received.withdrawn,
    )


@router.get("/outbox", name="list_federation_outbox", response_model=OutboxPage,
            responses=responses(400, 401, 403, 429))  # fmt: skip
def outbox(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> OutboxPage:
    """What your agency sends partners' servers, and where each delivery stands."""
    from fraudlink.federation.outbox import list_outbox

    rows = list_outbox(session, list(who.principal.units), after(cursor), limit + 1)
    page = rows[:limit]
    last = int(str(page[-1]["id"])) if len(rows) > limit else None
    return OutboxPage(items=[OutboxItem.model_validate(r) for r in page],
                      next_cursor=next_cursor(last))  # fmt: skip
