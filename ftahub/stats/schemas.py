from ninja import Schema


class YearValue(Schema):
    year: int
    value_usd: float
    growth: float | None  # % on the year before


class TradeOut(Schema):
    province: int  # 0: the whole country
    arrangement: str  # "1976" (63 provinces) or "2025" (34)
    direction: str
    series: list[YearValue]
    cagr: float | None
    cagr_from: int | None
    cagr_to: int | None


class RankedProvince(Schema):
    rank: int
    province: int
    name: str
    value_usd: float
    share: float


class ProvincesOut(Schema):
    year: int
    arrangement: str
    direction: str
    hhi: float | None  # Herfindahl-Hirschman index of the provinces' shares
    ranking: list[RankedProvince]


class FdiRow(Schema):
    key: str | int  # the year, the investor country or the province code
    registered_usd: float | None


class FdiOut(Schema):
    by: str
    year: int | None
    rows: list[FdiRow]
    source: str
