"""Rich renderings shared by commands (presentation only; the numbers come from stage modules)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from fraudlink.cli.common import styled

if TYPE_CHECKING:
    from fraudlink.analyse.evaluate import Scores
    from fraudlink.analyse.summary import Summary
    from fraudlink.link import LinkSummary, NetworkView
    from fraudlink.screen.network import ListedPlayer


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
    console.print(
        styled((f"{summary.reports:,} reports", "bold"), f" from {summary.agencies} agencies")
    )
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
        console.print("networks: not linked yet (run `fraudlink link`)")


def print_networks(
    console: Console,
    linked: LinkSummary,
    networks: list[NetworkView],
    accuracy: Scores | None,
    listed: dict[int, list[ListedPlayer]] | None = None,
) -> None:
    console.print(
        styled(
            ("networks", "bold"),
            f": {linked.networks:,} from {linked.reports:,} reports "
            f"({linked.hubs} hub identifiers ignored, {linked.allowlisted} allow-listed)",
        )
    )
    if accuracy is not None:
        console.print(
            f"against the generator's truth: B-cubed precision {accuracy.precision:.3f}, "
            f"recall {accuracy.recall:.3f}, F1 {accuracy.f1:.3f}"
        )
    for network in networks:
        countries = ", ".join(f"{code} {n}" for code, n in list(network.countries.items())[:6])
        losses = ", ".join(
            f"{amount:,.0f} {cur}" for cur, amount in list(network.losses.items())[:4]
        )
        console.print(
            styled(
                "\n", (f"network {network.id}", "bold"), f": {network.size} reports; {countries}"
            )
        )
        console.print(f"  losses: {losses or 'none recorded'}")
        for player in network.players:
            roles = f" ({', '.join(sorted(player.roles))})" if player.roles else ""
            console.print(
                f"  {player.score:5.2f}  {player.kind:<10} {player.label}{roles} — "
                f"{len(player.reports)} victims, {len(player.countries)} countries"
            )
        for found in (listed or {}).get(network.id, []):
            console.print(
                styled(
                    "  ",
                    ("listed", "red"),
                    f": {found.player.label} ~ {found.hit.entry.caption} "
                    f"on {found.hit.list_name} (score {found.hit.score:.2f})",
                )
            )
