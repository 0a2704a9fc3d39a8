"""The two XML lists: OFAC's SDN list (``sdn.xml``) and the UN Security Council consolidated list.

Both are parsed with defusedxml (no DTD, no entity expansion) and only after
the whole file parsed does anything reach the database.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from fraudlink.screen.formats.common import (
    child_text,
    country_code,
    document_kind,
    identifier,
    iso_date,
    list_date,
    parse_xml,
    wrong_format,
)
from fraudlink.screen.model import Listed, ParsedList

_OFAC_SCHEMAS = {"individual": "Person", "entity": "Organization"}


def _strip_namespaces(root: ET.Element) -> ET.Element:
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    return root


def _texts(element: ET.Element, path: str) -> list[str]:
    return [e.text.strip() for e in element.findall(path) if e.text and e.text.strip()]


def _joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _countries(values: list[str]) -> list[str]:
    return sorted({c for c in map(country_code, values) if c})


def _ofac_ids(entry: ET.Element) -> list[tuple[str, str]]:
    pairs = []
    for item in entry.findall("idList/id"):
        pair = identifier(document_kind(child_text(item, "idType")), child_text(item, "idNumber"))
        if pair:
            pairs.append(pair)
    return pairs


def _ofac_entry(entry: ET.Element) -> Listed | None:
    schema = _OFAC_SCHEMAS.get(child_text(entry, "sdnType").lower())
    if schema is None:
        return None
    names = [_joined(child_text(entry, "firstName"), child_text(entry, "lastName"))]
    for aka in entry.findall("akaList/aka"):
        names.append(_joined(child_text(aka, "firstName"), child_text(aka, "lastName")))
    dobs = _texts(entry, "dateOfBirthList/dateOfBirthItem/dateOfBirth")
    countries = _texts(entry, "nationalityList/nationality/country") + _texts(
        entry, "citizenshipList/citizenship/country"
    )
    return Listed(
        id=f"ofac-{child_text(entry, 'uid')}",
        schema=schema,
        names=list(dict.fromkeys(n for n in names if n)),
        birth_dates=[d for d in map(iso_date, dobs) if d],
        nationalities=_countries(countries),
        identifiers=_ofac_ids(entry),
        datasets=["us_ofac_sdn"],
        properties={"program": _texts(entry, "programList/program")},
    )


def read_ofac_xml(path: Path) -> ParsedList:
    root = _strip_namespaces(parse_xml(path, "OFAC SDN list"))
    if root.tag != "sdnList":
        raise wrong_format(path, "OFAC SDN XML")
    published = child_text(root, "publshInformation/Publish_Date")
    entries = [e for e in map(_ofac_entry, root.findall("sdnEntry")) if e and e.names]
    return ParsedList("ofac-xml", entries, list_date(published) if published else None)


def _un_names(item: ET.Element, alias_tag: str) -> list[str]:
    parts = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    names = [
        _joined(*(child_text(item, p) for p in parts)),
        child_text(item, "NAME_ORIGINAL_SCRIPT"),
    ]
    names += _texts(item, f"{alias_tag}/ALIAS_NAME")
    return list(dict.fromkeys(n for n in names if n))


def _un_dates(item: ET.Element) -> list[str]:
    dates = []
    for dob in item.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        value = child_text(dob, "DATE")[:10] or child_text(dob, "YEAR")
        if value and iso_date(value):
            dates.append(str(iso_date(value)))
    return dates


def _un_documents(item: ET.Element) -> list[tuple[str, str]]:
    pairs = []
    for doc in item.findall("INDIVIDUAL_DOCUMENT"):
        kind = document_kind(child_text(doc, "TYPE_OF_DOCUMENT"))
        pair = identifier(kind, child_text(doc, "NUMBER"))
        if pair:
            pairs.append(pair)
    return pairs


def _un_entry(item: ET.Element, schema: str) -> Listed:
    person = schema == "Person"
    reference = child_text(item, "REFERENCE_NUMBER") or child_text(item, "DATAID")
    return Listed(
        id=f"un-{reference}",
        schema=schema,
        names=_un_names(item, "INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS"),
        birth_dates=_un_dates(item) if person else [],
        nationalities=_countries(_texts(item, "NATIONALITY/VALUE")),
        identifiers=_un_documents(item) if person else [],
        datasets=["un_sc_sanctions"],
        properties={"program": [child_text(item, "UN_LIST_TYPE")]},
    )


def read_un_xml(path: Path) -> ParsedList:
    root = _strip_namespaces(parse_xml(path, "UN consolidated list"))
    if root.tag != "CONSOLIDATED_LIST":
        raise wrong_format(path, "UN Security Council consolidated list XML")
    people = [_un_entry(i, "Person") for i in root.findall("INDIVIDUALS/INDIVIDUAL")]
    bodies = [_un_entry(e, "Organization") for e in root.findall("ENTITIES/ENTITY")]
    entries = [e for e in people + bodies if e.names]
    return ParsedList("un-xml", entries, list_date(root.get("dateGenerated", "")))
