"""Words for the codes the stages store (statuses, kinds, roles, scam types) in the page's
language; a code without a word here is shown as it is."""

from __future__ import annotations

from fraudlink.web.i18n import _


def labels() -> dict[str, str]:
    """Built per call: each ``_()`` answers in the language of the page being rendered."""
    return {
        # package statuses and kinds
        "draft": _("Draft"),
        "awaiting_approval": _("Awaiting approval"),
        "sent": _("Sent"),
        "written": _("Written, ready to deliver"),
        "received": _("Received"),
        "retracted": _("Retracted"),
        "corrected": _("Corrected"),
        "blocked": _("Blocked by the safeguards"),
        "queued": _("Queued for the partner's server"),
        "delivered": _("Delivered (receipt)"),
        "opened": _("Opened by the partner"),
        "failed": _("Failed"),
        "created": _("Created"),
        "approved": _("Approved"),
        "waiting": _("Waiting to be opened"),
        "applied": _("Applied on arrival"),
        "rejected": _("Refused on opening"),
        "statistics": _("Statistics"),
        "retraction": _("Retraction"),
        "case_notification": _("Case notification"),
        "evidence_transfer": _("Evidence transfer"),
        "repatriation_request": _("Repatriation request"),
        # roles of persons
        "suspect": _("Suspect"),
        "recruiter": _("Recruiter"),
        "boss": _("Boss"),
        "money_mule": _("Money mule"),
        "victim": _("Victim"),
        "witness": _("Witness"),
        "other": _("Other"),
        # scam types
        "investment": _("Investment"),
        "romance": _("Romance"),
        "job_task": _("Job tasks"),
        "loan": _("Loan"),
        "impersonation": _("Impersonation"),
        "gambling": _("Gambling"),
        # case statuses
        "open": _("Open"),
        "closed": _("Closed"),
        # dispute statuses: their own keys, since "rejected" is also a package's state
        "dispute:open": _("Open"),
        "dispute:withdrawn": _("Withdrawn"),
        "dispute:rejected": _("Rejected"),
        # operations' figures and seized assets' legal states
        "losses": _("Losses"),
        "arrested": _("Persons arrested"),
        "rescued": _("Persons rescued"),
        "handed_over_or_repatriated": _("Handed over or repatriated"),
        "seized": _("Seized"),
        "frozen": _("Frozen"),
        "confiscated": _("Confiscated"),
        "returned": _("Returned to victims"),
        "forfeited": _("Forfeited"),
        "released": _("Released"),
    }


def label(code: object) -> str:
    text = "" if code is None else str(code)
    return labels().get(text, text)
