"""Who reads a partner's feeds: its own API token, however the partner's tool sends it.

A partner agency reads its feeds as a user of its agency holding the role
``liaison`` (``fraudlink user add th-feed --agency TH-RTP --role liaison``,
then ``fraudlink token create th-feed``). TAXII clients and MISP send
credentials in different ways, so the token is taken from any of
``Authorization: Bearer TOKEN``, ``Authorization: Token TOKEN``
(taxii2-client's ``TokenAuth``) or HTTP Basic with the token as the password
(taxii2-client's ``user=``/``password=``; the user name is not checked).
A feed of another partner is "not found", never "forbidden".
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from fraudlink.access import Principal
from fraudlink.api.deps import SessionDep, authorise
from fraudlink.errors import NotFound

SCHEMES = ("bearer", "token")


def token_of(header: str | None) -> str | None:
    """The API token in an Authorization header, or None when there is none to read."""
    scheme, _, value = (header or "").strip().partition(" ")
    value = value.strip()
    if scheme.lower() in SCHEMES:
        return value or None
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    return decoded.partition(":")[2] or None


def feed_reader(request: Request, opened: SessionDep) -> Principal:
    principal, _ = authorise(request, opened, token_of(request.headers.get("authorization")))
    return principal


ReaderDep = Annotated[Principal, Depends(feed_reader)]


def closed(session: Session, reader: Principal) -> bool:
    """A partner disabled on this server reads no feed; to it, its feed does not exist."""
    from fraudlink.federation.partners import disabled

    return disabled(session, reader.agency)


def partner_feed(partner: str, reader: ReaderDep, opened: SessionDep) -> Principal:
    """The reader, if ``partner`` is its own agency and not disabled; any other feed does
    not exist (404, whether or not it does, as for a disabled partner's own)."""
    if partner != reader.agency or closed(opened, reader):
        raise NotFound(f"No feed '{partner}' for you.")
    return reader


PartnerDep = Annotated[Principal, Depends(partner_feed)]
