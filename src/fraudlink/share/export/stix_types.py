"""fraudlink's STIX 2.1 vocabulary: TLP 2.0 markings and the extension SCOs for fraud data.

Phone numbers, bank accounts, crypto wallets and (masked) payment cards have
no SCO in STIX 2.1, so each is a ``new-sco`` extension whose
``extension-definition`` travels in every bundle. Type and property names
follow those already in community use (``phone-number``, ``bank-account``,
``cryptocurrency-wallet``) so consumers that know them read ours; the
definitions, ids and schemas are ours. A ``property-extension`` adds the
fraud details STIX lacks (scam type, losses) to reports and groupings.
"""

from __future__ import annotations

import json
from typing import Any

from stix2 import (  # type: ignore[import-untyped]
    CustomExtension,
    CustomObservable,
    ExtensionDefinition,
    Identity,
)
from stix2.properties import (  # type: ignore[import-untyped]
    DictionaryProperty,
    ListProperty,
    ReferenceProperty,
    StringProperty,
)

DEFINED = "2026-01-01T00:00:00.000Z"
FRAUDLINK = "identity--52f91a9e-754b-4472-8648-1c544429c204"

PHONE_EXT = "extension-definition--91c8ff4f-098a-440a-90fd-9eda1233b627"
BANK_ACCOUNT_EXT = "extension-definition--f4bfad73-dad5-44c8-8285-dc4ca63c702c"
WALLET_EXT = "extension-definition--4807d17e-2b44-4e8e-b7d3-4e83da6c7710"
CARD_EXT = "extension-definition--d1969cd0-1305-41de-8cdc-2873db205a3f"
FRAUD_EXT = "extension-definition--9797d430-a061-4340-a035-89a379f9ab29"

TLP2_EXT = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP2_IDS = {
    "CLEAR": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "GREEN": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "AMBER": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "AMBER+STRICT": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "RED": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}


def tlp_marking(level: str) -> dict[str, Any]:
    """The official TLP 2.0 marking-definition object for ``level``, as published by OASIS."""
    return {
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": TLP2_IDS[level],
        "created": "2022-10-01T00:00:00.000Z",
        "name": f"TLP:{level}",
        "extensions": {
            TLP2_EXT: {"extension_type": "property-extension", "tlp_2_0": level.lower()}
        },
    }


@CustomObservable(
    "phone-number",
    [("value", StringProperty(required=True)), ("country", StringProperty())],
    id_contrib_props=["value"],
    extension_name=PHONE_EXT,
)
class _PhoneNumber:
    """A phone number in E.164 form."""


@CustomObservable(
    "bank-account",
    [
        ("iban", StringProperty()),
        ("account_number", StringProperty()),
        ("country", StringProperty()),
        ("holder_ref", ReferenceProperty(valid_types="identity", spec_version="2.1")),
    ],
    id_contrib_props=["iban", "account_number"],
    extension_name=BANK_ACCOUNT_EXT,
)
class _BankAccount:
    """A bank account by IBAN or by local account number (bank code + digits)."""


@CustomObservable(
    "cryptocurrency-wallet",
    [("value", StringProperty(required=True)), ("chain", StringProperty())],
    id_contrib_props=["value"],
    extension_name=WALLET_EXT,
)
class _CryptocurrencyWallet:
    """A wallet address, checksum-verified, with its chain (btc, eth, trx...)."""


@CustomObservable(
    "payment-card",
    [("value", StringProperty(required=True)), ("brand", StringProperty())],
    id_contrib_props=["value"],
    extension_name=CARD_EXT,
)
class _PaymentCard:
    """A payment card, masked: first six and last four digits only."""


@CustomExtension(
    type=FRAUD_EXT,
    properties=[
        ("reference", StringProperty()),
        ("scam_type", StringProperty()),
        ("victim_country", StringProperty()),
        ("status", StringProperty()),
        ("losses", ListProperty(DictionaryProperty(spec_version="2.1"))),
    ],
)
class FraudDetails:
    """Fraud details on a report or grouping: scam type, victim country, losses."""

    extension_type = "property-extension"


# The decorators make real stix2 classes; mypy cannot see their keyword arguments.
PhoneNumber: Any = _PhoneNumber
BankAccount: Any = _BankAccount
CryptocurrencyWallet: Any = _CryptocurrencyWallet
PaymentCard: Any = _PaymentCard

_SCHEMAS: dict[str, tuple[str, str, dict[str, Any]]] = {
    PHONE_EXT: (
        "phone-number",
        "A phone number (new SCO); value is E.164, country ISO 3166-1 alpha-2.",
        {"value": {"type": "string", "pattern": "^\\+[1-9][0-9]{1,14}$"}, "country": {}},
    ),
    BANK_ACCOUNT_EXT: (
        "bank-account",
        "A bank account (new SCO): an IBAN, or a local account number as bank code + digits.",
        {"iban": {"type": "string"}, "account_number": {"type": "string"}, "country": {}},
    ),
    WALLET_EXT: (
        "cryptocurrency-wallet",
        "A cryptocurrency wallet address (new SCO), checksum-verified; chain is btc, eth, trx...",
        {"value": {"type": "string"}, "chain": {"type": "string"}},
    ),
    CARD_EXT: (
        "payment-card",
        "A payment card (new SCO), masked: value keeps the first six and last four digits.",
        {"value": {"type": "string", "pattern": "^[0-9]{6}\\*+[0-9]{4}$"}, "brand": {}},
    ),
    FRAUD_EXT: (
        "fraud-details",
        "Fraud details added to report and grouping objects: scam type, losses, status.",
        {"scam_type": {}, "victim_country": {}, "losses": {"type": "array"}, "status": {}},
    ),
}


def _schema(name: str, properties: dict[str, Any]) -> str:
    return json.dumps(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": name,
            "type": "object",
            "properties": properties,
        },
        sort_keys=True,
    )


def fraudlink_identity() -> Identity:
    return Identity(
        id=FRAUDLINK,
        name="fraudlink",
        identity_class="system",
        created=DEFINED,
        modified=DEFINED,
    )


def extension_definitions() -> list[ExtensionDefinition]:
    """The definitions every fraudlink bundle carries, so the bundle explains itself."""
    return [
        ExtensionDefinition(
            id=ext_id,
            created_by_ref=FRAUDLINK,
            created=DEFINED,
            modified=DEFINED,
            name=f"fraudlink {name}",
            description=description,
            schema=_schema(name, properties),
            version="1.0.0",
            extension_types=["property-extension" if ext_id == FRAUD_EXT else "new-sco"],
        )
        for ext_id, (name, description, properties) in _SCHEMAS.items()
    ]
