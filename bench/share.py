"""Time ``package create`` and ``package open`` for an evidence transfer of N files (default
1,000 files totalling 1 GiB), generated in a temporary folder, between two SQLite agencies.

    .venv/bin/python bench/share.py [--files N] [--total-mib M]

Peak memory is printed too: evidence is streamed in 1 MiB chunks, so it stays
far below the size of the evidence.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import tempfile
import time
from pathlib import Path

from fraudlink.access import add_user
from fraudlink.access.principal import acting_as
from fraudlink.cases import open_case
from fraudlink.settings import Settings
from fraudlink.share import Request, add_card, create, export_card, init_agency, open_package
from fraudlink.store import Database, open_database

PASSPHRASE = "benchmark passphrase"


def agency(root: Path, code: str, country: str) -> Database:
    database = open_database(Settings(db=str(root / f"{code}.db")))
    with database.session() as session:
        init_agency(session, code, code, country, PASSPHRASE)
        add_user(session, "bench", code, ["liaison"], None)
    return database


def evidence(folder: Path, files: int, total: int) -> list[str]:
    folder.mkdir()
    size = total // files
    paths = []
    for index in range(files):
        path = folder / f"item-{index:05d}.bin"
        path.write_bytes(os.urandom(size))
        paths.append(str(path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--total-mib", type=int, default=1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sender, receiver = agency(root, "KH-NPA", "KH"), agency(root, "CN-MPS", "CN")
        with sender.session() as s, receiver.session() as r:
            add_card(r, export_card(s))
            add_card(s, export_card(r))
            open_case(s, "BENCH-1", "benchmark", "KH-NPA", ["CN-MPS"])
        paths = evidence(root / "in", args.files, args.total_mib << 20)
        out = root / "bench.flpkg"
        request = Request(
            kind="evidence_transfer",
            case="BENCH-1",
            to="CN-MPS",
            out=str(out),
            created_by="bench",
            evidence=paths,
            acquisition={
                "method": "generated",
                "authorisation": "benchmark",
                "at": dt.datetime.now(dt.UTC).isoformat(),
            },
        )
        started = time.perf_counter()
        create(sender, request, PASSPHRASE, acting_as(sender, "bench"))
        made = time.perf_counter() - started
        started = time.perf_counter()
        received = open_package(
            receiver, out, PASSPHRASE, root / "evidence", acting_as(receiver, "bench")
        )
        opened = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"evidence: {args.files} files, {args.total_mib} MiB; "
            f"package {out.stat().st_size / 2**20:.0f} MiB"
        )
        print(f"package create: {made:.1f} s ({args.total_mib / made:.0f} MiB/s)")
        print(
            f"package open:   {opened:.1f} s ({args.total_mib / opened:.0f} MiB/s), "
            f"{received.counts.get('evidence_item', 0)} evidence items imported"
        )
        print(f"peak memory (RSS): {peak:.0f} MiB")
        sender.dispose()
        receiver.dispose()


if __name__ == "__main__":
    main()
