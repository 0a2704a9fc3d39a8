"""Where extraction spends its time: CPU seconds per kind on the bench corpus.

    .venv/bin/python bench/extract_profile.py [--mb 5] [--seed 7] [--cprofile FILE]

The corpus (``extract_corpus.py``) is cached under the system temp folder, so
runs after the first start at once. Prints MB/s of the whole ``extract`` and
the CPU share of each kind's ``find`` when run alone (fold included once).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extract_corpus import Document, corpus

from fraudlink.extract import Context, extract, known_kinds
from fraudlink.extract.base import kind as kind_named
from fraudlink.extract.text import FoldedText


def _docs(mb: float, seed: int) -> list[Document]:
    cache = Path(tempfile.gettempdir()) / f"fraudlink-extract-corpus-{mb}-{seed}.pickle"
    if cache.exists():
        docs: list[Document] = pickle.loads(cache.read_bytes())
        return docs
    docs = list(corpus(mb, seed))
    cache.write_bytes(pickle.dumps(docs))
    return docs


def _cpu(work: list[tuple[str, Context]], name: str | None) -> float:
    started = time.process_time()
    if name is None:
        for text, context in work:
            extract(text, context)
    else:
        finder = kind_named(name)
        assert finder is not None
        for text, context in work:
            for _ in finder.find(FoldedText.of(text), context):
                pass
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cprofile", help="write a cProfile of the whole extract here")
    parser.add_argument("--kinds", action="store_true", help="time each kind alone too")
    args = parser.parse_args()
    docs = _docs(args.mb, args.seed)
    work = [(d.text, Context(region=d.region, language=d.language)) for d in docs]
    size = sum(len(d.text.encode()) for d in docs)
    extract(work[0][0], work[0][1])
    load = os.getloadavg()[0]
    if args.cprofile:
        cProfile.runctx("_cpu(work, None)", globals(), locals(), args.cprofile)
    total = _cpu(work, None)
    print(
        f"{len(docs)} docs {size / 1e6:.1f} MB: extract {size / total / 1e6:.2f} MB/s "
        f"({total / size * 1e6:.3f} CPU s/MB), load {load:.2f}->{os.getloadavg()[0]:.2f}"
    )
    if args.kinds:
        for name in known_kinds():
            spent = _cpu(work, name)
            print(f"  {name:14} {spent / total:6.1%}  {spent / size * 1e6:.3f} s/MB")


if __name__ == "__main__":
    main()
