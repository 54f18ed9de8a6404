"""Staging arithmetic: equal annual reductions, the first on entry into force and the rest each 1 January.

The base rates here are arithmetic examples, not rates of any schedule (no staged schedule is in the data yet).
"""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ftahub.tariffs.staging import StagingCategory, staged_rate, staging_path, staging_year

EIF = datetime.date(2020, 8, 1)  # an entry into force in the middle of a year, as the EVFTA's


def test_years_count_from_entry_into_force_then_each_1_january():
    assert staging_year(datetime.date(2020, 7, 31), EIF, "entry_into_force") == 0
    assert staging_year(EIF, EIF, "entry_into_force") == 1
    assert staging_year(datetime.date(2020, 12, 31), EIF, "entry_into_force") == 1
    assert staging_year(datetime.date(2021, 1, 1), EIF, "entry_into_force") == 2
    assert staging_year(datetime.date(2020, 12, 31), EIF, "next_january") == 0
    assert staging_year(datetime.date(2021, 1, 1), EIF, "next_january") == 1


def test_four_equal_stages_reach_zero_in_year_four():
    b3 = StagingCategory("B3", stages=4)
    path = staging_path(Decimal(20), b3, EIF, 2024)
    assert path == [(2020, Decimal(15)), (2021, Decimal(10)), (2022, Decimal(5)), (2023, Decimal(0)),
                    (2024, Decimal(0))]


def test_immediate_elimination_and_markers():
    assert staged_rate(Decimal(30), StagingCategory("A"), EIF, EIF) == 0
    assert staged_rate(Decimal(30), StagingCategory("A"), EIF, datetime.date(2020, 7, 1)) == 30
    assert staged_rate(Decimal(30), StagingCategory("U", marker="U"), EIF, datetime.date(2030, 1, 1)) == "U"


def test_rounding_down_to_a_tenth():
    b10 = StagingCategory("B10", stages=11, rounding="down_0.1")
    assert staged_rate(Decimal(15), b10, EIF, EIF) == Decimal("13.6")  # 15 × 10/11 = 13.636…


def test_partial_reduction_to_an_end_rate():
    category = StagingCategory("R50", stages=5, end_rate=Decimal(5))
    assert staged_rate(Decimal(10), category, EIF, datetime.date(2022, 6, 1)) == Decimal(7)  # year 3 of 5


@given(st.integers(min_value=0, max_value=100), st.integers(min_value=1, max_value=20))
def test_rates_never_rise_and_end_at_the_end_rate(base, stages):
    category = StagingCategory("B", stages=stages)
    rates = [r for _, r in staging_path(Decimal(base), category, EIF, 2020 + stages + 2)]
    assert all(a >= b for a, b in zip(rates, rates[1:], strict=False))
    assert rates[-1] == 0
