"""The printable summary an agency hands to its ministry: one operation, or a period.

HTML from one Jinja template, PDF from that HTML with WeasyPrint, in the five UI
languages (catalogs under ``cases/locale``), with dates, numbers and currencies written
the way each language writes them (Babel). Figures only: no name, no identifier of a
person is ever put in a summary, so it can leave the agency like a press release.
Khmer and CJK text needs a font that has those letters: the page asks for Khmer OS,
WenQuanYi Micro Hei or Noto, whichever the machine has (Debian: fonts-khmeros,
fonts-wqy-microhei).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.cases.statistics import Group
from fraudlink.cases.tables import Operation, OperationAgency
from fraudlink.errors import InputError
from fraudlink.i18n import LANGUAGES, catalog
from fraudlink.store.schema import Agency

FORMATS = ("html", "pdf")
ASSET_STATE_LABELS = ("seized", "frozen", "confiscated", "returned", "forfeited", "released")
Gettext = Callable[[str], str]


def N_(message: str) -> str:
    """Mark a message for the catalog without translating it yet."""
    return message


# the labels that come from data, marked so the catalogs carry them
LABELS = {
    "seized": N_("seized"),
    "frozen": N_("frozen"),
    "confiscated": N_("confiscated"),
    "returned": N_("returned"),
    "forfeited": N_("forfeited"),
    "released": N_("released"),
    "month": N_("month"),
    "country": N_("country"),
    "scam_type": N_("scam type"),
    "unit": N_("unit"),
    "province": N_("province"),
}


@dataclass
class Section:
    heading: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Page:
    """What the template shows; every text in it is already translated and formatted."""

    lang: str
    title: str
    prepared: str
    about: list[tuple[str, str]]
    sections: list[Section]
    footnote: str
    none: str


class Formats:
    """Numbers, amounts and dates as ``lang`` writes them."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise InputError(f"No summary in '{lang}'; use one of: {', '.join(LANGUAGES)}.")
        self.lang = lang
        self.gettext: Gettext = catalog("fraudlink.cases", lang).gettext

    def count(self, value: int) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.lang)

    def money(self, amount: Decimal | str, currency: str) -> str:
        from babel.numbers import format_currency

        return format_currency(
            Decimal(amount), currency, locale=self.lang, decimal_quantization=False
        )

    def rate(self, rate: str, on: str) -> str:
        from babel.numbers import format_decimal

        shown = format_decimal(Decimal(rate), locale=self.lang, decimal_quantization=False)
        return f"{shown} · {self.date(dt.date.fromisoformat(on))}"

    def date(self, on: dt.date | None) -> str:
        from babel.dates import format_date

        return format_date(on, format="long", locale=self.lang) if on else "—"


def _money_rows(f: Formats, shown: dict[str, str], usd: dict[str, Any]) -> list[list[str]]:
    rates = {r["currency"]: r for r in usd["rates"]}
    rows = []
    for currency, amount in shown.items():
        rate = rates.get(currency)
        rows.append(
            [
                currency,
                f.money(amount, currency),
                f.money(rate["usd"], "USD") if rate else f.gettext("no rate"),
                f.rate(rate["rate"], rate["rate_on"]) if rate else "—",
            ]
        )
    return rows


def _operation_about(session: Session, f: Formats, op: Operation) -> list[tuple[str, str]]:
    _ = f.gettext
    codes = {id_: code for id_, code in session.execute(select(Agency.id, Agency.code))}
    partners = session.scalars(
        select(OperationAgency.agency_id).where(OperationAgency.operation_id == op.id)
    )
    period = f"{f.date(op.started_on)} – {f.date(op.ended_on) if op.ended_on else _('ongoing')}"
    return [
        (_("Reference"), op.reference),
        (_("Operation"), op.name),
        (_("Period"), period),
        (_("Lead agency"), codes.get(op.lead_agency_id, "")),
        (_("Participating agencies"), ", ".join(sorted(codes[p] for p in partners)) or "—"),
        (_("Legal basis"), op.legal_basis or "—"),
    ]


def operation_page(session: Session, op: Operation, lang: str, by: str, on: dt.date) -> Page:
    """The summary of one operation, its USD figures at the rates dated ``on``."""
    from fraudlink.cases.operations import operation_statistics
    from fraudlink.cases.rescued import rescued_counts

    f = Formats(lang)
    _ = f.gettext
    figures = operation_statistics(session, op, on)
    rescued = rescued_counts(session, operation_id=op.id)
    results = Section(_("Results"), [_("Figure"), _("Number")])
    for label, value in (
        (_("Cases"), figures["cases"]),
        (_("Reports"), figures["reports"]),
        (_("Networks"), figures["networks"]),
        (_("Persons arrested"), figures["arrested"]),
        (_("Persons rescued"), figures["rescued"]),
        (_("Persons handed over or repatriated"), figures["handed_over_or_repatriated"]),
        (_("Victims recognised as trafficked"), rescued["recognised"]),
        (_("Victims returned home"), rescued["repatriated"]),
    ):
        results.rows.append([label, f.count(value)])
    money_columns = [_("Currency"), _("Amount"), _("In USD"), _("Rate used")]
    losses = Section(_("Losses reported by victims"), money_columns)
    losses.rows = _money_rows(f, figures["losses"], figures["losses_usd"])
    assets = Section(_("Seized assets by legal state"), [_("Legal state"), *money_columns])
    for state in ASSET_STATE_LABELS:
        if state in figures["assets"]:
            for row in _money_rows(f, figures["assets"][state], figures["assets_usd"][state]):
                assets.rows.append([_(LABELS[state]), *row])
    return _page(f, _("Operation summary"), by, on, _operation_about(session, f, op),
                 [results, losses, assets])  # fmt: skip


def period_page(
    groups: Iterable[Group],
    dimension: str,
    start: dt.date | None,
    end: dt.date | None,
    lang: str,
    by: str,
    on: dt.date | None = None,
) -> Page:
    """Figures per group over [start, end) (from ``figures_by``), prepared ``on`` (today)."""
    f = Formats(lang)
    _ = f.gettext
    last = end - dt.timedelta(days=1) if end else None
    period = f"{f.date(start)} – {f.date(last)}" if start or end else _("all dates")
    about = [(_("Period"), period), (_("Grouped by"), _(LABELS[dimension]))]
    table = Section(
        _("Figures by group"), [_("Group"), _("Reports"), _("Persons arrested"),
                                _("Persons rescued"), _("Losses")]
    )  # fmt: skip
    for g in groups:
        lost = "; ".join(f.money(a, c) for c, a in sorted(g.losses.items())) or "—"
        table.rows.append(
            [g.key, f.count(g.reports), f.count(g.arrested), f.count(g.rescued), lost]
        )
    return _page(f, _("Statistics for a period"), by, on or dt.date.today(), about, [table])


def _page(
    f: Formats, title: str, by: str, on: dt.date, about: list[tuple[str, str]],
    sections: list[Section],
) -> Page:  # fmt: skip
    _ = f.gettext
    return Page(
        lang=f.lang,
        title=title,
        prepared=_("Prepared on %(date)s by %(agency)s")
        % {"date": f.date(on), "agency": by or "—"},
        about=about,
        sections=sections,
        footnote=_(
            "Figures only: this summary holds no personal data. Amounts in USD are converted "
            "at the rates the agency imported; the rate and its date are shown with each figure."
        ),
        none=_("Nothing recorded."),
    )


@cache
def _template() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("fraudlink.cases", "templates"), autoescape=select_autoescape()
    )
    return env.get_template("summary.html")


def render_html(page: Page) -> str:
    return str(_template().render(**vars(page)))


def render_pdf(page: Page) -> bytes:
    """The same page as PDF; WeasyPrint is imported only here (it loads Pango)."""
    from weasyprint import HTML

    return bytes(HTML(string=render_html(page)).write_pdf())


def render(page: Page, form: str) -> bytes:
    if form not in FORMATS:
        raise InputError(f"No summary as '{form}'; use one of: {', '.join(FORMATS)}.")
    return render_pdf(page) if form == "pdf" else render_html(page).encode("utf-8")
