"""Write generated operations (``generate.operations``) through the case API, as an agency would.

Kept apart from the generator, which only decides what happened, so the generated
operations go through the same checks as typed ones (legal course of assets, needs).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from fraudlink.cases import service
from fraudlink.cases.operations import (
    add_asset,
    add_case,
    change_asset_state,
    log_action,
    open_operation,
    operation_statistics,
)
from fraudlink.cases.rescued import record_rescue
from fraudlink.generate.operations import PlannedOperation


def record(session: Session, plan: PlannedOperation) -> dict[str, Any]:
    """Open the case and the operation, log what was done, seized and rescued; its figures."""
    case = service.open_case(
        session, f"CASE-{plan.network}", f"Network {plan.network}", plan.lead, plan.participants
    )
    for agency, report in plan.reports:
        service.attach_report(session, case, agency, report)
    op = open_operation(
        session,
        plan.reference,
        plan.name,
        plan.lead,
        plan.started_on,
        plan.participants,
        "MoU on joint operations against online scams",
    )
    add_case(session, op, case.reference)
    for action in plan.actions:
        log_action(
            session,
            op,
            action["kind"],
            action["at"],
            action["agency"],
            action["province"],
            persons=action["persons"],
            officers=action["officers"],
        )
    for item in plan.assets:
        asset = add_asset(
            session,
            item["kind"],
            item["description"],
            item["amount"],
            item["currency"],
            plan.lead,
            plan.started_on,
            item["state"],
            op,
            details=item.get("details"),
        )
        if "confiscate" in item:
            later = plan.started_on + dt.timedelta(days=60)
            change_asset_state(session, asset, "confiscated", later, plan.lead, item["confiscate"])
    for person in plan.rescued:
        record_rescue(
            session,
            plan.lead,
            person["name"],
            plan.started_on,
            person["place"],
            person["nationality"],
            person["needs"],
            op.id,
        )
    return operation_statistics(session, op, plan.started_on + dt.timedelta(days=90))
