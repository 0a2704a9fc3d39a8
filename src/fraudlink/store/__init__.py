"""Storage: the relational model and the database it lives in (SQLite or PostgreSQL)."""

from fraudlink.store.db import Database, open_database

__all__ = ["Database", "open_database"]
