"""The file ``spark-submit`` runs: ``fraudlink link --engine spark`` with the arguments given.

``spark-submit … $(python -m fraudlink.link.networks.spark.submit --path) --db URL --full``
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> None:
    if argv == ["--path"]:
        print(__file__)
        return
    from fraudlink.cli.main import main as cli

    sys.argv = ["fraudlink", "link", "--engine", "spark", *argv]
    cli()


if __name__ == "__main__":
    main(sys.argv[1:])
