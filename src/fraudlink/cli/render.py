"""Rich renderings shared by commands (presentation only; the numbers come from stage modules)."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from fraudlink.analyse.summary import Summary


def counter_table(title: str, counts: Counter[str], limit: int = 12) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False)
    table.add_column(title.split(" by ")[-1])
    table.add_column("reports", justify="right")
    for key, count in counts.most_common(limit):
        table.add_row(key, f"{count:,}")
    if len(counts) > limit:
        table.add_row(f"… {len(counts) - limit} more", "")
    return table


def print_summary(console: Console, summary: Summary) -> None:
    console.print(f"[bold]{summary.reports:,} reports[/bold] from {summary.agencies} agencies")
    for title, counts in (
        ("reports by country", summary.by_country),
        ("reports by language", summary.by_language),
        ("reports by scam type", summary.by_scam_type),
    ):
        console.print(counter_table(title, counts))
    losses = Table(title="losses by currency", title_justify="left", show_edge=False)
    losses.add_column("currency")
    losses.add_column("total", justify="right")
    for currency, amount in summary.losses.items():
        losses.add_row(currency, f"{amount:,.2f}")
    console.print(losses)
    if summary.identifiers:
        kinds = ", ".join(f"{kind} {count:,}" for kind, count in summary.identifiers.most_common())
        console.print(f"distinct identifiers: {kinds}")
    if summary.networks is None:
        console.print("networks: linking not yet available (run after the link stage exists)")
