"""The desk's daily work in Chromium: search and read a report, approve a package as a
supervisor, upload a file and watch its job finish; attacker text stays text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> paid to +86 138 0013 8000'


def test_search_then_open_a_report_and_follow_a_highlighted_identifier(
    analyst: Any, site: Any
) -> None:
    analyst.goto(f"{site.url}/reports?lang=en")
    analyst.fill("input[name=agency]", "CN-MPS")
    analyst.click("form.filters button[type=submit]")
    analyst.wait_for_selector("#results")
    rows = analyst.locator("#results tbody tr")
    assert rows.count() > 5
    assert "agency=CN-MPS" in analyst.url
    analyst.goto(f"{site.url}/reports/CN-MPS/{site.extra['report']}")
    marks = analyst.locator(".narrative a.hl")
    assert marks.count() >= 1
    first = marks.first
    text = first.inner_text()
    first.click()
    analyst.wait_for_selector("h1 .tag")
    assert "/identifiers/" in analyst.url or "/persons/" in analyst.url, text
    assert analyst.locator("main table").count() >= 1


def test_a_supervisor_approves_the_waiting_package(signed_in: Any, site: Any) -> None:
    package = site.extra["package"]
    creator = signed_in("cn_analyst")
    creator.goto(f"{site.url}/packages/{package}")
    assert creator.locator("#passphrase").count() == 0  # the creator cannot approve it
    supervisor = signed_in("cn_super")
    supervisor.goto(f"{site.url}/packages?box=waiting")
    supervisor.click(f"a[href='/packages/{package}']")
    assert supervisor.locator(".ok").is_visible()  # safeguards passed
    supervisor.fill("#passphrase", "not the passphrase")
    supervisor.click("main form button[type=submit]")
    assert supervisor.locator("[role=alert]").is_visible()
    supervisor.fill("#passphrase", "passphrase for the web tests")
    supervisor.click("main form button[type=submit]")
    supervisor.wait_for_selector("#status")
    assert supervisor.locator("#status").get_attribute("data-code") in ("sent", "written")
    supervisor.goto(f"{site.url}/packages?box=outbox")
    assert supervisor.locator(f"a[href='/packages/{package}']").count() == 1


def test_upload_a_file_watch_the_job_finish_and_read_hostile_text_as_text(
    analyst: Any, site: Any, tmp_path: Path
) -> None:
    reports = [
        {
            "id": f"WEB-UP-{n}",
            "agency": "CN-MPS",
            "reported_at": "2026-05-0{n}T10:00:00Z".replace("{n}", str(n)),
            "country": "CN",
            "scam_type": "investment",
            "narrative": HOSTILE,
        }
        for n in (1, 2, 3)
    ]
    upload = tmp_path / "reports.jsonl"
    upload.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    dialogs: list[str] = []
    analyst.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    analyst.goto(f"{site.url}/upload?lang=en")
    analyst.set_input_files("#reports", str(upload))
    analyst.click("main form button[type=submit]")
    analyst.wait_for_url("**/jobs/*")
    analyst.wait_for_selector("#job[data-state=done]", timeout=30000)
    assert "3" in analyst.locator("#job").inner_text()
    analyst.goto(f"{site.url}/reports/CN-MPS/WEB-UP-1")
    narrative = analyst.locator(".narrative")
    assert '<script>alert("x")</script>' in narrative.inner_text()
    assert narrative.locator("script, img").count() == 0
    assert dialogs == []
