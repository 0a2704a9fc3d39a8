"""The ``fraudlink`` command line: thin adapters over the pipeline modules."""
