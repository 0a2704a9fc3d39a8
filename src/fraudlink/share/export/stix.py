"""The export as a STIX 2.1 bundle, built with the ``stix2`` library.

Identifiers become SCOs (STIX's own where one exists, fraudlink's extension
SCOs otherwise), reports become ``report`` SDOs, suspects ``threat-actor``,
other persons and organisations ``identity``, cases ``grouping``. Every
object carries its TLP 2.0 marking. SDO ids are UUIDv5 of stable keys so that
exporting again updates objects instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import stix2  # type: ignore[import-untyped]

from fraudlink.share.export.data import (
    ExportCase,
    ExportData,
    ExportEntity,
    ExportIdentifier,
    ExportMoney,
    ExportReport,
)
from fraudlink.share.export.stix_types import (
    FRAUD_EXT,
    FRAUDLINK,
    TLP2_IDS,
    BankAccount,
    CryptocurrencyWallet,
    PaymentCard,
    PhoneNumber,
    extension_definitions,
    fraudlink_identity,
    tlp_marking,
)

NAMESPACE = uuid.UUID("0b5f43c3-7c1e-4a8e-9a43-3a4f2f5d8c11")
SUSPECT_ROLES = frozenset({"suspect", "recruiter", "boss", "money_mule"})
MESSENGERS = frozenset({"telegram", "whatsapp", "wechat", "line", "kakao"})


def stable_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _marks(tlp: str) -> dict[str, Any]:
    return {"object_marking_refs": [TLP2_IDS[tlp]]}


def identifier_sco(item: ExportIdentifier) -> Any:
    """The SCO for one identifier, or None for a kind STIX cannot carry."""
    marks = _marks(item.tlp)
    match item.kind:
        case "phone":
            return PhoneNumber(value=item.value, **marks)
        case "email":
            return stix2.EmailAddress(value=item.value, **marks)
        case "url":
            return stix2.URL(value=item.value, **marks)
        case "domain":
            return stix2.DomainName(value=item.value, **marks)
        case "iban":
            return BankAccount(iban=item.value, country=item.value[:2], **marks)
        case "bank_account":
            return BankAccount(account_number=item.value, **marks)
        case "crypto_wallet":
            return CryptocurrencyWallet(
                value=item.value, chain=item.attributes.get("chain"), **marks
            )
        case "payment_card":
            return PaymentCard(value=item.value, brand=item.attributes.get("brand"), **marks)
        case kind if kind in MESSENGERS:
            return stix2.UserAccount(account_type=kind, account_login=item.value, **marks)
    return None


def _losses(money: list[ExportMoney]) -> list[dict[str, str]]:
    return [
        {"kind": m.kind, "amount": str(m.amount), "currency": m.currency}
        | ({"occurred_on": m.occurred_on.isoformat()} if m.occurred_on else {})
        for m in money
    ]


def entity_sdo(entity: ExportEntity, now: dt.datetime) -> Any:
    common: dict[str, Any] = {
        "name": entity.name,
        "created": now,
        "modified": now,
        "created_by_ref": FRAUDLINK,
        **_marks(entity.tlp),
    }
    roles = sorted(entity.roles)
    if entity.roles & SUSPECT_ROLES:
        kind = "crime-syndicate" if entity.schema == "Organization" else "criminal"
        return stix2.ThreatActor(
            id=stable_id("threat-actor", f"entity:{entity.id}"),
            threat_actor_types=[kind],
            aliases=entity.aliases or None,
            labels=roles,
            **common,
        )
    return stix2.Identity(
        id=stable_id("identity", f"entity:{entity.id}"),
        identity_class="organization" if entity.schema == "Organization" else "individual",
        roles=roles or None,
        **common,
    )


def _fraud_extension(**values: Any) -> dict[str, Any]:
    present = {key: value for key, value in values.items() if value}
    return {FRAUD_EXT: {"extension_type": "property-extension", **present}}


class _Builder:
    """Collects objects for one bundle, remembering which SDO stands for which record."""

    def __init__(self, data: ExportData, now: dt.datetime) -> None:
        self.data, self.now = data, now
        self.objects: list[Any] = [fraudlink_identity(), *extension_definitions()]
        self.sco_ids: dict[int, str] = {}
        self.entity_ids: dict[int, str] = {}

    def add_identifiers(self) -> None:
        for item in self.data.identifiers.values():
            sco = identifier_sco(item)
            if sco is not None:
                self.objects.append(sco)
                self.sco_ids[item.id] = sco.id

    def add_entities(self) -> None:
        for entity in self.data.entities.values():
            sdo = entity_sdo(entity, self.now)
            self.objects.append(sdo)
            self.entity_ids[entity.id] = sdo.id

    def add_report(self, report: ExportReport) -> None:
        refs = [self.sco_ids[i] for i in report.identifier_ids if i in self.sco_ids]
        actors = [self.entity_ids[e] for e in report.entity_ids if e in self.entity_ids]
        self.objects.append(
            stix2.Report(
                id=stable_id("report", report.key),
                name=f"{report.scam_type or 'fraud'} report {report.key}",
                report_types=["threat-report"],
                published=report.reported_at,
                object_refs=[*refs, *actors] or [FRAUDLINK],
                created=self.now,
                modified=self.now,
                created_by_ref=FRAUDLINK,
                labels=[report.scam_type] if report.scam_type else None,
                extensions=_fraud_extension(
                    reference=report.key,
                    scam_type=report.scam_type,
                    victim_country=report.country,
                    losses=_losses(report.money),
                ),
                **_marks(report.tlp),
            )
        )
        self._co_mentions(report, refs, actors)

    def _co_mentions(self, report: ExportReport, refs: list[str], actors: list[str]) -> None:
        """A suspect and an identifier named in the same report: stated as just that."""
        tlp = report.tlp
        for actor in (a for a in actors if a.startswith("threat-actor--")):
            for ref in refs:
                self.objects.append(
                    stix2.Relationship(
                        id=stable_id("relationship", f"{actor}|{ref}"),
                        relationship_type="related-to",
                        source_ref=actor,
                        target_ref=ref,
                        description=f"named together in report {report.key}",
                        created=self.now,
                        modified=self.now,
                        created_by_ref=FRAUDLINK,
                        **_marks(tlp),
                    )
                )

    def add_case(self, case: ExportCase) -> None:
        reports = [stable_id("report", r.key) for r in self.data.reports if r.id in case.report_ids]
        subjects = [self.entity_ids[e] for e, _ in case.subjects if e in self.entity_ids]
        self.objects.append(
            stix2.Grouping(
                id=stable_id("grouping", f"case:{case.reference}"),
                name=f"case {case.reference}: {case.title}",
                context="suspicious-activity",
                object_refs=list(dict.fromkeys([*reports, *subjects])) or [FRAUDLINK],
                created=self.now,
                modified=self.now,
                created_by_ref=FRAUDLINK,
                extensions=_fraud_extension(
                    reference=case.reference, status=case.status, losses=_losses(case.money)
                ),
                **_marks(case.tlp),
            )
        )

    def markings(self) -> list[dict[str, Any]]:
        used = {ref for obj in self.objects for ref in obj.get("object_marking_refs", [])}
        return [tlp_marking(level) for level, mid in TLP2_IDS.items() if mid in used]


def stix_bundle(data: ExportData, now: dt.datetime | None = None) -> dict[str, Any]:
    """The whole export as one STIX 2.1 bundle (a JSON-ready dict)."""
    builder = _Builder(data, now or dt.datetime.now(dt.UTC))
    builder.add_identifiers()
    builder.add_entities()
    for report in data.reports:
        builder.add_report(report)
    for case in data.cases:
        builder.add_case(case)
    objects = [json.loads(obj.serialize()) for obj in builder.objects]
    return {
        "type": "bundle",
        "id": f"bundle--{uuid.uuid4()}",
        "objects": [*builder.markings(), *objects],
    }
