"""Feeds: what an agency released to a partner, served as TAXII 2.1 collections and a MISP feed.

Importing this package registers its tables on the shared metadata.
"""

from fraudlink.share.feeds import tables as tables
from fraudlink.share.feeds.read import Filter, Page, event, hashes, manifest, objects
from fraudlink.share.feeds.release import ReleaseSummary, list_releases, publish, withdraw
from fraudlink.share.feeds.tables import COLLECTIONS, FEED_TLPS

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
