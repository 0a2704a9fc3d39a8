"""A read-only TAXII 2.1 server: one API root per partner, the collections released to it.

``/taxii2/`` is discovery; ``/taxii2/{partner}/`` the partner's API root, with
the collections ``indicators`` (STIX indicators for phones, bank accounts,
wallets, URLs, domains...) and ``networks`` (a ``grouping`` per fraud
network). Pages follow TAXII: ``limit``, ``next``, ``more``, ``added_after``
and the ``X-TAXII-Date-Added-First/Last`` headers; errors are TAXII error
objects. Handlers only call ``fraudlink.share.feeds``; what a partner may
read is decided there.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from fraudlink.api import problems
from fraudlink.api.deps import SessionDep
from fraudlink.api.feed_auth import PartnerDep, ReaderDep, closed
from fraudlink.errors import FraudlinkError, NotFound
from fraudlink.share import feeds
from fraudlink.share.feeds.read import Filter, Page, check_collection, cursor

TAXII = "application/taxii+json;version=2.1"
STIX = "application/stix+json;version=2.1"
COLLECTION_NAMESPACE = uuid.UUID("b2c3f0a4-5a0e-4d1f-8f56-0d3e2c9a7b61")
DESCRIPTIONS = {
    "indicators": "STIX indicators for the phones, accounts, wallets and URLs released to you.",
    "networks": "One STIX grouping per fraud network, referring to its indicators.",
}


def accepts_taxii(request: Request) -> None:
    """TAXII answers only in its media type; a client that accepts none of it gets a 406."""
    accept = request.headers.get("accept", "*/*").replace(" ", "").lower()
    if not any(kind in accept for kind in ("application/taxii+json", "*/*", "application/*")):
        raise NotAcceptable(f"This server answers {TAXII}; send it in the Accept header.")


router = APIRouter(
    prefix="/taxii2", tags=["taxii"], include_in_schema=False, dependencies=[Depends(accepts_taxii)]
)


class NotAcceptable(FraudlinkError):
    status = 406
    title = "Not acceptable"


class TaxiiResponse(JSONResponse):
    media_type = TAXII


def taxii_error(
    request: Request, status: int, title: str, detail: str, headers: dict[str, str] | None
) -> JSONResponse:
    """TAXII 2.1's error message, for every error under ``/taxii2/``."""
    if status == 401:
        headers = {"WWW-Authenticate": 'Basic realm="taxii2", Bearer'}
    body = {"title": title, "description": detail, "http_status": str(status)}
    return TaxiiResponse(body, status, headers=headers)


problems.RENDERERS[router.prefix + "/"] = taxii_error
problems.RENDERERS[router.prefix] = taxii_error


def collection_id(partner: str, name: str) -> str:
    return str(uuid.uuid5(COLLECTION_NAMESPACE, f"{partner}:{name}"))


def _collection(partner: str, name: str) -> dict[str, Any]:
    return {
        "id": collection_id(partner, name),
        "title": name,
        "description": DESCRIPTIONS[name],
        "can_read": True,
        "can_write": False,
        "media_types": [STIX],
    }


def _named(partner: str, collection: str) -> str:
    """A collection by its id (what TAXII clients send) or its title (handy with curl)."""
    for name in feeds.COLLECTIONS:
        if collection in (name, collection_id(partner, name)):
            return name
    return check_collection(collection)


def _root(request: Request, partner: str) -> str:
    return f"{str(request.base_url).rstrip('/')}{router.prefix}/{partner}/"


@router.get("/", name="taxii_discovery")
def discovery(request: Request, reader: ReaderDep, session: SessionDep) -> TaxiiResponse:
    """Discovery: the one API root this token may read (none for a disabled partner)."""
    if closed(session, reader):
        return TaxiiResponse({"title": "fraudlink TAXII 2.1", "api_roots": []})
    root = _root(request, reader.agency)
    return TaxiiResponse(
        {
            "title": "fraudlink TAXII 2.1",
            "description": "Fraud indicators and networks agencies released to their partners.",
            "default": root,
            "api_roots": [root],
        }
    )


@router.get("/{partner}/", name="taxii_api_root")
def api_root(partner: str, request: Request, reader: PartnerDep) -> TaxiiResponse:
    limit = request.app.state.max_body_bytes
    return TaxiiResponse(
        {
            "title": f"Feeds for {partner}",
            "description": "What agencies on this server released to you.",
            "versions": [TAXII],
            "max_content_length": limit,
        }
    )


@router.get("/{partner}/collections/", name="taxii_collections")
def collections(partner: str, reader: PartnerDep) -> TaxiiResponse:
    return TaxiiResponse({"collections": [_collection(partner, n) for n in feeds.COLLECTIONS]})


@router.get("/{partner}/collections/{collection}/", name="taxii_collection")
def collection(partner: str, collection: str, reader: PartnerDep) -> TaxiiResponse:
    return TaxiiResponse(_collection(partner, _named(partner, collection)))


MAX_PAGE = 1000
Limit = Annotated[
    int, Query(ge=1, le=2**31, description=f"objects per page; more than {MAX_PAGE} get {MAX_PAGE}")
]
Next = Annotated[str | None, Query(max_length=32, description="'next' of the previous page")]
AddedAfter = Annotated[dt.datetime | None, Query(description="only objects added after")]
MatchId = Annotated[str | None, Query(alias="match[id]", max_length=4000)]
MatchType = Annotated[str | None, Query(alias="match[type]", max_length=1000)]
MatchVersion = Annotated[str | None, Query(alias="match[version]", max_length=100)]


@dataclass(frozen=True)
class Paging:
    """TAXII's query parameters for a page: how many, after which, which objects."""

    limit: int
    after: str | None
    where: Filter


def paging(
    limit: Limit = 100,
    next: Next = None,
    added_after: AddedAfter = None,
    match_id: MatchId = None,
    match_type: MatchType = None,
    match_version: MatchVersion = None,
) -> Paging:
    if added_after is not None and added_after.tzinfo is None:
        added_after = added_after.replace(tzinfo=dt.UTC)
    where = Filter(
        added_after=added_after,
        ids=tuple(i for i in (match_id or "").split(",") if i),
        types=tuple(t for t in (match_type or "").split(",") if t),
        all_versions=(match_version or "").strip() == "all",
    )
    return Paging(min(limit, MAX_PAGE), next, where)


PagingDep = Annotated[Paging, Depends(paging)]


def _page(
    session: SessionDep,
    reader: PartnerDep,
    collection: str,
    asked: Paging,
    object_id: str | None = None,
    all_versions: bool = False,
) -> Page:
    """A page of the collection; for one object, NotFound when the collection lacks it."""
    where = asked.where
    if object_id is not None:
        where = replace(where, ids=(object_id,), all_versions=all_versions or where.all_versions)
    name = _named(reader.agency, collection)
    page = feeds.objects(session, reader.agency_id, name, where, cursor(asked.after), asked.limit)
    if object_id is not None and not page.rows and asked.after is None:
        raise NotFound(f"No object {object_id} in this collection.")
    return page


def _envelope(page: Page, key: str, items: list[Any]) -> TaxiiResponse:
    body: dict[str, Any] = {"more": page.more}
    if page.next is not None:
        body["next"] = page.next
    if items:
        body[key] = items
    headers = {}
    if page.rows:
        added = sorted(row.added for row in page.rows)
        headers = {"X-TAXII-Date-Added-First": added[0], "X-TAXII-Date-Added-Last": added[-1]}
    return TaxiiResponse(body, headers=headers)


@router.get("/{partner}/collections/{collection}/objects/", name="taxii_objects")
def objects(
    partner: str, collection: str, session: SessionDep, reader: PartnerDep, asked: PagingDep
) -> TaxiiResponse:
    """A page of the collection's STIX objects, oldest first, as a TAXII envelope."""
    page = _page(session, reader, collection, asked)
    return _envelope(page, "objects", [row.body for row in page.rows])


@router.get("/{partner}/collections/{collection}/manifest/", name="taxii_manifest")
def manifest(
    partner: str, collection: str, session: SessionDep, reader: PartnerDep, asked: PagingDep
) -> TaxiiResponse:
    """The same page as ``objects/``, each object told by id, version and date added."""
    page = _page(session, reader, collection, asked)
    items = [
        {"id": r.stix_id, "date_added": r.added, "version": r.version, "media_type": STIX}
        for r in page.rows
    ]
    return _envelope(page, "objects", items)


@router.get("/{partner}/collections/{collection}/objects/{object_id}/", name="taxii_object")
def one_object(
    partner: str,
    collection: str,
    object_id: str,
    session: SessionDep,
    reader: PartnerDep,
    asked: PagingDep,
) -> TaxiiResponse:
    """One object (its latest version, or every version with ``match[version]=all``)."""
    page = _page(session, reader, collection, asked, object_id)
    return _envelope(page, "objects", [row.body for row in page.rows])


@router.get(
    "/{partner}/collections/{collection}/objects/{object_id}/versions/", name="taxii_versions"
)
def versions(
    partner: str,
    collection: str,
    object_id: str,
    session: SessionDep,
    reader: PartnerDep,
    asked: PagingDep,
) -> TaxiiResponse:
    """The versions of one object still in the feed (a withdrawn one: its revoked version)."""
    page = _page(session, reader, collection, asked, object_id, all_versions=True)
    return _envelope(page, "versions", [row.version for row in page.rows])
