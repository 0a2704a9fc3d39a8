"""The export as one MISP event (MISP's JSON format), written as plain data.

MISP types are chosen so that a MISP instance correlates our values with
everyone else's: ``phone-number``, ``email-src``, ``url``, ``domain``,
``iban``, ``bank-account-nr``, ``btc``/``xmr`` and ``coin-address`` objects
for other chains; payment cards are ``anonymised`` (masked). People are
``person``/``organization`` objects, reports ``report`` objects that reference
what they mention. TLP 2.0 travels as ``tlp:*`` tags on the event and on each
attribute. Attribute uuids are UUIDv5 of the value, so exporting again updates.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from fraudlink.share.export.data import (
    ExportData,
    ExportEntity,
    ExportIdentifier,
    ExportReport,
    strictest,
)

NAMESPACE = uuid.UUID("6c0f1d7e-3f55-4b43-9d0e-5a2f0f3b9e21")
# (template uuid, version) of the MISP object templates we fill.
TEMPLATES = {
    "person": ("a15b0477-e9d1-4b9c-9546-abe78a4f4248", "21"),
    "organization": ("f750e12b-127a-432c-b022-b3f9153c4e2a", "9"),
    "coin-address": ("d0e6997e-78da-4815-a6a1-cfc1c1cb8a46", "7"),
    "telegram-account": ("06f02ecf-5afb-42c5-9cb0-b362e222f52c", "2"),
    "report": ("70a68471-df22-4e3f-aa1a-5a3be19f82df", "8"),
}
# kind -> (MISP type, category, to_ids, comment)
SIMPLE: dict[str, tuple[str, str, bool, str]] = {
    "phone": ("phone-number", "Financial fraud", False, ""),
    "email": ("email-src", "Payload delivery", True, ""),
    "url": ("url", "Network activity", True, ""),
    "domain": ("domain", "Network activity", True, ""),
    "iban": ("iban", "Financial fraud", True, ""),
    "bank_account": ("bank-account-nr", "Financial fraud", True, ""),
    "whatsapp": ("phone-number", "Financial fraud", False, "WhatsApp account"),
    "wechat": ("text", "Social network", False, "WeChat id"),
    "line": ("text", "Social network", False, "LINE id"),
    "kakao": ("text", "Social network", False, "KakaoTalk id"),
}
DISTRIBUTION = {"CLEAR": "3", "GREEN": "1"}  # anything stricter: this organisation only


def _uuid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def _tags(tlp: str) -> list[dict[str, str]]:
    return [{"name": f"tlp:{tlp.lower()}"}]


def _attribute(
    kind: str, category: str, value: str, tlp: str, *, to_ids: bool = False, comment: str = ""
) -> dict[str, Any]:
    return {
        "uuid": _uuid(f"attribute:{kind}:{value}"),
        "type": kind,
        "category": category,
        "value": value,
        "to_ids": to_ids,
        "comment": comment,
        "distribution": "5",
        "Tag": _tags(tlp),
    }


def _relation(relation: str, kind: str, value: str) -> dict[str, Any]:
    return {"object_relation": relation, "type": kind, "value": value}


def _object(name: str, key: str, tlp: str, attributes: list[dict[str, Any]]) -> dict[str, Any]:
    template, version = TEMPLATES[name]
    return {
        "uuid": _uuid(f"object:{name}:{key}"),
        "name": name,
        "meta-category": "misc" if name != "coin-address" else "financial",
        "template_uuid": template,
        "template_version": version,
        "distribution": "5",
        "comment": f"TLP:{tlp}",
        "Attribute": [a | {"Tag": _tags(tlp)} for a in attributes],
        "ObjectReference": [],
    }


def identifier_item(item: ExportIdentifier) -> tuple[str, dict[str, Any]]:
    """``("Attribute", …)`` or ``("Object", …)`` for one identifier."""
    chain = str(item.attributes.get("chain", "")).lower()
    if item.kind in SIMPLE:
        kind, category, to_ids, comment = SIMPLE[item.kind]
        return "Attribute", _attribute(
            kind, category, item.value, item.tlp, to_ids=to_ids, comment=comment
        )
    if item.kind == "crypto_wallet" and chain in ("btc", "xmr"):
        return "Attribute", _attribute(chain, "Financial fraud", item.value, item.tlp, to_ids=True)
    if item.kind == "crypto_wallet":
        relations = [
            _relation("address-crypto", "text", item.value),
            _relation("symbol", "text", chain.upper()),
        ]
        return "Object", _object("coin-address", item.value, item.tlp, relations)
    if item.kind == "telegram":
        relations = [_relation("username", "text", item.value)]
        return "Object", _object("telegram-account", item.value, item.tlp, relations)
    brand = item.attributes.get("brand", "unknown")
    comment = (
        f"{item.kind.replace('_', ' ')} ({brand}), masked"
        if item.kind == "payment_card"
        else item.kind
    )
    return "Attribute", _attribute(
        "anonymised", "Financial fraud", item.value, item.tlp, comment=comment
    )


def entity_object(entity: ExportEntity) -> dict[str, Any]:
    person = entity.schema == "Person"
    relations = [
        _relation("full-name" if person else "name", "full-name" if person else "text", entity.name)
    ]
    relations += [_relation("alias", "text", alias) for alias in entity.aliases]
    relations += [_relation("role", "text", role) for role in sorted(entity.roles)]
    if person and entity.birth_date:
        relations.append(_relation("date-of-birth", "date-of-birth", entity.birth_date.isoformat()))
    if person and entity.nationality:
        relations.append(_relation("nationality", "nationality", entity.nationality))
    for kind, number, country in entity.documents if person else []:
        if kind == "passport":
            relations.append(_relation("passport-number", "passport-number", number))
            if country:
                relations.append(_relation("passport-country", "passport-country", country))
        else:
            relations.append(_relation("identity-card-number", "identity-card-number", number))
    name = "person" if person else "organization"
    return _object(name, f"entity:{entity.id}", entity.tlp, relations)


def _summary(report: ExportReport) -> str:
    parts = [report.scam_type or "fraud", f"reported {report.reported_at.date().isoformat()}"]
    if report.country:
        parts.append(f"victim country {report.country}")
    parts += [f"{m.kind} {m.amount} {m.currency}" for m in report.money]
    return "; ".join(parts)


def report_object(report: ExportReport, case: str | None, refs: list[str]) -> dict[str, Any]:
    relations = [
        _relation("title", "text", report.key),
        _relation("type", "text", "victim report"),
        _relation("summary", "text", _summary(report)),
    ]
    if case:
        relations.append(_relation("case-number", "text", case))
    obj = _object("report", f"report:{report.key}", report.tlp, relations)
    obj["ObjectReference"] = [
        {"referenced_uuid": ref, "relationship_type": "mentions", "object_uuid": obj["uuid"]}
        for ref in refs
    ]
    return obj


def _info(data: ExportData) -> str:
    if len(data.cases) == 1:
        return f"fraudlink case {data.cases[0].reference}: {data.cases[0].title}"
    return f"fraudlink export: {len(data.reports)} fraud reports"


def misp_event(data: ExportData, today: dt.date | None = None) -> dict[str, Any]:
    """The whole export as one MISP event (``{"Event": …}``)."""
    attributes: list[dict[str, Any]] = []
    objects: list[dict[str, Any]] = []
    uuids: dict[tuple[str, int], str] = {}
    for item in data.identifiers.values():
        where, value = identifier_item(item)
        (attributes if where == "Attribute" else objects).append(value)
        uuids["identifier", item.id] = value["uuid"]
    for entity in data.entities.values():
        objects.append(entity_object(entity))
        uuids["entity", entity.id] = objects[-1]["uuid"]
    case_of = {rid: case.reference for case in data.cases for rid in case.report_ids}
    for report in data.reports:
        refs = [uuids["identifier", i] for i in report.identifier_ids]
        refs += [uuids["entity", e] for e in report.entity_ids if ("entity", e) in uuids]
        objects.append(report_object(report, case_of.get(report.id), refs))
    tlp = strictest([data.tlp, *(i.tlp for i in data.identifiers.values())])
    return {
        "Event": {
            "uuid": str(uuid.uuid4()),
            "info": _info(data),
            "date": (today or dt.date.today()).isoformat(),
            "threat_level_id": "2",
            "analysis": "2",
            "distribution": DISTRIBUTION.get(tlp, "0"),
            "published": False,
            "Tag": _tags(tlp),
            "Attribute": attributes,
            "Object": objects,
        }
    }
