""" "Which reports and networks hold this phone, wallet or account?" — one identifier looked up.

The value is normalised by its kind exactly as ingest normalised it (a phone
written locally needs the victim's country), so ``012 345 678`` with ``KH``
finds the reports that wrote ``+855 12 345 678``. The answer gathers what
every stage knows of it: reports, networks, hub verdict, first and last seen,
screening hits and the money that went through it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, Connection, func, or_, select

from fraudlink.errors import InputError, NotFound
from fraudlink.extract import Context, known_kinds, normalise
from fraudlink.link.flow.accounts import ACCOUNT_KINDS
from fraudlink.link.flow.tables import Transaction
from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.link.reports import resolve_report
from fraudlink.screen.tables import ScreenHit
from fraudlink.store import Database
from fraudlink.store.schema import Agency, Identifier, Report, ReportIdentifier


def identifier_kinds() -> list[str]:
    """Kinds that name one thing (a phone, a wallet), not amounts or names of people."""
    return [kind for kind in known_kinds() if kind not in ("amount", "person", "organization")]


def identifier_argument(
    written: str, value: str | None = None, kinds: Sequence[str] | None = None
) -> tuple[str, str]:
    """``(kind, value)`` from ``KIND VALUE`` (two words) or ``KIND:VALUE`` (one word, as
    ``network`` and ``lookup`` print identifiers), the kind among ``kinds`` (default: all)."""
    known = list(kinds) if kinds is not None else identifier_kinds()
    if value is None:
        kind, sep, value = written.partition(":")
        if not sep or not kind or not value.strip():
            raise InputError(
                f"Give the identifier as KIND:VALUE or KIND VALUE (e.g. telegram:bella_invest), "
                f"not {written!r}; KIND is one of {', '.join(known)}."
            )
    else:
        kind = written
    kind = kind.strip().lower()
    if kind not in known:
        raise unknown_kind(kind, kinds)
    return kind, value.strip()


def unknown_kind(kind: str, kinds: Sequence[str] | None = None) -> InputError:
    """The error for a kind that is not one of ``kinds`` (default: every identifier kind)."""
    if kinds is None:
        return InputError(
            f"{kind!r} is not an identifier kind; use one of {', '.join(identifier_kinds())}."
        )
    return InputError(f"{kind!r} is not a kind this takes; use one of {', '.join(kinds)}.")


def normal_form(kind: str, value: str, country: str | None = None) -> tuple[str, bool]:
    """``value`` in the normal form of ``kind`` and whether its checksum holds."""
    context = Context(region=country.upper() if country else None)
    found = normalise(kind, value, context)
    if found is None:
        hint = " (a local phone number needs --country)" if kind == "phone" else ""
        raise InputError(f"{value!r} is not a {kind}{hint}; check the value and its kind.")
    return found.value, found.valid


@dataclass(slots=True)
class AccountFlow:
    """What the ledger holds for an account: payments in and out, per currency."""

    account: str
    received: dict[str, Decimal] = field(default_factory=dict)
    sent: dict[str, Decimal] = field(default_factory=dict)
    payments: int = 0

    def as_json(self) -> dict[str, object]:
        return {"account": self.account, "payments": self.payments,
                "received": {c: str(a) for c, a in self.received.items()},
                "sent": {c: str(a) for c, a in self.sent.items()}}  # fmt: skip


@dataclass(slots=True)
class IdentifierView:
    """Everything the agency's stages know about one identifier."""

    kind: str
    value: str
    valid: bool
    reports: list[tuple[str, dt.datetime, int | None]] = field(default_factory=list)
    status: str | None = None  # linked, hub, allowlisted; None before `fraudlink link`
    degree: int | None = None
    reason: str | None = None
    hits: list[dict[str, object]] = field(default_factory=list)
    flow: AccountFlow | None = None

    @property
    def networks(self) -> list[int]:
        return sorted({n for _, _, n in self.reports if n is not None})

    @property
    def first_seen(self) -> dt.datetime | None:
        return min((at for _, at, _ in self.reports), default=None)

    @property
    def last_seen(self) -> dt.datetime | None:
        return max((at for _, at, _ in self.reports), default=None)

    def as_json(self) -> dict[str, object]:
        first, last = self.first_seen, self.last_seen
        return {
            "kind": self.kind, "value": self.value, "valid": self.valid,
            "status": self.status, "degree": self.degree, "reason": self.reason,
            "first_seen": first.isoformat() if first else None,
            "last_seen": last.isoformat() if last else None,
            "networks": self.networks,
            "reports": [{"report": r, "reported_at": at.isoformat(), "network": n}
                        for r, at, n in self.reports],
            "screening_hits": self.hits,
            "money_flow": self.flow.as_json() if self.flow else None,
        }  # fmt: skip


def lookup(
    database: Database,
    kind: str,
    value: str,
    country: str | None = None,
    scope: ColumnElement[bool] | None = None,
) -> IdentifierView:
    """The identifier ``kind``/``value`` (normalised first) as every stage knows it.

    With ``scope`` (a condition on reports, from ``access.scope.visible``) only the
    reports it admits are listed, and an identifier in none of them is not found.
    """
    normal, valid = normal_form(kind, value, country)
    view = IdentifierView(kind, normal, valid)
    with database.engine.connect() as connection:
        identifier_id = connection.execute(
            select(Identifier.id).where(Identifier.kind == kind, Identifier.value == normal)
        ).scalar_one_or_none()
        if identifier_id is not None:
            view.reports = _reports(connection, identifier_id, scope)
            if scope is not None and not view.reports:
                raise NotFound(f"No {kind}:{normal} is visible to you.")
            _verdict(connection, identifier_id, view)
            view.hits = _hits(connection, identifier_id)
        if kind in ACCOUNT_KINDS and (scope is None or view.reports):
            view.flow = account_flow(connection, normal)
    if not view.reports and not (view.flow and view.flow.payments):
        raise NotFound(f"No report or payment names {kind}:{normal}; nothing is known of it here.")
    return view


def _reports(
    connection: Connection, identifier_id: int, scope: ColumnElement[bool] | None = None
) -> list[tuple[str, dt.datetime, int | None]]:
    stmt = (
        select(Agency.code, Report.external_id, Report.reported_at, LinkReport.network_id)
        .join(Report, Report.agency_id == Agency.id)
        .join(ReportIdentifier, ReportIdentifier.report_id == Report.id)
        .outerjoin(LinkReport, LinkReport.report_id == Report.id)
        .where(ReportIdentifier.identifier_id == identifier_id)
        .where(Report.withdrawn.is_(False))
        .distinct()
        .order_by(Report.reported_at)
    )
    if scope is not None:
        stmt = stmt.where(scope)
    return [(f"{code}/{ext}", at, network) for code, ext, at, network in connection.execute(stmt)]


def _verdict(connection: Connection, identifier_id: int, view: IdentifierView) -> None:
    row = connection.execute(
        select(LinkIdentifier.status, LinkIdentifier.degree, LinkIdentifier.reason).where(
            LinkIdentifier.identifier_id == identifier_id
        )
    ).first()
    if row is not None:
        view.status, view.degree, view.reason = row[0], row[1], row[2]
    elif any(n is not None for _, _, n in view.reports):
        view.status = "linked"


def _hits(connection: Connection, identifier_id: int) -> list[dict[str, object]]:
    stmt = select(ScreenHit.list_name, ScreenHit.entry_id, ScreenHit.caption, ScreenHit.score)
    stmt = stmt.where(ScreenHit.subject == f"identifier:{identifier_id}")
    return [
        {"list": name, "entry": entry, "caption": caption, "score": round(score, 3)}
        for name, entry, caption, score in connection.execute(stmt.order_by(ScreenHit.score.desc()))
    ]


def account_flow(connection: Connection, account: str) -> AccountFlow:
    flow = AccountFlow(account)
    received: dict[str, Decimal] = defaultdict(Decimal)
    sent: dict[str, Decimal] = defaultdict(Decimal)
    stmt = select(Transaction.from_account, Transaction.amount, Transaction.currency).where(
        or_(Transaction.from_account == account, Transaction.to_account == account)
    )
    for sender, amount, currency in connection.execute(stmt):
        flow.payments += 1
        (sent if sender == account else received)[currency] += Decimal(amount)
    flow.received, flow.sent = dict(sorted(received.items())), dict(sorted(sent.items()))
    return flow


def network_for(database: Database, reference: str) -> int:
    """A network id from its id, one of its reports (``AGENCY/ID``) or ``KIND:VALUE`` it holds."""
    with database.engine.connect() as connection:
        if reference.isdigit() and _is_network(connection, int(reference)):
            return int(reference)
        kind, sep, value = reference.partition(":")
        if sep and kind in identifier_kinds():
            return _network_of_identifier(connection, kind, value, reference)
        try:
            report_id = resolve_report(connection, reference)
        except NotFound:
            if reference.isdigit():
                raise NotFound(
                    f"There is no network {reference}; `fraudlink networks` lists them."
                ) from None
            if sep and "/" not in kind:  # KIND:VALUE with a kind misspelt
                raise unknown_kind(kind) from None
            raise
        network = connection.execute(
            select(LinkReport.network_id).where(LinkReport.report_id == report_id)
        ).scalar_one_or_none()
    if network is None:
        raise NotFound(f"Report {reference!r} is in no network yet; run `fraudlink link`.")
    return int(network)


def _is_network(connection: Connection, network: int) -> bool:
    stmt = select(func.count()).select_from(LinkReport).where(LinkReport.network_id == network)
    return bool(connection.execute(stmt).scalar())


def _network_of_identifier(connection: Connection, kind: str, value: str, reference: str) -> int:
    normal, _ = normal_form(kind, value)
    stmt = (
        select(LinkReport.network_id, func.count())
        .join(ReportIdentifier, ReportIdentifier.report_id == LinkReport.report_id)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .where(Identifier.kind == kind, Identifier.value == normal)
        .group_by(LinkReport.network_id)
        .order_by(func.count().desc())
    )
    networks = [int(n) for n, _ in connection.execute(stmt)]
    if not networks:
        raise NotFound(f"No network holds {reference!r}; `fraudlink lookup` shows what is known.")
    if len(networks) > 1:
        raise InputError(
            f"{reference!r} is in {len(networks)} networks ({', '.join(map(str, networks[:8]))}); "
            "give one of their ids."
        )
    return networks[0]
