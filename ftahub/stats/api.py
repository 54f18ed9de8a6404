"""``GET /api/v1/stats/...``: the series and indicators of the dashboards."""

from ninja import Router, Status

from ftahub.core.schemas import Error

from . import indicators
from .schemas import FdiOut, ProvincesOut, TradeOut
from .service import get_engine, province_names, trade_series, yoy

router = Router(tags=["statistics"])


@router.get("/stats/trade", response={200: TradeOut, 422: Error},
            summary="A province's (0: the country's) yearly trade, with growth and CAGR")
def trade(request, province: int = 0, arrangement: str = "2025", direction: str = "export",
          partner: str | None = None, hs: str | None = None):
    if direction not in ("export", "import") or arrangement not in ("1976", "2025"):
        return Status(422, {"code": "bad_parameter", "message": "direction: export|import; arrangement: 1976|2025"})
    series = trade_series(province, direction, arrangement == "2025", partner.upper() if partner else None, hs)
    growth = yoy(series)
    rate, first, last = indicators.cagr_of_series(series)
    return {"province": province, "arrangement": arrangement, "direction": direction,
            "series": [{"year": y, "value_usd": v, "growth": growth[y]} for y, v in sorted(series.items())],
            "cagr": rate, "cagr_from": first, "cagr_to": last}


@router.get("/stats/provinces", response={200: ProvincesOut, 422: Error},
            summary="Provinces ranked by trade in a year, with shares and the Herfindahl-Hirschman index")
def provinces(request, year: int, arrangement: str = "2025", direction: str = "export"):
    if direction not in ("export", "import") or arrangement not in ("1976", "2025"):
        return Status(422, {"code": "bad_parameter", "message": "direction: export|import; arrangement: 1976|2025"})
    e = get_engine()
    rows = e.query(f"SELECT province, sum(value_usd) FROM {e.view('trade', arrangement == '2025')} "
                   "WHERE province <> 0 AND direction = ? AND year = ? GROUP BY 1", [direction, year])
    names = province_names(arrangement)
    values = {str(p): v for p, v in rows}
    shares = indicators.shares(values)
    return {"year": year, "arrangement": arrangement, "direction": direction,
            "hhi": indicators.hhi(values.values()),
            "ranking": [{"rank": r, "province": int(code), "name": names.get(int(code), code), "value_usd": v,
                         "share": shares[code]} for r, code, v in indicators.rank(values)]}


@router.get("/stats/fdi", response=FdiOut, summary="Registered FDI by year (whole country, GSO), by investor or province")
def fdi(request, year: int | None = None, by: str = "year", arrangement: str = "1976"):
    e = get_engine()
    if by == "investor" and year:
        rows = e.query("SELECT investor, sum(registered_usd) FROM fdi_raw WHERE province = 0 AND investor <> '' "
                       "AND year = ? GROUP BY 1 ORDER BY 2 DESC", [year])
    elif by == "province" and year:
        rows = e.query(f"SELECT province, sum(registered_usd) FROM {e.view('fdi', arrangement == '2025')} "
                       "WHERE province <> 0 AND investor = '' AND year = ? GROUP BY 1 ORDER BY 2 DESC", [year])
    else:
        rows = e.query("SELECT year, sum(registered_usd) FROM fdi_raw WHERE province = 0 AND investor = '' "
                       "GROUP BY 1 ORDER BY 1")
    return {"by": by, "year": year, "rows": [{"key": k, "registered_usd": v} for k, v in rows],
            "source": "General Statistics Office, monthly socio-economic reports"}
