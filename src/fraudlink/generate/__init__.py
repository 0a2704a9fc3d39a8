"""Synthetic but realistic fraud reports with a known answer, for tests and benchmarks.

``generate_reports`` streams Report JSON Lines v1 objects; ``build_truth``
and ``write_dataset`` give the networks they were drawn from;
``generate_labelled`` pairs each report with the identifiers planted in it.
Same seed, same bytes.
"""

from fraudlink.generate.dataset import (
    build_truth,
    generate_labelled,
    generate_reports,
    write_dataset,
)

__all__ = ["build_truth", "generate_labelled", "generate_reports", "write_dataset"]
