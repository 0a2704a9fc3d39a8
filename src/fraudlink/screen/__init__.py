"""Screening: sanctions lists and agency watchlists, searched fast, across scripts, explained.

>>> info = import_list(database, Path("sdn.xml"), "ofac")  # doctest: +SKIP
>>> screener(database).search(Query(("Chen Zhi",)))       # doctest: +SKIP
"""

from fraudlink.screen.scoring import Hit, Query, score_entry
from fraudlink.screen.screener import Screener, screener
from fraudlink.screen.store import ListInfo, import_list, import_parsed, list_lists, remove_list

__all__ = [
    "Hit",
    "ListInfo",
    "Query",
    "Screener",
    "import_list",
    "import_parsed",
    "list_lists",
    "remove_list",
    "score_entry",
    "screener",
]
