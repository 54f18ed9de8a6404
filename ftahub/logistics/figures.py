"""The arithmetic of the logistics figures, on counts the database has already grouped: percentiles of waiting times
from a histogram (minutes → vehicles), rates per thousand, shares and utilisation. Plain Python: no Django."""

from collections.abc import Iterable


def percentile(histogram: Iterable[tuple[int, int]], q: float) -> float | None:
    """The q-quantile (0 < q ≤ 1) of values given as (value, count): the smallest value with at least q of the
    counts at or below it (the "nearest rank" definition); None when there are no values."""
    pairs = sorted((v, c) for v, c in histogram if c > 0)
    total = sum(c for _v, c in pairs)
    if total == 0:
        return None
    rank = max(1, -(-int(q * total * 1_000_000) // 1_000_000))  # ceil(q * total) without float surprises
    seen = 0
    for value, count in pairs:
        seen += count
        if seen >= rank:
            return float(value)
    return float(pairs[-1][0])


def per_thousand(part: int, whole: int) -> float | None:
    return None if whole == 0 else 1000.0 * part / whole


def share(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def utilisation(used_per_day: float, capacity_per_day: float | None) -> float | None:
    """Used over declared capacity (1.0 = full); None where no capacity is declared."""
    if not capacity_per_day:
        return None
    return used_per_day / capacity_per_day
