"""How victims write numbers, phones, links and money in their own language.

Extraction has to cope with full-width digits in Chinese and Japanese, Khmer
and Thai digits, ``00`` international prefixes, defanged links and amounts in
local units (万, 억, triệu, ล้าน); this module produces exactly those forms.
"""

from __future__ import annotations

from random import Random

from fraudlink.generate.identifiers import Identifier
from fraudlink.generate.world import pick

_ASCII_DIGITS = "0123456789"
FULLWIDTH = str.maketrans(_ASCII_DIGITS + "+-", "０１２３４５６７８９＋－")
KHMER = str.maketrans(_ASCII_DIGITS, "០១២៣៤៥៦៧៨៩")
THAI = str.maketrans(_ASCII_DIGITS, "๐๑๒๓๔๕๖๗๘๙")

#: how often each language writes digits in its own script (table, probability)
NATIVE_DIGITS: dict[str, tuple[dict[int, int], float]] = {
    "zh-Hans": (FULLWIDTH, 0.25),
    "zh-Hant": (FULLWIDTH, 0.2),
    "ja": (FULLWIDTH, 0.3),
    "km": (KHMER, 0.5),
    "th": (THAI, 0.15),
}


def native_digits(rng: Random, text: str, language: str) -> str:
    table = NATIVE_DIGITS.get(language)
    if table is not None and rng.random() < table[1]:
        return text.translate(table[0])
    return text


def render_phone(rng: Random, phone: Identifier, country: str) -> str:
    """A phone as a victim in ``country`` writes it: local format only for local numbers."""
    international, national, e164 = phone.forms
    if phone.region == country and rng.random() < 0.6:
        return pick(
            rng, (national, national, national.replace(" ", ""), national.replace(" ", "-"))
        )
    roll = rng.random()
    if roll < 0.35:
        return international
    if roll < 0.6:
        return e164
    if roll < 0.8:
        return "00" + e164[1:]
    if roll < 0.9:
        return international.replace("+", "00", 1)
    code, _, rest = international.partition(" ")
    return f"({code}) {rest.replace(' ', '')}"


def render_whatsapp(rng: Random, phone: Identifier, country: str) -> str:
    digits = phone.value[1:]
    roll = rng.random()
    if roll < 0.35:
        return f"wa.me/{digits}"
    if roll < 0.55:
        return f"https://wa.me/+{digits}"
    if roll < 0.7:
        return f"https://wa.me/{digits}"
    return "WhatsApp " + render_phone(rng, phone, country)


def render_telegram(rng: Random, handle: str) -> str:
    roll = rng.random()
    if roll < 0.5:
        return "@" + handle
    if roll < 0.8:
        return "t.me/" + handle
    return "https://t.me/" + handle


def defang(rng: Random, url: str) -> str:
    """Write a link the way reports copy it, often defanged so nobody clicks it."""
    roll = rng.random()
    if roll < 0.45:
        return url
    if roll < 0.65:
        return url.replace("http", "hxxp", 1).replace(".", "[.]")
    if roll < 0.8:
        return url.replace("://", "[://]", 1).replace(".", "[.]")
    if roll < 0.9:  # without its scheme, a link with no path would be a bare domain
        rest = url.partition("://")[2]
        return rest if "/" in rest else url
    return url.replace("http", "hxxp", 1).replace(".", "(dot)")


def render_domain(rng: Random, domain: str) -> str:
    roll = rng.random()
    if roll < 0.55:
        return domain
    if roll < 0.7:
        return "www." + domain
    if roll < 0.85:
        return domain.replace(".", "[.]")
    if roll < 0.95:
        return domain.replace(".", "(dot)")
    return domain.upper() if rng.random() < 0.5 else domain.capitalize()


def render_identifier(rng: Random, ident: Identifier, country: str, language: str) -> str:
    """The written form of ``ident``, without any label the sentence adds around it."""
    kind = ident.kind
    if kind == "phone":
        return native_digits(rng, render_phone(rng, ident, country), language)
    if kind == "whatsapp":
        return render_whatsapp(rng, ident, country)
    if kind == "telegram":
        return render_telegram(rng, ident.forms[0])
    if kind == "url":  # written as minted, with its ``/`` (the value drops a lone one)
        return defang(rng, ident.forms[0] if ident.forms else ident.value)
    if kind == "domain":
        return render_domain(rng, ident.value)
    if kind == "bank_account":
        return native_digits(rng, pick(rng, ident.forms), language)
    if kind in ("iban", "payment_card"):
        return pick(rng, ident.forms)
    return ident.forms[0]
