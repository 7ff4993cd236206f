"""The public variant's data: the declared policy applied to a report's aggregates."""

from __future__ import annotations

from reckon.disclosure import PublicPolicy
from reckon.report.data import ReportData
from reckon.report.public import public_data


def test_public_data_drops_list_files_hashes_and_overlap_diagnostics(full_report_data: ReportData):
    data, manifest = public_data(full_report_data, PublicPolicy(min_cell=5))
    assert all(summary.file is None and summary.sha256 is None for summary in data.lists)
    assert all(row.input_hash is None and "AIC" not in row.diagnostics for row in data.estimates)
    assert "lists.file" in manifest.dropped and manifest.public
    lines = " ".join(manifest.lines())
    assert "victims by province: 2 categories not shown (1 below 5, and 1 more" in lines
