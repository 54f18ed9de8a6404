"""The surge signal: a product whose exports to a market grow fast while that market takes a rising share of the
product's exports, the pattern that tends to come before a trade-remedy investigation in the importing country.

For each (product, market) with exports in two consecutive years ``year - 1`` and ``year``:

    growth = value(year) / value(year - 1) - 1
    share  = value to the market / value of the product to every market, in each year
    signal when growth >= min_growth, share(year) - share(year - 1) >= min_share_rise and value(year) >= min_value

The thresholds are the caller's (the page shows them and lets an officer change them). Plain Python: no Django.
"""

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    min_growth: float = 0.30  # +30 % year on year
    min_share_rise: float = 0.05  # five percentage points
    min_value: float = 1_000_000.0  # USD in the latest year


@dataclass(frozen=True)
class Surge:
    product: str
    market: str
    year: int
    value: float
    previous: float
    growth: float
    share: float
    previous_share: float


def surges(rows: list[tuple[str, str, int, float]], year: int, thresholds: Thresholds = Thresholds()) -> list[Surge]:
    """``rows``: (product, market, year, value USD) of exports, markets by ISO code (no all-partners total).
    Returns the signals for ``year``, the fastest growth first."""
    value: dict[tuple[str, str, int], float] = defaultdict(float)
    total: dict[tuple[str, int], float] = defaultdict(float)
    for product, market, y, v in rows:
        if y in (year, year - 1) and v:
            value[(product, market, y)] += v
            total[(product, y)] += v
    found = []
    for (product, market, y), now in value.items():
        if y != year:
            continue
        before = value.get((product, market, year - 1), 0.0)
        if before <= 0 or now < thresholds.min_value:
            continue
        growth = now / before - 1
        share = now / total[(product, year)]
        previous_share = before / total[(product, year - 1)]
        if growth >= thresholds.min_growth and share - previous_share >= thresholds.min_share_rise:
            found.append(Surge(product, market, year, now, before, growth, share, previous_share))
    return sorted(found, key=lambda s: (-s.growth, s.product, s.market))
