"""The case's aggregates as files: CSV tables and one JSON document, for the team or the public.

    write_export(case, "out/", public=True)   # the declared policy applied, with its manifest

The export holds what the report shows, as data: the claims, documented victims by date,
province, age band and sex, the list overlap, the estimates, the lists and the articles —
never a record or a name from a list. ``public`` applies ``reckon.disclosure``'s policy
exactly as ``reckon report --public`` does. Every export carries the audit head and a
manifest of what was removed and why (for a team export: nothing).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reckon.case import Case
from reckon.disclosure import Manifest, PublicPolicy
from reckon.errors import InputError
from reckon.report.data import ReportData
from reckon.report.gather import gather_report_data
from reckon.report.public import public_data
from reckon.storage.cells import csv_text
from reckon.storage.files import PRIVATE_FOLDER, safe_output_path, write_atomically

JSON_NAME = "export.json"
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    files: tuple[str, ...]
    manifest: Manifest


def write_export(
    case: Case,
    folder: str | Path,
    *,
    public: bool = False,
    policy: PublicPolicy | None = None,
    force: bool = False,
    raw_csv: bool = False,
) -> ExportResult:
    """Write the export into ``folder`` (created; an existing one only with ``force``) and audit it."""
    folder = _export_folder(case, Path(folder), force)
    data = gather_report_data(case)
    data, manifest = public_data(data, policy or PublicPolicy()) if public else (data, Manifest(public=False))
    manifest.audit_head = data.audit_head
    tables = export_tables(data)
    written = []
    for name, (columns, rows) in tables.items():
        written.append(_write(case, folder / f"{name}.csv", csv_text(rows, columns, raw=raw_csv), force))
    document = {
        "kind": "public" if public else "team (not for publication)",
        "case": data.case_name,
        "reckon_version": data.reckon_version,
        "generated_at": data.generated_at,
        "audit_head": data.audit_head,
        "manifest": manifest.to_dict(),
        "tables": {name: rows for name, (_, rows) in tables.items()},
    }
    written.append(_write(case, folder / JSON_NAME, json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n", force))
    written.append(_write(case, folder / MANIFEST_NAME, json.dumps(manifest.to_dict(), ensure_ascii=False, indent=2) + "\n", force))
    with case.transaction():
        case.audit("export.write", folder=folder.name, public=public, files=written, min_cell=manifest.policy.get("min_cell"))
    return ExportResult(folder, tuple(written), manifest)


def export_tables(data: ReportData) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """{file stem: (columns, rows)} for every table of the export."""
    claims = [asdict(c) for c in data.claims]
    victims = [
        {"breakdown": key, "category": label, "people": n} for key, items in data.victims_by.items() for label, n in items
    ]
    overlap = [{**dict(zip(data.overlap_lists, pattern)), "people": n} for pattern, n in data.overlap]
    estimates = [{**asdict(e), "warnings": list(e.warnings)} for e in data.estimates]
    lists = [asdict(summary) for summary in data.lists]
    return {
        "claims": (_columns(claims, ["claimant", "category", "figure_low", "figure_high"]), claims),
        "victims": (["breakdown", "category", "people"], victims),
        "overlap": ([*data.overlap_lists, "people"], overlap),
        "estimates": (_columns(estimates, ["method", "estimate", "lower", "upper"]), estimates),
        "lists": (_columns(lists, ["name", "organisation", "rows"]), lists),
        "documents": (["file", "sha256", "kind", "published", "publisher"], list(data.documents)),
    }


def _columns(rows: list[dict[str, Any]], default: list[str]) -> list[str]:
    return list(rows[0]) if rows else default


def _export_folder(case: Case, folder: Path, force: bool) -> Path:
    """The export's folder, created private; an existing non-empty one only with ``force``."""
    if os.path.islink(folder):
        raise InputError("is a symbolic link; reckon does not write through links", file=str(folder), fix="give a real folder")
    if folder.exists() and not folder.is_dir():
        raise InputError("is a file, not a folder", file=str(folder), fix="give a folder name for the export, e.g. export/")
    if os.path.realpath(folder) == os.path.realpath(case.folder):
        raise InputError("is the case folder itself", file=str(folder), fix="give a new folder for the export, e.g. export/")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise InputError("already holds files", file=str(folder), fix="pass --force to overwrite the export's files, or choose a new folder")
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"its folder {parent} does not exist", file=str(folder), fix="create it first, or choose another path")
    try:
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot be created ({exc.strerror})", file=str(folder), fix="choose a folder you can write to") from None
    return folder


def _write(case: Case, path: Path, text: str, force: bool) -> str:
    write_atomically(safe_output_path(case, path, force=force), text)
    return path.name
