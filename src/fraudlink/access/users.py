"""Users and their API tokens: who may sign in, with which roles, for which agency."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.access.agencies import agency_by_code
from fraudlink.access.passwords import hash_password
from fraudlink.access.tables import ROLES, ApiToken, User
from fraudlink.errors import InputError, NotFound

TOKEN_PREFIX = "flk_"


@dataclass(frozen=True)
class NewToken:
    """The token in clear exists only here, once; the database keeps its hash."""

    token: str
    username: str
    prefix: str
    expires_at: dt.datetime | None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def token_hash(token: str) -> str:
    """Tokens carry 256 random bits, so a plain SHA-256 is enough and lets us look them up."""
    return hashlib.sha256(token.encode()).hexdigest()


def check_roles(roles: Sequence[str]) -> list[str]:
    unknown = sorted(set(roles) - set(ROLES))
    if unknown or not roles:
        wrong = f"'{', '.join(unknown)}' is not a role; " if unknown else ""
        raise InputError(f"{wrong}give one or more of {', '.join(ROLES)}.")
    return sorted(set(roles))


def user_by_name(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"No user '{username}'; add one with `fraudlink user add`.")
    return user


def add_user(
    session: Session, username: str, agency: str, roles: Sequence[str], password: str | None
) -> User:
    if not username.strip() or len(username) > 128:
        raise InputError("A username is 1 to 128 characters.")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise InputError(f"User '{username}' exists already; choose another name.")
    user = User(
        username=username,
        agency_id=agency_by_code(session, agency).id,
        roles=check_roles(roles),
        password_hash=hash_password(password) if password else None,
        disabled=False,
        created_at=now(),
    )
    session.add(user)
    session.flush()
    return user


def disable_user(session: Session, username: str) -> None:
    """A disabled user's tokens stop working at once; the user stays for the audit trail."""
    user_by_name(session, username).disabled = True


def create_token(session: Session, username: str, days: int | None = None) -> NewToken:
    user = user_by_name(session, username)
    if user.disabled:
        raise InputError(f"User '{username}' is disabled; no token is issued.")
    if days is not None and days < 1:
        raise InputError("--expires counts days; give 1 or more.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires = now() + dt.timedelta(days=days) if days else None
    prefix = token[: len(TOKEN_PREFIX) + 6]
    session.add(
        ApiToken(
            user_id=user.id,
            token_hash=token_hash(token),
            prefix=prefix,
            created_at=now(),
            expires_at=expires,
        )
    )
    session.flush()
    return NewToken(token, username, prefix, expires)


def revoke_token(session: Session, token_or_prefix: str) -> int:
    """Revoke by the token itself or by the prefix `token create` printed; returns how many."""
    query = select(ApiToken).where(ApiToken.revoked_at.is_(None))
    if token_or_prefix.startswith(TOKEN_PREFIX) and len(token_or_prefix) > 20:
        query = query.where(ApiToken.token_hash == token_hash(token_or_prefix))
    else:
        query = query.where(ApiToken.prefix == token_or_prefix)
    found = list(session.scalars(query))
    if not found:
        raise NotFound("No live token matches; give the token or the prefix it was shown with.")
    for row in found:
        row.revoked_at = now()
    return len(found)
