"""Each indicator against values computed by hand, with the edge cases: zero base, missing years, ties."""

import math

import pytest

from ftahub.stats import indicators as ind


def close(a, b):
    return a is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def test_growth():
    assert close(ind.growth(125, 100), 25.0)
    assert close(ind.growth(80, 100), -20.0)
    assert close(ind.growth(-50, -100), 50.0)  # a smaller deficit is a positive change
    assert ind.growth(10, 0) is None and ind.growth(None, 5) is None and ind.growth(5, None) is None


def test_cagr():
    # 100 -> 121 over 2 years: sqrt(1.21) = 1.1 -> 10 %
    assert close(ind.cagr(100, 121, 2), 10.0)
    # Hòa Bình-style check: 100 -> 349.9 over 5 years ~ 28.5 % a year (1.285^5 = 3.4999...)
    assert close(ind.cagr(100, 100 * 1.285 ** 5, 5), 28.5)
    assert ind.cagr(0, 50, 3) is None  # zero base
    assert ind.cagr(100, 0, 3) is None and ind.cagr(100, 120, 0) is None and ind.cagr(None, 1, 1) is None


def test_cagr_of_a_series_with_missing_years():
    series = {2016: 100.0, 2017: None, 2018: 150.0, 2020: 146.41}
    value, first, last = ind.cagr_of_series(series)
    assert (first, last) == (2016, 2020) and close(value, 10.0)  # 1.1^4 = 1.4641
    assert ind.cagr_of_series({2020: 5.0}) == (None, None, None)
    assert ind.cagr_of_series({2019: 0.0, 2020: 5.0})[0] is None


def test_shares_and_hhi():
    s = ind.shares({"US": 30, "CN": 50, "JP": 20})
    assert close(s["CN"], 50.0) and close(sum(s.values()), 100.0)
    assert ind.shares({"a": 0, "b": 0}) == {"a": None, "b": None}
    assert close(ind.hhi([50, 30, 20]), 2500 + 900 + 400)
    assert close(ind.hhi([7]), 10000.0)
    assert close(ind.hhi([1, 1, 1, 1]), 2500.0)
    assert ind.hhi([]) is None and ind.hhi([0, 0]) is None


def test_rca():
    # region: product 20 of 100 (20 %); world: product 50 of 1000 (5 %) -> 4.0
    assert close(ind.rca(20, 100, 50, 1000), 4.0)
    assert ind.rca(1, 0, 5, 10) is None and ind.rca(1, 10, 0, 10) is None


def test_utilisation_and_ranking():
    assert close(ind.utilisation(30, 120), 25.0) and ind.utilisation(5, 0) is None
    assert ind.rank({"a": 5, "b": 9, "c": 5, "d": 1}) == [(1, "b", 9), (2, "a", 5), (2, "c", 5), (4, "d", 1)]


@pytest.mark.parametrize("first,last,years", [(1, 2, 1), (3.5, 3.5, 7), (10, 5, 2)])
def test_cagr_compounds_back(first, last, years):
    rate = ind.cagr(first, last, years)
    assert math.isclose(first * (1 + rate / 100) ** years, last, rel_tol=1e-9)
