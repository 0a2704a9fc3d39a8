"""``fraudlink public``: publish the public index, serve it, and review disputes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.common import DbOption, JsonOption, console, database, print_jsonl

public_app = typer.Typer(
    help="The public check: a minimised index, its server, and disputes.", no_args_is_help=True
)


@public_app.command("publish")
def publish_command(
    ctx: typer.Context,
    out_file: Annotated[Path, typer.Argument(help="Index file to write (replaced atomically).")],
    db: DbOption = None,
    min_reports: Annotated[int, typer.Option("--min-reports", min=1)] = 3,
    min_victims: Annotated[int, typer.Option("--min-victims", min=1)] = 2,
    json_: JsonOption = False,
) -> None:
    """Write the aggregated public index: identifiers reported often enough, and official ones."""
    from fraudlink.public.publish import Thresholds, publish

    summary = publish(database(ctx, db), out_file, Thresholds(min_reports, min_victims))
    if json_:
        print_jsonl([summary.as_json()])
    else:
        console.print(" ".join(f"{k}={v}" for k, v in summary.as_json().items()), highlight=False)


@public_app.command("serve")
def serve_command(
    index: Annotated[Path, typer.Option("--index", help="Published index file.")],
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8080,
    disputes: Annotated[
        Path | None, typer.Option("--disputes", help="Dispute spool (default: next to the index).")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Server processes.")] = 1,
) -> None:
    """Serve the public pages and /v1 API from an index file (never the agency database)."""
    from fraudlink.public.app import serve

    serve(index, disputes, host, port, workers)


@public_app.command("jobcheck")
def jobcheck_command(
    file: Annotated[Path, typer.Argument(help="Text file of the advert, or - for stdin.")],
    lang: Annotated[str, typer.Option("--lang", help="Language of reasons and advice.")] = "en",
    nationality: Annotated[str | None, typer.Option("--nationality")] = None,
    index: Annotated[Path | None, typer.Option("--index", help="Published index file.")] = None,
    json_: JsonOption = False,
) -> None:
    """Say how much a job advert looks like a scam-compound lure, and why."""
    import sys

    from fraudlink.public.index import PublicIndex
    from fraudlink.public.jobcheck import assess

    text = sys.stdin.read() if str(file) == "-" else file.read_text("utf-8")
    opened = PublicIndex(index) if index else None
    found = assess(text, language=lang, nationality=nationality, index=opened)
    if json_:
        print_jsonl([found.as_json()])
        return
    console.print(f"risk: {found.level} (score {found.score})", highlight=False)
    for reason in found.reasons:
        words = ", ".join(f"{h.text!r}@{h.start}" for h in reason.hits)
        console.print(f"  +{reason.weight} {reason.text}  [{words}]", highlight=False)
    console.print(found.advice, highlight=False)


disputes_app = typer.Typer(help="Disputes filed on the public server.", no_args_is_help=True)
public_app.add_typer(disputes_app, name="disputes")
Spool = Annotated[Path, typer.Option("--spool", help="The public server's dispute spool file.")]
Reference = Annotated[str, typer.Argument(help="The dispute's reference, e.g. FLD-ABCDE-FGHJK.")]
Note = Annotated[str | None, typer.Option("--note", help="Why (kept with the decision).")]


@disputes_app.command("list")
def disputes_list(
    spool: Spool,
    status: Annotated[
        str | None, typer.Option("--status", help="open, withdrawn, rejected")
    ] = None,
    json_: JsonOption = False,
) -> None:
    """List disputes, oldest first."""
    from fraudlink.public.disputes import list_disputes

    rows = list_disputes(spool, status)
    if json_:
        print_jsonl(row.as_json() for row in rows)
        return
    for row in rows:
        console.print(f"{row.reference}  {row.status:<9} {row.created_at}  {row.kind}:{row.value}  "
                      f"{row.message[:60]}", highlight=False)  # fmt: skip


@disputes_app.command("withdraw")
def disputes_withdraw(
    ctx: typer.Context, reference: Reference, spool: Spool, db: DbOption = None, note: Note = None
) -> None:
    """Uphold a dispute: the identifier leaves the index at the next `public publish`."""
    from fraudlink.public.disputes import withdraw

    found = withdraw(database(ctx, db), spool, reference, note)
    console.print(f"withdrawn {found.kind}:{found.value} ({found.reference}); "
                  "publish the index again to apply it", highlight=False)  # fmt: skip


@disputes_app.command("reject")
def disputes_reject(reference: Reference, spool: Spool, note: Note = None) -> None:
    """Close a dispute without changing the index."""
    from fraudlink.public.disputes import reject

    found = reject(spool, reference, note)
    console.print(f"rejected {found.reference}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(public_app, name="public")
