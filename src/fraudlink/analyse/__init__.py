"""Analyse: what the analyst holds — counts, losses, networks and the people behind them."""
