"""The network picture's layout and the money trail's diagram: shapes a page can draw."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from decimal import Decimal

from fraudlink.link.flow import Payment, trace_payments
from fraudlink.link.flow.diagram import diagram
from fraudlink.link.networks.layout import place

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def _network(reports: int) -> tuple[list[str], list[tuple[str, str]]]:
    """Reports chained by shared identifiers, each with one identifier of its own."""
    nodes, edges = [], []
    for r in range(reports):
        nodes += [f"r{r}", f"own{r}"]
        edges += [(f"r{r}", f"own{r}"), (f"r{r}", f"s{r // 2}"), (f"r{r}", f"s{(r + 1) // 2}")]
    nodes += sorted({b for _, b in edges if b.startswith("s")})
    return nodes, edges


def test_every_node_gets_its_own_place_and_hubs_sit_outside() -> None:
    nodes, edges = _network(300)
    where = place(nodes, edges, apart=["hub1", "hub2"])
    assert set(where) == set(nodes) | {"hub1", "hub2"}
    assert len(set(where.values())) == len(where)
    xs, ys = [where[n][0] for n in nodes], [where[n][1] for n in nodes]
    centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    reach = max(math.dist(centre, where[n]) for n in nodes)
    assert all(math.dist(centre, where[h]) > reach for h in ("hub1", "hub2"))


def test_separate_parts_do_not_overlap() -> None:
    where = place(["a", "b", "c", "d"], [("a", "b"), ("c", "d")])
    left = max(where["a"][0], where["b"][0])
    assert min(where["c"][0], where["d"][0]) > left or min(where["a"][0], where["b"][0]) > max(
        where["c"][0], where["d"][0]
    )


def test_layout_time_grows_linearly(
    cpu_growth: Callable[[Callable[[int], object], int], float],
) -> None:
    def work(n: int) -> object:
        nodes, edges = _network(n)
        return place(nodes, edges)

    assert cpu_growth(work, 500) < 8


def pay(a: str, b: str, amount: str, hours: float, currency: str = "USD") -> Payment:
    return Payment(a, b, Decimal(amount), currency, T0 + dt.timedelta(hours=hours), None)


def test_diagram_sums_flows_in_hop_columns_and_marks_money_going_back() -> None:
    trace = trace_payments("VICTIM", [
        pay("VICTIM", "MULE", "600", 0),
        pay("VICTIM", "MULE", "400", 1),
        pay("MULE", "WALLET", "900", 2),
        pay("WALLET", "MULE", "100", 3),
    ])  # fmt: skip
    drawn = diagram(trace)
    columns = {name: account.column for name, account in drawn.accounts.items()}
    assert columns == {"VICTIM": 0, "MULE": 1, "WALLET": 2}
    flows = {(f.source, f.target): (f.amount, f.payments, f.back) for f in drawn.flows}
    assert flows[("VICTIM", "MULE")] == (Decimal("1000"), 2, False)
    assert flows[("WALLET", "MULE")][2] is True
    assert drawn.sent == {"USD": Decimal("1000")}
