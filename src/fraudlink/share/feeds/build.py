"""A release's content, built from the standard exporters so there is one STIX and one MISP mapping.

The export selection (``load_export``) decides what may leave and how it is
minimised; the STIX exporter's ``identifier_sco`` decides how an identifier is
written, and the indicator's pattern is read off that very object; the MISP
exporter writes the event. Feeds carry no people: persons and organisations
(suspects included) travel only in packages, which a liaison officer opens,
never in a feed that machines copy onward.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.link.networks.tables import LinkReport
from fraudlink.share.export.data import ExportData, ExportIdentifier, strictest
from fraudlink.share.export.misp import misp_event
from fraudlink.share.export.stix import identifier_sco, stable_id
from fraudlink.share.export.stix_types import (
    FRAUDLINK,
    TLP2_IDS,
    extension_definitions,
    fraudlink_identity,
    tlp_marking,
)
from fraudlink.share.feeds.wire import stix_time

ORG_NAMESPACE = uuid.UUID("3d0f6a52-8f0e-4bb4-a1a7-1f6a3c2d9e40")
#: the SCO properties an indicator's pattern compares, per SCO type (in this order)
PATTERN_KEYS: dict[str, tuple[str, ...]] = {
    "phone-number": ("value",),
    "bank-account": ("iban", "account_number"),
    "cryptocurrency-wallet": ("value",),
    "url": ("value",),
    "domain-name": ("value",),
    "email-addr": ("value",),
    "user-account": ("account_type", "account_login"),
}


@dataclass(frozen=True)
class Built:
    """A release's STIX objects per collection, and its MISP event."""

    collections: dict[str, list[dict[str, Any]]]
    misp: dict[str, Any]


def without_people(data: ExportData, agencies: Iterable[str]) -> ExportData:
    """Only the releasing agency's own reports, and none of the people they name."""
    own = set(agencies)
    reports = [dataclasses.replace(r, entity_ids=[]) for r in data.reports if r.agency in own]
    named = {i for r in reports for i in r.identifier_ids}
    identifiers = {k: v for k, v in data.identifiers.items() if k in named}
    return ExportData(data.tlp_max, reports, identifiers, {}, data.cases)


def _literal(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def pattern_of(sco: dict[str, Any]) -> str | None:
    """The STIX pattern matching exactly this observable, or None for a kind not indicated."""
    keys = PATTERN_KEYS.get(sco["type"], ())
    terms = [f"{sco['type']}:{key} = {_literal(str(sco[key]))}" for key in keys if sco.get(key)]
    return f"[{' AND '.join(terms)}]" if terms else None


def _static(tlps: Iterable[str]) -> list[dict[str, Any]]:
    """What makes a collection readable alone: markings, our identity, our extensions."""
    objects = [tlp_marking(level) for level in TLP2_IDS if level in set(tlps)]
    defined = [fraudlink_identity(), *extension_definitions()]
    return objects + [json.loads(obj.serialize()) for obj in defined]


def _sdo(kind: str, key: str, when: dt.datetime, tlp: str, **fields: Any) -> dict[str, Any]:
    """An SDO as plain data: stix2's objects re-parse each pattern, 20 ms apiece, so the
    release of a large case would take minutes; the official validator checks ours in tests."""
    stamp = stix_time(when)
    return {
        "type": kind,
        "spec_version": "2.1",
        "id": stable_id(kind, key),
        "created_by_ref": FRAUDLINK,
        "created": stamp,
        "modified": stamp,
        **fields,
        "object_marking_refs": [TLP2_IDS[tlp]],
    }


def _indicator(item: ExportIdentifier, release_id: int, when: dt.datetime) -> dict[str, Any] | None:
    sco = identifier_sco(item)
    found = pattern_of(json.loads(sco.serialize())) if sco is not None else None
    if sco is None or found is None:
        return None
    return _sdo(
        "indicator",
        f"release:{release_id}:{sco.id}",
        when,
        item.tlp,
        name=f"{item.kind.replace('_', ' ')} {item.value}",
        description="Named in fraud reports the releasing agency approved for this feed.",
        indicator_types=["malicious-activity"],
        pattern=found,
        pattern_type="stix",
        pattern_version="2.1",
        valid_from=stix_time(when),
        labels=[item.kind],
    )


def _networks(session: Session, data: ExportData) -> dict[int, list[int]]:
    """Identifier ids per network (``link``'s id) of two or more released reports."""
    query = select(LinkReport.report_id, LinkReport.network_id).where(
        LinkReport.report_id.in_([r.id for r in data.reports])
    )
    of_report = {report: network for report, network in session.execute(query)}
    found: defaultdict[int, list[int]] = defaultdict(list)
    reports: defaultdict[int, int] = defaultdict(int)
    for report in data.reports:
        if report.id in of_report:
            found[of_report[report.id]].extend(report.identifier_ids)
            reports[of_report[report.id]] += 1
    return {network: ids for network, ids in found.items() if reports[network] > 1}


def _grouping(
    network: int, refs: list[str], tlp: str, release_id: int, when: dt.datetime
) -> dict[str, Any]:
    return _sdo(
        "grouping",
        f"release:{release_id}:network:{network}",
        when,
        tlp,
        name=f"fraud network {network}",
        description="Identifiers named together in linked fraud reports.",
        context="suspicious-activity",
        object_refs=refs,
    )


def stix_collections(
    session: Session, data: ExportData, release_id: int, when: dt.datetime
) -> dict[str, list[dict[str, Any]]]:
    """Indicators for the identifiers, groupings for the networks they belong to."""
    indicators: dict[int, dict[str, Any]] = {}
    for item in data.identifiers.values():
        made = _indicator(item, release_id, when)
        if made is not None:
            indicators[item.id] = made
    groupings = []
    for network, ids in sorted(_networks(session, data).items()):
        members = [i for i in dict.fromkeys(ids) if i in indicators]
        if members:
            tlp = strictest(data.identifiers[i].tlp for i in members)
            refs = [indicators[i]["id"] for i in members]
            groupings.append(_grouping(network, refs, tlp, release_id, when))
    tlps = {item.tlp for item in data.identifiers.values()}
    return {
        "indicators": [*_static(tlps), *indicators.values()],
        "networks": [*_static(tlps), *groupings] if groupings else [],
    }


def org(code: str) -> dict[str, str]:
    return {"name": code, "uuid": str(uuid.uuid5(ORG_NAMESPACE, code))}


def feed_event(data: ExportData, event_uuid: str, agency: str, when: dt.datetime) -> dict[str, Any]:
    """The MISP exporter's event, published, with the fields a MISP feed pull compares."""
    event = misp_event(data, today=when.date())
    stamp = str(int(when.timestamp()))
    event["Event"].update(
        uuid=event_uuid,
        published=True,
        timestamp=stamp,
        publish_timestamp=stamp,
        Orgc=org(agency),
    )
    for attribute in event["Event"]["Attribute"]:
        attribute["timestamp"] = stamp
    return event


def revoked(body: dict[str, Any], when: dt.datetime) -> dict[str, Any]:
    """The next version of an SDO, revoked: how STIX tells a consumer to stop using it."""
    later = max(when, dt.datetime.fromisoformat(body["modified"]) + dt.timedelta(milliseconds=1))
    return body | {"revoked": True, "modified": stix_time(later)}
