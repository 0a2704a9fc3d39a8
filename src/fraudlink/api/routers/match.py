"""``POST /match/{dataset}`` in yente's request and response shape, for clients built for it.

The differences from OpenSanctions' yente are listed in ``fraudlink.screen.yente``;
``dataset`` is ``default`` for every stored list, or one list's name.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool

from fraudlink.access.screening import match_as
from fraudlink.api.deps import CallerDep, DatabaseDep
from fraudlink.api.problems import responses
from fraudlink.errors import InputError
from fraudlink.screen.yente import MatchRequest, MatchResponse

router = APIRouter(prefix="/match", tags=["screening"])
MAX_QUERIES = 100
MAX_VALUES = 50
EXAMPLE = {
    "queries": {
        "q1": {
            "schema": "Person",
            "properties": {"name": ["Chen Zhi"], "birthDate": ["1987"], "nationality": ["cn"]},
        }
    }
}


def _check(body: MatchRequest) -> None:
    if len(body.queries) > MAX_QUERIES:
        raise InputError(f"Send at most {MAX_QUERIES} queries per request.")
    for key, query in body.queries.items():
        values = sum(len(v) for v in query.properties.values())
        longest = max((len(x) for v in query.properties.values() for x in v), default=0)
        if values > MAX_VALUES or longest > 500 or "\x00" in key:
            raise InputError(
                f"Query {key[:40]!r} is too large: at most {MAX_VALUES} values of 500 characters."
            )


@router.post(
    "/{dataset}",
    name="match",
    response_model=MatchResponse,
    response_model_by_alias=True,
    openapi_extra={"requestBody": {"content": {"application/json": {"example": EXAMPLE}}}},
    responses=responses(400, 401, 403, 404, 428, 429),
)
async def match(
    dataset: Annotated[
        str,
        PathParam(max_length=128, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", examples=["default"]),
    ],
    body: MatchRequest,
    who: CallerDep,
    store: DatabaseDep,
    limit: Annotated[int, Query(ge=1, le=50, description="results per query")] = 5,
) -> MatchResponse:
    """Screen entity-like queries (schema + properties) against the stored lists: results
    with score, match and the features that explain them. It reads listed people, so it
    needs X-Purpose and is audited like every read of personal data."""
    _check(body)
    return await run_in_threadpool(
        match_as, store, who.principal, body, limit, dataset, who.justification
    )
