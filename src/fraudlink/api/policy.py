"""Who may call which route, declared as data in one table and enforced by one dependency.

Every route of the app has an entry here, keyed by the route's name (its
operation id). A route without one is refused at run time with a 500-free
problem and fails the access-matrix test, so no endpoint ships unguarded.
Records themselves are filtered by the scoping layer (``fraudlink.access.scope``):
a policy decides whether a principal may *act*, the scope what it may *see*.
"""

from __future__ import annotations

from dataclasses import dataclass

ANY_ROLE = ("analyst", "liaison", "supervisor", "admin", "auditor")
CASEWORK = ("analyst", "liaison", "supervisor")
SHARING = ("liaison", "supervisor")


@dataclass(frozen=True)
class Policy:
    """``roles``: any one suffices; ``personal``: reads personal data, so needs X-Purpose."""

    roles: tuple[str, ...] = ANY_ROLE
    personal: bool = False
    public: bool = False


POLICIES: dict[str, Policy] = {
    "health": Policy(public=True),
    "whoami": Policy(),
    # reports and what they name
    "submit_reports": Policy(roles=CASEWORK),
    "search_reports": Policy(roles=CASEWORK, personal=True),
    "get_report": Policy(roles=CASEWORK, personal=True),
    "get_identifier": Policy(roles=CASEWORK),
    "list_networks": Policy(roles=CASEWORK),
    "get_network": Policy(roles=CASEWORK, personal=True),
    "list_persons": Policy(roles=CASEWORK, personal=True),
    "get_person": Policy(roles=CASEWORK, personal=True),
    # joint cases: members read, the sharing roles release and withdraw
    "list_joint_cases": Policy(roles=CASEWORK),
    "create_joint_case": Policy(roles=SHARING),
    "get_joint_case": Policy(roles=CASEWORK),
    "add_joint_case_member": Policy(roles=SHARING),
    "release_to_joint_case": Policy(roles=SHARING),
    "withdraw_from_joint_case": Policy(roles=SHARING),
    # audit: auditors only
    "list_audit": Policy(roles=("auditor",)),
    # jobs
    "submit_ingest_job": Policy(roles=CASEWORK),
    "submit_link_job": Policy(roles=("analyst", "supervisor")),
    "list_jobs": Policy(roles=CASEWORK),
    "get_job": Policy(roles=CASEWORK),
    # operations: figures for casework; a rescued person only for the named roles, audited
    "list_operations": Policy(roles=CASEWORK),
    "get_operation": Policy(roles=CASEWORK),
    "list_operation_assets": Policy(roles=CASEWORK),
    "get_statistics": Policy(roles=CASEWORK),
    "get_rescued": Policy(roles=SHARING, personal=True),
}


def policy_for(route_name: str) -> Policy | None:
    return POLICIES.get(route_name)
