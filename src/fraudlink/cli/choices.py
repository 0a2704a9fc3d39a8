"""The closed sets of values options take, as enums so that ``--help`` lists them.

Spelled out here, not imported from the stages, so that ``fraudlink --help``
imports no stage; tests/cli/test_every_command.py checks each against the
stage that owns it.
"""

from __future__ import annotations

from enum import StrEnum


class IdentifierKind(StrEnum):
    bank_account = "bank_account"
    crypto_wallet = "crypto_wallet"
    domain = "domain"
    email = "email"
    iban = "iban"
    kakao = "kakao"
    line = "line"
    payment_card = "payment_card"
    phone = "phone"
    signal = "signal"
    telegram = "telegram"
    url = "url"
    wechat = "wechat"
    whatsapp = "whatsapp"


class Tlp(StrEnum):
    CLEAR = "CLEAR"
    GREEN = "GREEN"
    AMBER = "AMBER"
    AMBER_STRICT = "AMBER+STRICT"
    RED = "RED"


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    dot = "dot"


class TraceFormat(StrEnum):
    text = "text"
    dot = "dot"


class PackageKind(StrEnum):
    case_notification = "case_notification"
    evidence_transfer = "evidence_transfer"
    repatriation_request = "repatriation_request"


class Purpose(StrEnum):
    investigation = "investigation"
    prosecution = "prosecution"
    intelligence = "intelligence"
    victim_identification = "victim_identification"
    victim_support = "victim_support"
    repatriation = "repatriation"


class LegalBasis(StrEnum):
    extradition = "extradition"
    deportation = "deportation"
    voluntary_return = "voluntary_return"


class HandlingCode(StrEnum):
    crime_only = "crime_only"
    no_court = "no_court"
    no_onward = "no_onward"


class AuditAction(StrEnum):
    create = "create"
    read = "read"
    export = "export"
    import_ = "import"
    delete = "delete"
    approve = "approve"
