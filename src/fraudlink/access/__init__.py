"""Access: agencies and units, users and tokens, the principal, and the one scoping layer.

Importing this package registers its tables on the shared metadata.
"""

from fraudlink.access import tables as tables
from fraudlink.access.agencies import agency_by_code, set_parent, units_of
from fraudlink.access.principal import Principal, authenticate, principal_for_name
from fraudlink.access.scope import get_visible, visible
from fraudlink.access.users import add_user, create_token, disable_user, revoke_token

__all__ = [
    "Principal",
    "add_user",
    "agency_by_code",
    "authenticate",
    "create_token",
    "disable_user",
    "get_visible",
    "principal_for_name",
    "revoke_token",
    "set_parent",
    "units_of",
    "visible",
]
