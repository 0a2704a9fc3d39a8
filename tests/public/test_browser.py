"""The public pages in a real browser at a phone's width (360 px), in every language.

Debian's Chromium driven by Playwright (never a downloaded browser): no page
scrolls sideways, the check form works with the keyboard alone, and axe-core
finds nothing serious or critical. axe-core is vendored in ``vendor/`` (see
``vendor/README.md``). Skipped when Chromium or Playwright is missing; a
failure when CI=true.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from fraudlink.public.i18n import LANGUAGES

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PAGES = ("/", "/job", "/dispute", "/?kind=phone&value=012%20345%20678&country=KH")
PHONE = {"width": 360, "height": 740}


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        return "no Chromium at /usr/bin/chromium (apt-get install -y chromium)"
    return None


def _need_browser() -> None:
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(sample_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real server process on 127.0.0.1 over the sample index."""
    _need_browser()
    port, folder = _free_port(), tmp_path_factory.mktemp("browser")
    env = {k: v for k, v in os.environ.items() if k != "FRAUDLINK_REDIS_URL"}
    env["FRAUDLINK_PUBLIC_RATE_LIMIT"] = "100000"
    server = subprocess.Popen(
        [sys.executable, "-m", "fraudlink", "public", "serve", "--index", str(sample_index),
         "--port", str(port), "--disputes", str(folder / "d.sqlite")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):
            try:
                httpx.get(base + "/")
                break
            except httpx.TransportError:
                assert server.poll() is None, "the public server stopped"
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM)
        context = browser.new_context(viewport=PHONE, base_url=base_url, java_script_enabled=True)
        yield context.new_page()
        browser.close()


def _overflow(page: Any) -> int:
    """How many pixels the page is wider than the screen (0: no sideways scroll)."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def _serious(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.slow
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page_fits_a_phone_and_passes_axe(page: Any, lang: str) -> None:
    problems = []
    for path in PAGES:
        joined = "&" if "?" in path else "?"
        page.goto(f"{path}{joined}lang={lang}")
        if (wider := _overflow(page)) > 0:
            problems.append(f"{path}: {wider} px wider than 360")
        problems += [f"{path}: {found}" for found in _serious(page)]
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_the_check_form_works_by_keyboard_alone(page: Any) -> None:
    page.goto("/?lang=en")
    for _ in range(40):  # Tab from the top of the page to the value field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "value":
            break
    else:
        pytest.fail("Tab never reaches the value field")
    page.keyboard.type("012 345 678")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "country":
            break
    page.keyboard.type("KH")  # a select jumps to the option typed; a field takes the text
    page.keyboard.press("Enter")
    page.wait_for_selector("[role=status]")
    assert "+85512345678" in page.inner_text("[role=status]")
