"""What serving a feed needs beyond the stored objects: STIX timestamps and MISP hashes.

Kept apart from ``build`` on purpose: serving reads objects built at release
time and stored as JSON, so a TAXII page or a MISP ``hashes.csv`` needs neither
the STIX library nor the exporters. The first feed request after a restart then
costs what every later one costs (``tests/cli/test_startup.py`` counts the
modules it loads).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any


def stix_time(moment: dt.datetime) -> str:
    """STIX and TAXII timestamps: UTC, millisecond precision, a Z (naive ones are UTC)."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def attribute_hashes(event: dict[str, Any]) -> list[str]:
    """MD5 of each distinct attribute value, as MISP's ``hashes.csv`` lists them."""
    values = [a["value"] for a in event["Event"]["Attribute"]]
    values += [a["value"] for o in event["Event"]["Object"] for a in o["Attribute"]]
    digests = (hashlib.md5(v.encode(), usedforsecurity=False).hexdigest() for v in values)
    return list(dict.fromkeys(digests))
