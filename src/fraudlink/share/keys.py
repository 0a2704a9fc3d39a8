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
from fraudlink.share.errors import KeyProblem, PackageRejected
from fraudlink.share.tables import AgencyKey
from fraudlink.store.schema import Agency

CARD_FORMAT = "fraudlink-key-card/1"
RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


@dataclass(frozen=True)
class LocalKeys:
    """The local agency's unlocked private keys, held only for one operation.

    ``earlier`` are the encryption keys of rotated-out key pairs, newest first: a
    package a partner encrypted before it learnt of the rotation still opens.
    """

    code: str
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey
    earlier: tuple[X25519PrivateKey, ...] = ()

    @property
    def decryption(self) -> tuple[X25519PrivateKey, ...]:
        return (self.encryption, *self.earlier)


@dataclass(frozen=True)
class SigningKey:
    """One public signing key of an agency as a verifier needs it: revoked since when."""

    public: Ed25519PublicKey
    fingerprint: str
    revoked_at: dt.datetime | None

    def check_signed_at(self, signed_at: dt.datetime, code: str) -> None:
        """A revoked key proves nothing about what it signed at or after its revocation."""
        if self.revoked_at is None:
            return
        when = signed_at if signed_at.tzinfo else signed_at.replace(tzinfo=dt.UTC)
        revoked = self.revoked_at
        revoked = revoked if revoked.tzinfo else revoked.replace(tzinfo=dt.UTC)
        if when >= revoked:
            raise PackageRejected(
                f"The package was signed with a key of '{code}' revoked on "
                f"{revoked:%Y-%m-%d %H:%M}Z; ask the sender to sign it again with their new key."
            )


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


def local_row(session: Session, code: str | None = None) -> tuple[Agency, AgencyKey]:
    """The hosted agency acting; with several on one server, ``code`` (FRAUDLINK_AGENCY) picks."""
    query = (
        select(Agency, AgencyKey)
        .join(AgencyKey)
        .where(AgencyKey.local.is_(True), AgencyKey.retired_at.is_(None))
        .where(AgencyKey.revoked_at.is_(None))
    )
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
    return local_row(session, code)[0].code


def local_signing_key(session: Session, code: str | None = None) -> Ed25519PublicKey:
    """The local agency's public signing key: what its own signatures are checked with."""
    return Ed25519PublicKey.from_public_bytes(
        base64.b64decode(local_row(session, code)[1].signing_public)
    )


def local_signing_key_for(
    session: Session, code: str | None, signing_public: str
) -> Ed25519PublicKey:
    """The local key an anchor or record names, if this agency ever had it and it is not
    revoked; else the current key (and the signature check then fails as it should)."""
    agency, current = local_row(session, code)
    for row in key_rows(session, agency.id, local=True):
        if row.signing_public == signing_public and row.revoked_at is None:
            return Ed25519PublicKey.from_public_bytes(base64.b64decode(row.signing_public))
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(current.signing_public))


def key_rows(session: Session, agency_id: int, local: bool) -> list[AgencyKey]:
    """An agency's keys, the current one first, then the earlier ones newest first."""
    query = (
        select(AgencyKey)
        .where(AgencyKey.agency_id == agency_id, AgencyKey.local.is_(local))
        .order_by(AgencyKey.id.desc())
    )
    return list(session.scalars(query))


def init_agency(session: Session, code: str, name: str, country: str, passphrase: str) -> AgencyKey:
    """Create a hosted agency and its two key pairs; a joint office hosts several."""
    agency = _agency(session, code, name, country)
    if session.scalar(select(AgencyKey.id).where(AgencyKey.agency_id == agency.id)) is not None:
        raise InputError(
            f"Agency '{code}' already has keys; `fraudlink agency rotate` replaces them."
        )
    return new_local_key(session, agency, passphrase)


def new_local_key(session: Session, agency: Agency, passphrase: str) -> AgencyKey:
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
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise InputError(f"Country '{country}' must be an ISO 3166-1 alpha-2 code such as KH.")
    agency.name = name or agency.name
    agency.country = country.upper() if country else agency.country
    session.flush()
    return agency


def _private(pem: str | None, passphrase: str) -> Any:
    try:
        return serialization.load_pem_private_key((pem or "").encode(), passphrase.encode())
    except (ValueError, TypeError) as exc:
        raise KeyProblem(
            "The passphrase does not unlock the agency keys; set FRAUDLINK_PASSPHRASE to it."
        ) from exc


def _earlier_encryption(
    session: Session, agency: Agency, current: AgencyKey, passphrase: str
) -> tuple[X25519PrivateKey, ...]:
    """Rotated-out encryption keys this passphrase still unlocks (older ones may use another)."""
    found: list[X25519PrivateKey] = []
    for row in key_rows(session, agency.id, local=True):
        if row.id == current.id:
            continue
        try:
            key = _private(row.encryption_private, passphrase)
        except KeyProblem:
            continue
        if isinstance(key, X25519PrivateKey):
            found.append(key)
    return tuple(found)


def unlock(session: Session, passphrase: str, code: str | None = None) -> LocalKeys:
    agency, key = local_row(session, code)
    signing = _private(key.signing_private, passphrase)
    encryption = _private(key.encryption_private, passphrase)
    assert isinstance(signing, Ed25519PrivateKey)
    assert isinstance(encryption, X25519PrivateKey)
    earlier = _earlier_encryption(session, agency, key, passphrase)
    return LocalKeys(agency.code, signing, encryption, earlier)


def export_card(session: Session, code: str | None = None) -> dict[str, Any]:
    agency, key = local_row(session, code)
    return {
        "format": CARD_FORMAT,
        "code": agency.code,
        "name": agency.name,
        "country": agency.country,
        "signing_key": key.signing_public,
        "encryption_key": key.encryption_public,
        "fingerprint": key.fingerprint,
        **({"endorsement": key.endorsement} if key.endorsement else {}),
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


def add_card(
    session: Session, card: dict[str, Any], user: str | None = None, replace: bool = False
) -> AgencyKey:
    """Trust a partner's public keys; the caller shows the fingerprint to check out of band.

    The same card twice is no change. A new card of an agency already trusted is a key
    rotation: taken when the card is endorsed by the key we trust (signed with it), or
    with ``replace`` once the new fingerprint was checked with the partner. The earlier
    key is retired, not forgotten, so packages it signed still verify. Audited.
    """
    from fraudlink.share.rotation import accept_rotation

    sign_pub, enc_pub = _decode_key(card, "signing_key"), _decode_key(card, "encryption_key")
    computed = fingerprint(sign_pub, enc_pub)
    if card.get("fingerprint") not in (None, computed):
        raise InputError("The key card's fingerprint does not match its keys; it was altered.")
    agency = _agency(session, str(card["code"]), card.get("name"), card.get("country"))
    rows = key_rows(session, agency.id, local=False)
    if session.scalar(
        select(AgencyKey.id).where(AgencyKey.agency_id == agency.id, AgencyKey.local)
    ):
        raise InputError(f"'{agency.code}' is this database's own agency, not a partner.")
    known = next((row for row in rows if row.fingerprint == computed), None)
    if known is not None:
        if known.revoked_at is not None:
            raise KeyProblem(f"This key of '{agency.code}' was revoked; ask them for a new card.")
        return known
    action = accept_rotation(session, agency, rows, card, computed, replace)
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
        detail={"fingerprint": computed, "event": action},
    )
    return key


def current_key(rows: list[AgencyKey]) -> AgencyKey | None:
    return next((r for r in rows if r.retired_at is None and r.revoked_at is None), None)


def signing_keys(session: Session, code: str) -> list[SigningKey]:
    """Every signing key a partner has had, current first: old packages stay verifiable."""
    agency_id = session.scalar(select(Agency.id).where(Agency.code == code))
    rows = key_rows(session, agency_id, local=False) if agency_id is not None else []
    return [
        SigningKey(
            Ed25519PublicKey.from_public_bytes(base64.b64decode(row.signing_public)),
            row.fingerprint,
            row.revoked_at,
        )
        for row in rows
    ]


def partner_keys(session: Session, code: str) -> PartnerKeys:
    """A partner's current keys: what a package for them is encrypted to."""
    agency_id = session.scalar(select(Agency.id).where(Agency.code == code))
    rows = key_rows(session, agency_id, local=False) if agency_id is not None else []
    key = current_key(rows)
    if key is None and rows:
        raise KeyProblem(
            f"Every key of agency '{code}' is revoked or retired; import their new card "
            "with `agency add` after checking the fingerprint."
        )
    if key is None:
        raise NotFound(f"No key card of agency '{code}' is known; import it with `agency add`.")
    return PartnerKeys(
        code=code,
        signing=Ed25519PublicKey.from_public_bytes(base64.b64decode(key.signing_public)),
        encryption=X25519PublicKey.from_public_bytes(base64.b64decode(key.encryption_public)),
        fingerprint=key.fingerprint,
    )
