"""Ingest: report files (JSON Lines, CSV) into the store, idempotently and batch by batch."""

from fraudlink.ingest.pipeline import IngestSummary, ingest_files

__all__ = ["IngestSummary", "ingest_files"]
