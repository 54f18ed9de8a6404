"""The indicators, as plain functions of numbers (no Django, no DuckDB), so each is tested on hand-computed values.

Conventions: a value that cannot be computed is ``None`` (never 0, never infinity): growth from a zero or missing
base, a CAGR over a period whose first or last value is missing or not positive, a share of a zero total.
"""

from collections.abc import Iterable, Mapping


def growth(current: float | None, previous: float | None) -> float | None:
    """Year-on-year (or period-on-period) growth in per cent."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / abs(previous) * 100.0


def cagr(first: float | None, last: float | None, years: float) -> float | None:
    """Compound annual growth rate in per cent between two values ``years`` apart: (last/first)^(1/years) - 1.
    None when a value is missing, not positive, or the span is not positive."""
    if first is None or last is None or years <= 0 or first <= 0 or last <= 0:
        return None
    return float(((last / first) ** (1.0 / years) - 1.0) * 100.0)


def cagr_of_series(series: Mapping[int, float | None]) -> tuple[float | None, int | None, int | None]:
    """CAGR from the first to the last year of a {year: value} series that have values; (cagr, from, to).
    Missing years inside the span do not matter (only the ends do); a series with fewer than two years gives None."""
    years = sorted(y for y, v in series.items() if v is not None)
    if len(years) < 2:
        return None, None, None
    return cagr(series[years[0]], series[years[-1]], years[-1] - years[0]), years[0], years[-1]


def shares(values: Mapping[str, float]) -> dict[str, float | None]:
    """Each part's share of the total, in per cent."""
    total = sum(v for v in values.values() if v is not None)
    return {k: (None if total == 0 or v is None else v / total * 100.0) for k, v in values.items()}


def hhi(values: Iterable[float]) -> float | None:
    """Herfindahl-Hirschman index on the 0-10,000 scale: the sum of squared percentage shares. 10,000 means one
    part holds everything; 10,000/n for n equal parts. None for an empty or zero total."""
    parts = [v for v in values if v is not None and v > 0]
    total = sum(parts)
    if not parts or total == 0:
        return None
    return sum((v / total * 100.0) ** 2 for v in parts)


def rca(region_product: float, region_total: float, world_product: float, world_total: float) -> float | None:
    """Balassa's revealed comparative advantage: the product's share in the region's exports over its share in the
    reference area's exports. Above 1: the region specialises in the product."""
    if not region_total or not world_total or not world_product:
        return None
    return (region_product / region_total) / (world_product / world_total)


def utilisation(covered: float, eligible: float) -> float | None:
    """FTA utilisation in per cent: exports covered by preferential C/Os over exports eligible for preference."""
    if not eligible:
        return None
    return covered / eligible * 100.0


def rank(values: Mapping[str, float]) -> list[tuple[int, str, float]]:
    """Competition ranking (1, 2, 2, 4), largest first; ties share a rank and are listed by key."""
    ordered = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
    result, previous, position = [], None, 0
    for index, (key, value) in enumerate(ordered, start=1):
        if value != previous:
            position, previous = index, value
        result.append((position, key, value))
    return result
