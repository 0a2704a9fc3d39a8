"""Typed dependencies: the database, a session per request, and the authorised caller.

``Caller`` is built once per request: the token is checked, the route's policy
(``policy.POLICIES``) applied, the rate limit counted and, for reads of
personal data, the justification taken from ``X-Purpose``.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from fraudlink.access import Principal, authenticate
from fraudlink.access.users import token_hash
from fraudlink.api.policy import Policy, policy_for
from fraudlink.errors import ConfigError, InputError, PurposeRequired, RateLimited
from fraudlink.store import Database

bearer = HTTPBearer(auto_error=False, description="An API token from `fraudlink token create`.")


class RateLimiter:
    """A sliding one-minute window per token, in this process (each worker counts its own)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.calls: defaultdict[str, deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def hit(self, key: str) -> None:
        now = time.monotonic()
        with self.lock:
            calls = self.calls[key]
            while calls and calls[0] <= now - 60:
                calls.popleft()
            if len(calls) >= self.per_minute:
                raise RateLimited("Too many requests with this token; wait a minute and retry.")
            calls.append(now)


@dataclass(frozen=True)
class Caller:
    principal: Principal
    purpose: str | None

    @property
    def justification(self) -> str:
        """Routes marked personal never run without one, so this is always set there."""
        return self.purpose or ""


def database(request: Request) -> Database:
    found: Database = request.app.state.database
    return found


DatabaseDep = Annotated[Database, Depends(database)]


def session(store: DatabaseDep) -> Iterator[Session]:
    """One transaction per request: it commits before the answer leaves, or rolls back.

    The dependency is function-scoped: its exit (the commit) runs when the handler
    returns, before the response is sent, so a client that reads right after an
    acknowledged write finds it, and a commit that fails is answered as a problem
    instead of after a 2xx already left.
    """
    with store.session() as opened:
        yield opened


SessionDep = Annotated[Session, Depends(session, scope="function")]


def _route_name(request: Request) -> str:
    route = request.scope.get("route")
    return str(getattr(route, "name", ""))


def _refuse_nul(request: Request) -> None:
    """No text column takes a NUL (PostgreSQL refuses it), so no parameter may carry one."""
    values = [*request.path_params.values(), *request.query_params.values()]
    if any("\x00" in str(value) for value in values):
        raise InputError("A parameter holds a NUL character; remove it and send again.")


def authorise(request: Request, opened: Session, token: str | None) -> tuple[Principal, Policy]:
    """The token's principal, counted and held to the route's policy; shared by every router."""
    policy = policy_for(_route_name(request))
    if policy is None:
        raise ConfigError("This route has no access policy; it stays closed until it has one.")
    principal = authenticate(opened, token)
    limiter: RateLimiter = request.app.state.limiter
    limiter.hit(token_hash(token or ""))
    principal.require(*policy.roles)
    _refuse_nul(request)
    return principal, policy


def caller(
    request: Request,
    store: DatabaseDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    x_purpose: Annotated[
        str | None,
        Header(
            max_length=500,
            description="Why you read personal data: a case id or a purpose; it is audited.",
            examples=["case KH-2026-0042"],
        ),
    ] = None,
) -> Caller:
    token = credentials.credentials if credentials else None
    # its own short transaction: a handler that writes through its own connections (an
    # ingest) must not find this one held idle in a transaction while it works
    with store.session() as opened:
        principal, policy = authorise(request, opened, token)
    purpose = (x_purpose or "").strip() or None
    if policy.personal and purpose is None:
        raise PurposeRequired(
            "This reads personal data: send the case id or purpose in the X-Purpose header."
        )
    return Caller(principal, purpose)


CallerDep = Annotated[Caller, Depends(caller)]
