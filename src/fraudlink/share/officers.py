"""Officers: the people who create and approve what leaves the agency.

Packages are made and approved by signed-in users (``Principal``): a liaison
officer or supervisor of the sending agency creates, a supervisor of that
agency who is not the creator approves (``may_send``, ``approver``). The
registry below still serves approved exports, which name their approver.

The two-person rule is only as good as the identities it compares. Names are
therefore registered once, in one spelling (NFKC, trimmed, case-folded, no
control characters), and the rule compares officer rows, not the text someone
typed: ``Alice`` and ``alice `` are one person. Until the server brings
sign-in, registering an officer needs the agency passphrase and is written to
the audit log, so nobody makes themselves a supervisor unnoticed.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.audit import record_event
from fraudlink.audit.anchor import anchor_if_due
from fraudlink.errors import InputError, NotFound
from fraudlink.share.keys import unlock
from fraudlink.share.tables import ROLES, Officer
from fraudlink.store import Database

if TYPE_CHECKING:
    from fraudlink.access.principal import Principal
    from fraudlink.share.tables import SharePackage

MAX_NAME = 128
#: Who may create, retract or correct a package, and open one that arrived.
SENDERS = ("liaison", "supervisor")


def may_send(principal: Principal) -> str:
    """The creator's username, once the principal holds a role that sends packages."""
    principal.require(*SENDERS)
    return principal.username


def approver(row: SharePackage, principal: Principal) -> str:
    """The two-person rule on signed-in identities: a supervisor of the sender, not the creator.

    Another agency's package is "not found", never "forbidden", like every record.
    """
    if row.sender_id not in principal.units:
        raise NotFound(f"No outbound package {row.package_id} is visible to you.")
    principal.require("supervisor")
    if principal.agency_id != row.sender_id:
        raise InputError(
            f"Only a supervisor of the sending agency approves package {row.package_id}."
        )
    if principal.username == row.created_by:
        raise InputError("The approver must be another person than its creator (two-person rule).")
    return principal.username


def username(name: str) -> str:
    """The one spelling of an officer's name that the database keeps and compares."""
    text = unicodedata.normalize("NFKC", name).strip().casefold()
    if not text or len(text) > MAX_NAME:
        raise InputError(f"An officer's name must have 1 to {MAX_NAME} characters.")
    if any(unicodedata.category(char).startswith("C") for char in text):
        raise InputError("An officer's name may not hold control or format characters.")
    return text


def find(session: Session, name: str) -> Officer | None:
    return session.scalar(select(Officer).where(Officer.username == username(name)))


def require(session: Session, name: str) -> Officer:
    officer = find(session, name)
    if officer is None:
        raise InputError(
            f"'{name}' is not a registered officer; `fraudlink agency officer NAME --role liaison` "
            "registers one (it needs the agency passphrase)."
        )
    return officer


def second_person(session: Session, creator: str, approver: str) -> Officer:
    """The approver as a registered supervisor who is not the same officer as the creator."""
    officer = require(session, approver)
    maker = find(session, creator)
    same = maker.id == officer.id if maker is not None else username(creator) == officer.username
    if same:
        raise InputError("The approver must be another person than its creator (two-person rule).")
    if officer.role != "supervisor":
        raise InputError(
            f"'{approver}' is not a supervisor; `fraudlink agency officer NAME --role supervisor` "
            "registers one."
        )
    return officer


def add_officer(database: Database, name: str, role: str, passphrase: str, by: str) -> Officer:
    """Register ``name`` (or change their role); needs the passphrase, leaves an audit entry."""
    if role not in ROLES:
        raise InputError(f"Role '{role}' is unknown; use {' or '.join(ROLES)}.")
    canonical = username(name)
    with database.session() as session:
        unlock(session, passphrase, database.settings.agency)
        officer = find(session, canonical)
        previous = officer.role if officer is not None else None
        if officer is None:
            officer = Officer(username=canonical, role=role)
            session.add(officer)
        officer.role = role
        session.flush()
        record_event(
            session,
            action="create",
            record_type="share_officer",
            record_id=canonical,
            user=by,
            detail={"role": role, "previous_role": previous},
        )
        session.expunge(officer)
    anchor_if_due(database, passphrase)
    return officer
