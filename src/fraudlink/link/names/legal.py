"""Legal forms and honorifics: words that say what kind of entity, not which one.

Company names are compared without their legal form (``Co., Ltd.``,
``有限公司``, ``주식회사``, ``บริษัท … จำกัด``, ``Công ty TNHH``), person names
without titles (``Mr``, ``Dr``, ``Sheikh``). Phrases are matched on whole
normalised tokens (lower case, no diacritics, no dots); CJK suffixes are cut
from the end (or start) of a token because those scripts write no spaces.
"""

from __future__ import annotations

import unicodedata

_LATIN_FORMS = """
co; co ltd; company; company limited; limited; ltd; llc; l l c; limited liability company;
plc; public limited company; inc; incorporated; corp; corporation; group; holdings; holding;
pte; pte ltd; private limited; pvt; pvt ltd; sdn bhd; sdn; bhd; berhad; pt; tbk; lp; llp;
gmbh; ag; aktiengesellschaft; kg; se; sa; s a; sas; sarl; srl; s r l; spa; s p a; bv; nv;
oy; ab; as; a s; asa; kk; k k; kabushiki kaisha; yugen kaisha; jsc; ojsc; pjsc; cjsc; ooo;
oao; zao; pao; ao; tov; sp z o o; societatea cu raspundere limitata; sociedad anonima;
sociedad limitada; sl; ltda; cia; co ltd company; trading; enterprise; enterprises;
cong ty; cong ty tnhh; tnhh; cong ty co phan; co phan; cp; mtv; mot thanh vien; tap doan;
jsc company; joint stock company; joint-stock company; hong kong limited
"""
_TITLES = """
mr; mrs; ms; miss; mx; dr; prof; professor; sir; dame; lord; lady; hon; honourable; he; h e;
his excellency; her excellency; president; praesident; prasident; presidente; minister;
prime minister; general; gen; col; colonel; maj; major; capt; captain; lt; sgt; gov;
governor; senator; sheikh; shaikh; sheik; haji; hajji; hadji; imam; mullah;
king; queen; prince; princess; emir; sultan; oknha; okhna; neak oknha; samdech; lok chumteav;
khun; nai; nang; nangsao; mister; jr; sr; ii; iii; esq; phd; md
"""


def _nfkc(text: str) -> str:
    """NFKC splits Thai SARA AM; put it back so Thai words keep one spelling."""
    return unicodedata.normalize("NFKC", text).casefold().replace("\u0e4d\u0e32", "\u0e33")


def _fold(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_nfkc(item) for item in items)


# Native-script legal forms, matched as suffix or prefix of a token.
NATIVE_SUFFIXES = _fold(
    (
        "股份有限公司",
        "有限责任公司",
        "有限責任公司",
        "有限公司",
        "集团",
        "集團",
        "控股",
        "公司",
        "株式会社",
        "有限会社",
        "주식회사",
        "유한회사",
        "จำกัด",
        "(มหาชน)",
        "มหาชน",
        "ក្រុមហ៊ុន",
        "ឯ.ក",
        "ស្រាប់",
        "ООО",
        "ОАО",
        "ЗАО",
        "ПАО",
        "АО",
    )
)
NATIVE_PREFIXES = _fold(
    (
        "株式会社",
        "주식회사",
        "บริษัท",
        "ห้างหุ้นส่วนจำกัด",
        "ក្រុមហ៊ុន",
        "ООО",
        "ОАО",
        "ЗАО",
        "ПАО",
        "АО",
    )
)


def _phrases(block: str) -> frozenset[tuple[str, ...]]:
    return frozenset(
        tuple(item.split()) for item in block.replace("\n", " ").split(";") if item.strip()
    )


LEGAL_FORMS = _phrases(_LATIN_FORMS)
TITLES = _phrases(_TITLES)
LONGEST = max(len(phrase) for phrase in LEGAL_FORMS | TITLES)
