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
PARTNER = ("liaison",)
FEED_ROUTES = (
    "taxii_discovery",
    "taxii_api_root",
    "taxii_collections",
    "taxii_collection",
    "taxii_objects",
    "taxii_manifest",
    "taxii_object",
    "taxii_versions",
    "misp_feed_manifest",
    "misp_feed_hashes",
    "misp_feed_event",
)


@dataclass(frozen=True)
class Policy:
    """``roles``: any one suffices; ``personal``: reads personal data, so needs X-Purpose.

    ``signed``: called by a partner's server, authenticated by an RFC 9421 signature
    with the partner agency's key instead of a user token (``routers/federation.py``).
    """

    roles: tuple[str, ...] = ANY_ROLE
    personal: bool = False
    public: bool = False
    signed: bool = False


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
    "get_network_graph": Policy(roles=CASEWORK, personal=True),
    "list_network_players": Policy(roles=CASEWORK, personal=True),
    "explain_link": Policy(roles=CASEWORK, personal=True),
    "trace_money": Policy(roles=CASEWORK),
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
    # disputes from the public check: casework reads, the sharing roles answer the public
    "list_disputes": Policy(roles=CASEWORK),
    "get_dispute": Policy(roles=CASEWORK),
    "decide_dispute": Policy(roles=SHARING),
    "submit_screen_job": Policy(roles=("analyst", "supervisor")),
    "submit_resolve_job": Policy(roles=("analyst", "supervisor")),
    # packages: sharing roles make, open and follow up; a supervisor approves
    "create_package": Policy(roles=SHARING),
    "list_inbox": Policy(roles=SHARING),
    "list_outbox": Policy(roles=SHARING),
    "open_package": Policy(roles=SHARING),
    "get_package": Policy(roles=SHARING, personal=True),
    "approve_package": Policy(roles=("supervisor",)),
    "retract_package": Policy(roles=SHARING),
    "correct_package": Policy(roles=SHARING),
    "download_package": Policy(roles=SHARING),
    # cases led by the agency, their subjects and status steps
    "list_cases": Policy(roles=CASEWORK),
    "open_case": Policy(roles=CASEWORK),
    "get_case": Policy(roles=CASEWORK, personal=True),
    "attach_case_report": Policy(roles=CASEWORK, personal=True),
    "add_case_subject": Policy(roles=CASEWORK, personal=True),
    "record_subject_status": Policy(roles=CASEWORK),
    # evidence files of a case: the lead agency uploads; reads are personal data, audited
    "attach_case_evidence": Policy(roles=CASEWORK),
    "list_case_evidence": Policy(roles=CASEWORK, personal=True),
    "download_case_evidence": Policy(roles=CASEWORK, personal=True),
    # lists and screening: lists are shared, changing them is a supervisor's or admin's
    "list_watchlists": Policy(roles=CASEWORK),
    "import_watchlist": Policy(roles=("supervisor", "admin")),
    "remove_watchlist": Policy(roles=("supervisor", "admin")),
    "match": Policy(roles=CASEWORK, personal=True),
    # feeds (TAXII 2.1, MISP): a partner agency's liaison reads what was released to it
    **{name: Policy(roles=PARTNER) for name in FEED_ROUTES},
    # federation: partners' servers sign; liaisons read the inbox and outbox and open
    "federation_hello": Policy(roles=(), signed=True),
    "federation_package_state": Policy(roles=(), signed=True),
    "federation_upload": Policy(roles=(), signed=True),
    "federation_receipt": Policy(roles=(), signed=True),
    "list_federation_inbox": Policy(roles=SHARING),
    "open_inbox_package": Policy(roles=SHARING),
    "list_federation_outbox": Policy(roles=SHARING),
    # operations: figures for casework; a rescued person only for the named roles, audited
    "list_operations": Policy(roles=CASEWORK),
    "get_operation": Policy(roles=CASEWORK),
    "list_operation_assets": Policy(roles=CASEWORK),
    "get_statistics": Policy(roles=CASEWORK),
    "get_rescued": Policy(roles=SHARING, personal=True),
}


def policy_for(route_name: str) -> Policy | None:
    return POLICIES.get(route_name)
