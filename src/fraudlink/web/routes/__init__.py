"""One router per page (or group of pages); ``ROUTERS`` is what ``web.install`` mounts."""

from fastapi import APIRouter

from fraudlink.web.routes import auth, dashboard, networks

ROUTERS: tuple[APIRouter, ...] = (
    auth.router,
    dashboard.router,
    networks.router,
)
