"""The pages' five languages: the shared catalogs machinery, this package's catalogs.

The language of the page being built is held in a context variable, so the
templates' ``_()`` and the formatting filters need no argument, and two pages
rendered at once in two threads never mix their languages.
"""

from __future__ import annotations

import datetime as dt
from contextvars import ContextVar
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

from fraudlink.i18n import DEFAULT, LANGUAGES, catalog, negotiate

__all__ = ["DEFAULT", "LANGUAGES", "negotiate"]
PACKAGE = "fraudlink.web"
LOCALES = {"en": "en", "zh": "zh_Hans_CN", "km": "km_KH", "ko": "ko_KR", "vi": "vi_VN"}
current: ContextVar[str] = ContextVar("language", default=DEFAULT)


def gettext(message: str) -> str:
    return catalog(PACKAGE, current.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return catalog(PACKAGE, current.get()).ngettext(singular, plural, count)


_ = gettext


def locale() -> Locale:
    return Locale.parse(LOCALES[current.get()])


def date(value: dt.date | dt.datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, "medium", locale=locale())


def datetime(value: dt.datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return format_datetime(value, "medium", tzinfo=dt.UTC, locale=locale())


def number(value: int | float | Decimal | None) -> str:
    return "" if value is None else format_decimal(value, locale=locale())


def money(value: int | float | Decimal | str | None, currency: str) -> str:
    if value is None:
        return ""
    return format_currency(Decimal(str(value)), currency, locale=locale())
