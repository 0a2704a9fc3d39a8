"""The server's one app object, made by ``create_app(settings)``; routers add the resources.

To add a resource: write a router in ``fraudlink.api.routers`` whose handlers
take ``CallerDep`` and call a stage module, give every route a ``name``, add
the names to ``policy.POLICIES``, and list the router in ``ROUTERS``. The
access-matrix test then calls each new route as every kind of caller.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from fraudlink import __version__, web
from fraudlink.api import problems
from fraudlink.api.deps import RateLimiter
from fraudlink.api.middleware import BodyLimit, Hygiene, JsonFormatter
from fraudlink.api.routers import (
    audit,
    cases,
    disputes,
    evidence,
    federation,
    identifiers,
    jobs,
    joint_cases,
    match,
    meta,
    misp_feed,
    networks,
    operations,
    packages,
    persons,
    reports,
    taxii,
    watchlists,
)
from fraudlink.settings import Settings
from fraudlink.store import Database, open_database

PREFIX = "/api/v1"
ROUTERS: tuple[APIRouter, ...] = (
    meta.router,
    reports.router,
    identifiers.router,
    networks.router,
    persons.router,
    joint_cases.router,
    audit.router,
    jobs.router,
    disputes.router,
    packages.router,
    cases.router,
    evidence.router,
    watchlists.router,
    match.router,
    federation.router,
    operations.router,
)
#: Routers that follow another standard's paths (TAXII 2.1, MISP feeds), mounted at the root.
FEEDS: tuple[APIRouter, ...] = (taxii.router, misp_feed.router)


def route_table() -> list[tuple[str, str, str]]:
    """Every (method, path, name) the API serves: what the access-matrix test walks."""
    table: list[tuple[str, str, str]] = []
    for router in ROUTERS:
        for route in router.routes:
            if isinstance(route, APIRoute):
                methods = sorted(route.methods or ())
                table.extend((method, PREFIX + route.path, route.name) for method in methods)
    return sorted(table)


def feed_route_table() -> list[tuple[str, str, str]]:
    """The same for the feed routers; they stay out of the OpenAPI document (own standards)."""
    return sorted(
        (method, route.path, route.name)
        for router in FEEDS
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in sorted(route.methods or ())
    )


def configure_logging(level: int = logging.INFO) -> None:
    """JSON lines on stderr for fraudlink's loggers (uvicorn's own access log is turned off)."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("fraudlink")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def _serves_jobs(settings: Settings, database: Database) -> bool:
    if settings.serve_jobs is not None:
        return settings.serve_jobs
    return database.dialect == "sqlite"


def create_app(settings: Settings, database: Database | None = None) -> FastAPI:
    """The API over ``settings.db``; pass ``database`` to share one already open (tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from starlette.concurrency import run_in_threadpool

        from fraudlink.ingest.narrative import warm_up
        from fraudlink.jobs.worker import start_thread

        await run_in_threadpool(warm_up)  # the first reports must not pay for it
        store = database or open_database(settings)
        app.state.database = store
        stopper = start_thread(store)[1] if _serves_jobs(settings, store) else None
        try:
            yield
        finally:
            if stopper is not None:
                stopper.set()
            if database is None:
                store.dispose()

    app = FastAPI(
        title="fraudlink",
        version=__version__,
        description="Cross-border online-fraud reports, networks and joint cases, per agency.",
        lifespan=lifespan,
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=f"{PREFIX}/docs",
        redoc_url=None,
    )
    app.state.limiter = RateLimiter(settings.rate_limit)
    app.state.settings = settings
    problems.install(app)
    problems.document(app)
    for router in ROUTERS:
        app.include_router(router, prefix=PREFIX)
    web.install(app)
    for router in FEEDS:
        app.include_router(router)
    app.state.max_body_bytes = settings.max_body_bytes
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(Hygiene)
    return app
