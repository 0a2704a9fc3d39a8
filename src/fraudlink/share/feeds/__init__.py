"""Feeds: what an agency released to a partner, served as TAXII 2.1 collections and a MISP feed.

Importing this package registers its tables on the shared metadata. Releasing
(``publish``, ``withdraw``, ``list_releases``) loads the STIX and MISP builders on
first use, so a server that only starts carries none of them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from fraudlink.share.feeds import tables as tables
from fraudlink.share.feeds.read import Filter, Page, event, hashes, manifest, objects
from fraudlink.share.feeds.tables import COLLECTIONS, FEED_TLPS

if TYPE_CHECKING:
    from fraudlink.share.feeds.release import ReleaseSummary, list_releases, publish, withdraw

__all__ = [
    "COLLECTIONS",
    "FEED_TLPS",
    "Filter",
    "Page",
    "ReleaseSummary",
    "event",
    "hashes",
    "list_releases",
    "manifest",
    "objects",
    "publish",
    "withdraw",
]
_RELEASE = ("ReleaseSummary", "list_releases", "publish", "withdraw")


def __getattr__(name: str) -> Any:
    if name in _RELEASE:
        return getattr(import_module("fraudlink.share.feeds.release"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
