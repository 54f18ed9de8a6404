"""The figures of the dashboards and reports: each is a table (its numbers), a Plotly chart built from the same
rows, and a note of the data's source. Pages, the API and the XLSX/CSV/PDF reports use these and nothing else."""

from dataclasses import dataclass, field

from ftahub.agreements.models import TradeAgreement
from ftahub.places.models import Country

from . import indicators
from .service import get_engine, province_names, trade_series, yoy

GSO = "General Statistics Office, monthly socio-economic reports (December year-to-date figures)"
DEMO = "DEMO — made-up province trade for demonstration (no official province × partner × HS data is loaded)"


@dataclass
class Figure:
    key: str
    title: str
    columns: list[str]
    rows: list[list]
    source: str
    demo: bool = False
    chart: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def script_id(self) -> str:
        return f"figure-{self.key}"


def _bar(x, ys: dict[str, list], kind: str = "bar", horizontal: bool = False) -> dict:
    traces = []
    for name, values in ys.items():
        trace = {"type": kind, "name": name}
        if horizontal:
            trace.update(x=values, y=x, orientation="h")
        else:
            trace.update(x=x, y=values)
        traces.append(trace)
    layout = {"margin": {"l": 60 if not horizontal else 180, "r": 10, "t": 10, "b": 40}, "height": 320,
              "legend": {"orientation": "h"}, "barmode": "group"}
    if horizontal:
        layout["yaxis"] = {"autorange": "reversed"}
    return {"data": traces, "layout": layout}


def _bn(v):
    return None if v is None else round(v / 1e9, 3)


def _mn(v):
    return None if v is None else round(v / 1e6, 3)


def _pct(v):
    return None if v is None else round(v, 2)


def national_trade() -> Figure:
    exports, imports = trade_series(0, "export", False), trade_series(0, "import", False)
    years = sorted(set(exports) | set(imports))
    growth = yoy(exports)
    rows = [[y, _bn(exports.get(y)), _bn(imports.get(y)), _bn((exports.get(y) or 0) - (imports.get(y) or 0))
             if y in exports and y in imports else None, _pct(growth.get(y))] for y in years]
    rate, first, last = indicators.cagr_of_series(exports)
    fig = Figure("national-trade", "Viet Nam's exports and imports (US$ billion)",
                 ["year", "exports", "imports", "balance", "export growth %"], rows, GSO)
    fig.chart = _bar(years, {"exports": [r[1] for r in rows], "imports": [r[2] for r in rows]})
    if rate is not None:
        fig.notes.append(f"Exports grew {rate:.1f} % a year on average (CAGR) from {first} to {last}.")
    return fig


def export_sectors(year: int) -> Figure:
    e = get_engine()
    rows = e.totals_by("trade", ["sector"], "value_usd", {"province": 0, "direction": "export", "year": year,
                                                          "product_label": ""})
    values = {s: v for s, v in rows if s}
    share = indicators.shares(values)
    labels = {"fdi": "foreign-invested", "domestic": "domestic"}
    table = [[labels.get(k, k), _bn(v), _pct(share[k])] for k, v in sorted(values.items())]
    fig = Figure("export-sectors", f"Exports by sector, {year} (US$ billion)", ["sector", "exports", "share %"], table,
                 GSO)
    fig.chart = {"data": [{"type": "pie", "labels": [r[0] for r in table], "values": [r[1] for r in table],
                           "hole": 0.45}], "layout": {"height": 300, "margin": {"l": 10, "r": 10, "t": 10, "b": 10}}}
    return fig


def top_product_groups(year: int, n: int = 10) -> Figure:
    e = get_engine()
    rows = e.totals_by("trade", ["product_label"], "value_usd", {"province": 0, "direction": "export", "year": year},
                       order="v DESC", limit=n + 5)
    groups = [(label, v) for label, v in rows if label][:n]
    table = [[label, _bn(v)] for label, v in groups]
    fig = Figure("product-groups", f"Top export product groups, {year} (US$ billion)", ["product group", "exports"],
                 table, GSO)
    fig.chart = _bar([r[0] for r in table], {"exports": [r[1] for r in table]}, horizontal=True)
    return fig


def fdi_by_year() -> Figure:
    e = get_engine()
    rows = e.totals_by("fdi", ["year"], "registered_usd", {"province": 0, "investor": ""})
    table = [[int(y), _bn(v)] for y, v in rows]
    fig = Figure("fdi-years", "Registered FDI capital, whole country (US$ billion)", ["year", "registered"], table,
                 GSO)
    fig.chart = _bar([r[0] for r in table], {"registered": [r[1] for r in table]})
    return fig


def fdi_investors(year: int, n: int = 10) -> Figure:
    e = get_engine()
    rows = e.query("SELECT investor, sum(registered_usd) v FROM fdi_raw WHERE province = 0 AND investor <> '' "
                   "AND year = ? GROUP BY 1 ORDER BY v DESC LIMIT ?", [year, n])
    names = dict(Country.objects.filter(iso2__in=[r[0] for r in rows]).values_list("iso2", "name_en"))
    table = [[names.get(iso, iso), _bn(v)] for iso, v in rows]
    fig = Figure("fdi-investors", f"Registered FDI by investor country, {year} (US$ billion)",
                 ["investor country", "registered"], table, GSO)
    fig.chart = _bar([r[0] for r in table], {"registered": [r[1] for r in table]}, horizontal=True)
    return fig


def fdi_provinces(year: int, restate: bool, n: int = 15) -> Figure:
    e = get_engine()
    view = e.view("fdi", restate)
    rows = e.query(f"SELECT province, sum(registered_usd) v FROM {view} WHERE province <> 0 AND investor = '' "
                   "AND year = ? GROUP BY 1 ORDER BY v DESC", [year])
    names = province_names("2025" if restate else "1976")
    values = {names.get(p, str(p)): v for p, v in rows}
    ranked = indicators.rank(values)[:n]
    table = [[position, name, _bn(v)] for position, name, v in ranked]
    arrangement = "the 34 provinces since 1 July 2025 (restated)" if restate else "the 63 provinces before July 2025"
    fig = Figure("fdi-provinces", f"Registered FDI by province, {year}, on {arrangement} (US$ billion)",
                 ["rank", "province", "registered"], table, GSO)
    concentration = indicators.hhi(values.values())
    if concentration is not None:
        fig.notes.append(f"Concentration across the provinces listed (HHI): {concentration:,.0f} of 10,000.")
    fig.notes.append("The GSO reports list the provinces with the most FDI each month; the others are not in the "
                     "data.")
    fig.chart = _bar([r[1] for r in table], {"registered": [r[2] for r in table]}, horizontal=True)
    return fig


def province_trade(province: int, restate: bool) -> Figure:
    exports, imports = trade_series(province, "export", restate), trade_series(province, "import", restate)
    years = sorted(set(exports) | set(imports))
    growth = yoy(exports)
    rows = [[y, _mn(exports.get(y)), _mn(imports.get(y)), _pct(growth.get(y))] for y in years]
    name = province_names("2025" if restate else "1976").get(province, str(province))
    fig = Figure("province-trade", f"{name}: exports and imports (US$ million)",
                 ["year", "exports", "imports", "export growth %"], rows, DEMO, demo=True)
    rate, first, last = indicators.cagr_of_series(exports)
    if rate is not None:
        fig.notes.append(f"Export CAGR {first}–{last}: {rate:.1f} % a year.")
    fig.chart = _bar(years, {"exports": [r[1] for r in rows], "imports": [r[2] for r in rows]})
    return fig


def province_partners(province: int, restate: bool, year: int, n: int = 10) -> Figure:
    e = get_engine()
    filters = {"province": province, "direction": "export", "year": year, "era": "2025" if restate else "1976"}
    rows = e.totals_by("trade", ["partner"], "value_usd", filters, restate=restate, order="v DESC")
    values = {p: v for p, v in rows if p}
    share = indicators.shares(values)
    names = dict(Country.objects.filter(iso2__in=list(values)).values_list("iso2", "name_en"))
    table = [[names.get(p, p), _mn(v), _pct(share[p])] for p, v in list(values.items())[:n]]
    fig = Figure("province-partners", f"Top export markets, {year} (US$ million)", ["partner", "exports", "share %"],
                 table, DEMO, demo=True)
    concentration = indicators.hhi(values.values())
    if concentration is not None:
        fig.notes.append(f"Market concentration (HHI): {concentration:,.0f} of 10,000.")
    fig.chart = _bar([r[0] for r in table], {"exports": [r[1] for r in table]}, horizontal=True)
    return fig


def province_products(province: int, restate: bool, year: int, n: int = 10) -> Figure:
    e = get_engine()
    filters = {"province": province, "direction": "export", "year": year, "era": "2025" if restate else "1976"}
    rows = e.totals_by("trade", ["product"], "value_usd", filters, restate=restate, order="v DESC", limit=n)
    national = dict(e.query(f"SELECT product, sum(value_usd) FROM {e.view('trade', restate)} WHERE province <> 0 "
                            "AND direction = 'export' AND year = ? AND demo GROUP BY 1", [year]))
    region_total = sum(v for _, v in e.totals_by("trade", ["direction"], "value_usd", filters, restate=restate))
    world_total = sum(national.values())
    table = [[p, _mn(v), None if (r := indicators.rca(v, region_total, national.get(p, 0), world_total)) is None
              else round(r, 2)] for p, v in rows]
    fig = Figure("province-products", f"Top exported HS codes, {year} (US$ million)",
                 ["HS code", "exports", "RCA vs all provinces"], table, DEMO, demo=True)
    fig.notes.append("RCA above 1: the province exports relatively more of this product than the provinces together.")
    fig.chart = _bar([r[0] for r in table], {"exports": [r[1] for r in table]}, horizontal=True)
    return fig


def province_sectors(province: int, restate: bool, year: int) -> Figure:
    e = get_engine()
    filters = {"province": province, "direction": "export", "year": year, "era": "2025" if restate else "1976"}
    values = {s: v for s, v in e.totals_by("trade", ["sector"], "value_usd", filters, restate=restate) if s}
    share = indicators.shares(values)
    table = [[{"fdi": "foreign-invested", "domestic": "domestic"}.get(k, k), _mn(v), _pct(share[k])]
             for k, v in sorted(values.items())]
    fig = Figure("province-sectors", f"Exports by foreign-invested and domestic firms, {year}",
                 ["sector", "exports", "share %"], table, DEMO, demo=True)
    fig.chart = {"data": [{"type": "pie", "labels": [r[0] for r in table], "values": [r[1] for r in table],
                           "hole": 0.45}], "layout": {"height": 300, "margin": {"l": 10, "r": 10, "t": 10, "b": 10}}}
    return fig


def fta_utilisation(province: int, restate: bool, year: int) -> Figure:
    """Exports covered by the hub's valid C/Os under each agreement ÷ exports to that agreement's partners."""
    from ftahub.certificates.models import IssuedCertificate
    from ftahub.places.models import Province

    e = get_engine()
    era = "2025" if restate else "1976"
    current = Province.objects.filter(era="2025", code=province).first() if restate else None
    rows = []
    for agreement in TradeAgreement.objects.order_by("code"):
        partners = [c for c in agreement.parties.values_list("iso2", flat=True) if c != "VN"]
        if not partners:
            continue
        listing = ", ".join("?" * len(partners))
        eligible = e.query(f"SELECT coalesce(sum(value_usd), 0) FROM {e.view('trade', restate)} WHERE province = ? "
                           f"AND era = ? AND direction = 'export' AND year = ? AND partner IN ({listing})",
                           [province, era, year, *partners])[0][0]
        covered = 0.0
        certificates = IssuedCertificate.objects.filter(agreement=agreement, issued_on__year=year, status="valid")
        certificates = certificates.filter(province=current) if current else certificates.none()
        for cert in certificates:
            covered += sum(float(i.get("fob") or 0) for i in cert.record.get("items", []))
        if eligible or covered:
            rows.append([agreement.code, round(covered, 2), round(eligible, 2),
                         _pct(indicators.utilisation(covered, eligible))])
    fig = Figure("fta-utilisation", f"FTA utilisation, {year}: C/O-covered exports ÷ exports to the partners",
                 ["agreement", "covered by C/Os (US$)", "exports to partners (US$)", "utilisation %"], rows,
                 DEMO + "; C/Os: the hub's register", demo=True)
    fig.notes.append("Exports to the partners stand for exports eligible for preference (no product-level "
                     "eligibility is loaded); C/Os are counted on the 2025 provinces only.")
    fig.chart = _bar([r[0] for r in rows], {"utilisation %": [r[3] for r in rows]})
    return fig


def province_ranking(year: int, restate: bool, direction: str = "export", n: int = 63) -> Figure:
    e = get_engine()
    view = e.view("trade", restate)
    rows = e.query(f"SELECT province, sum(value_usd) FROM {view} WHERE province <> 0 AND direction = ? AND year = ? "
                   "GROUP BY 1", [direction, year])
    names = province_names("2025" if restate else "1976")
    values = {names.get(p, str(p)): v for p, v in rows}
    total = sum(values.values())
    table = [[position, name, _mn(v), _pct(v / total * 100 if total else None)]
             for position, name, v in indicators.rank(values)[:n]]
    fig = Figure("province-ranking", f"Provinces by {direction}s, {year} (US$ million)",
                 ["rank", "province", f"{direction}s", "share %"], table, DEMO, demo=True)
    concentration = indicators.hhi(values.values())
    if concentration is not None:
        fig.notes.append(f"Concentration across provinces (HHI): {concentration:,.0f} of 10,000.")
    fig.chart = _bar([r[1] for r in table[:20]], {f"{direction}s": [r[2] for r in table[:20]]}, horizontal=True)
    return fig
