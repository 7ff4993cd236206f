"""How many worker processes `reckon claims` starts by default."""

from __future__ import annotations

import os

from reckon.claims.ingest import FILES_PER_WORKER, worker_count


def test_a_few_files_are_read_in_one_process():
    assert worker_count(0) == 1
    assert worker_count(1) == 1
    assert worker_count(2 * FILES_PER_WORKER - 1) == 1


def test_many_files_use_every_core():
    cores = os.cpu_count() or 1
    assert worker_count(1000 * FILES_PER_WORKER) == cores
    assert worker_count(2 * FILES_PER_WORKER) == min(cores, 2)
