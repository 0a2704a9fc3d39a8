"""The ``fraudlink`` app: settings read once, commands discovered, errors rendered as one line."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import typer

from fraudlink.cli import commands
from fraudlink.cli.common import err_console, styled
from fraudlink.errors import FraudlinkError

app = typer.Typer(
    name="fraudlink",
    help="Link cross-border online-fraud reports into networks and share cases between agencies.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _read_settings(ctx: typer.Context) -> None:
    from fraudlink.settings import Settings

    ctx.obj = Settings()


def _register_commands() -> None:
    """Each module of ``fraudlink.cli.commands`` adds its commands through ``register(app)``."""
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        module.register(app)


_register_commands()


def main() -> None:
    try:
        app(standalone_mode=True)
    except BrokenPipeError:
        # the reader (e.g. `| head`) has gone: stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except FraudlinkError as error:
        err_console.print(styled(("error:", "red"), " ", error.message))
        raise SystemExit(1) from None
