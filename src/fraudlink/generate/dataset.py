"""Writing a generated dataset: the reports as JSON Lines and, if asked, the truth as JSON.

The truth file is streamed too: report-to-network pairs go straight into it
while network entries, which finish in a different order, wait in a
temporary file beside it; so a million-report run needs no more memory than
a thousand-report one.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from fraudlink.errors import InputError
from fraudlink.generate.stream import stream_labelled, stream_reports


def generate_reports(reports: int, seed: int) -> Iterator[dict[str, Any]]:
    """Report JSON Lines v1 objects for ``seed``, produced one at a time."""
    _check(reports)
    return stream_reports(reports, seed)


def generate_labelled(
    reports: int, seed: int
) -> Iterator[tuple[dict[str, Any], list[dict[str, str]]]]:
    """The same reports as ``generate_reports``, each with the identifiers planted in it.

    Each identifier is ``{"kind", "value"}`` in normal form (plus ``chain``,
    ``bank`` or ``domain`` where the truth file has them), so an extractor can
    be scored report by report, not only network by network.
    """
    _check(reports)
    return stream_labelled(reports, seed)


class _DictTruth:
    def __init__(self, reports: int, seed: int) -> None:
        self.data: dict[str, Any] = {"seed": seed, "reports": reports, "report_network": {},
                                     "networks": {}, "hubs": []}  # fmt: skip

    def hubs(self, hubs: list[dict[str, str]]) -> None:
        self.data["hubs"] = hubs

    def report(self, report_id: str, network_id: str) -> None:
        self.data["report_network"][report_id] = network_id

    def network(self, network_id: str, truth: dict[str, Any]) -> None:
        self.data["networks"][network_id] = truth


def build_truth(reports: int, seed: int) -> dict[str, Any]:
    """The ground truth of ``generate_reports(reports, seed)``, held in memory (small runs)."""
    _check(reports)
    sink = _DictTruth(reports, seed)
    for _ in stream_reports(reports, seed, sink):
        pass
    return sink.data


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class _FileTruth:
    """Streams the truth JSON: pairs into ``main``, networks into ``side`` until ``close``."""

    def __init__(self, main: IO[str], side: IO[str], reports: int, seed: int) -> None:
        self.main, self.side = main, side
        self.comma = self.side_comma = ""
        self._hubs: list[dict[str, str]] = []
        main.write(f'{{\n "seed": {seed},\n "reports": {reports},\n "report_network": {{')

    def hubs(self, hubs: list[dict[str, str]]) -> None:
        self._hubs = hubs

    def report(self, report_id: str, network_id: str) -> None:
        # ids are ASCII letters, digits and dashes, so no JSON escaping is needed
        self.main.write(f'{self.comma}\n  "{report_id}": "{network_id}"')
        self.comma = ","

    def network(self, network_id: str, truth: dict[str, Any]) -> None:
        self.side.write(f'{self.side_comma}\n  "{network_id}": {_dumps(truth)}')
        self.side_comma = ","

    def close(self) -> None:
        self.main.write('\n },\n "networks": {')
        self.side.seek(0)
        shutil.copyfileobj(self.side, self.main)
        self.main.write(f'\n }},\n "hubs": {_dumps(self._hubs)}\n}}\n')


def write_dataset(
    out: Path,
    reports: int,
    seed: int,
    truth: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``reports`` reports to ``out`` (and the truth to ``truth``); return how many."""
    _check(reports)
    with out.open("w", encoding="utf-8", newline="\n") as stream:
        if truth is None:
            return _write_lines(stream, stream_reports(reports, seed), progress)
        with (
            truth.open("w", encoding="utf-8", newline="\n") as main,
            tempfile.TemporaryFile("w+", encoding="utf-8", dir=truth.parent) as side,
        ):
            sink = _FileTruth(main, side, reports, seed)
            count = _write_lines(stream, stream_reports(reports, seed, sink), progress)
            sink.close()
            return count


def _write_lines(
    stream: IO[str], reports: Iterator[dict[str, Any]], progress: Callable[[int], None] | None
) -> int:
    count = 0
    write, dumps = stream.write, json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    for report in reports:
        write(dumps(report) + "\n")
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(1000)
    if progress is not None and count % 1000:
        progress(count % 1000)
    return count


def _check(reports: int) -> None:
    if reports < 0:
        raise InputError(
            "The number of reports must be zero or more; pass --reports N with N >= 0."
        )
