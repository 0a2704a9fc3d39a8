"""Linking: reports into networks, and people and organisations across scripts."""
