"""A MISP feed per partner: ``manifest.json``, one ``{uuid}.json`` per event, ``hashes.csv``.

The files MISP's "Fetch and store all feed data" pulls from a feed of format
"MISP Feed" (set its URL to ``…/misp-feed/{partner}`` and add the header
``Authorization: Bearer TOKEN``). Each event is one release the agency
approved for that partner; a withdrawn release leaves the manifest.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from fastapi.responses import PlainTextResponse

from fraudlink.api.deps import SessionDep
from fraudlink.api.feed_auth import PartnerDep
from fraudlink.share import feeds

router = APIRouter(prefix="/misp-feed", tags=["misp feed"], include_in_schema=False)
EventUuid = Annotated[
    str, Path(pattern="^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]


@router.get("/{partner}/manifest.json", name="misp_feed_manifest")
def manifest(partner: str, session: SessionDep, reader: PartnerDep) -> dict[str, Any]:
    """Each event's uuid with the fields a MISP pull compares to decide what to fetch."""
    return feeds.manifest(session, reader.agency_id)


@router.get("/{partner}/hashes.csv", name="misp_feed_hashes", response_class=PlainTextResponse)
def hashes(partner: str, session: SessionDep, reader: PartnerDep) -> str:
    """md5 of each attribute value and its event's uuid, for MISP's feed correlation."""
    return feeds.hashes(session, reader.agency_id)


@router.get("/{partner}/{event}.json", name="misp_feed_event")
def event(partner: str, event: EventUuid, session: SessionDep, reader: PartnerDep) -> Any:
    """One event, as MISP stores it: ``{"Event": {…}}``."""
    return feeds.event(session, reader.agency_id, event)
