"""A package in the inbox is named as everywhere else: whole, or by a unique beginning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fraudlink.cases.service import agency_id
from fraudlink.errors import InputError, NotFound
from fraudlink.federation.config import FederationSettings
from fraudlink.federation.inbox import SYSTEM_USER, open_from_inbox
from fraudlink.federation.partners import Identity
from fraudlink.federation.tables import FedInbox
from fraudlink.store import Database

TWINS = ("5d0c2a44-1000-4000-8000-000000000001", "5d0c2a44-2000-4000-8000-000000000002")
ALONE = "9e71b0f3-0000-4000-8000-000000000003"


@pytest.fixture
def inbox(database: Database, tmp_path: Path) -> tuple[Database, int]:
    """Three packages TH-RTP received from KH-NPA, already opened (opening them again is
    refused with their whole id, which shows which one a beginning named)."""
    with database.session() as session:
        kh, th = agency_id(session, "KH-NPA"), agency_id(session, "TH-RTP")
        for package in (*TWINS, ALONE):
            session.add(FedInbox(
                package_id=package, sender_id=kh, recipient_id=th, kind="case_notification",
                tlp="AMBER", path=str(tmp_path / f"{package}.flpkg"), size=1, sha256="0" * 64,
                state="opened", received_at=dt.datetime.now(dt.UTC),
            ))  # fmt: skip
    return database, th


def _open(database: Database, package_id: str, units: list[int] | None = None) -> None:
    config = FederationSettings(passphrase="unused")  # type: ignore[arg-type]
    open_from_inbox(database, config, Identity(database, "unused"), package_id, SYSTEM_USER, units)


def test_a_unique_beginning_names_the_whole_package(inbox: tuple[Database, int]) -> None:
    database, th = inbox
    for named in (ALONE, ALONE[:6], ALONE[:13]):
        with pytest.raises(InputError, match=f"Package {ALONE} is 'opened'"):
            _open(database, named, [th])


def test_an_ambiguous_short_or_foreign_beginning_is_refused(inbox: tuple[Database, int]) -> None:
    database, th = inbox
    with pytest.raises(InputError, match=r"begins several package ids .*give more of it"):
        _open(database, TWINS[0][:8])
    with pytest.raises(InputError, match=f"Package {TWINS[1]} is 'opened'"):
        _open(database, TWINS[1][:10])  # long enough to tell the twins apart
    with pytest.raises(NotFound, match="partner inbox"):
        _open(database, ALONE[:5])  # shorter than a package id is ever shortened
    with pytest.raises(NotFound, match="partner inbox"):
        _open(database, ALONE[:8], [th + 1000])  # another agency's inbox holds nothing of it
