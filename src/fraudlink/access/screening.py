"""Screening as a signed-in principal does it: a ``/match`` reads listed people, so it is audited.

Watchlists are shared by the agencies of a server, so there is nothing to
scope; but a match names people (the queries and the list entries found), so
each call is written to the audit log with the caller's justification: one
"match" entry for the request (a search that found nobody is logged too) and
one "read" entry per list entry returned.
"""

from __future__ import annotations

from fraudlink.access.principal import Principal
from fraudlink.audit import AuditEvent, record_events
from fraudlink.errors import NotFound
from fraudlink.screen.yente import MatchRequest, MatchResponse
from fraudlink.screen.yente import match as yente_match
from fraudlink.store import Database


def match_as(
    database: Database,
    principal: Principal,
    request: MatchRequest,
    limit: int,
    dataset: str,
    purpose: str,
) -> MatchResponse:
    """Screen ``request`` against list ``dataset`` ("default": every list), audited."""
    from fraudlink.screen.store import list_lists  # numpy and the name index: on first match

    scope = None if dataset == "default" else dataset
    if scope is not None and scope not in {info.name for info in list_lists(database)}:
        raise NotFound(f"No list '{dataset}'; use 'default' for all, or GET /watchlists.")
    answer = yente_match(database, request, limit, scope)
    found = sorted({r.id for q in answer.responses.values() for r in q.results})
    who = (principal.username, purpose, principal.agency)
    events = [
        AuditEvent("read", "watchlist", dataset, *who, {"queries": sorted(request.queries)[:100]})
    ]
    events += [AuditEvent("read", "list_entry", entry, *who) for entry in found]
    with database.session() as session:
        record_events(session, events)
    return answer
