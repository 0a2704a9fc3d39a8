"""The extract stage as ingest uses it: identifiers from narratives, language when absent."""

from __future__ import annotations

from fraudlink.extract import extract
from fraudlink.extract.base import Context, Match
from fraudlink.extract.language import detect_language, region_for_language

#: Finds that describe a report rather than identify who is behind it; they never link.
NOT_IDENTIFIERS = frozenset({"amount", "person", "organization"})


class NarrativeExtraction:
    """Adapter from ``fraudlink.extract`` to what the report writer needs."""

    def detect_language(self, text: str) -> str | None:
        return detect_language(text)

    def identifiers(self, text: str, context: Context) -> list[Match]:
        if context.region is None and context.language is None:
            language = detect_language(text)
            context = Context(region=region_for_language(language), language=language)
        elif context.region is None:
            context = Context(
                region=region_for_language(context.language), language=context.language
            )
        return [match for match in extract(text, context) if match.kind not in NOT_IDENTIFIERS]
