"""Extraction benchmark: precision, recall and MB/s per kind, beside the peer tools.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/extract.py [--mb 20] [--seed 7] [--skip-peers]

Every tool reads the same labelled multilingual corpus (``extract_corpus.py``)
one document at a time; each answer is put in normal form the same way before
it is compared with the planted identifiers, so a tool is not blamed for
writing ``+855 12 345 678`` instead of ``+85512345678``. Prints a table, asserts
nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import phonenumbers
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).parent))

from extract_corpus import Document, card_fingerprint, corpus

from fraudlink.extract import Context, extract

Found = set[tuple[str, str]]
Tool = Callable[[Document], Found]


def _e164(raw: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def fraudlink_tool(doc: Document) -> Found:
    found: Found = set()
    for match in extract(doc.text, Context(region=doc.region, language=doc.language)):
        if match.kind == "payment_card":
            found.add((match.kind, match.attributes.get("sha256", match.value)))
        else:
            found.add((match.kind, match.value))
    return found


def phonenumbers_tool(doc: Document) -> Found:
    matcher = phonenumbers.PhoneNumberMatcher(doc.text, doc.region)
    return {
        ("phone", phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164))
        for m in matcher
    }


def _common(kind: str, value: str, region: str) -> tuple[str, str] | None:
    """A peer's answer in our normal form, so only what it found is compared."""
    if kind == "phone":
        e164 = _e164(value, region)
        return ("phone", e164) if e164 else None
    if kind == "crypto_wallet" and value.startswith("0x"):
        return kind, value.lower()
    if kind == "payment_card":
        return kind, card_fingerprint("".join(c for c in value if c.isdigit()))
    if kind in {"email", "domain", "url"}:
        return kind, value.lower() if kind != "url" else value
    return kind, value


IOC_FINDER_KINDS = {
    "phone_numbers": "phone",
    "email_addresses": "email",
    "urls": "url",
    "domains": "domain",
    "ibans": "iban",
    "bitcoin_addresses": "crypto_wallet",
    "ethereum_addresses": "crypto_wallet",
    "tron_addresses": "crypto_wallet",
}


def ioc_finder_tool(doc: Document) -> Found:
    from ioc_finder import find_iocs

    found: Found = set()
    for key, values in find_iocs(doc.text).items():
        kind = IOC_FINDER_KINDS.get(key)
        if kind and isinstance(values, list):
            found.update(filter(None, (_common(kind, v, doc.region) for v in values)))
    return found


def iocextract_tool(doc: Document) -> Found:
    import iocextract

    found: Found = set()
    for url in iocextract.extract_urls(doc.text, refang=True):
        found.add(("url", url))
    for email in iocextract.extract_emails(doc.text, refang=True):
        found.add(("email", email.lower()))
    return found


def score(tool: Tool, docs: list[Document], size: int) -> tuple[float, dict[str, Counter[str]]]:
    """Throughput in MB/s and, per kind, counts of true/false positives and misses."""
    answers = []
    started = time.perf_counter()
    for doc in docs:
        answers.append(tool(doc))
    elapsed = time.perf_counter() - started
    tally: dict[str, Counter[str]] = {}
    for doc, found in zip(docs, answers, strict=True):
        truth = set(doc.truth)
        for kind, _ in truth | found:
            tally.setdefault(kind, Counter())
        for kind, _ in found & truth:
            tally[kind]["tp"] += 1
        for kind, _ in found - truth:
            tally[kind]["fp"] += 1
        for kind, _ in truth - found:
            tally[kind]["fn"] += 1
    return size / elapsed / 1e6, tally


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "–"


def table(results: dict[str, tuple[float, dict[str, Counter[str]]]], kinds: Iterable[str]) -> Table:
    out = Table("kind", *(f"{name}\nP / R" for name in results), title="extraction benchmark")
    for kind in kinds:
        cells = []
        for _speed, tally in results.values():
            c = tally.get(kind, Counter())
            cells.append(
                f"{_ratio(c['tp'], c['tp'] + c['fp'])} / {_ratio(c['tp'], c['tp'] + c['fn'])}"
            )
        out.add_row(kind, *cells)
    out.add_row("MB/s", *(f"{speed:.2f}" for speed, _ in results.values()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-peers", action="store_true")
    args = parser.parse_args()
    docs = list(corpus(args.mb, args.seed))
    size = sum(len(d.text.encode()) for d in docs)
    tools: dict[str, Tool] = {"fraudlink": fraudlink_tool}
    if not args.skip_peers:
        tools |= {
            "ioc-finder": ioc_finder_tool,
            "iocextract": iocextract_tool,
            "phonenumbers": phonenumbers_tool,
        }
    fraudlink_tool(docs[0])  # load models before timing
    results = {name: score(tool, docs, size) for name, tool in tools.items()}
    kinds = sorted({kind for doc in docs for kind, _ in doc.truth})
    console = Console()
    console.print(
        f"{len(docs)} documents, {size / 1e6:.1f} MB, {len({d.language for d in docs})} languages"
    )
    console.print(table(results, kinds))


if __name__ == "__main__":
    main()
