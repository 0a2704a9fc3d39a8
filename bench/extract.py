"""Extraction benchmark: precision, recall and MB/s per kind, beside the peer tools.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/extract.py [--mb 20] [--seed 7] [--skip-peers] [--misses N]

Every tool reads the same labelled multilingual corpus of generated reports
(``extract_corpus.py``) one narrative at a time, with the report's region;
each answer is put in normal form the same way before it is compared with the
planted identifiers, so a tool is not blamed for writing ``+855 12 345 678``
instead of ``+85512345678``. Speed is CPU time of this process (the machine
is shared, so wall time would measure the neighbours), reported with the load
average. Prints a table, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import phonenumbers
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).parent))

from extract_corpus import MESSENGER_HOSTS, Document, card_fingerprint, corpus

from fraudlink.extract import Context, extract, normalise
from fraudlink.extract.kinds._web import ascii_host, registrable

Found = set[tuple[str, str]]
Tool = Callable[[Document], Found]
Tally = dict[str, Counter[str]]


def _e164(raw: str, region: str | None) -> str | None:
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
        elif match.valid:
            found.add((match.kind, match.value))
    return found


def phonenumbers_tool(doc: Document) -> Found:
    matcher = phonenumbers.PhoneNumberMatcher(doc.text, doc.region or "US")
    return {
        ("phone", phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164))
        for m in matcher
    }


def _common(kind: str, value: str, region: str | None) -> tuple[str, str] | None:
    """A peer's answer in our normal form, so only what it found is compared."""
    if kind == "phone":
        e164 = _e164(value, region)
        return ("phone", e164) if e164 else None
    if kind == "crypto_wallet" and value.startswith("0x"):
        return kind, value.lower()
    if kind == "payment_card":
        return kind, card_fingerprint("".join(c for c in value if c.isdigit()))
    if kind == "domain":
        host = ascii_host(value)
        domain = registrable(host) if host else None
        return (kind, domain) if domain else None
    if kind == "email":
        return kind, value.lower()
    if kind == "url":
        match = normalise("url", value, Context(region=region))
        return (kind, match.value) if match else None
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
    "credit_card_numbers": "payment_card",
}


def ioc_finder_tool(doc: Document) -> Found:
    from ioc_finder import find_iocs  # type: ignore[import-untyped]

    found: Found = set()
    for key, values in find_iocs(doc.text).items():
        kind = IOC_FINDER_KINDS.get(key)
        if kind and isinstance(values, list):
            found.update(filter(None, (_common(kind, v, doc.region) for v in values)))
    return found


def iocextract_tool(doc: Document) -> Found:
    import iocextract  # type: ignore[import-untyped]

    found: Found = set()
    for url in iocextract.extract_urls(doc.text, refang=True):
        found.update(filter(None, [_common("url", url, doc.region)]))
    for email in iocextract.extract_emails(doc.text, refang=True):
        found.add(("email", email.lower()))
    return found


def _host(url: str) -> str:
    host = url.partition("://")[2] or url
    for stop in "/?#:":
        host = host.partition(stop)[0]
    return host.lower().removeprefix("www.")


#: kinds the generator does not label: left out of the scores
UNLABELLED = frozenset({"amount", "person", "organization"})
PHONE_MESSENGERS = ("whatsapp", "wechat", "line", "kakao", "signal", "telegram")


def _counts(kind: str, value: str, truth: frozenset[tuple[str, str]]) -> bool:
    """Whether an answer is scored (the conventions in ``extract_corpus``)."""
    if kind in UNLABELLED or (kind, value) in truth:
        return kind not in UNLABELLED
    if kind == "phone":  # a messenger account that is a phone number is a phone too
        return not any((messenger, value) in truth for messenger in PHONE_MESSENGERS)
    if kind not in ("url", "domain"):
        return True
    host = _host(value)
    if host in MESSENGER_HOSTS:
        return False
    bare_www = kind == "url" and value.rstrip("/").partition("://")[2 if "://" in value else 0] == (
        "www." + host
    )
    return not (bare_www and ("domain", registrable(host) or host) in truth)


def _scored(found: Iterable[tuple[str, str]], truth: frozenset[tuple[str, str]]) -> Found:
    return {(kind, value) for kind, value in found if _counts(kind, value, truth)}


def _schemeless(pairs: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """A link written without its scheme cannot say http or https: compare without it."""
    return frozenset(
        (kind, value.partition("://")[2] if kind == "url" and value.startswith("http") else value)
        for kind, value in pairs
    )


def run(tool: Tool, docs: list[Document]) -> tuple[float, list[Found]]:
    """CPU seconds and the answers, one set per document."""
    started = time.process_time()
    answers = [tool(doc) for doc in docs]
    return time.process_time() - started, answers


def tally(docs: list[Document], answers: list[Found]) -> Tally:
    """Per kind, counts of true and false positives and of misses."""
    counts: Tally = {}
    for doc, raw in zip(docs, answers, strict=True):
        truth = _schemeless(doc.truth)
        found = _scored(_schemeless(raw), truth)
        for kind, _ in truth | found:
            counts.setdefault(kind, Counter())
        for kind, _ in found & truth:
            counts[kind]["tp"] += 1
        for kind, _ in found - truth:
            counts[kind]["fp"] += 1
        for kind, _ in truth - found:
            counts[kind]["fn"] += 1
    return counts


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "–"


def table(results: dict[str, tuple[float, Tally]], kinds: Iterable[str], size: int) -> Table:
    out = Table("kind", "planted", *(f"{name}\nP / R" for name in results))
    out.title = "extraction benchmark"
    first = next(iter(results.values()))[1]
    planted = {k: first.get(k, Counter())["tp"] + first.get(k, Counter())["fn"] for k in kinds}
    for kind in kinds:
        cells = []
        for _cpu, tallies in results.values():
            c = tallies.get(kind, Counter())
            cells.append(
                f"{_ratio(c['tp'], c['tp'] + c['fp'])} / {_ratio(c['tp'], c['tp'] + c['fn'])}"
            )
        out.add_row(kind, str(planted[kind]), *cells)
    out.add_row("MB/s (CPU)", "", *(f"{size / cpu / 1e6:.2f}" for cpu, _ in results.values()))
    return out


def show_misses(docs: list[Document], answers: list[Found], limit: int, kind: str | None) -> None:
    """The first ``limit`` documents where fraudlink missed or invented something."""
    shown = 0
    for doc, raw in zip(docs, answers, strict=True):
        truth = _schemeless(doc.truth)
        found = _scored(_schemeless(raw), truth)
        wrong = {k for k, _ in found ^ truth}
        if wrong and (kind is None or kind in wrong) and shown < limit:
            shown += 1
            print(f"--- {doc.language} {doc.region}: {doc.text}")
            print(f"    missed {sorted(truth - found)}")
            print(f"    extra  {sorted(found - truth)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--misses", type=int, default=0, help="print N imperfect documents")
    parser.add_argument("--kind", help="with --misses: only documents wrong on this kind")
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
    for tool in tools.values():
        tool(docs[0])  # imports and lazy tables before timing
    load = os.getloadavg()[0]
    results: dict[str, tuple[float, Tally]] = {}
    for name, tool in tools.items():
        cpu, answers = run(tool, docs)
        results[name] = (cpu, tally(docs, answers))
        if name == "fraudlink" and args.misses:
            show_misses(docs, answers, args.misses, args.kind)
    kinds = sorted({kind for doc in docs for kind, _ in doc.truth})
    console = Console(width=120)
    languages = len({d.language for d in docs})
    console.print(f"{len(docs)} documents, {size / 1e6:.1f} MB, {languages} languages")
    console.print(table(results, kinds, size))
    load_after = os.getloadavg()[0]
    console.print(
        f"load average {load:.2f} → {load_after:.2f} on {os.cpu_count()} cores; "
        "MB/s is UTF-8 bytes per CPU second of one core"
    )


if __name__ == "__main__":
    main()
