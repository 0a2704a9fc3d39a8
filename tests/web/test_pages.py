"""Sign in, the dashboard's charts, the five languages, and the pages' security in Chromium."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def test_sign_in_refuses_a_wrong_password_and_signs_out(browser: Any, site: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site.url}/")
    assert "/sign-in" in page.url
    page.fill("#username", "cn_analyst")
    page.fill("#password", "not the password at all")
    page.click("main button[type=submit]")
    assert page.locator("[role=alert]").is_visible()
    page.fill("#password", "correct horse battery staple")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{site.url}/")
    page.click(".signout button")
    page.wait_for_url("**/sign-in")
    page.goto(f"{site.url}/")
    assert "/sign-in" in page.url
    context.close()


def test_dashboard_draws_its_charts_without_csp_violations(
    analyst: Any, site: Any, checked: Any
) -> None:
    problems: list[str] = []
    analyst.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    analyst.goto(f"{site.url}/?lang=en")
    analyst.wait_for_selector("#dashboard[data-ready=true]")
    assert analyst.locator("#dashboard canvas").count() >= 4
    assert checked(analyst, "dashboard-en") == []
    assert not [p for p in problems if "Content Security Policy" in p], problems


def test_every_language_on_the_dashboard(analyst: Any, site: Any, checked: Any) -> None:
    names = {
        "en": "Dashboard",
        "zh": "仪表板",
        "km": "ផ្ទាំងគ្រប់គ្រង",
        "ko": "대시보드",
        "vi": "Bảng điều khiển",
    }
    for code, title in names.items():
        analyst.goto(f"{site.url}/")
        analyst.click(f".languages a[lang={code}]")
        analyst.wait_for_selector(f"html[lang={code}]")
        assert analyst.locator("h1").inner_text() == title
        analyst.wait_for_selector("#dashboard[data-ready=true]")
        assert checked(analyst, f"dashboard-{code}") == []
    # the choice is the user's: it follows them to the next page without ?lang=
    analyst.goto(f"{site.url}/networks")
    assert analyst.locator("html").get_attribute("lang") == "vi"
    analyst.goto(f"{site.url}/?lang=en")
