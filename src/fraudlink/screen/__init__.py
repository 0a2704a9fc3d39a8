"""Screening: sanctions lists and agency watchlists, searched fast, across scripts, explained.

>>> info = import_list(database, Path("sdn.xml"), "ofac")  # doctest: +SKIP
>>> screener(database).search(Query(("Chen Zhi",)))       # doctest: +SKIP

The names below load on first use: reading ``fraudlink.screen.tables`` (a look-up's
screening hits) must not bring numpy and the name index into the server at start. No
submodule bears the name of a function exported here: importing it would bind the module
over the lazily loaded function (``screener`` lives in ``searching``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fraudlink.screen.scoring import Hit, Query, score_entry
    from fraudlink.screen.searching import Screener, screener
    from fraudlink.screen.store import (
        ListInfo,
        import_list,
        import_parsed,
        list_lists,
        remove_list,
    )

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
_WHERE = {
    "Hit": "scoring",
    "Query": "scoring",
    "score_entry": "scoring",
    "Screener": "searching",
    "screener": "searching",
    "ListInfo": "store",
    "import_list": "store",
    "import_parsed": "store",
    "list_lists": "store",
    "remove_list": "store",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"fraudlink.screen.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
