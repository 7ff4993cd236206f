"""How long each stage of a linkage run took: for the run's summary, the log and progress.

    with timed_stages(on_start=print) as seconds:    # link_records opens one per run
        with stage("predict"):                       # anywhere below it, in this thread
            ...
    seconds                                          # {"prepare features": 12.3, "predict": 40.1, ...}

A stage run twice adds up. Stages do not nest: each second belongs to one stage. A
``timed_stages`` inside another (link_case around link_records) joins the outer one.
Outside any, ``stage`` only logs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class _Run:
    seconds: dict[str, float] = field(default_factory=dict)
    on_start: Callable[[str], None] | None = None


_current: ContextVar[_Run | None] = ContextVar("reckon_linkage_stages", default=None)


@contextmanager
def timed_stages(on_start: Callable[[str], None] | None = None) -> Iterator[dict[str, float]]:
    """Collect the seconds of every ``stage`` inside; ``on_start(name)`` as each begins."""
    outer = _current.get()
    if outer is not None:
        yield outer.seconds
        return
    token = _current.set(_Run(on_start=on_start))
    try:
        yield _current.get().seconds
    finally:
        _current.reset(token)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time one stage of the run (see the module docstring)."""
    run = _current.get()
    if run is not None and run.on_start is not None:
        run.on_start(name)
    started = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        log.debug("linkage stage %s: %.1f s", name, elapsed)
        if run is not None:
            run.seconds[name] = run.seconds.get(name, 0.0) + elapsed
