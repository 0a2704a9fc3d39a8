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
    statistics = "statistics"


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
    refuse = "refuse"


class OfficerRole(StrEnum):
    liaison = "liaison"
    supervisor = "supervisor"


class Schema(StrEnum):
    Person = "Person"
    Organization = "Organization"
    Company = "Company"


class PersonRole(StrEnum):
    suspect = "suspect"
    recruiter = "recruiter"
    boss = "boss"
    money_mule = "money_mule"
    victim = "victim"
    witness = "witness"
    other = "other"


class ExportFormat(StrEnum):
    stix = "stix"
    misp = "misp"
    ftm = "ftm"


class ListFormat(StrEnum):
    ftm = "ftm"
    ofac_xml = "ofac-xml"
    ofac_csv = "ofac-csv"
    un_xml = "un-xml"
    csv = "csv"


class SubjectStep(StrEnum):
    """The steps of ``fraudlink.cases.lifecycle`` (suspects' and victims')."""

    wanted = "wanted"
    reported_missing = "reported_missing"
    located = "located"
    arrested = "arrested"
    detained = "detained"
    rescued = "rescued"
    charged = "charged"
    handed_over = "handed_over"
    deported = "deported"
    extradited = "extradited"
    voluntary_return = "voluntary_return"
    repatriated = "repatriated"
    convicted = "convicted"
    released = "released"


class Engine(StrEnum):
    duckdb = "duckdb"
    spark = "spark"


class Judgement(StrEnum):
    same = "same"
    not_same = "not-same"
    unsure = "unsure"


class LinkEngine(StrEnum):
    inprocess = "inprocess"
    spark = "spark"


class ActionKind(StrEnum):
    raid = "raid"
    arrest = "arrest"
    seizure = "seizure"
    rescue = "rescue"
    search = "search"
    other = "other"


class AssetKind(StrEnum):
    cash = "cash"
    crypto = "crypto"
    bank_account = "bank_account"
    device = "device"
    property = "property"
    vehicle = "vehicle"
    other = "other"


class AssetState(StrEnum):
    seized = "seized"
    frozen = "frozen"
    confiscated = "confiscated"
    returned = "returned"
    forfeited = "forfeited"
    released = "released"


class Dimension(StrEnum):
    month = "month"
    country = "country"
    scam_type = "scam_type"
    unit = "unit"
    province = "province"


class Language(StrEnum):
    en = "en"
    zh = "zh"
    km = "km"
    ko = "ko"
    vi = "vi"
