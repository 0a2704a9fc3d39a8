"""Writing validated reports in batches: one transaction per batch, so a crash loses no half.

A report and everything attached to it (identifiers, persons, losses) are
written in the same transaction as the report itself; a batch that fails
leaves nothing behind, and the next run finds those reports missing and
writes them. Reports are keyed on (agency, id): an unchanged line is skipped,
a changed one replaces the report and keeps the old version as a revision.

Extraction (language, identifiers and names in the narrative) is CPU work done
before the transaction opens (``ReportWriter.prepare``), so a writer holds the
database's write lock (SQLite) or its row locks (PostgreSQL) only for the
statements themselves; a retried or split batch is not extracted again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.sql.expression import bindparam

from fraudlink.audit import AuditEvent, current_user, record_events
from fraudlink.extract.base import Context, Match
from fraudlink.ingest.identifiers import normalise_field
from fraudlink.ingest.model import ReportLine
from fraudlink.ingest.persons import PersonRow, write_persons
from fraudlink.ingest.readers import Parsed, jsonable
from fraudlink.store.locks import insert_missing, write_transaction
from fraudlink.store.schema import (
    Agency,
    Entity,
    Identifier,
    MoneyRecord,
    Report,
    ReportIdentifier,
    ReportRevision,
    ReportRole,
)

#: Finds that describe a report rather than identify who is behind it; they never link.
NOT_IDENTIFIERS = frozenset({"amount", "person", "organization"})
NAME_KINDS = {"person": "Person", "organization": "Organization"}
KIND_LENGTH: int = getattr(Identifier.__table__.c.kind.type, "length", 32)
VALUE_LENGTH: int = getattr(Identifier.__table__.c.value.type, "length", 512)


class NarrativeExtractor(Protocol):
    """What ingest needs from the extract stage (kept a protocol so ingest can run without it)."""

    def detect_language(self, text: str) -> str | None: ...

    def find(self, text: str, context: Context) -> list[Match]: ...


@dataclass
class BatchResult:
    loaded: int = 0
    updated: int = 0
    unchanged: int = 0
    #: What happened to each (source, line) of the batch: loaded, updated or unchanged.
    outcomes: dict[tuple[str, int], str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Existing:
    id: int
    content_hash: str
    version: int
    raw: str


@dataclass
class _Children:
    """Rows hanging off the reports of one batch, gathered before any is written."""

    mentions: list[tuple[int, Match, str]] = field(default_factory=list)
    money: list[dict[str, Any]] = field(default_factory=list)
    persons: list[PersonRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A parsed report with everything extraction found in it, ready to be written."""

    parsed: Parsed
    language: str | None
    detected: bool
    #: normalised identifiers with their origin ("field" or "narrative"), storable ones only
    mentions: tuple[tuple[Match, str], ...] = ()
    #: every storable find of the narrative (names among them become persons)
    found: tuple[Match, ...] = ()

    @property
    def report(self) -> ReportLine:
        return self.parsed.report


def prepare(parsed: Parsed, extractor: NarrativeExtractor | None) -> Prepared:
    """Detect the language and find the identifiers of one report; touches no database."""
    report = parsed.report
    language, detected = report.language, False
    if language is None and extractor is not None and report.narrative:
        language, detected = extractor.detect_language(report.narrative), True
    context = report_context(parsed, language)
    mentions: list[tuple[Match, str]] = []
    for given in report.identifiers:
        match = normalise_field(given.kind, given.value, context, given.model_extra or {})
        if storable(match):
            mentions.append((match, "field"))
    found = extractor.find(report.narrative, context) if extractor and report.narrative else []
    found = [match for match in found if storable(match)]
    mentions += [(match, "narrative") for match in found if match.kind not in NOT_IDENTIFIERS]
    return Prepared(parsed, language, detected, tuple(mentions), tuple(found))


class ReportWriter:
    """Writes batches of parsed reports into one database."""

    def __init__(
        self, engine: Engine, extractor: NarrativeExtractor | None = None, user: str | None = None
    ) -> None:
        self.engine = engine
        self.extractor = extractor
        self.user = current_user(user)
        self._agencies: dict[str, int] = {}

    def prepare(self, batch: Sequence[Parsed]) -> list[Prepared]:
        """Extraction for a batch, outside any transaction."""
        return [prepare(parsed, self.extractor) for parsed in batch]

    def write(self, batch: Sequence[Parsed] | Sequence[Prepared]) -> BatchResult:
        """Write one batch in one transaction; give it prepared to keep extraction out of it."""
        ready = [item if isinstance(item, Prepared) else prepare(item, self.extractor)
                 for item in batch]  # fmt: skip
        with write_transaction(self.engine) as conn:
            agencies = self._agency_ids(conn, {item.report.agency for item in ready})
            existing = self._existing(conn, ready, agencies)
            result, fresh, changed = self._classify(ready, agencies, existing)
            ids = self._insert_reports(conn, fresh, agencies)
            self._replace_reports(conn, changed)
            reports = [*zip(ids, fresh, strict=True), *changed_pairs(changed)]
            self._write_children(conn, reports, agencies)
            audit_victim_data(conn, reports, self.user)
        self._agencies.update(agencies)
        return result

    def _agency_ids(self, conn: Connection, codes: set[str]) -> dict[str, int]:
        """Ids of the agencies, adding the unknown ones (another writer may add them too)."""
        found = {code: self._agencies[code] for code in codes if code in self._agencies}
        missing = codes - found.keys()
        if missing:  # known agencies are read: an insert per request costs round trips
            query = select(Agency.code, Agency.id).where(Agency.code.in_(missing))
            found.update({code: agency_id for code, agency_id in conn.execute(query)})
            missing -= found.keys()
        if missing:
            rows = [{"code": code, "country": agency_country(code)} for code in missing]
            insert_missing(conn, Agency, rows, ["code"])
            query = select(Agency.code, Agency.id).where(Agency.code.in_(missing))
            found.update({code: agency_id for code, agency_id in conn.execute(query)})
        return found

    def _existing(
        self, conn: Connection, batch: Sequence[Prepared], agencies: dict[str, int]
    ) -> dict[tuple[int, str], _Existing]:
        keys = list({(agencies[p.report.agency], p.report.id) for p in batch})
        columns = (Report.agency_id, Report.external_id)
        ids = dict(_select_in(conn, columns, Report.id, keys))
        if not ids:
            return {}
        query = select(Report.id, Report.content_hash, Report.version, Report.raw).where(
            Report.id.in_(list(ids.values()))
        )
        rows = {row[0]: _Existing(*row) for row in conn.execute(query)}
        return {key: rows[report_id] for key, report_id in ids.items()}

    def _classify(
        self,
        batch: Sequence[Prepared],
        agencies: dict[str, int],
        existing: dict[tuple[int, str], _Existing],
    ) -> tuple[BatchResult, list[Prepared], list[tuple[_Existing, Prepared]]]:
        result = BatchResult()
        fresh: list[Prepared] = []
        changed: list[tuple[_Existing, Prepared]] = []
        for item in batch:
            parsed = item.parsed
            old = existing.get((agencies[parsed.report.agency], parsed.report.id))
            if old is None:
                fresh.append(item)
                result.loaded += 1
                result.outcomes[parsed.source, parsed.line] = "loaded"
            elif old.content_hash == parsed.content_hash:
                result.unchanged += 1
                result.outcomes[parsed.source, parsed.line] = "unchanged"
            else:
                changed.append((old, item))
                result.updated += 1
                result.outcomes[parsed.source, parsed.line] = "updated"
        return result, fresh, changed

    def _insert_reports(
        self, conn: Connection, fresh: list[Prepared], agencies: dict[str, int]
    ) -> list[int]:
        if not fresh:
            return []
        now = dt.datetime.now(dt.UTC)
        rows = [
            report_row(p, agencies[p.report.agency])
            | {"version": 1, "ingested_at": now, "updated_at": now}
            for p in fresh
        ]
        conn.execute(insert(Report), rows)
        keys = [(row["agency_id"], row["external_id"]) for row in rows]
        ids = dict(_select_in(conn, (Report.agency_id, Report.external_id), Report.id, keys))
        return [ids[key] for key in keys]

    def _replace_reports(self, conn: Connection, changed: list[tuple[_Existing, Prepared]]) -> None:
        if not changed:
            return
        now = dt.datetime.now(dt.UTC)
        conn.execute(
            insert(ReportRevision),
            [
                {
                    "report_id": old.id,
                    "version": old.version,
                    "raw": old.raw,
                    "content_hash": old.content_hash,
                    "superseded_at": now,
                }
                for old, _ in changed
            ],
        )
        ids = [old.id for old, _ in changed]
        for table in (ReportIdentifier, ReportRole, MoneyRecord):
            conn.execute(delete(table).where(table.report_id.in_(ids)))
        conn.execute(delete(Entity).where(Entity.source_report_id.in_(ids)))
        rows = []
        for old, item in changed:
            row = report_row(item, None)
            del row["agency_id"]
            rows.append(row | {"b_id": old.id, "version": old.version + 1, "updated_at": now})
        statement = update(Report).where(Report.id == bindparam("b_id"))
        conn.execute(statement.execution_options(synchronize_session=False), rows)

    def _write_children(
        self, conn: Connection, reports: Iterable[tuple[int, Prepared]], agencies: dict[str, int]
    ) -> None:
        children = _Children()
        for report_id, item in reports:
            gather_children(children, report_id, agencies[item.report.agency], item)
        write_mentions(conn, children.mentions)
        if children.money:
            conn.execute(insert(MoneyRecord), children.money)
        write_persons(conn, children.persons)


def agency_country(code: str) -> str | None:
    """``KH-NPA`` is an agency of KH; a code without such a prefix names no country."""
    return code[:2] if len(code) > 2 and code[2] in "-_" else None


def audit_victim_data(conn: Connection, reports: list[tuple[int, Prepared]], user: str) -> None:
    """Victims' personal data is protected: one audited import per write names every report
    that brought some (AGENCY/ID), rather than one entry per report."""
    carrying = [item.parsed for _, item in reports if item.report.victim]
    if not carrying:
        return
    sources = sorted({str(parsed.source) for parsed in carrying})
    record_events(conn, [
        AuditEvent(
            "import", "ingest", ", ".join(sources)[:200], user, "ingest",
            carrying[0].report.agency if len({p.report.agency for p in carrying}) == 1 else None,
            {"fields": ["victim"], "sources": sources,
             "reports": [f"{p.report.agency}/{p.report.id}" for p in carrying]},
        )
    ])  # fmt: skip


def changed_pairs(changed: list[tuple[_Existing, Prepared]]) -> list[tuple[int, Prepared]]:
    return [(old.id, item) for old, item in changed]


def report_context(parsed: Parsed, language: str | None) -> Context:
    language = (language or "").split("-")[0].lower() or None
    return Context(region=parsed.report.country, language=language)


def report_row(item: Prepared, agency_id: int | None) -> dict[str, Any]:
    parsed, report = item.parsed, item.report
    return {
        "agency_id": agency_id,
        "external_id": report.id,
        "reported_at": report.reported_at,
        "country": report.country,
        "language": item.language,
        "language_detected": item.detected,
        "scam_type": report.scam_type,
        "narrative": report.narrative,
        "victim": report.victim,
        "extra": jsonable(report.extra_fields()),
        "tlp": report.tlp,
        "raw": parsed.raw,
        "content_hash": parsed.content_hash,
        "source": parsed.source,
    }


def gather_children(children: _Children, report_id: int, agency_id: int, item: Prepared) -> None:
    """The rows hanging off one report, from what ``prepare`` found (no extraction here)."""
    parsed, report = item.parsed, item.report
    children.mentions += [(report_id, match, origin) for match, origin in item.mentions]
    if report.loss is not None:
        children.money.append(
            {
                "kind": "loss",
                "amount": report.loss.amount,
                "currency": report.loss.currency,
                "report_id": report_id,
                "occurred_on": report.reported_at.date(),
            }
        )
    given_rows = [PersonRow.given(report_id, agency_id, parsed, p) for p in report.persons]
    children.persons += given_rows
    known = {row.name for row in given_rows}
    for match in item.found:  # a low-confidence mention (``valid=False``) is no person
        if match.kind in NAME_KINDS and match.valid and match.value not in known:
            known.add(match.value)
            children.persons.append(PersonRow.narrated(report_id, agency_id, parsed, match))


def storable(match: Match) -> bool:
    """Whether a find fits its columns; a 600-character URL in a narrative stays in the
    narrative's text but is no identifier (the reader bounds what the fields give)."""
    return len(match.kind) <= KIND_LENGTH and len(match.value) <= VALUE_LENGTH


def write_mentions(conn: Connection, mentions: list[tuple[int, Match, str]]) -> None:
    if not mentions:
        return
    ids = identifier_ids(conn, [match for _, match, _ in mentions])
    rows: dict[tuple[int, int, str, str], dict[str, Any]] = {}
    for report_id, match, origin in mentions:
        identifier_id = ids[(match.kind, match.value)]
        raw = match.raw[:1024]
        rows.setdefault(
            (report_id, identifier_id, origin, raw),
            {
                "report_id": report_id,
                "identifier_id": identifier_id,
                "raw": raw,
                "origin": origin,
                "start": match.start,
                "end": match.end,
            },
        )
    conn.execute(insert(ReportIdentifier), list(rows.values()))


def _select_in(
    conn: Connection, key_columns: tuple[Any, Any], value_column: Any, keys: list[tuple[Any, Any]]
) -> list[tuple[tuple[Any, Any], Any]]:
    """(key, value) pairs for composite keys.

    One query per leading value (``a = ? AND b IN (…)``) so that the unique index
    serves it: SQLite scans the whole table for a row-value ``(a, b) IN (…)``.
    """
    first_column, second_column = key_columns
    grouped: dict[Any, list[Any]] = {}
    for first, second in keys:
        grouped.setdefault(first, []).append(second)
    found: list[tuple[tuple[Any, Any], Any]] = []
    for first, seconds in grouped.items():
        for start in range(0, len(seconds), 500):
            query = select(second_column, value_column).where(
                first_column == first, second_column.in_(seconds[start : start + 500])
            )
            found += [((first, second), value) for second, value in conn.execute(query)]
    return found


def identifier_ids(conn: Connection, matches: list[Match]) -> dict[tuple[str, str], int]:
    """Ids for every (kind, value), inserting the identifiers not seen before.

    ``INSERT … ON CONFLICT DO NOTHING`` then one look-up: a parallel writer may
    add the same identifier in between; RETURNING in parameter order would
    make SQLite insert row by row.
    """
    wanted = {(match.kind, match.value): match for match in matches}
    columns = (Identifier.kind, Identifier.value)
    found = dict(_select_in(conn, columns, Identifier.id, list(wanted)))
    new = [wanted[key] for key in wanted if key not in found]
    if new:
        rows = [{"kind": m.kind, "value": m.value, "valid": m.valid,
                 "attributes": dict(m.attributes)} for m in new]  # fmt: skip
        insert_missing(conn, Identifier, rows, ["kind", "value"])
        found.update(_select_in(conn, columns, Identifier.id, [(m.kind, m.value) for m in new]))
    return found
