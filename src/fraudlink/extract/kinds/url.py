"""Web links, fanged: ``hxxps://apex-invest[.]com/x`` → ``https://apex-invest.com/x``.

Normal form: scheme and host lower-case, host as IDNA A-label, default port
and a lone ``/`` path dropped, path, query and fragment kept as written. A
link written without scheme (``www.apex.com/x``, ``apex.com/register``) gets
``http://``, the scheme a browser would try, so it is an absolute URL.
The link ends where the text changes script or where CJK punctuation starts
(``https://x.com，`` or ``https://x.com에서``).
"""

from __future__ import annotations

from collections.abc import Iterable

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.kinds._web import scan
from fraudlink.extract.text import FoldedText

#: the kinds found inside a link (``https://t.me/apex`` is also ``t.me`` and ``@apex``)
_INSIDE_LINKS = frozenset({"domain", "telegram", "whatsapp", "line", "kakao", "signal", "wechat"})


@register
class Url(IdentifierKind):
    name = "url"
    priority = 50
    overlaps = _INSIDE_LINKS

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        return [
            Match(self.name, hit.url, text.raw(hit.start, hit.end), hit.start, hit.end)
            for hit in scan(text)
            if hit.url is not None
        ]

    def normalise(self, raw: str, context: Context) -> Match | None:
        stripped = raw.strip()
        hits = scan(FoldedText.of(stripped))
        if len(hits) != 1 or hits[0].start != 0 or hits[0].end != len(stripped):
            return None
        hit = hits[0]
        value = hit.url or f"http://{stripped[hit.host_start : hit.host_end]}"
        if hit.url is None:  # a bare host given as a URL field: normalise it as a link
            found = scan(FoldedText.of(f"http://{stripped}"))
            value = found[0].url if found and found[0].url else value
        return Match(self.name, value, raw)
