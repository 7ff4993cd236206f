"""Linkage: records of several lists → persons, with Splink (DuckDB by default, Spark for scale).

    prepare.py     records → the columns the model compares (name keys from reckon.names)
    settings.py    LinkageSettings, round-tripping to JSON
    model.py       the Splink comparisons (one per kind of evidence)
    blocking.py    which pairs are compared: rules priced by their pair counts
    link.py        link_records(): train, predict, apply decisions, cluster (no case needed)
    decisions.py   must-link / cannot-link verdicts and how they win over the model
    within.py      scores every pair inside a linked group, for the group check
    clusters.py    connected components, then the group check and cannot-link repair
    backends.py    DuckDB or Spark
    case_links.py  link_case(), persons_table(), recluster_persons() on a case
    store.py       the tables: linkage_runs, links, persons, decisions
    review.py      review_queue(), record_decision()
"""

from reckon.linkage.case_links import LinkageRun, link_case, persons_table, recluster_persons
from reckon.linkage.decisions import CANNOT_LINK, MUST_LINK, Decisions
from reckon.linkage.link import LinkageResult, link_records
from reckon.linkage.review import record_decision, review_queue
from reckon.linkage.settings import LinkageSettings

__all__ = [
    "CANNOT_LINK", "MUST_LINK", "Decisions", "LinkageResult", "LinkageRun", "LinkageSettings",
    "link_case", "link_records", "persons_table", "recluster_persons", "record_decision", "review_queue",
]
