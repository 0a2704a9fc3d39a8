"""E-mail addresses, lower-case and fanged: ``Name[at]Apex[.]com`` → ``name@apex.com``.

Accepts ``@``, full-width ``＠`` (folded), ``[at]``, ``(at)``, ``{at}``, ``[@]``
and the defanged dots of ``_web``. The address is ASCII and ends where the
script changes (``lucky@qq.com에서``, ``邮箱lucky@qq.com。``); the domain must
end in a real public suffix. Provider-specific aliases (Gmail dots, ``+tag``)
are kept: they are what the victim saw, and merging them is the linker's call.
A spaced `` at `` (``john at gmail dot com``) is not read: in prose it is far
more often the English word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.kinds._web import DOT, LATIN_LABEL, ascii_host, refang, registrable
from fraudlink.extract.text import FoldedText

_EMAIL = re.compile(
    r"(?<![a-z0-9._%+\-])(?P<local>[a-z0-9_%+\-][a-z0-9._%+\-]{0,63})"
    r"(?:\s?[\[({]\s?(?:at|@)\s?[\])}]\s?|@)"
    rf"(?P<host>{LATIN_LABEL}(?:{DOT}{LATIN_LABEL})+)",
    re.IGNORECASE,
)
_DOT_SPLIT = re.compile(f"({DOT})", re.IGNORECASE)
_MAY_HOLD = re.compile(r"[@\[({](?:(?<=[\[({])\s?(?:at|@)\s?[\])}])?", re.IGNORECASE)
_DEFANGED_AT = re.compile(r"[\[({]\s?(?:at|@)\s?[\])}]", re.IGNORECASE)
_LOCAL_BEFORE = re.compile(r"[a-z0-9._%+\-]{1,64}$", re.IGNORECASE)


def _starts(folded: str) -> list[int]:
    """Where an address may start: the run of local-part characters before each ``@``.

    The pattern, tried at every character, was slow; read backwards from each
    ``@`` (or ``[at]``) the start is known and the pattern is matched once there.
    """
    if "@" not in folded and not (
        ("[" in folded or "(" in folded or "{" in folded) and _DEFANGED_AT.search(folded)
    ):
        return []
    starts: list[int] = []
    for at in _MAY_HOLD.finditer(folded):
        if at.group() in "[({":
            continue  # a bracket that holds no ``at``
        end = at.start() - 1 if at.start() and folded[at.start() - 1].isspace() else at.start()
        local = _LOCAL_BEFORE.search(folded, max(0, end - 64), end)
        if local is not None and (not starts or local.start() > starts[-1]):
            starts.append(local.start())
    return starts


def _title_case(label: str) -> bool:
    return not (label.islower() or label.isupper() or label.isdigit())


def _value(local: str, written_host: str) -> str | None:
    """Normal form, or None when the local part or the domain is not a real one."""
    if local.endswith(".") or ".." in local:
        return None
    labels = refang(written_host).split(".")
    while len(labels) > 2 and _title_case(labels[-1]):  # ``x@apex.com.Next``
        labels.pop()
    host = ascii_host(".".join(labels))
    if host is None or registrable(host) is None:
        return None
    return f"{local.lower()}@{host}"


def _host_length(written_host: str, value: str) -> int:
    """Length of the written host that the value kept (a dropped ``.Next`` shortens it)."""
    kept = value.count(".", value.index("@")) + 1
    pieces = _DOT_SPLIT.split(written_host)
    return len("".join(pieces[: 2 * kept - 1]))


@register
class Email(IdentifierKind):
    name = "email"
    priority = 60
    overlaps = frozenset()

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        starts = _starts(text.folded)
        return self._found(text, starts) if starts else ()

    def _found(self, text: FoldedText, starts: list[int]) -> Iterator[Match]:
        taken = 0
        for start in starts:
            match = _EMAIL.match(text.folded, start) if start >= taken else None
            if match is None:
                continue
            taken = match.end()
            value = _value(match.group("local"), match.group("host"))
            if value is not None:
                start = match.start()
                end = match.start("host") + _host_length(match.group("host"), value)
                yield Match(self.name, value, text.raw(start, end), start, end)

    def normalise(self, raw: str, context: Context) -> Match | None:
        stripped = raw.strip()
        if stripped.lower().startswith("mailto:"):
            stripped = stripped[len("mailto:") :]
        match = _EMAIL.fullmatch(FoldedText.of(stripped).folded)
        if match is None:
            return None
        value = _value(match.group("local"), match.group("host"))
        return None if value is None else Match(self.name, value, raw)
