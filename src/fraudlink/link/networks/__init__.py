"""Networks: reports linked by the identifiers they share, hubs left out, every link explained.

``LinkSummary`` and ``link_reports`` load on first use (see ``fraudlink.link``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fraudlink.link.networks.pipeline import LinkSummary, link_reports

__all__ = ["LinkSummary", "link_reports"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("fraudlink.link.networks.pipeline"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
