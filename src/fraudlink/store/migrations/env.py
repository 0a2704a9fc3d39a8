"""Alembic environment: the engine comes from fraudlink, never from an ini file.

``fraudlink.store.db.upgrade`` passes the connection that holds the migration
lock; the migrations then run inside its transaction and it commits them.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

from fraudlink.store.schema import Base


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


given: Connection | None = context.config.attributes.get("connection")
if given is not None:
    run(given)
else:
    engine: Engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        run(connection)
        connection.commit()
