"""The allow-list: identifiers that are benign however many reports name them.

It ships with the major platforms (``allowlist.txt``), is copied into the
database when the link tables are created, and from then on belongs to the
agency, which adds and removes entries with ``fraudlink allowlist``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from urllib.parse import urlsplit

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fraudlink.errors import InputError
from fraudlink.extract.base import Context, kind
from fraudlink.link.networks.tables import AllowlistEntry


@dataclass(frozen=True, slots=True)
class Allowed:
    kind: str
    value: str
    note: str | None = None


def shipped() -> list[Allowed]:
    """The entries in the package's ``allowlist.txt``."""
    text = files("fraudlink.link.networks").joinpath("allowlist.txt").read_text("utf-8")
    entries = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            kind_name, value = line.split(None, 1)
            entries.append(Allowed(kind_name, value, "shipped"))
    return entries


def normal_form(kind_name: str, value: str) -> str:
    """The value as identifiers are stored, so that ``+66 2 888 8888`` matches ``+6628888888``."""
    identifier_kind = kind(kind_name)
    if identifier_kind is None:
        raise InputError(
            f"'{kind_name}' is not an identifier kind; use e.g. domain, phone, telegram."
        )
    match = identifier_kind.normalise(value, Context())
    return match.value if match is not None and match.valid else value.strip().lower()


def add(session: Session, kind_name: str, value: str, note: str | None = None) -> Allowed:
    entry = Allowed(kind_name, normal_form(kind_name, value), note)
    if session.get(AllowlistEntry, (entry.kind, entry.value)) is None:
        session.add(AllowlistEntry(kind=entry.kind, value=entry.value, note=note))
    return entry


def remove(session: Session, kind_name: str, value: str) -> bool:
    value = normal_form(kind_name, value)
    stmt = delete(AllowlistEntry).where(
        AllowlistEntry.kind == kind_name, AllowlistEntry.value == value
    )
    return bool(session.execute(stmt).rowcount)  # type: ignore[attr-defined]


def entries(session: Session) -> list[Allowed]:
    rows = session.execute(
        select(AllowlistEntry).order_by(AllowlistEntry.kind, AllowlistEntry.value)
    )
    return [Allowed(row.kind, row.value, row.note) for row in rows.scalars()]


def _host_and_path(url: str) -> tuple[str, str]:
    """Host (no ``www.``) and path of a stored url; plain string cuts for the common case.

    Stored urls are normalised (scheme and host lower-case), so ``urlsplit``
    is needed only when the authority carries a port or credentials.
    """
    rest = url.partition("://")[2]
    cut = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0),
              default=len(rest))  # fmt: skip
    host = rest[:cut]
    if ":" in host or "@" in host:
        parts = urlsplit(url)
        return (parts.hostname or "").removeprefix("www."), parts.path.strip("/")
    path = rest[cut:].partition("?")[0].partition("#")[0]
    return host.removeprefix("www."), path.strip("/")


class AllowlistMatcher:
    """Decides whether a stored identifier is allow-listed, directly or as a platform's page."""

    def __init__(self, allowed: list[Allowed]) -> None:
        self.exact = {(a.kind, a.value) for a in allowed}
        self.domains = {a.value for a in allowed if a.kind == "domain"}
        self.telegram = {a.value for a in allowed if a.kind == "telegram"}

    def __call__(self, kind_name: str, value: str) -> bool:
        if (kind_name, value) in self.exact:
            return True
        if kind_name != "url":
            return False
        host, path = _host_and_path(value)
        if host in ("t.me", "telegram.me") and path.lower() in self.telegram:
            return True
        return not path and self._platform(host)

    def _platform(self, host: str) -> bool:
        labels = host.split(".")
        return any(".".join(labels[i:]) in self.domains for i in range(len(labels) - 1))
