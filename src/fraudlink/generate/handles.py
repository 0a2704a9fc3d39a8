"""Messenger handles, e-mail addresses, scam domains and URLs a network operates.

Names are built from word pieces the way scam crews name their accounts
(``VIP_Lisa_Invest88``, ``aurex-fx.top``), so values vary widely while staying
plausible; none of the stems is a real brand, so no real site is implicated.
"""

from __future__ import annotations

import string
from random import Random

from fraudlink.generate.identifiers import Identifier
from fraudlink.generate.world import pick

_PERSONAS = (
    "Lisa", "Anna", "Mia", "Jenny", "Coco", "Kevin", "David", "Tony", "Amy", "Linda", "Vivian",
    "Cindy", "Alex", "Eric", "Grace", "Ivy", "Jack", "Nana", "Sophia", "Bella", "Kelly", "Leo",
)  # fmt: skip
_ROLES = (
    "VIP", "CS", "HR", "Manager", "Mentor", "Teacher", "Support", "Service", "Agent", "Official",
    "Admin", "Coach", "Boss", "Team", "Desk", "Help",
)  # fmt: skip
_THEMES = (
    "Invest", "Trade", "Crypto", "Gold", "Forex", "Task", "Job", "Loan", "Lucky", "Win", "Bet",
    "Fund", "Profit", "Coin", "Asset", "Wealth", "Rich", "Shop", "Earn", "Cash",
)  # fmt: skip
_STEMS = (
    "aurex", "novacoin", "goldwin", "tradeviva", "zentrix", "bitvora", "coinmira", "fxluma",
    "wealthia", "quantora", "lixin", "huitong", "jinfeng", "tianyu", "kimchain", "sabai",
    "angkor", "mekong", "lotus", "dragon", "phoenix", "orchid", "ruby", "emerald", "apex",
    "summit", "vertex", "stellar", "omni", "nexa", "cryptex", "paytask", "shoptask", "quickloan",
    "easyloan", "fastcash", "luckystar", "royalbet", "goldenbay", "bayon", "siam", "seoulfx",
)  # fmt: skip
_WORDS = (
    "pro", "vip", "asia", "global", "trade", "invest", "app", "exchange", "fx", "club", "hub",
    "online", "plus", "max", "one", "365", "88", "168", "888", "web",
)  # fmt: skip
_TLDS = (
    "com", "com", "com", "net", "top", "vip", "xyz", "cc", "io", "app", "live", "shop", "site",
    "online", "info", "org", "me", "com.kh", "com.ph", "co.th", "com.my", "com.vn", "co.id",
)  # fmt: skip
_PATHS = (
    "", "/", "/login", "/register", "/#/pages/login", "/h5/index.html", "/download", "/invite",
    "/m/", "/app/download", "/user/recharge", "/task", "/vip",
)  # fmt: skip
_MAIL_HOSTS = ("gmail.com", "outlook.com", "yahoo.com", "proton.me", "163.com", "qq.com")


def _number(rng: Random) -> str:
    return pick(rng, ("", str(rng.randint(1, 99)), str(rng.randint(100, 9999)), "88", "168"))


def _handle(rng: Random, minimum: int = 5) -> str:
    """A mixed-case handle of letters, digits and underscores that starts with a letter."""
    pieces = rng.sample((pick(rng, _PERSONAS), pick(rng, _ROLES), pick(rng, _THEMES)), 2)
    sep = pick(rng, ("_", "", "_", "."))
    handle = sep.join(pieces) + _number(rng)
    handle = handle.replace(".", "_")
    if rng.random() < 0.3:
        handle = handle.lower()
    while len(handle) < minimum:
        handle += pick(rng, string.digits)
    return handle[:32]


def mint_telegram(rng: Random) -> Identifier:
    handle = _handle(rng)
    return Identifier("telegram", handle.lower(), None, (handle,))


def mint_wechat(rng: Random) -> Identifier:
    if rng.random() < 0.5:
        handle = "wxid_" + "".join(
            pick(rng, string.ascii_lowercase + string.digits) for _ in range(14)
        )
    else:
        handle = (
            pick(rng, _PERSONAS).lower() + pick(rng, ("", "_", "-")) + str(rng.randint(10, 99999))
        )
    return Identifier("wechat", handle.lower(), None, (handle,))


def mint_line(rng: Random) -> Identifier:
    handle = _handle(rng, 4).lower().replace("_", pick(rng, ("_", ".", "-")))
    return Identifier("line", handle, None, (handle,))


def mint_kakao(rng: Random) -> Identifier:
    handle = _handle(rng, 4)
    return Identifier("kakao", handle.lower(), None, (handle,))


def mint_email(rng: Random, domain: str | None = None) -> Identifier:
    local = _handle(rng).replace("_", pick(rng, (".", "_", "")))
    host = domain if domain is not None else pick(rng, _MAIL_HOSTS)
    written = f"{local}@{host}"
    return Identifier("email", written.lower(), None, (written,))


def mint_domain(rng: Random, salt: str = "") -> Identifier:
    stem = pick(rng, _STEMS)
    if rng.random() < 0.6:
        stem += pick(rng, ("-", "")) + pick(rng, _WORDS)
    stem += salt
    domain = f"{stem}.{pick(rng, _TLDS)}"
    return Identifier("domain", domain, None, (domain,))


def mint_url(rng: Random, domain: Identifier) -> Identifier:
    """A URL on the network's domain; ``value`` is the fanged form with a lower-case host."""
    host = domain.value
    if rng.random() < 0.5:
        host = pick(rng, ("www", "app", "m", "h5", "vip", "api", "m1")) + "." + host
    path = pick(rng, _PATHS)
    if rng.random() < 0.35:
        path = (
            (path or "/")
            + pick(rng, ("?code=", "?ref=", "?invite=", "?id="))
            + str(rng.randint(1000, 999999))
        )
    scheme = pick(rng, ("https", "https", "http"))
    url = f"{scheme}://{host}{path}"
    value = url[:-1] if path == "/" else url  # the normal form drops a lone ``/`` path
    return Identifier("url", value, None, (url,), (("domain", domain.value),))
