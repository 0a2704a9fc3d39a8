"""Helpers every reader shares: safe XML, dates, countries and identifiers in normal form."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pycountry
from defusedxml import DefusedXmlException

from fraudlink.errors import InputError, UnsupportedFormat
from fraudlink.extract import Context, normalise

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_COUNTRY_ALIASES = {
    "korea, south": "KR",
    "south korea": "KR",
    "republic of korea": "KR",
    "korea, north": "KP",
    "north korea": "KP",
    "burma": "MM",
    "laos": "LA",
    "vietnam": "VN",
    "russia": "RU",
    "taiwan": "TW",
    "iran": "IR",
    "syria": "SY",
}
WALLET_PREFIX = "Digital Currency Address"


class WatchlistFileError(InputError):
    """A watchlist file that cannot be read as the format it claims to be."""


def parse_xml(path: Path, label: str) -> ET.Element:
    """Parse with entity expansion and DTDs refused: a hostile file fails before it costs memory."""
    try:
        root = SafeET.parse(path, forbid_dtd=True).getroot()
    except DefusedXmlException as exc:
        raise WatchlistFileError(
            f"{path.name} declares XML entities or a DTD, which are refused for safety "
            f"({type(exc).__name__}); use the list publisher's original file."
        ) from exc
    except ET.ParseError as exc:
        raise WatchlistFileError(
            f"{path.name} is not well-formed XML ({exc}); the file may be truncated, "
            f"download the {label} again."
        ) from exc
    if root is None:
        raise WatchlistFileError(f"{path.name} holds no XML element; download the {label} again.")
    return root


def wrong_format(path: Path, expected: str) -> UnsupportedFormat:
    return UnsupportedFormat(
        f"{path.name} is not a {expected} file; check the file or pass --format."
    )


def child_text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None and found.text else ""


@lru_cache(maxsize=4096)
def country_code(value: str) -> str | None:
    """ISO 3166-1 alpha-2 for a code or an English country name, None when unknown."""
    text = value.strip()
    if not text:
        return None
    alias = _COUNTRY_ALIASES.get(text.lower())
    if alias:
        return alias
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None


def iso_date(value: str) -> str | None:
    """``1987-12-16``, ``16 Dec 1987``, ``Dec 1987``, ``1987`` or ``circa 1960`` → ISO prefix."""
    text = value.strip().lower().removeprefix("circa").strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    found = re.fullmatch(r"(?:(\d{1,2}) )?([a-z]{3})[a-z]* (\d{4})", text)
    if found and found.group(2) in _MONTHS:
        day, month, year = found.group(1), _MONTHS[found.group(2)], found.group(3)
        return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"
    found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if found:
        return f"{found.group(3)}-{int(found.group(1)):02d}-{int(found.group(2)):02d}"
    return None


def list_date(value: str) -> dt.date | None:
    iso = iso_date(value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else value)
    if iso and len(iso) == 10:
        return dt.date.fromisoformat(iso)
    return None


def identifier(kind: str, raw: str) -> tuple[str, str] | None:
    """A listed identifier in the same normal form our reports use, so equality is evidence."""
    value = raw.strip()
    if not value:
        return None
    if kind in ("crypto_wallet", "iban", "phone", "email"):
        found = normalise(kind, value, Context())
        if found is None:
            return (kind, value) if kind == "crypto_wallet" else None
        return (kind, found.value)
    return (kind, re.sub(r"[^0-9A-Z]", "", value.upper()))


def document_kind(label: str) -> str:
    """Map a list's document label (``Passport``, ``National ID No.``...) to our kinds."""
    text = label.lower()
    if text.startswith(WALLET_PREFIX.lower()):
        return "crypto_wallet"
    for needle, kind in (
        ("passport", "passport"),
        ("regist", "registration"),
        ("tax", "tax_id"),
        ("national", "national_id"),
        ("cedula", "national_id"),
        ("identification", "national_id"),
        ("id", "national_id"),
    ):
        if needle in text:
            return kind
    return "other_id"
