"""Disputes from the public check on the agency's pages: listed with their reference,
identifier and statement, decided by a liaison, in every language on a phone."""

from __future__ import annotations

from typing import Any

import pytest

from fraudlink.web.catalogs import read

from .conftest import LANGUAGES

pytestmark = pytest.mark.slow
PHONE = {"width": 360, "height": 740}


def test_a_liaison_sees_and_decides_the_disputes_of_its_reports(
    signed_in: Any, site: Any, checked: Any
) -> None:
    mine, other, nobodys = site.extra["disputes"]
    page = signed_in("cn_analyst")  # analyst and liaison of CN-MPS, whose reports name both
    page.goto(f"{site.url}/disputes?lang=en")
    page.wait_for_selector(f"#dispute-{mine['reference']}")
    assert not checked(page, "disputes-en")
    for filed in (mine, other):
        item = page.locator(f"#dispute-{filed['reference']}")
        assert filed["reference"] in item.locator("h2").inner_text()
        assert item.locator("code.value").inner_text() == filed["value"]
        assert item.locator(".statement").inner_text() == filed["statement"]
    assert page.locator(f"#dispute-{nobodys['reference']}").count() == 0

    item = page.locator(f"#dispute-{mine['reference']}")
    item.locator("input[name=note]").fill("the shop's number, verified by phone")
    item.locator("button[value=withdraw]").click()
    page.wait_for_selector(f"p[role=status] >> text={mine['reference']}")
    assert page.locator(f"#dispute-{mine['reference']}").count() == 0, "no longer open"
    page.locator(f"#dispute-{other['reference']} button[value=reject]").click()
    page.wait_for_selector(f"p[role=status] >> text={other['reference']}")

    page.goto(f"{site.url}/disputes?status=withdrawn&lang=en")
    done = page.wait_for_selector(f"#dispute-{mine['reference']}[data-status=withdrawn]")
    assert "verified by phone" in done.inner_text()
    # a later decision replaces an earlier one, as in the API
    page.locator(f"#dispute-{mine['reference']} button[value=reject]").click()
    page.wait_for_selector(f"p[role=status] >> text={mine['reference']}")
    page.goto(f"{site.url}/disputes?status=rejected&lang=en")
    page.wait_for_selector(f"#dispute-{mine['reference']}[data-status=rejected]")
    page.wait_for_selector(f"#dispute-{other['reference']}[data-status=rejected]")

    response = page.request.post(
        f"{site.url}/disputes/{mine['reference']}/decision", form={"decision": "withdraw"}
    )
    assert response.status == 403, "a form without the session's token is refused"


@pytest.mark.parametrize(("user", "decides"), [("cn_super", True), ("cn_reader", False)])
def test_a_supervisor_decides_and_an_analyst_only_reads(
    site: Any, browser: Any, user: str, decides: bool
) -> None:
    from .conftest import sign_in

    context = browser.new_context(locale="en-GB")
    try:
        page = context.new_page()
        sign_in(page, site, user)
        items = forms = 0
        for status in ("open", "withdrawn", "rejected"):
            page.goto(f"{site.url}/disputes?status={status}&lang=en")
            page.wait_for_selector("main h1")
            items += page.locator("li.dispute").count()
            forms += page.locator("li.dispute form").count()
        assert items == 2, "both disputes of CN-MPS's reports, whatever their status"
        assert forms == (items if decides else 0)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_dispute_page_in_every_language_on_a_phone(
    browser: Any, site: Any, checked: Any, lang: str
) -> None:
    from .conftest import sign_in

    context = browser.new_context(locale="en-GB", viewport=PHONE)
    try:
        page = context.new_page()
        sign_in(page, site, "cn_super")
        page.goto(f"{site.url}/disputes?status=rejected&lang={lang}")
        page.wait_for_selector("main h1")
        expected = "Disputes" if lang == "en" else read(lang).get("Disputes").string
        assert page.locator("h1").inner_text() == expected
        assert page.locator("html").get_attribute("lang") == lang
        assert not checked(page, f"disputes-{lang}-360")
        wide = page.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= PHONE["width"], f"the page scrolls sideways in {lang} ({wide} px)"
        page.goto(f"{site.url}/disputes?lang=en")  # the user's language is kept: put it back
    finally:
        context.close()
