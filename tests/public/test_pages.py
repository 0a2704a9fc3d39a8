"""The pages: five languages from complete catalogs, usable without JavaScript, on a phone."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

from fraudlink.public.i18n import LANGUAGES, negotiate, translations

from .conftest import make_client

PAGES = ("/", "/job", "/dispute")


def _msgids() -> set[str]:
    """Every message the templates and views ask to translate."""
    root = Path(str(files("fraudlink.public")))
    found = set()
    for path in [*root.joinpath("templates").glob("*.html"), root / "pages.py"]:
        found.update(re.findall(r'(?:_|gettext)\("([^"]+)"', path.read_text("utf-8")))
    return found | {"high", "medium", "low"}


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_every_message_is_translated(lang: str) -> None:
    catalog = translations(lang)
    brands = {"KakaoTalk", "WeChat"}  # kept as written in some languages
    missing = [m for m in sorted(_msgids() - brands) if catalog.gettext(m) == m]
    assert not missing


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page_renders_in_every_language_without_script(
    sample_index: Path, tmp_path: Path, lang: str
) -> None:
    client = make_client(sample_index, tmp_path)
    title = translations(lang).gettext("Check before you pay")
    for page in PAGES:
        response = client.get(page, params={"lang": lang})
        assert response.status_code == 200
        html = response.text
        assert f'<html lang="{lang}">' in html and title in html
        assert 'name="viewport" content="width=device-width' in html
        assert "<script" not in html.lower() and "http://" not in html and "https://" not in html
        assert 'method="get"' in html or 'method="post"' in html


def test_a_check_result_page_in_khmer(sample_index: Path, tmp_path: Path) -> None:
    client = make_client(sample_index, tmp_path)
    params = {"kind": "phone", "value": "012 345 678", "country": "KH", "lang": "km"}
    html = client.get("/", params=params).text
    assert translations("km").gettext("Reported") in html and "+85512345678" in html


def test_the_job_form_posts_without_javascript(sample_index: Path, tmp_path: Path) -> None:
    client = make_client(sample_index, tmp_path)
    text = "Typing job in Sihanoukville, contact @scam_boss_kh on Telegram"
    html = client.post("/job", data={"text": text, "lang": "ko"}).text
    assert "<mark>Sihanoukville</mark>" in html and "<mark>@scam_boss_kh</mark>" in html
    # the handle is a reported contact in the sample index
    assert translations("ko").gettext("Risk: %(level)s") % {"level": "높음"} in html


def test_the_browser_language_is_used_when_the_page_names_none() -> None:
    assert negotiate(None, "vi-VN,vi;q=0.9,en;q=0.8") == "vi"
    assert negotiate("zh", "ko") == "zh"
    assert negotiate("xx", "fr-FR") == "en"
