"""Linking: reports into networks, and people and organisations across scripts.

The names below load on first use: importing a table module of this package
(``fraudlink.link.networks.tables``) must not bring numpy, SciPy and networkx
into a process that only serves pages (the server's idle memory).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fraudlink.link.networks import LinkSummary, link_reports
    from fraudlink.link.overview import NetworkView, largest_networks

__all__ = ["LinkSummary", "NetworkView", "largest_networks", "link_reports"]
_WHERE = {
    "LinkSummary": "fraudlink.link.networks",
    "link_reports": "fraudlink.link.networks",
    "NetworkView": "fraudlink.link.overview",
    "largest_networks": "fraudlink.link.overview",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
