"""Synthetic events with known truth, so every stage of reckon can be scored.

    simulate_event(out_dir, victims=2000, lists=4, seed=0, articles=12) -> SimulationTruth

Modules: names (name pools, spelling habits), population (the true victims), capture
(who each list documents), lists and noise (records and their errors), formats (the
three list layouts), articles (synthetic news with planted claims), writer (files),
event (the orchestration). Everyone in a simulation is synthetic.
"""

from reckon.simulate.capture import ListSpec, default_specs
from reckon.simulate.event import SimulationTruth, simulate_event

__all__ = ["ListSpec", "SimulationTruth", "default_specs", "simulate_event"]
