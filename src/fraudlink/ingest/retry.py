"""A batch the database refuses is split until only the line it refuses is left.

Validation in the reader should leave the database nothing to refuse; this is
the net under it. A refused batch is halved and each half written on its own,
so the good reports of the batch still load and the culprit is reported as a
bad line with the database's reason (about 2·log2(batch) extra transactions
per culprit). Errors that come from other writers rather than from the data —
a deadlock, a lock timeout, a report another process inserted first — are
retried as they are, a few times, before anything is split.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError, OperationalError, StatementError

from fraudlink.errors import DatabaseError
from fraudlink.ingest.readers import Parsed, Rejected

if TYPE_CHECKING:
    from fraudlink.ingest.loader import BatchResult, Prepared, ReportWriter
    from fraudlink.ingest.pipeline import IngestSummary

#: attempts for a batch that fails for reasons outside its data
ATTEMPTS = 6


def write_batch(writer: ReportWriter, batch: Sequence[Parsed], summary: IngestSummary) -> None:
    """Extract once, outside any transaction, then write (retrying, splitting) what was found."""
    pending = [writer.prepare(batch)]
    while pending:
        part = pending.pop()
        try:
            summary.add(_write_retrying(writer, part))
        except StatementError as error:
            if len(part) > 1:
                half = len(part) // 2
                pending += [part[half:], part[:half]]
                continue
            parsed = part[0].parsed
            summary.rejected.append(Rejected(parsed.source, parsed.line, refusal(error)))


def _write_retrying(writer: ReportWriter, batch: list[Prepared]) -> BatchResult:
    """Write, retrying what a parallel writer caused.

    A unique-key clash means another process stored one of these reports
    first: once is enough, the retry sees its row. Lock conflicts get a few
    tries with a growing, jittered pause; if they persist the database is in
    trouble, not the line, and the run stops with a clear error.
    """
    clashed = False
    for attempt in range(ATTEMPTS):
        try:
            return writer.write(batch)
        except IntegrityError:
            if clashed:
                raise
            clashed = True
        except OperationalError as error:
            if attempt == ATTEMPTS - 1:
                raise DatabaseError(
                    f"The database kept refusing writes ({refusal(error)}); "
                    "check that it is reachable and not locked by another program, then re-run."
                ) from error
        time.sleep(random.uniform(0, 0.05 * 2**attempt))
    raise AssertionError("unreachable")  # pragma: no cover


def refusal(error: StatementError) -> str:
    """The database's own words, first line only (drivers append the statement)."""
    original = error.orig if error.orig is not None else error
    text = str(original).strip().splitlines()
    return f"the database refused it: {text[0] if text else type(original).__name__}"
