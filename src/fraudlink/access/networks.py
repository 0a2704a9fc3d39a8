"""Scoped reads of networks and money trails: what the API and the pages call.

The link stage's functions take a scope (a condition on reports, another on
persons); here the principal's scope is built from ``scope.visible`` and
every person shown is written to the audit log with the caller's purpose, so
the pages and the API apply one rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal
from fraudlink.access.records import audit_read
from fraudlink.access.scope import beyond_units, visible
from fraudlink.errors import NotFound
from fraudlink.link.flow.accounts import ACCOUNT_KINDS, normalise_account
from fraudlink.link.flow.diagram import Diagram, diagram
from fraudlink.link.flow.store import trace_account
from fraudlink.link.flow.trace import Trace
from fraudlink.link.networks.explain import Explanation, explain
from fraudlink.link.networks.listing import Reader, networks_page
from fraudlink.link.networks.picture import Picture, network_picture
from fraudlink.link.networks.tables import LinkReport
from fraudlink.link.networks.views import NetworkDetail, NetworkRow, network_detail
from fraudlink.store import Database
from fraudlink.store.schema import Entity, Identifier, Report, ReportIdentifier

if TYPE_CHECKING:  # networkx loads with the first key-player read, not with the server
    from fraudlink.link.players import Player

TOP_PLAYERS = 10


@dataclass(frozen=True)
class NetworkRead:
    """One network as the principal may see it, with its key players."""

    detail: NetworkDetail
    players: list[Player]


def network_list(
    store: Database, principal: Principal, min_size: int = 2, start: int = 0, limit: int = 50
) -> tuple[list[NetworkRow], bool]:
    """One page of the networks the principal sees, largest first, and whether more follow.

    Read from the figures the link stage stored per agency, plus what reaches the
    principal from beyond its agencies; single reports (``min_size`` 1) are counted live.
    """
    with store.engine.connect() as connection:
        beyond = beyond_units(connection, principal)
    reader = Reader(principal.units, beyond)
    return networks_page(store, reader, min_size, start, limit, visible(principal, "report"))


def network_overview(
    store: Database, session: Session, principal: Principal, network: int, purpose: str
) -> NetworkDetail:
    """What links the network, its persons, losses and timeline, from the reports one sees."""
    detail = network_detail(store, network, visible(principal, "report"))
    _audit_persons(session, principal, network, purpose)
    return detail


def network_read(
    store: Database, session: Session, principal: Principal, network: int, purpose: str
) -> NetworkRead:
    detail = network_overview(store, session, principal, network, purpose)
    from fraudlink.link.players import key_players

    report, person = visible(principal, "report"), visible(principal, "entity")
    ranks = session.connection()
    players = key_players(store, network, TOP_PLAYERS, report, person, ranks=ranks)
    return NetworkRead(detail, players)


def network_players(
    store: Database, session: Session, principal: Principal, network: int, purpose: str
) -> list[Player]:
    """Every key player the principal may see, ranked; the caller pages through them."""
    from fraudlink.link.players import key_players

    report, person = visible(principal, "report"), visible(principal, "entity")
    network_detail(store, network, report)  # NotFound when nothing of it is visible
    players = key_players(store, network, None, report, person, ranks=session.connection())
    _audit_persons(session, principal, network, purpose)
    return players


def network_graph(
    store: Database, session: Session, principal: Principal, network: int, purpose: str
) -> Picture:
    picture = network_picture(
        store, network, visible(principal, "report"), visible(principal, "entity")
    )
    audit_read(session, principal, purpose, "entity", picture.entities)
    return picture


def network_page(
    store: Database, session: Session, principal: Principal, network: int, purpose: str
) -> tuple[NetworkDetail, Picture]:
    """The network page's reads: its overview and its picture, the persons audited once."""
    report, person = visible(principal, "report"), visible(principal, "entity")
    detail = network_detail(store, network, report)
    picture = network_picture(store, network, report, person)
    audit_read(session, principal, purpose, "entity", picture.entities)
    return detail, picture


def explain_link(store: Database, principal: Principal, a: str, b: str) -> Explanation:
    """The chain between two reports the principal sees, through reports they see."""
    return explain(store, a, b, visible(principal, "report"))


def _audit_persons(session: Session, principal: Principal, network: int, purpose: str) -> None:
    reports = select(LinkReport.report_id).where(LinkReport.network_id == network)
    ids = session.scalars(
        select(Entity.id)
        .join(Report, Report.id == Entity.source_report_id)
        .where(
            Entity.source_report_id.in_(reports),
            visible(principal, "report"),
            visible(principal, "entity"),
        )
    )
    audit_read(session, principal, purpose, "entity", list(ids))


def money_trail(
    store: Database, session: Session, principal: Principal, account: str
) -> tuple[Trace, Diagram]:
    """The trail of an account that a report the principal sees names; others are not found.

    The ledger has no owning agency, so the account itself is the key: a caller
    may trace only an account a visible report names, and sees only the
    networks of which a report is visible.
    """
    normal = normalise_account(account)
    named = session.scalar(
        select(ReportIdentifier.report_id)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .join(Report, Report.id == ReportIdentifier.report_id)
        .where(Identifier.kind.in_(ACCOUNT_KINDS), Identifier.value == normal)
        .where(visible(principal, "report"))
        .limit(1)
    )
    if named is None:
        raise NotFound(f"No report visible to you names the account {normal!r}.")
    trace = trace_account(store, normal)
    named_networks = {n for networks in trace.networks.values() for n in networks}
    seen = set(
        session.scalars(
            select(LinkReport.network_id)
            .join(Report, Report.id == LinkReport.report_id)
            .where(LinkReport.network_id.in_(named_networks), visible(principal, "report"))
            .distinct()
        )
    )
    trace.networks = {
        name: [n for n in networks if n in seen]
        for name, networks in trace.networks.items()
        if any(n in seen for n in networks)
    }
    return trace, diagram(trace)
