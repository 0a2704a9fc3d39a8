"""Sign-in for the pages: a server-side session per browser, revocable, with an idle timeout.

The cookie carries 256 random bits; the table keeps only their hash, so a copy of
the database signs nobody in. A session ends at sign-out, after ``IDLE`` without
a request, after ``LONGEST`` whatever happens, or when the user is disabled.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fraudlink.access.passwords import password_matches
from fraudlink.access.principal import Principal, principal_for
from fraudlink.access.tables import User
from fraudlink.access.users import now
from fraudlink.web.tables import WebPreference, WebSession

IDLE = dt.timedelta(minutes=30)
LONGEST = dt.timedelta(hours=12)
COOKIE = "fl_session"


@dataclass(frozen=True)
class SignedIn:
    """What a page needs of its viewer: who, the form token, the audited purpose, the language."""

    principal: Principal
    csrf: str
    purpose: str | None
    language: str | None
    session_id: int


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def sign_in(session: Session, username: str, password: str) -> str | None:
    """A new session key for the right password of an enabled user; None otherwise."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None or user.disabled or not password_matches(user.password_hash, password):
        return None
    key, moment = secrets.token_urlsafe(32), now()
    session.add(
        WebSession(
            key_hash=_hash(key),
            user_id=user.id,
            csrf=secrets.token_urlsafe(32),
            created_at=moment,
            seen_at=moment,
        )
    )
    session.flush()
    return key


def current(session: Session, key: str | None) -> SignedIn | None:
    """The live session of ``key`` (its idle clock restarted), or None when it ended."""
    if not key:
        return None
    row = session.execute(
        select(WebSession, User)
        .join(User, User.id == WebSession.user_id)
        .where(WebSession.key_hash == _hash(key), WebSession.ended_at.is_(None))
    ).first()
    if row is None:
        return None
    web, user = row
    moment = now()
    if user.disabled or moment - _aware(web.seen_at) > IDLE:
        web.ended_at = moment
        return None
    if moment - _aware(web.created_at) > LONGEST:
        web.ended_at = moment
        return None
    web.seen_at = moment
    language = session.scalar(
        select(WebPreference.language).where(WebPreference.user_id == user.id)
    )
    return SignedIn(principal_for(session, user), web.csrf, web.purpose, language, web.id)


def sign_out(session: Session, key: str | None) -> None:
    if key:
        session.execute(
            update(WebSession)
            .where(WebSession.key_hash == _hash(key), WebSession.ended_at.is_(None))
            .values(ended_at=now())
        )


def end_all(session: Session, user_id: int) -> int:
    """End every session of a user (an admin's revocation); returns how many were live."""
    done = session.execute(
        update(WebSession)
        .where(WebSession.user_id == user_id, WebSession.ended_at.is_(None))
        .values(ended_at=now())
    )
    return int(done.rowcount)  # type: ignore[attr-defined]


def set_purpose(session: Session, session_id: int, purpose: str) -> None:
    """The justification audited with every read of personal data from this browser."""
    session.execute(
        update(WebSession).where(WebSession.id == session_id).values(purpose=purpose[:500])
    )


def set_language(session: Session, user_id: int, language: str) -> None:
    row = session.get(WebPreference, user_id)
    if row is None:
        session.add(WebPreference(user_id=user_id, language=language))
    else:
        row.language = language
