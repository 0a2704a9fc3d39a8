"""The labelled corpus of ``bench/extract.py``: generated fraud reports and what was planted.

``fraudlink.generate.generate_labelled`` writes reports in a dozen languages
with identifiers in the notations victims use (local and international
phones, native and full-width digits, defanged links, ids glued to particles)
beside distractors (dates, amounts, order numbers), and lists for each report
the identifiers it planted, in normal form. A document here is one report's
narrative with that list; reports whose narrative is empty (their identifiers
are only in structured fields) are skipped.

Scoring conventions, applied to every tool alike:

- a planted URL also plants its registrable domain (every tool reports both);
- cards are compared by SHA-256, since fraudlink only ever shows them masked;
- a link to a messenger (``t.me/x``, ``wa.me/…``, ``line.me/…``) is scored as
  the messenger account it names: a URL or domain answer on a messenger's own
  host counts only when it was planted as such; a messenger account that is a
  phone number (``WhatsApp +66 84…``) is a phone too, so that phone answer is
  not scored either way;
- ``www.apex.com`` planted as a domain is a URL too by our spec
  (``http://www.apex.com``): that URL answer is not scored either way;
- amounts, persons and organisations are not labelled, so not scored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from fraudlink.extract import context_for
from fraudlink.generate import generate_labelled

#: hosts whose links are messenger accounts (scored as telegram, whatsapp, line...)
MESSENGER_HOSTS = frozenset(
    {"t.me", "telegram.me", "telegram.dog", "wa.me", "chat.whatsapp.com", "api.whatsapp.com"}
    | {"line.me", "lin.ee", "open.kakao.com", "pf.kakao.com", "signal.me", "signal.group"}
)
_BATCH = 20_000


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    language: str | None  # as given, or detected when the report has none
    region: str | None  # the report's country, else the language's
    truth: frozenset[tuple[str, str]]


def card_fingerprint(number: str) -> str:
    return hashlib.sha256(number.encode()).hexdigest()


def _truth(planted: list[dict[str, str]]) -> frozenset[tuple[str, str]]:
    pairs = set()
    for ident in planted:
        kind, value = ident["kind"], ident["value"]
        pairs.add((kind, card_fingerprint(value) if kind == "payment_card" else value))
        if kind == "url" and ident.get("domain"):
            pairs.add(("domain", ident["domain"]))
    return frozenset(pairs)


def corpus(megabytes: float, seed: int = 7) -> Iterator[Document]:
    """Documents until their UTF-8 size reaches ``megabytes``.

    The generator is asked for reports in batches: its output for ``n`` reports
    is a prefix of its output for more only per batch, so each batch has its own seed.
    """
    size, batch = 0, 0
    while size < megabytes * 1_000_000:
        for report, planted in generate_labelled(_BATCH, seed * 100_003 + batch):
            text = report.get("narrative") or ""
            if not text:
                continue
            context = context_for(report.get("country"), report.get("language"), text)
            size += len(text.encode())
            yield Document(text, context.language, context.region, _truth(planted))
            if size >= megabytes * 1_000_000:
                return
        batch += 1
