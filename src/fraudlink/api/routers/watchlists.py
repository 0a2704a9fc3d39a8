"""Watchlists and sanctions lists: which are stored, import one uploaded, remove one.

Lists are shared by every agency on the server (screening reads them all);
importing and removing are a supervisor's or an admin's, and audited in their name.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, status
from fastapi import Path as PathParam
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from fraudlink.api.deps import CallerDep, DatabaseDep
from fraudlink.api.models import Cursor
from fraudlink.api.paging import CursorQuery, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses
from fraudlink.errors import InputError

router = APIRouter(prefix="/watchlists", tags=["watchlists"])
ListName = Annotated[
    str,
    PathParam(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
              examples=["kh-npa-watchlist"]),
]  # fmt: skip


class Watchlist(BaseModel):
    name: str = Field(examples=["un-consolidated"])
    format: str = Field(examples=["un-xml"])
    list_date: dt.date | None = None
    entries: int
    names: int
    version: int
    imported_at: dt.datetime | None = None


class WatchlistPage(BaseModel):
    items: list[Watchlist]
    next_cursor: str | None = Cursor


@router.get(
    "",
    name="list_watchlists",
    response_model=WatchlistPage,
    responses=responses(400, 401, 403, 429),
)
def index(
    who: CallerDep, store: DatabaseDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> WatchlistPage:
    """Stored lists by name, with their date, size and import version."""
    from fraudlink.screen.store import list_lists

    rows = list_lists(store)
    start = after(cursor)
    page = rows[start : start + limit]
    last = start + limit if len(rows) > start + limit else None
    items = [Watchlist.model_validate(row.as_json()) for row in page]
    return WatchlistPage(items=items, next_cursor=next_cursor(last))


@router.put(
    "/{name}",
    name="import_watchlist",
    status_code=status.HTTP_201_CREATED,
    response_model=Watchlist,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
    responses=responses(400, 401, 403, 409, 413, 415, 429),
)
async def put(
    name: ListName,
    request: Request,
    who: CallerDep,
    store: DatabaseDep,
    format: Annotated[
        Literal["ftm", "ofac-xml", "ofac-csv", "un-xml", "csv"] | None,
        Query(description="the file's format; guessed from its content when left out"),
    ] = None,
    force: Annotated[bool, Query(description="import even if this very file is stored")] = False,
) -> Watchlist:
    """Store the uploaded list as ``name``, replacing an older version in one transaction."""
    from fraudlink.screen.store import import_list

    data = await request.body()
    if not data:
        raise InputError("Send the list file as the request body (application/octet-stream).")
    with tempfile.TemporaryDirectory(prefix="fraudlink-list-") as folder:
        path = Path(folder) / "upload"
        path.write_bytes(data)
        info = await run_in_threadpool(
            lambda: import_list(
                store, path, name, format=format, force=force, user=who.principal.username
            )
        )
    return Watchlist.model_validate(info.as_json())


@router.delete(
    "/{name}",
    name="remove_watchlist",
    response_model=Watchlist,
    responses=responses(401, 403, 404, 429),
)
def delete(name: ListName, who: CallerDep, store: DatabaseDep) -> Watchlist:
    """Remove a list and its stored hits' source; audited."""
    from fraudlink.screen.store import remove_list

    return Watchlist.model_validate(remove_list(store, name, who.principal.username).as_json())
