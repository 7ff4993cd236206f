"""`reckon estimate` through the real app: JSON fields, the table with its warnings, errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reckon.case import Case
from reckon.cli.main import app
from reckon.estimate.store import load_estimates

runner = CliRunner()


def run_json(*args: str) -> dict:
    result = runner.invoke(app, ["estimate", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_kosovo_bic_json(mse_data):
    data = run_json(str(mse_data / "kosovo_4lists.csv"), "--method", "loglinear", "--select", "bic", "--max-order", "3")
    (result,) = data["results"]
    for field in ("estimate", "lower", "upper", "method", "model", "observed", "warnings", "level",
                  "interval_kind", "diagnostics"):
        assert field in result
    assert result["method"] == "loglinear"
    assert result["model"] == "[EXH*ABA*OSCE, EXH*HRW, OSCE*HRW]"
    assert result["estimate"] == pytest.approx(10356.5, abs=0.05)
    assert result["lower"] == pytest.approx(8994, abs=0.5)
    assert result["upper"] == pytest.approx(12110, abs=0.5)
    assert result["observed"] == 4400
    assert result["level"] == 0.95
    assert any("model choice matters" in w for w in result["warnings"])
    assert data["notes"] == []


def test_stepwise_level_and_p_value(mse_data):
    data = run_json(str(mse_data / "uk_modern_slavery_2013_5lists.csv"), "-m", "stepwise", "--p-value", "0.02",
                    "--level", "0.9")
    (result,) = data["results"]
    assert result["estimate"] == pytest.approx(11312.99, abs=0.01)
    assert result["level"] == 0.9
    assert 9884 < result["lower"] < result["upper"] < 13027  # narrower than the 95% interval


def test_all_methods_side_by_side_with_note(mse_data):
    # LCMCR runs far too short here to mean anything: this checks the plumbing, not its number.
    data = run_json(str(mse_data / "uk_modern_slavery_2013_5lists.csv"), "--method", "all", "--max-order", "2",
                    "--chains", "1", "--burn-in", "50", "--samples", "50", "--thin", "1", "--seed", "1")
    methods = [r["method"] for r in data["results"]]
    assert methods == ["loglinear", "stepwise", "lcmcr"]
    assert data["results"][0]["estimate"] == pytest.approx(22991.3, abs=0.05)
    assert data["results"][1]["estimate"] == pytest.approx(11312.99, abs=0.01)
    assert any("loglinear (22,991, 17,991–30,142) and stepwise (11,313, 9,884–13,027) disagree" in note
               for note in data["notes"])
    assert data["results"][2]["parameters"]["seed"] == 1


def test_table_lists_warnings_plainly(mse_data):
    result = runner.invoke(app, ["estimate", str(mse_data / "artificial_sparse_3lists.csv"), "-m", "stepwise"])
    assert result.exit_code == 0, result.output
    assert "96 people documented on 3 lists (A, B, C)" in result.stdout
    assert "stepwise" in result.stdout
    assert "Warnings:" in result.stdout
    assert "A*B: no finite maximum-likelihood estimate" in " ".join(result.stdout.split())


def test_chapman_on_two_lists_and_refusal_on_four(csv_file, mse_data):
    data = run_json(str(csv_file("two.csv", "A,B,count\n1,0,60\n0,1,40\n1,1,20\n")), "-m", "chapman")
    (result,) = data["results"]
    assert result["estimate"] == pytest.approx(81 * 61 / 21 - 1)
    assert "cannot be tested" in result["warnings"][0]
    refused = runner.invoke(app, ["estimate", str(mse_data / "kosovo_4lists.csv"), "-m", "chapman"])
    assert refused.exit_code == 1
    assert "chapman needs exactly 2 lists" in refused.stderr


def test_strata_column(csv_file):
    text = "A,B,C,place,count\n" + "".join(
        f"{a},{b},{c},{place},{n}\n"
        for place, scale in (("north", 1), ("south", 2))
        for (a, b, c), n in (((1, 0, 0), 50), ((0, 1, 0), 40), ((0, 0, 1), 30), ((1, 1, 0), 10),
                             ((1, 0, 1), 8), ((0, 1, 1), 6), ((1, 1, 1), 2))
        for n in [n * scale]
    )
    data = run_json(str(csv_file("strata.csv", text)), "-m", "stepwise", "--strata", "place")
    north, south, total = data["results"]
    assert [north["stratum"], south["stratum"], total["stratum"]] == ["north", "south", "total"]
    assert total["estimate"] == pytest.approx(north["estimate"] + south["estimate"])
    assert total["observed"] == 146 * 3


def test_bad_csv_is_one_clean_error(csv_file):
    result = runner.invoke(app, ["estimate", str(csv_file("bad.csv", "A,B,count\n1,0,5\n1,7,2\n"))])
    assert result.exit_code == 1
    assert "bad.csv, row 3: column `B` holds '7', not 0 or 1" in result.stderr
    assert "Traceback" not in result.output


def test_case_without_linkage_says_link_first(tmp_path):
    Case.init(tmp_path / "case").close()
    result = runner.invoke(app, ["estimate", "--case", str(tmp_path / "case")])
    assert result.exit_code == 1
    assert "run `reckon link` first" in result.stderr
    with Case.open(tmp_path / "case") as case:
        assert load_estimates(case) == []


def test_help_names_every_option():
    result = runner.invoke(app, ["estimate", "--help"])
    assert result.exit_code == 0
    for option in ("--method", "--format", "--level", "--max-order", "--select", "--p-value", "--strata",
                   "--chains", "--burn-in", "--samples", "--thin", "--seed", "--case", "--linkage-sensitivity"):
        assert option in result.stdout


@pytest.fixture
def linked_case_folder(fresh_case):
    """A case with three invented lists (the linkage tests' synthetic data), linked for real.

    A reviewer's must-link on every true pair makes the persons independent of how well
    the linkage model does today: decisions win over the model at every threshold.
    """
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "linkage"))
    from linkage_synthetic import insert_records, make_lists, true_pairs

    from reckon.linkage import MUST_LINK, link_case, record_decision

    frame = make_lists()
    insert_records(fresh_case, frame)
    for left, right in sorted(true_pairs(frame, "person")):
        record_decision(fresh_case, left, right, MUST_LINK, reviewer="test")
    link_case(fresh_case)
    folder = fresh_case.folder
    fresh_case.close()
    return folder, frame["person"].nunique()


def test_case_estimate_is_saved_with_input_hash(linked_case_folder):
    from reckon.estimate.histories import histories_hash
    from reckon.estimate.histories import capture_histories

    folder, _ = linked_case_folder
    data = run_json("--case", str(folder), "--method", "stepwise")
    (result,) = data["results"]
    with Case.open(folder) as case:
        histories = capture_histories(case)
        rows = load_estimates(case)
    assert result["observed"] == histories.observed
    assert result["estimate"] > result["observed"]
    assert len(rows) == 1
    assert rows[0]["estimate"] == pytest.approx(result["estimate"])
    assert rows[0]["input_hash"] == histories_hash(histories)
    assert rows[0]["lists"] == list(histories.lists)


def test_linkage_sensitivity_moves_with_threshold(linked_case_folder):
    folder, true_people = linked_case_folder
    data = run_json("--case", str(folder), "--method", "stepwise", "--linkage-sensitivity")
    thresholds = [r["parameters"]["linkage_threshold"] for r in data["results"]]
    assert thresholds == [0.5, 0.7, 0.8, 0.9, 0.95, 0.99]
    observed = [r["observed"] for r in data["results"]]
    assert observed == sorted(observed)  # stricter linkage splits people: never fewer "persons"
    assert observed[-1] <= true_people  # every true pair is must-linked
    assert "stepwise: from" in data["notes"][0] and "as the linkage threshold changes" in data["notes"][0]
    with Case.open(folder) as case:
        rows = load_estimates(case)
    assert [row["parameters"]["linkage_threshold"] for row in rows] == thresholds
    assert len({row["input_hash"] for row in rows}) >= len(set(observed))


def test_lists_that_do_not_overlap_are_refused(csv_file):
    result = runner.invoke(app, ["estimate", str(csv_file("apart.csv", "A,B,C,count\n1,0,0,5\n0,1,0,4\n0,0,1,3\n"))])
    assert result.exit_code == 1
    assert "no one in apart.csv is on more than one list" in result.stderr
