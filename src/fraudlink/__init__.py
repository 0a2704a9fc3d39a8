"""fraudlink: link cross-border online-fraud reports into networks and share cases safely.

The public surface is small on purpose; stage modules (``fraudlink.ingest``,
``fraudlink.extract``, ...) carry their own APIs.
"""

from fraudlink.errors import FraudlinkError
from fraudlink.settings import Settings

__all__ = ["FraudlinkError", "Settings", "__version__"]
__version__ = "0.1.0"
