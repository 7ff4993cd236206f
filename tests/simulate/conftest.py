"""Fixtures: one simulated event per test session (small enough to be quick, large enough
for capture-rate differences to be clear of noise)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reckon.simulate import SimulationTruth, simulate_event

EVENT_SEED = 11
EVENT_VICTIMS = 4000


@pytest.fixture(scope="session")
def event(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SimulationTruth]:
    """A 4-list event with 4,000 victims and 12 articles, written once."""
    out = tmp_path_factory.mktemp("event")
    truth = simulate_event(out, victims=EVENT_VICTIMS, lists=4, seed=EVENT_SEED)
    return out, truth
