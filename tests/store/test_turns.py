"""SQLite writers of one process take the write lock in the order they asked for it."""

from __future__ import annotations

import threading
import time

from fraudlink.store.locks import Turns


def test_writers_are_served_in_the_order_they_came() -> None:
    turns, order = Turns(), []
    release = threading.Event()

    def first() -> None:
        with turns.turn():
            release.wait(10)
            order.append(0)

    def later(n: int) -> None:
        with turns.turn():
            order.append(n)

    threads = [threading.Thread(target=first)]
    threads[0].start()
    for n in range(1, 8):
        asked = turns._issued  # wait until this one holds its ticket
        threads.append(threading.Thread(target=later, args=(n,)))
        threads[-1].start()
        while turns._issued == asked:
            time.sleep(0.001)
    release.set()
    for thread in threads:
        thread.join(10)
    assert order == list(range(8))
