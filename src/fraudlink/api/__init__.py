"""The REST API: a FastAPI app from ``create_app(settings)``, thin over the stage modules."""

from fraudlink.api.app import create_app

__all__ = ["create_app"]
