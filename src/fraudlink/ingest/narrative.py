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
