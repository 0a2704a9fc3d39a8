"""Agency keys: an Ed25519 key that signs and an X25519 key that receives encrypted packages.

Private keys never touch the database in the clear: they are stored as PKCS#8
PEM encrypted with the best scheme ``cryptography`` offers, unlocked by the
passphrase the CLI reads from ``FRAUDLINK_PASSPHRASE`` or a prompt. Partners
exchange public *key cards*; the fingerprint printed on both sides is what two
officers compare over the phone before trusting a card.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.audit import current_user, record_event
from fraudlink.errors import InputError, NotFound
from fraudlink.share.errors import KeyProblem
from fraudlink.share.tables import AgencyKey
from fraudlink.store.schema import Agency

CARD_FORMAT = "fraudlink-key-card/1"
RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


@dataclass(frozen=True)
class LocalKeys:
    """The local agency's unlocked private keys, held only for one operation."""

    code: str
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey


@dataclass(frozen=True)
class PartnerKeys:
    code: str
    signing: Ed25519PublicKey
    encryption: X25519PublicKey
    fingerprint: str


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def fingerprint(signing_public: bytes, encryption_public: bytes) -> str:
    return hashlib.sha256(b"fraudlink-card\0" + signing_public + encryption_public).hexdigest()


def show_fingerprint(value: str) -> str:
    """Groups of four, the first 128 bits: short enough to read aloud, long enough to trust."""
    return " ".join(value[i : i + 4] for i in range(0, 32, 4))


def _encrypt_pem(key: Ed25519PrivateKey | X25519PrivateKey, passphrase: str) -> str:
    if len(passphrase) < 8:
        raise KeyProblem("Choose a passphrase of at least 8 characters for the agency keys.")
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode()),
    ).decode("ascii")


def _local_row(session: Session, code: str | None = None) -> tuple[Agency, AgencyKey]:
    """The hosted agency acting; with several on one server, ``code`` (FRAUDLINK_AGENCY) picks."""
    query = select(Agency, AgencyKey).join(AgencyKey).where(AgencyKey.local.is_(True))
    if code is not None:
        query = query.where(Agency.code == code)
    rows = session.execute(query.limit(2)).all()
    if not rows:
        raise KeyProblem(
            f"This database hosts no agency {code or ''}; run `fraudlink agency init` first."
        )
    if len(rows) > 1:
        raise KeyProblem("This server hosts several agencies; set FRAUDLINK_AGENCY to yours.")
    return rows[0][0], rows[0][1]


def local_code(session: Session, code: str | None = None) -> str:
    return _local_row(session, code)[0].code


def local_signing_key(session: Session, code: str | None = None) -> Ed25519PublicKey:
    """The local agency's public signing key: what its own signatures are checked with."""
    return Ed25519PublicKey.from_public_bytes(
        base64.b64decode(_local_row(session, code)[1].signing_public)
    )


def init_agency(session: Session, code: str, name: str, country: str, passphrase: str) -> AgencyKey:
    """Create a hosted agency and its two key pairs; a joint office hosts several."""
    agency = _agency(session, code, name, country)
    signing, encryption = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    sign_pub = signing.public_key().public_bytes(*RAW)
    enc_pub = encryption.public_key().public_bytes(*RAW)
    key = AgencyKey(
        agency_id=agency.id,
        local=True,
        signing_public=b64(sign_pub),
        encryption_public=b64(enc_pub),
        signing_private=_encrypt_pem(signing, passphrase),
        encryption_private=_encrypt_pem(encryption, passphrase),
        fingerprint=fingerprint(sign_pub, enc_pub),
        added_at=dt.datetime.now(dt.UTC),
    )
    session.add(key)
    session.flush()
    return key


def _agency(session: Session, code: str, name: str | None, country: str | None) -> Agency:
    agency = session.scalar(select(Agency).where(Agency.code == code))
    if agency is None:
        agency = Agency(code=code)
        session.add(agency)
    if session.scalar(select(AgencyKey.id).where(AgencyKey.agency_id == agency.id)) is not None:
        raise InputError(f"Agency '{code}' already has keys; keys are not replaced silently.")
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise InputError(f"Country '{country}' must be an ISO 3166-1 alpha-2 code such as KH.")
    agency.name = name or agency.name
    agency.country = country.upper() if country else agency.country
    session.flush()
    return agency


def unlock(session: Session, passphrase: str, code: str | None = None) -> LocalKeys:
    agency, key = _local_row(session, code)
    try:
        signing = serialization.load_pem_private_key(
            (key.signing_private or "").encode(), passphrase.encode()
        )
        encryption = serialization.load_pem_private_key(
            (key.encryption_private or "").encode(), passphrase.encode()
        )
    except (ValueError, TypeError) as exc:
        raise KeyProblem(
            "The passphrase does not unlock the agency keys; set FRAUDLINK_PASSPHRASE to it."
        ) from exc
    assert isinstance(signing, Ed25519PrivateKey)
    assert isinstance(encryption, X25519PrivateKey)
    return LocalKeys(agency.code, signing, encryption)


def export_card(session: Session, code: str | None = None) -> dict[str, Any]:
    agency, key = _local_row(session, code)
    return {
        "format": CARD_FORMAT,
        "code": agency.code,
        "name": agency.name,
        "country": agency.country,
        "signing_key": key.signing_public,
        "encryption_key": key.encryption_public,
        "fingerprint": key.fingerprint,
    }


def _decode_key(card: dict[str, Any], field: str) -> bytes:
    try:
        raw = base64.b64decode(str(card[field]), validate=True)
    except (KeyError, ValueError) as exc:
        raise InputError(
            f"The key card has no readable '{field}'; ask the partner for a new one."
        ) from exc
    if len(raw) != 32:
        raise InputError(f"The key card's '{field}' is not a 32-byte key; ask for a new card.")
    return raw


def read_card(text: str) -> dict[str, Any]:
    try:
        card = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            "The key card is not JSON; export it again with `agency export-card`."
        ) from exc
    if not isinstance(card, dict) or card.get("format") != CARD_FORMAT or not card.get("code"):
        raise InputError(
            f"This is not a {CARD_FORMAT} key card; export it with `agency export-card`."
        )
    return card


def add_card(session: Session, card: dict[str, Any], user: str | None = None) -> AgencyKey:
    """Trust a partner's public keys; the caller shows the fingerprint to check out of band.

    Trusting a key decides whose packages this agency will believe: it is audited.
    """
    sign_pub, enc_pub = _decode_key(card, "signing_key"), _decode_key(card, "encryption_key")
    computed = fingerprint(sign_pub, enc_pub)
    if card.get("fingerprint") not in (None, computed):
        raise InputError("The key card's fingerprint does not match its keys; it was altered.")
    agency = _agency(session, str(card["code"]), card.get("name"), card.get("country"))
    key = AgencyKey(
        agency_id=agency.id,
        local=False,
        signing_public=b64(sign_pub),
        encryption_public=b64(enc_pub),
        fingerprint=computed,
        added_at=dt.datetime.now(dt.UTC),
    )
    session.add(key)
    session.flush()
    record_event(
        session,
        action="create",
        record_type="agency_key",
        record_id=agency.code,
        user=current_user(user),
        agency=agency.code,
        detail={"fingerprint": computed},
    )
    return key


def partner_keys(session: Session, code: str) -> PartnerKeys:
    row = session.execute(
        select(Agency.code, AgencyKey).join(AgencyKey).where(Agency.code == code)
    ).first()
    if row is None:
        raise NotFound(f"No key card of agency '{code}' is known; import it with `agency add`.")
    key = row[1]
    return PartnerKeys(
        code=code,
        signing=Ed25519PublicKey.from_public_bytes(base64.b64decode(key.signing_public)),
        encryption=X25519PublicKey.from_public_bytes(base64.b64decode(key.encryption_public)),
        fingerprint=key.fingerprint,
    )
