"""What can go wrong when sharing, each with a message that says what to do next."""

from __future__ import annotations

from collections.abc import Sequence

from fraudlink.errors import FraudlinkError, InputError


class KeyProblem(FraudlinkError):
    """Keys are missing, or the passphrase does not unlock them."""

    status = 403
    title = "Key problem"


class PackageRejected(InputError):
    """A received package failed a check; nothing of it was imported."""

    status = 422
    title = "Package rejected"


class PackageBlocked(InputError):
    """Safeguards stopped a package from leaving; every failing rule is listed."""

    status = 422
    title = "Package blocked by safeguards"

    def __init__(self, reasons: Sequence[str]) -> None:
        self.reasons = list(reasons)
        lines = "\n".join(f"  - {reason}" for reason in self.reasons)
        super().__init__(f"The package was blocked and nothing was written:\n{lines}")


class ApprovalRequired(InputError):
    """What is about to leave needs a second person's approval (or named recipients)."""

    status = 403
    title = "Approval required"
