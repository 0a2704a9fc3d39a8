"""Every page in every language: a screenshot in build/screenshots/ and axe-core's check
(no serious or critical violation), with no Content-Security-Policy violation either."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow
LANGUAGES = ("en", "zh", "km", "ko", "vi")
AXE_IN = ("en", "km")


def _pages(site: Any) -> dict[str, str]:
    extra = site.extra
    return {
        "dashboard": "/",
        "reports": "/reports?agency=CN-MPS",
        "report": f"/reports/CN-MPS/{extra['report']}",
        "person": f"/persons/{extra['entity']}",
        "networks": "/networks",
        "cases": "/cases",
        "case": "/cases/CN-2026-0001",
        "joint-case": "/joint-cases/JC-CN-KR-1",
        "packages": "/packages?box=outbox",
        "inbox": "/packages?box=inbox",
        "package": f"/packages/{extra['package']}",
        "package-open": "/packages/open",
        "upload": "/upload",
        "disputes": "/disputes?status=open",
        "purpose": "/purpose",
        "rates": "/rates",
        "not-found": "/reports/KR-KNPA/none-such",
    }


def _identifier(page: Any, site: Any) -> str:
    page.goto(f"{site.url}/reports/CN-MPS/{site.extra['report']}")
    href = page.locator(".narrative a.hl:not(.person)").first.get_attribute("href")
    assert href
    return str(href)


def test_every_page_in_every_language(analyst: Any, browser: Any, site: Any, checked: Any) -> None:
    pages = _pages(site) | {"identifier": _identifier(analyst, site)}
    errors: list[str] = []
    analyst.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    found: dict[str, Any] = {}
    for language in LANGUAGES:
        for name, path in pages.items():
            joiner = "&" if "?" in path else "?"
            analyst.goto(f"{site.url}{path}{joiner}lang={language}")
            assert analyst.locator("html").get_attribute("lang") == language
            if name == "dashboard":
                analyst.wait_for_selector("#dashboard[data-ready=true]")
            # axe on every page in English and Khmer (the layout's two extremes); a
            # screenshot of every page in every language
            violations = checked(analyst, f"{name}-{language}", language in AXE_IN)
            if violations:
                found[f"{name}-{language}"] = violations
    anonymous = browser.new_context()
    page = anonymous.new_page()
    for language in LANGUAGES:
        page.goto(f"{site.url}/sign-in?lang={language}")
        violations = checked(page, f"sign-in-{language}")
        if violations:
            found[f"sign-in-{language}"] = violations
    anonymous.close()
    analyst.goto(f"{site.url}/?lang=en")
    assert found == {}
    assert not [e for e in errors if "Content Security Policy" in e], errors
