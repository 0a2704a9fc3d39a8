"""Linking: reports into networks, and people and organisations across scripts."""

from fraudlink.link.networks import LinkSummary, link_reports
from fraudlink.link.overview import NetworkView, largest_networks

__all__ = ["LinkSummary", "NetworkView", "largest_networks", "link_reports"]
