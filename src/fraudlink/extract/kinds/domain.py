"""Registrable domains (eTLD+1), from links and from bare mentions like ``apex-invest[.]com``.

The public-suffix list is the snapshot shipped inside ``tldextract`` and is
never fetched (see ``_web``). Only names under a real public suffix count, so
``file.txt``, ``v1.2`` or ``example.exe`` are not domains; ``end.Next`` (a
sentence without a space) is not one either. The domain of an e-mail address
is left to the ``email`` kind. Reported alongside the link it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fraudlink.extract.base import Context, IdentifierKind, Match, overlaps_any, register
from fraudlink.extract.kinds._web import ascii_host, refang, registrable, scan
from fraudlink.extract.text import FoldedText

_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}")


@register
class Domain(IdentifierKind):
    name = "domain"
    priority = 40
    overlaps = frozenset({"url", "telegram", "whatsapp", "line", "kakao", "signal", "wechat"})

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        found = [
            Match(self.name, hit.domain, text.raw(hit.host_start, hit.host_end), hit.host_start,
                  hit.host_end)
            for hit in scan(text)
            if hit.domain is not None
        ]  # fmt: skip
        if "点" in text.folded or "點" in text.folded:
            found += _han_dotted(text, found)
        if _SPACED_HINT.search(text.folded):
            found += _spaced_dotted(text, found)
        return found

    def normalise(self, raw: str, context: Context) -> Match | None:
        """A domain given in a field: prose's caution (``dg.Com`` is Indonesian for "with")
        does not apply to a value someone labelled a domain, so a lone host is read as one."""
        stripped = raw.strip()
        hits = scan(FoldedText.of(stripped))
        if hits and hits[0].domain is not None:
            return Match(self.name, hits[0].domain, raw)
        if not stripped or any(char.isspace() for char in stripped):
            return None
        host = ascii_host(refang(stripped))
        domain = registrable(host) if host and _HOST.fullmatch(host) else None
        return Match(self.name, domain, raw) if domain else None


# Chinese adverts write the dot of a gambling site's name as ``点``/``點`` ("dot") so that
# filters miss it: ``d9625点com``, ``www点594www点com``, ``z789點bet``. ``点`` also means
# "click" (``打开APP点VIP``), so only a name that looks made up counts: a label of letters
# and digits together, or ``www`` first, before a common top-level domain.
_HAN_DOTTED = re.compile(
    r"(?<![a-z0-9.\-])(?P<host>(?:[a-z0-9-]{1,63}[点點])*[a-z0-9-]{1,63})[点點]"
    r"(?P<top>com|net|org|cc|cn|top|xyz|bet|vip|pro|me|tv|co|app|life|world|club|site|shop)"
    r"(?![a-z0-9])",
    re.IGNORECASE,
)
_MADE_UP = re.compile(r"[a-z]\d|\d[a-z]", re.IGNORECASE)


def _han_dotted(text: FoldedText, found: list[Match]) -> list[Match]:
    out: list[Match] = []
    for hit in _HAN_DOTTED.finditer(text.folded):
        labels = re.split("[点點]", hit.group("host").lower())
        if not (labels[0] == "www" or _MADE_UP.search(labels[-1])):
            continue
        if overlaps_any(found, *hit.span()):
            continue
        domain = registrable(".".join([*labels, hit.group("top").lower()]))
        if domain is not None:
            out.append(Match("domain", domain, text.raw(*hit.span()), *hit.span()))
    return out


# Casino spam in the Philippines breaks its site's name so that filters and link previews
# miss it: ``Sbet14 . com``, ``w8bonu. com``, ``sbetdito . (com)``, ``wplus777.(com)``,
# ``winningplus. (top)``, ``t1phnew.  c o m``. A space around the dot is also a typo
# (``at 5pm. Com``, ``B2B. Net``), so a name counts only where the writer plainly hid
# one: the ending in brackets or spelled letter by letter, or a made-up name (letters
# and digits together) before a spaced dot and a lower-case ending that is no English
# word (``com``, ``net``, not ``me`` or ``today``). A plain word before
# a bracketed ending must start the phrase: ``jackpot cityph. (xyz)`` splits the name,
# and reading ``cityph.xyz`` would store a host nobody wrote.
_SPACED_TOPS = frozenset(
    {"com", "net", "org", "info", "biz", "xyz", "top", "site", "online", "vip", "bet"}
    | {"club", "live", "shop", "app", "cc", "co", "io", "me", "ph", "asia", "in", "win"}
    | {"fun", "pro", "games", "casino", "world", "today", "link"}
)
#: endings that are no English word, the only ones read after a spaced dot without
#: brackets (``Gate B2. today``, ``Covid19. me`` are sentences)
_SPACED_PLAIN_TOPS = frozenset({"com", "net", "org", "xyz", "biz", "cc", "ph"})
#: what must follow a dot for ``_spaced_dotted`` to look: a bracket, a spelled or a spaced
#: ending (one cheap search, as a sentence's full stop is everywhere)
_SPACED_HINT = re.compile(
    r"[a-z0-9] {0,2}\.(?: {0,2}\(| {1,2}(?:[a-z] [a-z](?: [a-z])?(?![a-z])|"
    + "|".join(sorted(_SPACED_TOPS, key=len, reverse=True))
    + r")(?![a-z0-9]))",
    re.IGNORECASE,
)
_SPACED_DOTTED = re.compile(
    r"(?<![a-z0-9.\-@])(?P<host>[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?P<gap>[ ]{0,2}\.[ ]{0,2})"
    r"(?:\((?P<paren>[a-z]{2,6})\)|(?P<spelled>[a-z](?: [a-z]){1,3})|(?P<top>[a-z]{2,6}))"
    r"(?![a-z0-9]|\.[a-z0-9])",
    re.IGNORECASE,
)
#: ``1st``, ``5pm``, ``20k``, ``4gb``: a number and its unit, not a made-up name
_NUMBER_UNIT = re.compile(r"\d+[a-z]{1,2}", re.IGNORECASE)
_PHRASE_START = re.compile(r"(?:^|[!?.:;,>\])\n][ \t]*|\n[ \t]*)$")


def _spaced_dotted(text: FoldedText, found: list[Match]) -> list[Match]:
    folded = text.folded
    out: list[Match] = []
    for hit in _SPACED_DOTTED.finditer(folded):
        label = hit.group("host").lower()
        written = hit.group("paren") or hit.group("spelled") or hit.group("top")
        top = written.replace(" ", "").lower()
        hidden = hit.group("paren") is not None or hit.group("spelled") is not None
        if top not in _SPACED_TOPS or _NUMBER_UNIT.fullmatch(label):
            continue
        made_up = _MADE_UP.search(label) is not None
        plain_ok = top in _SPACED_PLAIN_TOPS and written.islower()
        if not hidden and not (made_up and " " in hit.group("gap") and plain_ok):
            continue  # ``end.Next``, ``B2B. Net``: a sentence, no sign the dot hides a name
        if not made_up and not _PHRASE_START.search(folded[max(0, hit.start() - 3) : hit.start()]):
            continue
        if overlaps_any(found, *hit.span()):
            continue
        domain = registrable(f"{label}.{top}")
        if domain is not None:
            out.append(Match("domain", domain, text.raw(*hit.span()), *hit.span()))
    return out
