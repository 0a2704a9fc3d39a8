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

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.kinds._web import ascii_host, refang, registrable, scan
from fraudlink.extract.text import FoldedText

_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}")


@register
class Domain(IdentifierKind):
    name = "domain"
    priority = 40
    overlaps = frozenset({"url", "telegram", "whatsapp", "line", "kakao", "signal", "wechat"})

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        return [
            Match(self.name, hit.domain, text.raw(hit.host_start, hit.host_end), hit.host_start,
                  hit.host_end)
            for hit in scan(text)
            if hit.domain is not None
        ]  # fmt: skip

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
