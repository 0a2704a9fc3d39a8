"""Messenger accounts: Telegram, WhatsApp, WeChat, LINE, KakaoTalk and Signal.

One class per kind; the shared machinery and the normal forms are described
in ``_messenger``. Decisions recorded here:

* Telegram ``@handle`` anywhere counts (scam reports use it almost only for
  Telegram), but never inside an e-mail address or before a domain
  (``@apex.com``). Handles follow Telegram's rules: 5–32 of ``a-z0-9_``,
  starting with a letter, not ending with ``_``. ``t.me/+hash`` and
  ``t.me/joinchat/hash`` are private-group invites: reported with the hash as
  written and ``form: invite``; ``t.me/+855…`` is a phone number (E.164).
* WeChat ids follow WeChat's rule (6–20 characters, starting with a letter);
  a phone number after a WeChat label is the account too (people add each
  other by number) and is reported in E.164, China as home region. Digits
  alone that dial nowhere (6–11, no leading 0: an account opened with a QQ
  number) are the id only after WeChat's plain name and a colon
  (``微信：99050403``, ``VX::89584116``), never after an obfuscated one (``维信``).
  ``VX``/``WX`` glued to a mainland mobile number label it (``加VX137…``).
* A handle may be set off by dashes (``博豪-@BOHAO63``, ``---@QGFQHS``); a single
  dash that continues a word glues the ``@`` to it as a letter would.
* A phone after a WhatsApp, KakaoTalk, LINE or Signal label is the account;
  local formats take the report's region (else Korea for KakaoTalk). A list of
  accounts numbers its labels (``WhatsApp1 +63… WhatsApp2 +63…``, ``Telegram2:``):
  one digit glued to a long name is that number, not part of a word.
* LINE ``~id`` and ``@official`` ids are lower-cased (``@`` kept for official
  accounts, a separate namespace); ``line.me/ti/p/<token>`` and ``lin.ee``
  short links keep their case-sensitive token with ``form: invite``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fraudlink.extract.base import Context, Match, register
from fraudlink.extract.kinds._messenger import Messenger, host, latin
from fraudlink.extract.kinds._web import invite_token, registrable
from fraudlink.extract.text import FoldedText

_I = re.IGNORECASE
_HANDLE = r"[a-z][a-z0-9_]{3,30}[a-z0-9]"
_TELEGRAM_RESERVED = frozenset(
    {"share", "proxy", "socks", "addstickers", "addlist", "setlanguage", "addtheme", "login"}
    | {"boost", "contact", "addemoji", "invoice", "confirmphone", "joinchat"}
)


@register
class Telegram(Messenger):
    name = "telegram"
    hints = ("@", "me/", "tg", "tele", "电报", "飞机", "텔레", "เทเลแกรม", "តេឡេក្រាម")
    labels = (
        latin("telegram[1-9]?", "tele", "tg")
        + "|电报搜索|电报搜|飞机搜索|飞机搜|电报|纸飞机|飞机|텔레그램|텔레|เทเลแกรม|តេឡេក្រាម"
    )
    id_pattern = rf"{_HANDLE}(?![a-z0-9_])"
    phones = False
    links = (
        re.compile(
            rf"(?:{host('t', 'me')}|{host('telegram', 'me')}|{host('telegram', 'dog')})/"
            r"(?:(?:\+|joinchat/)(?P<phone>\d{7,15})(?![a-z0-9_-])"
            r"|(?:\+|joinchat/)(?P<token>[a-z0-9_-]{12,40})"
            rf"|(?:s/)?(?P<id>{_HANDLE})(?![a-z0-9_]))",
            _I,
        ),
        re.compile(rf"tg://resolve\?domain=(?P<id>{_HANDLE})(?![a-z0-9_])", _I),
        re.compile(
            rf"(?:(?<![a-z0-9._%+\-/=~])|(?<=[^a-z0-9._%+\-/=~]-)|(?<=--))@"
            rf"(?P<id>{_HANDLE})(?![a-z0-9_@]|\.[a-z0-9]|://)",
            _I,
        ),
        # ``@dealer88https://t.me/…``: a handle glued to the link after it ends before it
        re.compile(rf"(?<![a-z0-9._%+\-/=~])@(?P<id>{_HANDLE})(?=https?://)", _I),
        # ``来聊TGZLL1233456``: after Han text, ``TG`` glued to a handle in capitals with a
        # digit; the change of script and of case marks where the label ends
        re.compile(
            r"(?<=[\u4e00-\u9fff])(?-i:TG)(?P<id>(?-i:[A-Z][A-Z_]{2,28}[0-9][A-Z0-9_]{0,20}))"
            r"(?![A-Za-z0-9_])"
        ),
        # ``/start@SomeBot``: a command addressed to a bot (bot usernames end in ``bot``)
        re.compile(
            r"(?<![a-z0-9_/])/[a-z0-9_]{1,32}@(?P<id>[a-z][a-z0-9_]{1,28}bot)(?![a-z0-9_])", _I
        ),
    )

    def clean_token(self, written: str, joinchat: bool = False) -> str:
        return invite_token(written, joinchat)

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        """Less a handle that ends the message and is an earlier handle plus a few glued
        characters: adverts tag their last line (``@AA997878 … @AA997878FTZ``)."""
        found = list(super().find(text, context))
        if found and _LINE_ELSEWHERE.search(text.folded):
            found = [match for match in found if not _line_account(text, match)]
        if len(found) < 2:
            return found
        values = {match.value for match in found}
        last = len(text.folded.rstrip())
        return [
            match for match in found if not (match.end == last and _tagged(match.value, values))
        ]

    def clean_id(self, written: str) -> str | None:
        handle = written.lower().lstrip("@")
        if "__" in handle or handle in _TELEGRAM_RESERVED:
            return None
        return handle


#: a LINE link or label in the same text: ``@LineOA`` there is LINE's own account
_LINE_ELSEWHERE = re.compile(r"lin\.ee/|line\.me/|ไลน์|(?<![a-z])line[ \t]?(?:id|:|@)", _I)


def _line_account(text: FoldedText, match: Match) -> bool:
    """``เร็วๆนี้@LineOA … https://lin.ee/…``: an ``@`` name that starts with LINE's, in a
    text that gives a LINE link or label, is a LINE official account, not Telegram."""
    return (
        match.value.startswith("line")
        and text.folded[match.start or 0 : (match.start or 0) + 1] == "@"
        and "t.me" not in text.folded.lower()
    )


#: the most characters an advert's end tag glues to a handle it already gave
_END_TAG = 3


def _tagged(value: str, values: set[str]) -> bool:
    """``aa997878ftz`` after ``aa997878``: the tag changes from digits to letters (or back)."""
    for other in values:
        tail = value[len(other) :]
        if other == value or not value.startswith(other) or len(tail) > _END_TAG:
            continue
        if (tail.isalpha() and other[-1].isdigit()) or (tail.isdigit() and other[-1].isalpha()):
            return True
    return False


@register
class WhatsApp(Messenger):
    name = "whatsapp"
    hints = ("me/", "whats", "what's", "watsap", "واتس", "왓츠", "วอท")
    case_hints = ("WA", "Wa")
    labels = (
        latin("whats ?app[1-9]?", "what'?s ?app[1-9]?", "watsapp", "watsap", "(?-i:WA|Wa)")
        + "|واتساب|واتس اب|واتس|왓츠앱|왓츠|วอทส์แอพ|วอทส์แอป|วอทแอป|วอทสแอป"
    )
    id_pattern = r"(?!)"  # WhatsApp accounts are phone numbers
    links = (
        re.compile(rf"{host('wa', 'me')}/(?P<phone>\+?\d{{7,15}})(?!\d)", _I),
        re.compile(
            rf"(?:{host('api', 'whatsapp', 'com')}|{host('web', 'whatsapp', 'com')}"
            rf"|{host('whatsapp', 'com')}|whatsapp://)/?send/?\?phone=(?P<phone>\+?\d{{7,15}})(?!\d)",
            _I,
        ),
        re.compile(
            rf"{host('chat', 'whatsapp', 'com')}/(?:invite/)?"
            r"(?P<token>[a-z0-9]{18,26})(?![a-z0-9])",
            _I,
        ),
    )


@register
class WeChat(Messenger):
    name = "wechat"
    hints = (
        *("wechat", "we chat", "weixin", "vx", "wx", "v信", "微信", "威信", "薇信", "徽信"),
        *("维信", "維信", "潍信", "濰信", "薇"),
        *("加v", "+v", "➕v"),
        *("위챗", "วีแชท", "ウィーチャット"),
    )
    labels = (
        latin("wechat", "we chat", "weixin", "vx", "wx")
        # ``加VX13751998067``: the short names glued to the number they give
        + r"|(?<![a-z0-9])(?:vx|wx)(?=1\d{10}(?!\d))"
        + "|微信号|微信|威信|薇信|徽信|维信|維信|潍信|濰信|[vV]信|위챗|วีแชท|ウィーチャット"
        # ``薇：abc123``: 微 written as 薇, also a girl's name, so only before a colon
        + "|(?<![\u4e00-\u9fff])薇(?=[ \t]{0,2}[:：])"
        # ``加V 138…``, ``+V13294281183``: "add on WeChat", V standing for 微
        + "|[加+➕]v(?![a-z])"
    )
    id_pattern = r"[a-z][a-z0-9_-]{5,19}(?![a-z0-9_-])"
    numeric_label = re.compile(
        r"(?:微信号?|wechat|weixin|vx|wx)[ \t]*(?:号|id)?[ \t]*[:=]{1,2}[ \t]*", _I
    )
    home_region = "CN"
    links = (re.compile(r"weixin://dl/chat\?(?P<id>[a-z][a-z0-9_-]{5,19})(?![a-z0-9_-])", _I),)


@register
class Line(Messenger):
    name = "line"
    hints = ("line", "lin.", "lin[", "lin(", "lin{", "lin dot", "賴", "ไลน์", "ライン", "라인")
    labels = (
        r"(?<![a-z0-9])line[ \t]?id(?![a-z0-9])|(?<![a-z0-9])id[ \t]?line(?![a-z0-9])"
        r"|(?<![a-z0-9])line(?=[ \t]{0,3}[:=])|(?<![A-Za-z0-9])(?-i:LINE)(?![A-Za-z0-9])"
        # ``賴`` is Taiwanese slang for LINE (``加賴``) and a surname: only as a label
        r"|賴(?=[ \t]*(?:[:：=]|id))|加賴|ไอดีไลน์|ไอดี ไลน์|ไลน์|ライン|라인 ?아이디"
    )
    id_pattern = r"@?[a-z0-9][a-z0-9._-]{2,18}[a-z0-9](?![a-z0-9._-]*[a-z0-9_-])"
    links = (
        re.compile(
            rf"{host('line', 'me')}/(?:r/)?ti/p/(?:(?P<id>(?:~|@|%40)[a-z0-9._-]{{3,20}}[a-z0-9_-])"
            r"|(?P<token>[a-z0-9_-]{6,40}))",
            _I,
        ),
        re.compile(rf"{host('line', 'me')}/(?:r/)?ti/g2?/(?P<token>[a-z0-9_-]{{6,40}})", _I),
        re.compile(rf"{host('lin', 'ee')}/(?P<token>[a-z0-9_-]{{4,20}})", _I),
    )

    def clean_id(self, written: str) -> str | None:
        value = written.lower().replace("%40", "@").lstrip("~")
        if "." in value and registrable(value.lstrip("@")) is not None:
            return None  # ``แอดไลน์ www.linee.live/q0uD``: a link after the label, not an id
        return value if len(value.lstrip("@")) >= 4 else None


@register
class Kakao(Messenger):
    name = "kakao"
    hints = ("kakao", "카카오", "카톡", "カカオ")
    labels = latin("kakao ?talk", "kakao") + "|카카오톡|카카오|카톡|カカオトーク"
    id_pattern = r"[a-z0-9][a-z0-9._-]{2,18}[a-z0-9](?![a-z0-9._-]*[a-z0-9_-])"
    home_region = "KR"
    links = (
        re.compile(rf"{host('open', 'kakao', 'com')}/o/(?P<token>[a-z0-9]{{6,12}})", _I),
        re.compile(rf"{host('pf', 'kakao', 'com')}/(?P<token>_[a-z0-9]{{4,12}})", _I),
    )


@register
class Signal(Messenger):
    name = "signal"
    hints = ("signal", "시그널", "ซิกแนล")
    labels = r"(?<![a-z0-9])signal(?=[ \t]{0,3}(?:[:=]|id|number|username|no))|시그널|ซิกแนล"
    id_pattern = r"[a-z_][a-z0-9_]{2,31}\.\d{2,9}(?!\d)"  # Signal usernames: name.01
    links = (
        re.compile(rf"{host('signal', 'me')}/#p/(?P<phone>\+?\d{{7,15}})(?!\d)", _I),
        re.compile(rf"{host('signal', 'me')}/#eu/(?P<token>[a-z0-9_-]{{20,120}})", _I),
        re.compile(rf"{host('signal', 'group')}/#(?P<token>[a-z0-9_-]{{20,120}})", _I),
    )
