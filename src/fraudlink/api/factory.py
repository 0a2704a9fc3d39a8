"""The app built from ``FRAUDLINK_*`` alone, for uvicorn's multi-process mode."""

from __future__ import annotations

from fastapi import FastAPI

from fraudlink.api.app import configure_logging, create_app
from fraudlink.settings import Settings


def app_from_env() -> FastAPI:
    """Each worker process logs JSON lines itself: logging does not cross a spawn."""
    configure_logging()
    return create_app(Settings())
