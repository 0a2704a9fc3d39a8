"""The signed-in principal: built once per request from a token, asked by every read.

Like Aleph's ``Authz``: who the user is, which agency and units they act for,
which roles they hold and which joint cases their agency belongs to. The CLI,
the API, the web pages and jobs all build one and pass it to the stage
functions, so there is one rule for who sees what.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.orm import Session

from fraudlink.access.agencies import units_of
from fraudlink.access.passwords import password_matches
from fraudlink.access.tables import ApiToken, JointCaseMember, User
from fraudlink.access.users import now, token_hash, user_by_name
from fraudlink.errors import Forbidden, Unauthenticated
from fraudlink.store import Database
from fraudlink.store.schema import Agency

#: How long a principal's units and joint cases are reused for requests with its tokens.
#: The token, the user's roles, agency and disabled flag are read on every request; a
#: change of membership made in this process is seen at once (``forget_principals``).
PRINCIPAL_TTL = 2.0
_cache: dict[tuple[str, int], tuple[float, Principal]] = {}
_cache_lock = threading.Lock()
SIGN_IN = "Send a valid API token as 'Authorization: Bearer …'; `fraudlink token create` makes one."


@dataclass(frozen=True)
class Principal:
    user_id: int
    username: str
    agency_id: int
    agency: str
    units: frozenset[int]
    unit_codes: frozenset[str]
    roles: frozenset[str]
    joint_cases: frozenset[int]

    def has(self, role: str) -> bool:
        return role in self.roles

    def require(self, *roles: str) -> None:
        """Refuse an action (not a record: unseen records are 404) without one of ``roles``."""
        if not self.roles.intersection(roles):
            raise Forbidden(f"This needs the role {' or '.join(roles)}; ask your admin.")


def principal_for(session: Session, user: User) -> Principal:
    code = session.scalar(select(Agency.code).where(Agency.id == user.agency_id))
    units = units_of(session, user.agency_id)
    unit_codes = session.scalars(select(Agency.code).where(Agency.id.in_(units)))
    member_of = select(JointCaseMember.joint_case_id).where(
        JointCaseMember.agency_id == user.agency_id
    )
    return Principal(
        user_id=user.id,
        username=user.username,
        agency_id=user.agency_id,
        agency=str(code),
        units=units,
        unit_codes=frozenset(unit_codes),
        roles=frozenset(user.roles),
        joint_cases=frozenset(session.scalars(member_of)),
    )


def principal_for_name(session: Session, username: str) -> Principal:
    """For the CLI and jobs, which act as a named user without a token."""
    user = user_by_name(session, username)
    if user.disabled:
        raise Unauthenticated(f"User '{username}' is disabled.")
    return principal_for(session, user)


#: built once: every request runs it, and building it cost as much as running it
_BY_TOKEN = (
    select(ApiToken, User)
    .join(User, User.id == ApiToken.user_id)
    .where(ApiToken.token_hash == bindparam("hash"))
)


def authenticate(session: Session, token: str | None) -> Principal:
    """One answer for every failure, so a caller learns nothing about which tokens exist."""
    if not token:
        raise Unauthenticated(SIGN_IN)
    row = session.execute(_BY_TOKEN, {"hash": token_hash(token)}).first()
    if row is None:
        raise Unauthenticated(SIGN_IN)
    api_token, user = row
    expires = api_token.expires_at
    if expires is not None and expires.tzinfo is None:
        expires = expires.replace(tzinfo=now().tzinfo)
    if api_token.revoked_at is not None or user.disabled or (expires and expires <= now()):
        raise Unauthenticated(SIGN_IN)
    return _cached(session, user)


def _cached(session: Session, user: User) -> Principal:
    """Four queries fewer per request: the principal of ``user``, reused for a moment."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    moment, key = time.monotonic(), (str(engine.url), user.id)
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None and hit[0] > moment:
        found = hit[1]
        same = (found.username, found.agency_id) == (user.username, user.agency_id)
        if same and found.roles == frozenset(user.roles):
            return found
    principal = principal_for(session, user)
    with _cache_lock:
        _cache[key] = (moment + PRINCIPAL_TTL, principal)
    return principal


def forget_principals() -> None:
    """After a change of units or joint-case membership: rebuild principals on next use."""
    with _cache_lock:
        _cache.clear()


def sign_in(session: Session, username: str, password: str) -> Principal:
    """A user by name and password (the CLI's sign-in); one answer for every failure."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None or user.disabled or not password_matches(user.password_hash, password):
        raise Unauthenticated(
            "The username or password is wrong, or the user is disabled; ask your admin."
        )
    return principal_for(session, user)


def acting_as(database: Database, username: str) -> Principal:
    """The principal of user ``username``, for jobs run later in their name (and tests)."""
    with database.session() as session:
        return principal_for_name(session, username)
