"""The export as FollowTheMoney entities (JSON Lines), written as plain dictionaries.

FtM is the investigators' data model (OpenSanctions, Aleph): people,
organisations, accounts and wallets as entities, with relations as entities
too. Reports become ``Event`` entities naming the phones, e-mails and IBANs
they mention and the suspects involved; bank accounts and wallets are linked
to the report that named them by ``UnknownLink`` (we know they were named
together, not who holds them); cases are ``Project`` with a
``ProjectParticipant`` per subject. FtM has no kind for web addresses or
payment cards, so those are left to the STIX and MISP exports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from fraudlink.share.export.data import ExportData, ExportEntity, ExportIdentifier, ExportReport

# Interval schemata have no ``notes``; they carry the marking in ``description``.
NO_NOTES = frozenset({"Passport", "Identification", "UnknownLink", "ProjectParticipant"})
MENTIONED = {"phone": "phoneMentioned", "email": "emailMentioned", "iban": "ibanMentioned"}

Entity = dict[str, Any]


def entity_id(*parts: str) -> str:
    """Stable ids so that exporting again updates the same entities."""
    return "fl-" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:24]


def make(schema: str, key: str, tlp: str, **properties: list[str]) -> Entity:
    present = {name: values for name, values in properties.items() if values}
    present["description" if schema in NO_NOTES else "notes"] = [f"TLP:{tlp}"]
    return {"id": entity_id(schema, key), "schema": schema, "properties": present}


def person(entity: ExportEntity) -> Iterator[Entity]:
    is_person = entity.schema == "Person"
    props: dict[str, list[str]] = {"name": [entity.name], "alias": entity.aliases}
    if is_person:
        props["birthDate"] = [entity.birth_date.isoformat()] if entity.birth_date else []
        props["nationality"] = [entity.nationality.lower()] if entity.nationality else []
    props["topics"] = ["crime.fin"] if entity.roles - {"other"} else []
    record = make(entity.schema, f"entity:{entity.id}", entity.tlp, **props)
    yield record
    for kind, number, country in entity.documents if is_person else []:
        schema = "Passport" if kind == "passport" else "Identification"
        yield make(
            schema,
            f"{kind}:{number}:{country}",
            entity.tlp,
            holder=[record["id"]],
            number=[number],
            type=[kind],
            country=[country.lower()] if country else [],
        )


def account(item: ExportIdentifier) -> Entity | None:
    key = f"{item.kind}:{item.value}"
    if item.kind == "iban":
        return make(
            "BankAccount", key, item.tlp, iban=[item.value], country=[item.value[:2].lower()]
        )
    if item.kind == "bank_account":
        return make("BankAccount", key, item.tlp, accountNumber=[item.value])
    if item.kind == "crypto_wallet":
        chain = str(item.attributes.get("chain", ""))
        return make(
            "CryptoWallet",
            key,
            item.tlp,
            publicKey=[item.value],
            blockchain=[chain] if chain else [],
            currencySymbol=[chain.upper()] if chain else [],
        )
    return None


def event(report: ExportReport, data: ExportData, ids: dict[str, str]) -> Entity:
    mentioned: dict[str, list[str]] = {name: [] for name in MENTIONED.values()}
    for identifier_id in report.identifier_ids:
        item = data.identifiers[identifier_id]
        if item.kind in MENTIONED:
            mentioned[MENTIONED[item.kind]].append(item.value)
    losses = [f"{m.kind} {m.amount} {m.currency}" for m in report.money]
    return make(
        "Event",
        f"report:{report.key}",
        report.tlp,
        name=[f"{report.scam_type or 'fraud'} report {report.key}"],
        date=[report.reported_at.date().isoformat()],
        summary=["; ".join([report.scam_type or "fraud", *losses])],
        country=[report.country.lower()] if report.country else [],
        involved=[ids[f"entity:{e}"] for e in report.entity_ids if f"entity:{e}" in ids],
        recordId=[report.key],
        **mentioned,
    )


def links(report: ExportReport, event_id: str, ids: dict[str, str]) -> Iterator[Entity]:
    for identifier_id in report.identifier_ids:
        target = ids.get(f"identifier:{identifier_id}")
        if target is not None:
            yield make(
                "UnknownLink",
                f"{event_id}>{target}",
                report.tlp,
                subject=[event_id],
                object=[target],
                role=["named in the report"],
            )


def ftm_entities(data: ExportData) -> Iterator[Entity]:
    """Every entity of the export, referenced entities before those that point at them."""
    ids: dict[str, str] = {}
    for entity in data.entities.values():
        for record in person(entity):
            ids.setdefault(f"entity:{entity.id}", record["id"])
            yield record
    for item in data.identifiers.values():
        found = account(item)
        if found is not None:
            ids[f"identifier:{item.id}"] = found["id"]
            yield found
    for report in data.reports:
        record = event(report, data, ids)
        ids[f"report:{report.id}"] = record["id"]
        yield record
        yield from links(report, record["id"], ids)
    for case in data.cases:
        project = make(
            "Project",
            f"case:{case.reference}",
            case.tlp,
            name=[case.title],
            projectId=[case.reference],
            status=[case.status],
        )
        yield project
        for entity_id_, role in case.subjects:
            if f"entity:{entity_id_}" in ids:
                yield make(
                    "ProjectParticipant",
                    f"{case.reference}:{entity_id_}:{role}",
                    case.tlp,
                    project=[project["id"]],
                    participant=[ids[f"entity:{entity_id_}"]],
                    role=[role],
                )
