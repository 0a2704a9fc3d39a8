"""The report stream: networks interleaved with solo noise, one report at a time.

Networks are planned as sizes only (a few integers each) and brought to life
in a small window of active networks, so memory stays flat however many
reports are asked for; a network's truth is handed to the sink the moment its
last report is written. Everything draws from one ``random.Random(seed)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from random import Random
from typing import Any, Protocol

from fraudlink.generate.network import Network, new_network
from fraudlink.generate.phrases import SCAM_TYPES
from fraudlink.generate.report import ReportWriter
from fraudlink.generate.world import BASE_COUNTRIES, VICTIM_WEIGHTS, make_hubs, pick, weighted

START = datetime(2023, 1, 1, tzinfo=UTC).timestamp()
END = datetime(2026, 10, 31, tzinfo=UTC).timestamp()
_DAY = 86_400.0
ACTIVE_WINDOW = 48


class TruthSink(Protocol):
    """Receives the ground truth as the stream produces it."""

    def hubs(self, hubs: list[dict[str, str]]) -> None: ...

    def report(self, report_id: str, network_id: str) -> None: ...

    def network(self, network_id: str, truth: dict[str, Any]) -> None: ...


def plan_sizes(rng: Random, reports: int) -> list[int]:
    """Heavy-tailed network sizes (many of 2–10, a few of hundreds) leaving 5–10 % solo reports."""
    target = reports - round(reports * rng.uniform(0.05, 0.10))
    cap = max(2, min(3000, reports // 6))
    sizes: list[int] = []
    total = 0
    while target - total >= 2:
        size = int(2 * rng.paretovariate(1.15))
        if size > cap:  # a soft cap, so the biggest networks do not all have one size
            size = max(2, int(cap * (0.4 + 0.6 * rng.random())))
        size = min(size, target - total)
        if target - total - size == 1:
            size += 1
        sizes.append(size)
        total += size
    return sizes


def _timing(rng: Random, size: int) -> tuple[float, float]:
    span = min(END - START, (size**0.6) * rng.lognormvariate(3.2, 0.7) * _DAY)
    return START + rng.random() * (END - START - span), span


class _Stream:
    def __init__(self, reports: int, seed: int, sink: TruthSink | None) -> None:
        self.rng = Random(seed)
        self.reports = reports
        self.sink = sink
        hubs = make_hubs(self.rng)
        if sink is not None:
            sink.hubs([hub.truth() for hub in hubs])
        self.writer = ReportWriter(self.rng, hubs)
        self.taken = {f"{hub.kind}:{hub.value}" for hub in hubs}
        self.pending = plan_sizes(self.rng, reports)
        self.pending.reverse()
        self.solo_left = reports - sum(self.pending)
        self.active: list[Network] = []
        self.created = 0

    def run(self) -> Iterator[dict[str, Any]]:
        for index in range(self.reports):
            if self.solo_left and self.rng.random() * (self.reports - index) < self.solo_left:
                self.solo_left -= 1
                yield self._solo()
            else:
                yield self._networked()

    def labelled(self) -> Iterator[tuple[dict[str, Any], list[dict[str, str]]]]:
        for report in self.run():
            yield report, [ident.truth() for ident in self.writer.planted]

    def _activate(self) -> None:
        while self.pending and len(self.active) < ACTIVE_WINDOW:
            size = self.pending.pop()
            self.created += 1
            start, span = _timing(self.rng, size)
            self.active.append(
                new_network(self.rng, f"net-{self.created:05d}", size, start, span, self.taken)
            )

    def _networked(self) -> dict[str, Any]:
        self._activate()
        index = int(self.rng.random() * len(self.active))
        network = self.active[index]
        ts = network.start + network.span * (network.written + self.rng.random()) / network.size
        country = self.writer.pick_country(network)
        report = self.writer.write(network, country, self.writer.next_id(country), ts)
        network.written += 1
        if self.sink is not None:
            self.sink.report(report["id"], network.id)
        if network.written == network.size:
            self.active[index] = self.active[-1]
            self.active.pop()
            if self.sink is not None:
                self.sink.network(network.id, network.truth())
        return report

    def _solo(self) -> dict[str, Any]:
        rng = self.rng
        base = weighted(rng, BASE_COUNTRIES)
        network = Network("", base, (pick(rng, SCAM_TYPES),), VICTIM_WEIGHTS, 1, 0.0, 0.0)
        network.taken = self.taken
        country = self.writer.pick_country(network)
        report_id = self.writer.next_id(country)
        network.id = f"solo-{report_id}"
        report = self.writer.write(
            network, country, report_id, START + rng.random() * (END - START)
        )
        if self.sink is not None:
            self.sink.report(report_id, network.id)
            self.sink.network(network.id, network.truth())
        return report


def stream_reports(
    reports: int, seed: int, sink: TruthSink | None = None
) -> Iterator[dict[str, Any]]:
    """Yield ``reports`` reports for ``seed``, telling ``sink`` (if any) the truth as it goes."""
    return _Stream(reports, seed, sink).run()


def stream_labelled(
    reports: int, seed: int
) -> Iterator[tuple[dict[str, Any], list[dict[str, str]]]]:
    """Like ``stream_reports``, each report paired with the identifiers planted in it."""
    return _Stream(reports, seed, None).labelled()
