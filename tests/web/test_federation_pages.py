"""The inbox and outbox pages in Chromium: where each package stands on its way to the partner
(created → approved → queued → delivered → opened, or blocked, failed, retracted), and a
liaison officer opening what a partner's server delivered."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow
LANGUAGES = ("en", "zh", "km", "ko", "vi")


def test_the_outbox_shows_a_blocked_package_with_the_safeguards_reason(
    signed_in: Any, site: Any, checked: Any
) -> None:
    page = signed_in("cn_analyst")
    page.goto(f"{site.url}/packages?box=outbox&lang=en")
    blocked = page.wait_for_selector("#packages tr[data-status=blocked]")
    assert blocked is not None
    assert "would lower it" in (blocked.query_selector(".why") or blocked).inner_text()
    steps = blocked.query_selector_all("ol.steps li")
    assert [s.get_attribute("data-step") for s in steps] == [
        "created", "approved", "queued", "delivered", "opened"
    ]  # fmt: skip
    assert [s.get_attribute("data-done") for s in steps] == ["yes", "no", "no", "no", "no"]
    assert "Blocked by the safeguards" in blocked.inner_text()
    for language in LANGUAGES:
        page.goto(f"{site.url}/packages?box=outbox&lang={language}")
        page.wait_for_selector("#packages tr[data-status=blocked] ol.steps")
        assert checked(page, f"outbox-states-{language}", language in ("en", "km")) == []


def test_a_liaison_opens_what_a_partners_server_delivered(
    signed_in: Any, site: Any, checked: Any
) -> None:
    arrived = site.extra["arrived"]
    row = f"#arrived tr[data-package='{arrived}']"
    watcher = signed_in("cn_super")  # a supervisor may open too; an analyst alone may not
    page = signed_in("cn_analyst")
    page.goto(f"{site.url}/packages?box=inbox&lang=en")
    page.wait_for_selector(f"{row}[data-state=waiting]")
    assert checked(page, "inbox-waiting-en") == []
    assert "Waiting to be opened" in page.locator(row).inner_text()
    page.click(f"{row} button[type=submit]")
    page.wait_for_selector("#status")
    assert f"/packages/{arrived}" in page.url
    assert page.locator("#status").get_attribute("data-code") == "received"
    page.goto(f"{site.url}/packages?box=inbox&lang=km")
    page.wait_for_selector(f"{row}[data-state=opened]")
    assert page.locator(f"{row} button").count() == 0  # opened once, never twice
    assert page.locator(f"#packages a[href='/packages/{arrived}']").count() == 1
    assert checked(page, "inbox-opened-km") == []
    watcher.goto(f"{site.url}/packages?box=inbox&lang=en")
    watcher.wait_for_selector(f"{row}[data-state=opened]")
