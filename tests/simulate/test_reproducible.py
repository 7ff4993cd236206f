"""Same seed, same bytes; another seed, other people."""

from __future__ import annotations

import hashlib
from pathlib import Path

from typer.testing import CliRunner

from reckon.cli.main import app
from reckon.simulate import simulate_event


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_same_seed_gives_byte_identical_files(tmp_path):
    first = simulate_event(tmp_path / "a", victims=1500, lists=5, seed=7)
    second = simulate_event(tmp_path / "b", victims=1500, lists=5, seed=7)
    assert first == second
    a, b = digests(tmp_path / "a"), digests(tmp_path / "b")
    assert len(a) == 5 + 13 + 4 and a == b


def test_another_seed_gives_other_files(tmp_path):
    simulate_event(tmp_path / "a", victims=300, seed=1)
    simulate_event(tmp_path / "b", victims=300, seed=2)
    a, b = digests(tmp_path / "a"), digests(tmp_path / "b")
    assert a.keys() == b.keys()
    assert a["population.csv"] != b["population.csv"]
    assert a["lists/rights_group.csv"] != b["lists/rights_group.csv"]


def test_cli_refuses_a_non_empty_folder_without_force(tmp_path):
    runner = CliRunner()
    out = tmp_path / "event"
    args = ["simulate", str(out), "--victims", "300", "--lists", "3", "--seed", "5", "--articles", "2"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "Simulated 300 victims" in first.output
    before = digests(out)
    refused = runner.invoke(app, args)
    assert refused.exit_code == 1
    assert "is not empty" in refused.output and "--force" in refused.output
    forced = runner.invoke(app, [*args, "--force", "--format", "json"])
    assert forced.exit_code == 0
    assert '"list": "rights_group"' in forced.output
    assert digests(out) == before  # same seed again: the same bytes


def test_cli_reports_bad_arguments_cleanly(tmp_path):
    result = CliRunner().invoke(app, ["simulate", str(tmp_path / "x"), "--lists", "20"])
    assert result.exit_code == 1
    assert "lists must be between 2 and 15, got 20" in result.output
    assert "Traceback" not in result.output
