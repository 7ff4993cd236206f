"""Hierarchical log-linear search: Rcapture's models, numbers and intervals, reproduced."""

from __future__ import annotations

import numpy as np
import pytest
from mse_reference_values import LOGLINEAR

from reckon.errors import EstimationError, StatisticalWarning
from reckon.estimate.design import all_cells, design_matrix, model_name, parse_terms, rcapture_name
from reckon.estimate.hierarchy import hierarchical_models
from reckon.estimate.histories import from_rows
from reckon.estimate.loglinear import loglinear
from reckon.estimate.poisson import fit_poisson


@pytest.mark.parametrize("ref", LOGLINEAR, ids=lambda r: f"{r['file']}-{r['select']}")
def test_reproduces_rcapture(load, quiet, ref):
    result = loglinear(load(ref["file"]), max_order=ref["max_order"], select=ref["select"])
    assert result.diagnostics["rcapture_name"] == ref["model"]
    assert result.estimate == pytest.approx(ref["estimate"], abs=0.05)
    assert result.lower == pytest.approx(ref["lower"], abs=0.5)
    assert result.upper == pytest.approx(ref["upper"], abs=0.5)
    assert result.interval_kind.startswith("profile likelihood")


def test_kosovo_model_named_with_list_names_and_close_call_warned(load):
    with pytest.warns(StatisticalWarning, match="model choice matters"):
        result = loglinear(load("kosovo_4lists.csv"), max_order=3)
    assert result.model == "[EXH*ABA*OSCE, EXH*HRW, OSCE*HRW]"
    assert result.diagnostics["n_models"] == 113
    # The AIC-best model is second by BIC, 0.084 behind (Rcapture closedpMS.t output).
    second = result.diagnostics["ranking"][1]
    assert second["rcapture_name"] == "[123,134]"
    assert second["delta"] == pytest.approx(0.084, abs=0.001)


@pytest.mark.parametrize(("lists", "order", "count"), [(4, 3, 113), (5, 2, 1024), (6, 2, 32768), (3, 2, 8)])
def test_search_space_matches_rcapture(lists, order, count):
    # Rcapture getAllModels(4) lists 113 models (its documentation); with maxorder 2 every
    # subset of the k(k-1)/2 pairs is a model.
    models = hierarchical_models(lists, order)
    assert len(models) == count
    assert models[0] == ()
    assert len(set(models)) == count


def test_excluded_terms_and_everything_above_them_stay_out():
    models = hierarchical_models(4, 3, exclude={(0, 1)})
    assert all((0, 1) not in m and (0, 1, 2) not in m and (0, 1, 3) not in m for m in models)
    assert len(models) == len({m for m in hierarchical_models(4, 3) if (0, 1) not in m})


def test_hierarchy_rule_holds():
    for model in hierarchical_models(5, 3):
        for term in model:
            if len(term) == 3:
                assert all(pair in model for pair in [(term[0], term[1]), (term[0], term[2]), (term[1], term[2])])


def test_max_order_out_of_range_is_refused(load):
    with pytest.raises(EstimationError, match="max_order=4 is out of range for 4 lists"):
        loglinear(load("kosovo_4lists.csv"), max_order=4)


def test_bad_select_is_refused(load):
    with pytest.raises(EstimationError, match="select='cp'"):
        loglinear(load("kosovo_4lists.csv"), select="cp")


def test_models_without_finite_mle_are_not_chosen(load, quiet):
    # By AIC the four best UK 5-list models by Rcapture all hold LA*GP, a pair of lists with
    # no one in common: their MLE does not exist (the LA*GP parameter runs to -infinity).
    # Such models are not fitted; the best model with a finite MLE is the stepwise model.
    result = loglinear(load("uk_modern_slavery_2013_5lists.csv"), max_order=2, select="aic")
    assert "LA*GP" in result.diagnostics["empty_overlaps"]
    # Of the 1,024 graphs on 5 lists, those without LA*GP and the other empty pairs.
    empty = len(result.diagnostics["empty_overlaps"])
    assert result.diagnostics["n_models"] == 2 ** (10 - empty)
    assert result.diagnostics["rcapture_name"] == "[12,13,24,25,35,45]"
    assert result.estimate == pytest.approx(11313.0, abs=0.05)


def test_models_found_degenerate_by_the_linear_program_are_skipped(load):
    # Artificial_3 (Chan et al. 2021, Table 2): A*B overlaps (6 people) but the model with
    # it has no finite MLE; it scores best by BIC and is skipped with a warning.
    with pytest.warns(StatisticalWarning, match="maximum-likelihood estimate does not exist"):
        result = loglinear(load("artificial_sparse_3lists.csv"))
    assert result.diagnostics["excluded_no_mle"] == ["[12,3]"]
    assert result.model == "[independence]"


def test_fixed_model_equals_search_result(load, quiet):
    histories = load("kosovo_4lists.csv")
    result = loglinear(histories, model="[EXH*ABA*OSCE, EXH*HRW, 3*4]")
    assert result.diagnostics["rcapture_name"] == "[123,14,34]"
    assert result.estimate == pytest.approx(10356.5, abs=0.05)
    assert result.diagnostics["searched"] is False


def test_own_newton_fit_matches_statsmodels(load):
    import statsmodels.api as sm

    histories = load("uk_modern_slavery_2013_6lists.csv")
    terms = parse_terms("[12,13,25,35,36,45]", histories.lists)
    X = design_matrix(all_cells(6), 6, terms)
    y = histories.full_table()[1:].astype(float)
    ours = fit_poisson(X, y)
    reference = sm.GLM(y, X, family=sm.families.Poisson()).fit()
    assert np.allclose(ours.coef, reference.params, atol=1e-6)
    assert ours.deviance == pytest.approx(reference.deviance, rel=1e-9)
    assert ours.var_intercept == pytest.approx(reference.cov_params()[0, 0], rel=1e-6)


def test_two_lists_warn_and_fall_back_to_independence():
    histories = from_rows(["A", "B"], [((1, 0), 60), ((0, 1), 40), ((1, 1), 20)])
    with pytest.warns(StatisticalWarning, match="only 2 lists"):
        result = loglinear(histories)
    # Independence on two lists is Lincoln–Petersen: 80 * 60 / 20 = 240.
    assert result.estimate == pytest.approx(240.0, rel=1e-9)
    assert result.model == "[independence]"


def test_names():
    lists = ("A", "B", "C", "D")
    terms = parse_terms("[A*B*C, 14]", lists)
    assert terms == [(0, 1), (0, 2), (0, 3), (1, 2), (0, 1, 2)]
    assert model_name(terms, lists) == "[A*B*C, A*D]"
    assert rcapture_name(terms, 4) == "[123,14]"
    assert rcapture_name([], 3) == "[1,2,3]"
    with pytest.raises(ValueError, match="unknown list 'e'"):
        parse_terms("[A*E]", lists)


def test_unbounded_upper_limit_is_reported_not_invented(load, quiet):
    # New Orleans 5 lists by AIC: a model whose profile likelihood has not dropped enough
    # by 3 × the estimate (Rcapture's fmaxSupCL) — the upper limit is left open and said so.
    result = loglinear(load("new_orleans_trafficking_5lists.csv"), max_order=2, select="aic")
    assert result.upper is None
    assert result.lower < result.estimate
    assert any("upper limit lies beyond" in w for w in result.warnings)
    assert result.to_dict()["upper"] is None


def test_unknown_list_in_model_is_refused(load):
    with pytest.raises(EstimationError, match="model='\\[EXH\\*XYZ\\]': unknown list 'xyz'"):
        loglinear(load("kosovo_4lists.csv"), model="[EXH*XYZ]")
