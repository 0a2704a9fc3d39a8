"""fraudlink: link cross-border online-fraud reports into networks and share cases safely.

The public surface is small on purpose; stage modules (``fraudlink.ingest``,
``fraudlink.extract``, ...) carry their own APIs. ``Settings`` is loaded on first
use, so that ``fraudlink --help`` does not pay for pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fraudlink.errors import FraudlinkError

if TYPE_CHECKING:
    from fraudlink.settings import Settings

__all__ = ["FraudlinkError", "Settings", "__version__"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "Settings":
        from fraudlink.settings import Settings

        return Settings
    raise AttributeError(f"module 'fraudlink' has no attribute {name!r}")
