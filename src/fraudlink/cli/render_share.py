"""How a package reads on a terminal (presentation only; the facts come from share.show)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console

from fraudlink.cli.common import styled

if TYPE_CHECKING:
    from fraudlink.share.show import PackageView


def print_package(console: Console, view: PackageView) -> None:
    """Who, what, under which markings; then the contents; then the safeguards' verdict."""
    console.print(
        styled((f"{view.kind} {view.package_id}", "bold"), f"  {view.direction}, {view.status}")
    )
    case = f", case {view.case}" if view.case else ", about no case"
    console.print(f"from {view.sender} to {view.recipient}{case}")
    console.print(f"purpose: {view.purpose}")
    for key in ("request", "legal_basis", "subject"):
        if view.request.get(key) not in (None, ""):
            console.print(f"{key.replace('_', ' ')}: {view.request[key]}")
    markings = view.markings
    console.print(f"TLP:{markings['tlp']}  reliability {markings['reliability']}"
                  f"{markings['accuracy']}")  # fmt: skip
    for code, meaning in markings["handling"].items():
        console.print(f"  handling {code}: {meaning}")
    if not markings["handling"]:
        console.print("  no handling restrictions")
    made = f"created by {view.created_by} at {view.created_at:%Y-%m-%d %H:%M}"
    approved = (
        f"; approved by {view.approved_by} at {view.approved_at:%Y-%m-%d %H:%M}"
        if view.approved_by and view.approved_at
        else "; approved by " + view.approved_by
        if view.approved_by
        else "; not approved"
    )
    console.print(made + approved)
    if view.relation:
        console.print(f"{view.relation} package {view.follows}: {view.reason or ''}")
    console.print(styled(("contents", "bold")))
    for table, labels in view.contents.items():
        console.print(f"  {table} ({len(labels)})")
        for label in labels[:12]:
            console.print(f"    {label}")
        if len(labels) > 12:
            console.print(f"    … {len(labels) - 12} more (--json lists all)")
    if not view.contents:
        console.print("  nothing")
    if view.safeguards:
        verdict = "passed" if view.safeguards["passed"] else "would block it"
        console.print(styled(("safeguards", "bold"), f": {verdict}"))
        for problem in view.safeguards["problems"]:
            console.print(f"  - {problem}")
