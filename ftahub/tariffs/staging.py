"""Tariff staging: the rate on any date for a line whose schedule gives a base rate and a staging category.

A category here is data, as an agreement's general notes define it: the number of equal annual stages, when the
first reduction happens (on entry into force, or on the first 1 January after it), and that later reductions
happen each 1 January. Year 1 runs from the first reduction to 31 December; year n from 1 January.

    StagingCategory("B3", stages=4)   # eliminated in 4 equal annual stages beginning on entry into force:
                                      # base × 3/4 in year 1, 2/4 in year 2, 1/4 in year 3, 0 from year 4

Categories that do not reduce (excluded, tariff-rate quotas) are carried as markers, never turned into numbers.

Plain Python: no Django.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class StagingCategory:
    code: str
    stages: int = 0  # equal annual reductions to the end rate; 0 = the end rate from the start
    end_rate: Decimal = Decimal(0)
    first_cut: str = "entry_into_force"  # or "next_january"
    marker: str | None = None  # e.g. "U" (excluded): no reduction, shown as the marker
    rounding: str | None = None  # None, "down_0.1", "half_up_0.1"


def first_reduction(entry_into_force: datetime.date, first_cut: str) -> datetime.date:
    """The day of the first reduction: entry into force, or the 1 January after it."""
    return entry_into_force if first_cut == "entry_into_force" else datetime.date(entry_into_force.year + 1, 1, 1)


def staging_year(on: datetime.date, entry_into_force: datetime.date, first_cut: str) -> int:
    """Year 1, 2, ... of the staging on a date; 0 before the first reduction."""
    start = first_reduction(entry_into_force, first_cut)
    if on < start:
        return 0
    return on.year - start.year + 1


def _round(value: Decimal, rounding: str | None) -> Decimal:
    if rounding == "down_0.1":
        return value.quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    if rounding == "half_up_0.1":
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return value


def staged_rate(base: Decimal, category: StagingCategory, entry_into_force: datetime.date,
                on: datetime.date) -> Decimal | str:
    """The rate in force on ``on``: a Decimal percentage, or the category's marker."""
    if category.marker:
        return category.marker
    year = staging_year(on, entry_into_force, category.first_cut)
    if year == 0:
        return base
    if category.stages <= 0 or year >= category.stages:
        return category.end_rate
    remaining = Decimal(category.stages - year) / Decimal(category.stages)
    return _round(category.end_rate + (base - category.end_rate) * remaining, category.rounding)


def yearly_dates(entry_into_force: datetime.date, until_year: int) -> Iterator[tuple[int, datetime.date]]:
    """(calendar year, the day its rate is read: 1 January, or entry into force in its first year) up to
    ``until_year``."""
    for year in range(entry_into_force.year, until_year + 1):
        yield year, max(datetime.date(year, 1, 1), entry_into_force)


def staging_path(base: Decimal, category: StagingCategory, entry_into_force: datetime.date,
                 until_year: int) -> list[tuple[int, Decimal | str]]:
    """(calendar year, rate on 1 January of it — or on entry into force in its first year) up to ``until_year``."""
    return [(year, staged_rate(base, category, entry_into_force, on))
            for year, on in yearly_dates(entry_into_force, until_year)]
