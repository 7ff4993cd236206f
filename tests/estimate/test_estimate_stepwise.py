"""Stepwise selection (Chan, Silverman & Vincent 2021) reproduces SparseMSE; sparse data are checked."""

from __future__ import annotations

import pytest
from mse_reference_values import NEW_ORLEANS_MAIN, STEPWISE

from reckon.errors import EstimationError, StatisticalWarning
from reckon.estimate.loglinear import loglinear
from reckon.estimate.modelfit import check_model
from reckon.estimate.stepwise import stepwise


@pytest.mark.parametrize("ref", STEPWISE, ids=lambda r: r["file"])
def test_reproduces_sparsemse(load, quiet, ref):
    result = stepwise(load(ref["file"]), p_value=0.02)
    assert result.estimate == pytest.approx(ref["estimate"], abs=ref["tol"])
    if ref["lower"] is not None:
        assert result.lower == pytest.approx(ref["lower"], abs=0.5)
        assert result.upper == pytest.approx(ref["upper"], abs=0.5)
    if ref["model"] is not None:
        assert result.diagnostics["rcapture_name"] == ref["model"]


def test_new_orleans_main_effects(load):
    result = stepwise(load(NEW_ORLEANS_MAIN["file"]), p_value=0)
    assert result.model == "[independence]"
    assert result.estimate == pytest.approx(NEW_ORLEANS_MAIN["estimate"], abs=0.05)
    assert result.lower == pytest.approx(NEW_ORLEANS_MAIN["lower"], abs=0.05)
    assert result.upper == pytest.approx(NEW_ORLEANS_MAIN["upper"], abs=0.05)


def test_new_orleans_adds_d_e_first(load):
    # Chan et al. (2021) Section 4.1: stepwise selects the D*E interaction only.
    result = stepwise(load("new_orleans_trafficking_8lists.csv"))
    assert [step["added"] for step in result.diagnostics["steps"]] == ["D*E"]
    assert result.diagnostics["steps"][0]["p_value"] < 0.02


def test_artificial_sparse_checks(load):
    # Chan et al. (2021) Table 2 (SparseMSE Artificial_3, checkident examples):
    # AB -> no MLE; all three pairs -> not identifiable; AC and/or BC only -> fine.
    histories = load("artificial_sparse_3lists.csv")
    ab, ac, bc = (0, 1), (0, 2), (1, 2)
    assert "no finite" in check_model(histories, [ab], drop_empty_overlaps=True)
    assert "not identifiable" in check_model(histories, [ab, ac, bc], drop_empty_overlaps=True)
    assert check_model(histories, [ac], drop_empty_overlaps=True) is None
    assert check_model(histories, [bc], drop_empty_overlaps=True) is None
    assert check_model(histories, [ac, bc], drop_empty_overlaps=True) is None


def test_artificial_sparse_warns_in_both_methods(load):
    histories = load("artificial_sparse_3lists.csv")
    with pytest.warns(StatisticalWarning, match="sparse data"):
        result = stepwise(histories)
    assert "A*B" in result.diagnostics["refused"]
    assert any("A*B" in w for w in result.warnings)
    with pytest.warns(StatisticalWarning, match="maximum-likelihood estimate does not exist"):
        searched = loglinear(histories)
    assert "A*C" in searched.diagnostics["empty_overlaps"]


def test_empty_overlap_pairs_are_fitted_as_minus_infinity_and_warned(load):
    # Netherlands 6 lists: K*R and I*K have no one in common but enter the stepwise model.
    with pytest.warns(StatisticalWarning, match="no one in common"):
        result = stepwise(load("netherlands_trafficking_6lists.csv"))
    assert any("K*R" in w for w in result.warnings)


def test_bad_p_value_is_refused(load):
    with pytest.raises(EstimationError, match="p_value=2"):
        stepwise(load("kosovo_4lists.csv"), p_value=2)
