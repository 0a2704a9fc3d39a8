"""Rich renderings shared by commands (presentation only; the numbers come from stage modules)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from fraudlink.cli.amounts import format_money, format_totals
from fraudlink.cli.common import data_table, styled

if TYPE_CHECKING:
    from fraudlink.analyse.evaluate import Scores
    from fraudlink.analyse.summary import Summary
    from fraudlink.link import LinkSummary, NetworkView
    from fraudlink.link.flow import Trace
    from fraudlink.link.networks.views import NetworkDetail, NetworkRow
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
        losses.add_row(currency, format_money(amount))
    console.print(losses)
    if summary.identifiers:
        kinds = ", ".join(f"{kind} {count:,}" for kind, count in summary.identifiers.most_common())
        console.print(f"distinct identifiers: {kinds}")
    if summary.networks is None:
        console.print("networks: not linked yet (run `fraudlink link`)")


def print_summary_networks(console: Console, summary: Summary) -> None:
    """The largest networks of a summary, one line each (``fraudlink network ID`` for more)."""
    for network in summary.networks or []:
        countries = network["countries"]
        losses = network["losses"]
        assert isinstance(countries, dict) and isinstance(losses, dict)
        console.print(
            styled(
                (f"network {network['id']}", "bold"),
                f": {network['size']} reports; "
                + ", ".join(f"{c} {n}" for c, n in list(countries.items())[:5])
                + "; lost "
                + (format_totals(losses, limit=4) or "nothing recorded"),
            )
        )


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
        losses = format_totals(network.losses, limit=4)
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


def _counts(counts: Counter[str], limit: int = 8) -> str:
    shown = ", ".join(f"{key} {n:,}" for key, n in counts.most_common(limit))
    return shown + (f", … {len(counts) - limit} more" if len(counts) > limit else "")


def histogram_lines(bins: list[tuple[str, int]], width: int = 40) -> list[str]:
    """One line per bin: its label, a bar scaled to the largest bin, the count."""
    top = max((n for _, n in bins), default=0) or 1
    return [f"  {label}  {'█' * round(n * width / top):<{width}} {n:,}" for label, n in bins]


def print_network(console: Console, detail: NetworkDetail, identifiers: int = 15) -> None:
    """A network as an analyst reads it: the facts first, then what links it, then when."""
    console.print(styled((f"network {detail.id}", "bold"), f": {detail.size:,} reports"))
    console.print(f"countries: {_counts(detail.countries)}")
    console.print(f"languages: {_counts(detail.languages)}")
    losses = format_totals(detail.losses)
    console.print(f"losses: {losses or 'none recorded'}")
    if detail.persons:
        console.print(styled(("persons", "bold")))
        for person in detail.persons:
            console.print(f"  {person}")
    table = data_table("reports", "identifier", "links", title="identifiers", right=("reports",))
    for kind, value, count, status in detail.identifiers[:identifiers]:
        table.add_row(f"{count:,}", f"{kind}:{value}", status)
    console.print(table)
    if len(detail.identifiers) > identifiers:
        console.print(f"  … {len(detail.identifiers) - identifiers} more (--json lists all)")
    console.print(styled(("reports per month", "bold")))
    for line in histogram_lines(detail.histogram()):
        console.print(line)


def print_network_rows(console: Console, rows: list[NetworkRow], min_size: int) -> None:
    """Networks as blocks, not a table: identifiers (wallets) are long and must show whole."""
    console.print(
        styled(
            (f"{len(rows):,} network{'s' if len(rows) != 1 else ''}", "bold"),
            f" of {min_size}+ reports, largest first",
        )
    )
    for row in rows:
        span = f", {row.first:%Y-%m} to {row.last:%Y-%m}" if row.first and row.last else ""
        console.print(styled("\n", (f"network {row.id}", "bold"), f": {row.size:,} reports{span}"))
        console.print(f"  countries: {_counts(row.countries, 5)}")
        losses = format_totals(row.losses, sep="; ")
        console.print(f"  lost: {losses or 'none recorded'}")
        central = [f"{i} ({n} report{'s' if n > 1 else ''})" for i, n in row.central] or ["none"]
        console.print("  central: " + "\n           ".join(central))


def print_operation(console: Console, figures: Mapping[str, Any]) -> None:
    """An operation's figures (``operation_statistics``): counts, then money in its own
    currencies and in USD at the dated rates."""
    console.print(
        styled(
            (f"operation {figures['operation']}", "bold"),
            f": {figures['cases']:,} cases, {figures['reports']:,} reports, "
            f"{figures['networks']:,} networks",
        )
    )
    actions = ", ".join(f"{kind} {n:,}" for kind, n in figures["actions"].items())
    console.print(f"actions: {actions or 'none'}")
    handed = figures["handed_over_or_repatriated"]
    console.print(f"{figures['arrested']:,} arrested, {figures['rescued']:,} rescued, "
                  f"{handed:,} handed over or repatriated")  # fmt: skip
    rows = [("losses", figures["losses"], figures["losses_usd"])]
    rows += [(state, totals, figures["assets_usd"][state])
             for state, totals in figures["assets"].items()]  # fmt: skip
    for label, totals, usd in rows:
        unrated = f"; no rate for {', '.join(usd['without_rate'])}" if usd["without_rate"] else ""
        console.print(f"{label}: {format_totals(totals) or 'none recorded'} "
                      f"(= {format_money(usd['total'], 'USD')}{unrated})")  # fmt: skip


def print_trace(console: Console, trace: Trace) -> None:
    """Hops indented by depth, in time order (UTC), then where the money rests."""

    def networks(account: str) -> str:
        found = trace.networks.get(account)
        return f" [network {', '.join(map(str, found))}]" if found else ""

    console.print(styled((f"trace of {trace.account}", "bold"), networks(trace.account)))
    for hop in trace.hops:
        share = (
            "" if hop.amount == hop.payment_amount else f" (of {format_money(hop.payment_amount)})"
        )
        exchange = ""
        if hop.exchange:
            exchange = f", exchanged from {hop.exchange[0]} at {hop.exchange[1]:.6g}"
        console.print(f"{'  ' * hop.depth}{hop.at:%Y-%m-%d %H:%MZ} {hop.from_account} → "
                      f"{hop.to_account}{networks(hop.to_account)}: "
                      f"{format_money(hop.amount, hop.currency)}{share}{exchange}")  # fmt: skip
    for end in trace.ends:
        console.print(
            styled(("rests", "bold"), f" at {end.account}{networks(end.account)}: "
                   f"{format_money(end.amount, end.currency)} ({end.reason})")
        )  # fmt: skip
