"""The printable summary: five languages, per-locale formats, a real Khmer font, no person."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from fraudlink.cases import service
from fraudlink.cases.operations import (
    add_asset,
    add_case,
    get_operation,
    log_action,
    open_operation,
)
from fraudlink.cases.rates import import_rates
from fraudlink.cases.statistics import figures_by
from fraudlink.cases.summary import LABELS, operation_page, period_page, render
from fraudlink.i18n import LANGUAGES
from fraudlink.ingest import ingest_files
from fraudlink.store import Database

DAY = dt.date(2025, 3, 1)
TITLES = {"en": "Operation summary", "zh": "联合行动摘要", "km": "សេចក្តីសង្ខេបប្រតិបត្តិការ",
          "ko": "작전 요약", "vi": "Tóm tắt chiến dịch"}  # fmt: skip
SOURCE = Path(__file__).parents[2] / "src/fraudlink/cases"


def _operation(database: Database, tmp_path: Path) -> None:
    reports = tmp_path / "r.jsonl"
    reports.write_text(
        '{"id": "V1", "agency": "KH-NPA", "reported_at": "2025-01-05", "narrative": "",'
        ' "victim": {"name": "Sok Dara"}, "loss": {"amount": "1234567.5", "currency": "USD"}}\n',
        encoding="utf-8",
    )
    ingest_files(database, [reports])
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,usd\n2025-02-01,THB,0.0300\n", encoding="utf-8")
    with database.session() as session:
        import_rates(session, rates)
        service.open_case(session, "KH-1", "compound", "KH-NPA", ["CN-MPS"])
        service.attach_report(session, service.get_case(session, "KH-1"), "KH-NPA", "V1")
        op = open_operation(session, "OP-1", "Sihanoukville", "KH-NPA", DAY, ["CN-MPS"],
                            "MoU on joint operations")  # fmt: skip
        add_case(session, op, "KH-1")
        at = dt.datetime(2025, 3, 2, 5, tzinfo=dt.UTC)
        log_action(session, op, "arrest", at, "KH-NPA", "Preah Sihanouk", persons=287)
        add_asset(session, "cash", "safe", Decimal("12000000"), "THB", "KH-NPA", DAY, operation=op)


def test_every_message_has_a_translation_in_every_language() -> None:
    code = (SOURCE / "summary.py").read_text(encoding="utf-8")
    wanted = set(re.findall(r'_\(\s*"((?:[^"\\]|\\.)+)"\s*\)', code)) | set(LABELS.values())
    wanted |= {"".join(re.findall(r'"([^"]*)"', m)) for m in re.findall(r"_\(\n(.*?)\n\s*\)",
               code, re.S)}  # fmt: skip
    for lang in set(LANGUAGES) - {"en"}:
        with (SOURCE / f"locale/{lang}/LC_MESSAGES/messages.po").open("rb") as po:
            catalog = read_po(po, locale=lang)
        translated = {m.id for m in catalog if m.id and m.string}
        assert wanted <= translated, (lang, wanted - translated)


def test_summary_in_five_languages_formats_per_locale(database: Database, tmp_path: Path) -> None:
    _operation(database, tmp_path)
    with database.session() as session:
        op = get_operation(session, "OP-1")
        pages = {lang: operation_page(session, op, lang, "KH-NPA", DAY) for lang in LANGUAGES}
        period = period_page(figures_by(session, "unit"), "unit", None, None, "vi", "KH-NPA", DAY)
    html = {lang: render(page, "html").decode() for lang, page in pages.items()}
    for lang, text in html.items():
        assert TITLES[lang] in text and f'lang="{lang}"' in text
        assert "Sok Dara" not in text  # figures only
    assert "$1,234,567.50" in html["en"] and "1.234.567,50" in html["vi"]
    assert "THB" in html["km"] and "287" in html["ko"]
    assert "March 1, 2025" in html["en"] and "2025年3月1日" in html["zh"]
    assert "Thống kê theo kỳ" in render(period, "html").decode()


def _khmer_font_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":lang=km", "family"], capture_output=True, text=True)
    return bool(out.stdout.strip())


@pytest.mark.slow
def test_khmer_pdf_embeds_a_real_khmer_font(database: Database, tmp_path: Path) -> None:
    if not _khmer_font_installed():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs a Khmer font: apt-get install fonts-khmeros")
        pytest.skip("no Khmer font installed (apt-get install fonts-khmeros)")
    from weasyprint import HTML

    from fraudlink.cases.summary import render_html

    _operation(database, tmp_path)
    with database.session() as session:
        page = operation_page(session, get_operation(session, "OP-1"), "km", "KH-NPA", DAY)
    pdf = HTML(string=render_html(page)).write_pdf(uncompressed_pdf=True)
    assert pdf.startswith(b"%PDF")
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Z]{6}\+)?([^\s/>]+)", pdf))
    names = {name.decode() for _, name in fonts}
    assert any("Khmer" in name for name in names), names
