"""``fraudlink serve`` and ``fraudlink worker``: the REST API and its job workers."""

from __future__ import annotations

from typing import Annotated

import typer

from fraudlink.cli.common import DbOption, err_console, settings


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Server processes.")] = 1,
    db: DbOption = None,
) -> None:
    """Serve the REST API (/api/v1) over the database; on SQLite it also runs the jobs."""
    import uvicorn

    from fraudlink.api.app import configure_logging
    from fraudlink.store import open_database

    chosen = settings(ctx).with_db(db)
    open_database(chosen).dispose()  # migrate once, before several processes start
    configure_logging()
    _stacks_on_request()
    if workers > 1:
        # each process builds its own app from the environment, as uvicorn requires
        import os

        os.environ["FRAUDLINK_DB"] = chosen.db
        uvicorn.run(
            "fraudlink.api.factory:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            access_log=False,
            # a child imports the whole app before it answers; a busy host needs the time
            timeout_worker_healthcheck=120,
        )
        return
    from fraudlink.api import create_app

    uvicorn.run(create_app(chosen), host=host, port=port, access_log=False)


def _stacks_on_request() -> None:
    """``kill -USR1 PID`` prints every thread's stack to stderr: where a stuck server waits,
    without stopping it."""
    import faulthandler
    import signal

    if hasattr(signal, "SIGUSR1"):
        faulthandler.register(signal.SIGUSR1, all_threads=True)


def worker(
    ctx: typer.Context,
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="Run queued jobs, then stop.")] = False,
) -> None:
    """Take jobs from the queue (several workers share it on PostgreSQL)."""
    import threading

    from fraudlink.api.app import configure_logging
    from fraudlink.jobs.worker import run_forever, run_one, worker_name
    from fraudlink.store import open_database

    configure_logging()
    database = open_database(settings(ctx).with_db(db))
    name = worker_name()
    if once:
        count = 0
        while run_one(database, name):
            count += 1
        err_console.print(f"{count} job(s) run")
        return
    stop = threading.Event()
    try:
        run_forever(database, name, stop)
    except KeyboardInterrupt:
        stop.set()


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)
    app.command(name="worker")(worker)
