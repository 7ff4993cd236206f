"""Synthetic events with known truth, so every stage of reckon can be scored.

    simulate_event(out_dir, victims=2000, lists=4, seed=0, articles=12) -> SimulationTruth
    simulate_event(out_dir, victims=450, profile="harsh", sizes=[300, 60])

Modules: names (name pools, spelling habits), pools (names rendered per style),
population (the true victims), capture (who each list documents), profiles (clean or
harsh: which lists, how big), lists and noise (records and their errors), formats (the
clean profile's three list formats), layouts, habits and damage (the harsh profile's
lists: columns and file types, sparse and loose values, damaged text), articles
(synthetic news with planted claims), writer (files), event (the orchestration).
Everyone in a simulation is synthetic.
"""

from reckon.simulate.capture import ListSpec, default_specs
from reckon.simulate.event import SimulationTruth, simulate_event

__all__ = ["ListSpec", "SimulationTruth", "default_specs", "simulate_event"]
