"""Joint operations: the cases they group, what was done where, what was seized, the figures.

Ministries report co-operation as operations and their results (arrests, rescues, seized
cash and crypto, repatriations); these functions keep those facts and sum them, with every
converted figure naming its rate.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fraudlink.cases.assets import (
    ASSET_KINDS,
    Restitution,
    check_asset_transition,
    minor_unit,
    propose_restitution,
)
from fraudlink.cases.rates import to_usd
from fraudlink.cases.service import agency_id, get_case
from fraudlink.cases.sums import exact_sum
from fraudlink.cases.tables import (
    ACTION_KINDS,
    AssetEvent,
    AssetFigure,
    AssetOperationStale,
    Operation,
    OperationAction,
    OperationAgency,
    OperationCase,
    SeizedAsset,
)
from fraudlink.errors import InputError, NotFound
from fraudlink.link.networks.tables import LinkReport
from fraudlink.store.schema import (
    Agency,
    CaseReport,
    CaseSubject,
    MoneyRecord,
    Report,
    SubjectStatus,
)


def open_operation(
    session: Session,
    reference: str,
    name: str,
    lead: str,
    started_on: dt.date,
    participants: Iterable[str] = (),
    legal_basis: str | None = None,
) -> Operation:
    if session.scalar(select(Operation.id).where(Operation.reference == reference)) is not None:
        raise InputError(f"An operation '{reference}' exists already; choose another reference.")
    operation = Operation(
        reference=reference,
        name=name,
        lead_agency_id=agency_id(session, lead),
        started_on=started_on,
        legal_basis=legal_basis,
    )
    session.add(operation)
    session.flush()
    for code in sorted({*participants} - {lead}):
        session.add(OperationAgency(operation_id=operation.id, agency_id=agency_id(session, code)))
    return operation


def get_operation(session: Session, reference: str) -> Operation:
    found = session.scalar(select(Operation).where(Operation.reference == reference))
    if found is None:
        raise NotFound(f"No operation '{reference}'; `fraudlink operation list` shows them.")
    return found


def add_case(session: Session, operation: Operation, case_reference: str) -> None:
    case = get_case(session, case_reference)
    key = {"operation_id": operation.id, "case_id": case.id}
    if session.get(OperationCase, key) is None:
        session.add(OperationCase(**key))


def log_action(
    session: Session,
    operation: Operation,
    kind: str,
    occurred_at: dt.datetime,
    agency: str,
    province: str | None = None,
    district: str | None = None,
    persons: int = 0,
    officers: Iterable[str] = (),
    note: str | None = None,
) -> OperationAction:
    if kind not in ACTION_KINDS:
        raise InputError(f"'{kind}' is not an action; use one of: {', '.join(ACTION_KINDS)}.")
    if persons < 0:
        raise InputError("The number of persons arrested or rescued cannot be negative.")
    action = OperationAction(
        operation_id=operation.id,
        kind=kind,
        agency_id=agency_id(session, agency),
        occurred_at=occurred_at if occurred_at.tzinfo else occurred_at.replace(tzinfo=dt.UTC),
        province=province,
        district=district,
        persons=persons,
        officers=sorted(set(officers)),
        note=note,
    )
    session.add(action)
    session.flush()
    return action


def add_asset(
    session: Session,
    kind: str,
    description: str,
    amount: Decimal,
    currency: str,
    agency: str,
    on: dt.date,
    state: str = "seized",
    operation: Operation | None = None,
    case_reference: str | None = None,
    details: dict[str, Any] | None = None,
    basis: str | None = None,
) -> SeizedAsset:
    """Register a seized asset (or a frozen balance) with its first legal state."""
    if kind not in ASSET_KINDS:
        raise InputError(f"'{kind}' is not an asset kind; use one of: {', '.join(ASSET_KINDS)}.")
    if not amount.is_finite() or amount < 0:
        raise InputError("An asset's valuation must be a positive amount (0 when unknown).")
    check_asset_transition(None, state, basis)
    asset = SeizedAsset(
        kind=kind,
        description=description,
        amount=amount,
        currency=currency.upper(),
        state=state,
        details=dict(details or {}),
        agency_id=agency_id(session, agency),
        operation_id=operation.id if operation else None,
        case_id=get_case(session, case_reference).id if case_reference else None,
    )
    session.add(asset)
    session.flush()
    session.add(
        AssetEvent(
            asset_id=asset.id, state=state, occurred_on=on, agency_id=asset.agency_id, basis=basis
        )
    )
    return asset


def get_asset(session: Session, asset_id: int) -> SeizedAsset:
    found = session.get(SeizedAsset, asset_id)
    if found is None:
        raise NotFound(f"No asset {asset_id}; `fraudlink asset list` shows them.")
    return found


def change_asset_state(
    session: Session,
    asset: SeizedAsset,
    state: str,
    on: dt.date,
    agency: str,
    basis: str | None = None,
) -> AssetEvent:
    """Move an asset one legal step on (a court order for confiscation and forfeiture)."""
    check_asset_transition(asset.state, state, basis)
    event = AssetEvent(
        asset_id=asset.id,
        state=state,
        occurred_on=on,
        agency_id=agency_id(session, agency),
        basis=basis,
    )
    asset.state = state
    session.add(event)
    session.flush()
    return event


def _state_date(session: Session, asset: SeizedAsset, state: str) -> dt.date:
    on = session.scalar(
        select(AssetEvent.occurred_on).where(
            AssetEvent.asset_id == asset.id, AssetEvent.state == state
        )
    )
    return on or dt.date.today()


def _case_ids(session: Session, asset: SeizedAsset) -> list[int]:
    if asset.case_id is not None:
        return [asset.case_id]
    if asset.operation_id is None:
        return []
    return list(
        session.scalars(
            select(OperationCase.case_id).where(OperationCase.operation_id == asset.operation_id)
        )
    )


def victim_losses(session: Session, asset: SeizedAsset) -> dict[str, Decimal]:
    """Each victim report's loss behind the asset's case(s), in USD at the confiscation date.

    USD is only the common measure of the weights; the shares are paid in the asset's currency.
    """
    on = _state_date(session, asset, "confiscated")
    rows = session.execute(
        select(Agency.code, Report.external_id, MoneyRecord.amount, MoneyRecord.currency)
        .join(Report, Report.id == MoneyRecord.report_id)
        .join(Agency, Agency.id == Report.agency_id)
        .join(CaseReport, CaseReport.report_id == Report.id)
        .where(CaseReport.case_id.in_(_case_ids(session, asset)), MoneyRecord.kind == "loss")
    )
    losses: dict[str, Decimal] = defaultdict(Decimal)
    for agency, report, amount, currency in rows:
        losses[f"{agency}/{report}"] += to_usd(session, amount, currency, on).usd
    return dict(losses)


def restitution(session: Session, asset: SeizedAsset) -> Restitution:
    """A proposal for a person to confirm: the confiscated asset shared pro rata to losses."""
    if asset.state != "confiscated":
        raise InputError(
            f"Asset {asset.id} is {asset.state}; only a confiscated asset can be shared out."
        )
    return propose_restitution(asset.amount, asset.currency, victim_losses(session, asset))


def _sum_by_currency(rows: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in rows:
        totals[currency] += amount
    return dict(sorted(totals.items()))


def _shown(totals: dict[str, Decimal]) -> dict[str, str]:
    """Amounts as text in their currency's payable unit, the same on every database."""
    return {
        currency: str(amount.quantize(minor_unit(currency))) for currency, amount in totals.items()
    }


def _in_usd(session: Session, totals: dict[str, Decimal], on: dt.date) -> dict[str, Any]:
    converted = []
    missing = []
    for currency, amount in totals.items():
        try:
            converted.append(to_usd(session, amount, currency, on))
        except NotFound:
            missing.append(currency)
    return {
        "total": str(sum((c.usd for c in converted), Decimal(0))),
        "rates": [c.as_json() for c in converted],
        "without_rate": missing,
    }


def _asset_sums(session: Session, operation: Operation) -> list[Any]:
    """(state, currency, exact sum) of the operation's assets: the sums ``stats --refresh``
    keeps in ``asset_figure``, or the assets themselves while the operation is stale."""
    stale = session.scalar(
        select(AssetOperationStale.operation_id).where(
            AssetOperationStale.operation_id == operation.id
        )
    )
    if stale is None:
        return list(
            session.execute(
                select(AssetFigure.state, AssetFigure.currency, AssetFigure.amount).where(
                    AssetFigure.operation_id == operation.id
                )
            ).all()
        )
    return list(
        session.execute(
            select(SeizedAsset.state, SeizedAsset.currency, exact_sum(session, SeizedAsset.amount))
            .where(SeizedAsset.operation_id == operation.id)
            .group_by(SeizedAsset.state, SeizedAsset.currency)
        ).all()
    )


def operation_statistics(
    session: Session, operation: Operation, on: dt.date | None = None
) -> dict[str, Any]:
    """The figures a ministry asks for, in original currencies and in USD with each rate."""
    on = on or operation.ended_on or dt.date.today()
    cases = select(OperationCase.case_id).where(OperationCase.operation_id == operation.id)
    reports = select(CaseReport.report_id).where(CaseReport.case_id.in_(cases)).distinct()
    case_count = session.scalar(select(func.count()).select_from(cases.subquery()))
    report_count = session.scalar(select(func.count()).select_from(reports.subquery()))
    networks = session.scalar(
        select(func.count(func.distinct(LinkReport.network_id))).where(
            LinkReport.report_id.in_(reports)
        )
    )
    persons = Counter[str]()
    actions = Counter[str]()
    for kind, count in session.execute(
        select(OperationAction.kind, OperationAction.persons).where(
            OperationAction.operation_id == operation.id
        )
    ):
        actions[kind] += 1
        persons[kind] += count
    handed = session.scalar(
        select(func.count(func.distinct(SubjectStatus.subject_id)))
        .join(CaseSubject, CaseSubject.id == SubjectStatus.subject_id)
        .where(
            CaseSubject.case_id.in_(cases), SubjectStatus.status.in_(("handed_over", "repatriated"))
        )
    )
    loss_rows = session.execute(
        select(MoneyRecord.currency, exact_sum(session, MoneyRecord.amount))
        .where(MoneyRecord.report_id.in_(reports), MoneyRecord.kind == "loss")
        .group_by(MoneyRecord.currency)
    )
    losses = _sum_by_currency((currency, amount) for currency, amount in loss_rows)
    assets = _asset_sums(session, operation)
    by_state = {
        state: _sum_by_currency((c, a) for s, c, a in assets if s == state)
        for state in ("seized", "frozen", "confiscated", "returned", "forfeited", "released")
    }
    return {
        "operation": operation.reference,
        "cases": int(case_count or 0),
        "reports": int(report_count or 0),
        "networks": int(networks or 0),
        "actions": dict(sorted(actions.items())),
        "arrested": persons["arrest"],
        "rescued": persons["rescue"],
        "handed_over_or_repatriated": int(handed or 0),
        "losses": _shown(losses),
        "losses_usd": _in_usd(session, losses, on),
        "assets": {state: _shown(totals) for state, totals in by_state.items() if totals},
        "assets_usd": {s: _in_usd(session, t, on) for s, t in by_state.items() if t},
    }
