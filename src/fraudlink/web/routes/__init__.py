"""One router per page (or group of pages); ``ROUTERS`` is what ``web.install`` mounts."""

from fastapi import APIRouter

from fraudlink.web.routes import (
    auth,
    cases,
    dashboard,
    disputes,
    identifiers,
    jobs,
    network_graph,
    networks,
    operations,
    packages,
    persons,
    reports,
)

ROUTERS: tuple[APIRouter, ...] = (
    auth.router,
    dashboard.router,
    reports.router,
    identifiers.router,
    persons.router,
    networks.router,
    network_graph.router,
    cases.router,
    packages.router,
    jobs.router,
    operations.router,
    disputes.router,
)
