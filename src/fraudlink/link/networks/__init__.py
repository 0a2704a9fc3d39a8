"""Networks: reports linked by the identifiers they share, hubs left out, every link explained."""

from fraudlink.link.networks.pipeline import LinkSummary, link_reports

__all__ = ["LinkSummary", "link_reports"]
