"""The extract stage as ingest uses it: identifiers from narratives, language when absent."""

from __future__ import annotations

from fraudlink.extract import extract
from fraudlink.extract.base import Context, Match
from fraudlink.extract.language import detect_language, region_for_language


class NarrativeExtraction:
    """Adapter from ``fraudlink.extract`` to what the report writer needs."""

    def detect_language(self, text: str) -> str | None:
        return detect_language(text)

    def find(self, text: str, context: Context) -> list[Match]:
        if context.region is None and context.language is None:
            language = detect_language(text)
            context = Context(region=region_for_language(language), language=language)
        elif context.region is None:
            context = Context(
                region=region_for_language(context.language), language=context.language
            )
        return extract(text, context)


def warm_up() -> None:
    """Load what extraction loads on first use (every kind's module and patterns, the
    language model), so a server pays it at start rather than on its first reports."""
    extraction = NarrativeExtraction()
    for text in ("Paid 500 USD to +855 12 345 678 on Telegram @fastprofit, mail a@b.com",
                 "Chuyển tiền cho số 0912 345 678", "โอนเงินให้ 081 234 5678"):  # fmt: skip
        extraction.find(text, Context(region=None, language=extraction.detect_language(text)))
