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
