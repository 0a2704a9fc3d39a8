"""The ``fraudlink`` app: settings read once, commands discovered, errors rendered as one line."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from typing import Annotated, Any

import typer

from fraudlink.cli import commands
from fraudlink.cli.common import err_console, styled
from fraudlink.errors import FraudlinkError


def _hide_flag_types() -> None:
    """Typer prints ``<bool>`` beside every flag (``--help <bool>``), which reads as if the
    flag took a value; a flag's type column stays empty, as in click's own help."""
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_hide_flag_types()

app = typer.Typer(
    name="fraudlink",
    help="Link cross-border online-fraud reports into networks and share cases between agencies.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("fraudlink")
        except PackageNotFoundError:
            found = "unknown (not installed)"
        typer.echo(f"fraudlink {found}")
        raise typer.Exit()


@app.callback()
def _read_settings(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", is_eager=True, callback=_print_version, help="Print the version."
        ),
    ] = False,
) -> None:
    from fraudlink.settings import Settings

    ctx.obj = Settings()


def _register_commands() -> None:
    """Each module of ``fraudlink.cli.commands`` adds its commands through ``register(app)``."""
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        module.register(app)


_register_commands()


def validation_sentence(error: BaseException) -> str | None:
    """A pydantic ValidationError that escaped a stage, as the one sentence a user reads;
    ``None`` for anything else. pydantic is looked up, not imported: ``--help`` stays light."""
    core = sys.modules.get("pydantic_core")
    if core is None or not isinstance(error, core.ValidationError):
        return None
    first = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "the input"
    context = first.get("ctx") or {}
    if first["type"] == "too_short" and "min_length" in context:
        return f"'{where}' needs at least {context['min_length']} value(s); give one."
    if first["type"] == "missing":
        return f"'{where}' is required; give it."
    message = str(first["msg"]).removeprefix("Value error, ").rstrip(".")
    return f"'{where}': {message[:1].lower()}{message[1:200]}."


def main() -> None:
    try:
        app(standalone_mode=True)
    except BrokenPipeError:
        # the reader (e.g. `| head`) has gone: stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except FraudlinkError as error:
        err_console.print(styled(("error:", "red"), " ", error.message))
        raise SystemExit(1) from None
    except ValueError as error:
        sentence = validation_sentence(error)
        if sentence is None:
            raise
        err_console.print(styled(("error:", "red"), " ", sentence))
        raise SystemExit(1) from None
