"""The operations pages: the demo's operations, their figures and the printable PDF."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def test_operations_list_figures_and_a_pdf_summary(signed_in: Any, site: Any, checked: Any) -> None:
    page = signed_in("cn_analyst")
    page.goto(f"{site.url}/operations?lang=en")
    assert page.locator("h1").inner_text() == "Operations"
    assert not checked(page, "operations-en")
    links = page.locator("main table a[href^='/operations/']")
    assert links.count() >= 1, "CN-MPS takes part in some of the demo's operations"
    links.first.click()
    page.wait_for_selector("text=Seized assets")
    assert not checked(page, "operation-en")
    href = page.locator("a[href$='summary.pdf?lang=en']").get_attribute("href")
    pdf = page.request.get(f"{site.url}{href}")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    page.goto(f"{site.url}/operations?lang=km")
    assert page.locator("h1").inner_text() == "ប្រតិបត្តិការ"


def test_an_operation_draws_its_figures_and_names_each_rate(
    signed_in: Any, site: Any, checked: Any
) -> None:
    page = signed_in("cn_analyst")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{site.url}/operations?lang=en")
    page.locator("main table a[href^='/operations/']").first.click()
    page.wait_for_selector("#operation-charts[data-ready=true]")
    assert page.locator("#operation-charts canvas").count() >= 2
    # every converted figure shows the rate it used and that rate's date
    rows = page.locator("#usd tbody tr")
    assert rows.count() >= 1
    cells = rows.first.locator("td").all_inner_texts()
    assert cells[3] and cells[4], cells  # rate used, date of the rate
    assert not checked(page, "operation-charts-en")
    page.click("text=Exchange rates")
    page.wait_for_selector("h1:has-text('Exchange rates')")
    listed = page.locator("main table tbody tr").all_inner_texts()
    assert any("USDT" in row for row in listed), listed
    assert not checked(page, "rates-en")
    page.goto(f"{site.url}/rates?lang=km")
    assert page.locator("h1").inner_text() == "អត្រាប្តូរប្រាក់"
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_the_national_dashboard_shows_all_25_provinces_on_one_chart(
    signed_in: Any, site: Any, checked: Any
) -> None:
    page = signed_in("kh_chief", purpose=None)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{site.url}/?lang=en")
    page.wait_for_selector("#dashboard[data-ready=true]")
    assert page.locator("#units canvas").count() == 1
    data = page.request.get(f"{site.url}/dashboard.json").json()
    units = data["units"]
    assert len(units) == 25
    assert data["labels"]["KH-NPA-12"] == "Phnom Penh Provincial Police"
    # the demo's Cambodian operations were carried out by provincial units
    assert sum(row[2] for row in units) > 0
    assert not checked(page, "dashboard-provinces-en")
    page.goto(f"{site.url}/?lang=km")
    page.wait_for_selector("#dashboard[data-ready=true]")
    assert not checked(page, "dashboard-provinces-km")
    other = signed_in("cn_analyst", purpose=None)
    other.goto(f"{site.url}/?lang=en")
    other.wait_for_selector("#dashboard[data-ready=true]")
    assert other.locator("#units").count() == 0  # an agency without units has no such chart
    assert not [e for e in errors if "Content Security Policy" in e], errors
