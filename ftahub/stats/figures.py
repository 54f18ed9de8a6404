"""The figures of the dashboards and reports: each is a table (its numbers), a Plotly chart built from the same
rows, and a note of the data's source. Pages, the API and the XLSX/CSV/PDF reports use these and nothing else."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ftahub.agreements.models import TradeAgreement
from ftahub.places.models import Country

from . import indicators
from .service import get_engine, province_names, trade_series, yoy

GSO = gettext_lazy("General Statistics Office, monthly socio-economic reports (December year-to-date figures)")
DEMO = gettext_lazy("DEMO — made-up province trade for demonstration (no official province × partner × HS data is "
                    "loaded)")


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
    # labels are categories even when they look like numbers (HS codes such as "010121"); values start at zero
    labels = {"type": "category"} if any(isinstance(v, str) for v in x) else {}
    values = {"rangemode": "tozero"}
    if horizontal:
        layout["yaxis"] = {"autorange": "reversed", **labels}
        layout["xaxis"] = values
    else:
        layout["xaxis"] = labels
        layout["yaxis"] = values
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
    fig = Figure("national-trade", _("Viet Nam's exports and imports (US$ billion)"),
                 [_("year"), _("exports"), _("imports"), _("balance"), _("export growth %")], rows, str(GSO))
    fig.chart = _bar(years, {"exports": [r[1] for r in rows], "imports": [r[2] for r in rows]})
    if rate is not None:
        fig.notes.append(_("Exports grew %(rate).1f %% a year on average (CAGR) from %(first)s to %(last)s.")
                         % {"rate": rate, "first": first, "last": last})
    return fig


def export_sectors(year: int) -> Figure:
    e = get_engine()
    rows = e.totals_by("trade", ["sector"], "value_usd", {"province": 0, "direction": "export", "year": year,
                                                          "product_label": ""})
    values = {s: v for s, v in rows if s}
    share = indicators.shares(values)
    labels = {"fdi": _("foreign-invested"), "domestic": _("domestic")}
    table = [[labels.get(k, k), _bn(v), _pct(share[k])] for k, v in sorted(values.items())]
    fig = Figure("export-sectors", _("Exports by sector, %(year)s (US$ billion)") % {"year": year},
                 [_("sector"), _("exports"), _("share %")], table, str(GSO))
    fig.chart = {"data": [{"type": "pie", "labels": [r[0] for r in table], "values": [r[1] for r in table],
                           "hole": 0.45}], "layout": {"height": 300, "margin": {"l": 10, "r": 10, "t": 10, "b": 10}}}
    return fig


def top_product_groups(year: int, n: int = 10) -> Figure:
    e = get_engine()
    rows = e.totals_by("trade", ["product_label"], "value_usd", {"province": 0, "direction": "export", "year": year},
                       order="v DESC", limit=n + 5)
    groups = [(label, v) for label, v in rows if label][:n]
    table = [[label, _bn(v)] for label, v in groups]
    fig = Figure("product-groups", _("Top export product groups, %(year)s (US$ billion)") % {"year": year},
                 [_("product group"), _("exports")], table, str(GSO))
    fig.chart = _bar([r[0] for r in table], {"exports": [r[1] for r in table]}, horizontal=True)
    return fig


def fdi_by_year() -> Figure:
    e = get_engine()
    rows = e.totals_by("fdi", ["year"], "registered_usd", {"province": 0, "investor": ""})
    table = [[int(y), _bn(v)] for y, v in rows]
    fig = Figure("fdi-years", _("Registered FDI capital, whole country (US$ billion)"), [_("year"), _("registered")],
                 table, str(GSO))
    fig.chart = _bar([r[0] for r in table], {"registered": [r[1] for r in table]})
    return fig


def fdi_investors(year: int, n: int = 10) -> Figure:
    e = get_engine()
    rows = e.query("SELECT investor, sum(registered_usd) v FROM fdi_raw WHERE province = 0 AND investor <> '' "
                   "AND year = ? GROUP BY 1 ORDER BY v DESC LIMIT ?", [year, n])
    names = {c.iso2: c.name for c in Country.objects.filter(iso2__in=[r[0] for r in rows])}
    table = [[names.get(iso, iso), _bn(v)] for iso, v in rows]
    fig = Figure("fdi-investors", _("Registered FDI by investor country, %(year)s (US$ billion)") % {"year": year},
                 [_("investor country"), _("registered")], table, str(GSO))
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
    arrangement = _("the 34 provinces since 1 July 2025 (restated)") if restate else _("the 63 provinces before July "
                                                                                         "2025")
    fig = Figure("fdi-provinces", _("Registered FDI by province, %(year)s, on %(arrangement)s (US$ billion)")
                 % {"year": year, "arrangement": arrangement}, [_("rank"), _("province"), _("registered")], table,
                 str(GSO))
    concentration = indicators.hhi(values.values())
    if concentration is not None:
        fig.notes.append(_("Concentration across the provinces listed (HHI): %(hhi)s of 10,000.")
                         % {"hhi": f"{concentration:,.0f}"})
    fig.notes.append(_("The GSO reports list the provinces with the most FDI each month; the others are not in the "
                       "data."))
    fig.chart = _bar([r[1] for r in table], {"registered": [r[2] for r in table]}, horizontal=True)
    return fig


def province_trade(province: int, restate: bool) -> Figure:
    exports, imports = trade_series(province, "export", restate), trade_series(province, "import", restate)
    years = sorted(set(exports) | set(imports))
    growth = yoy(exports)
    rows = [[y, _mn(exports.get(y)), _mn(imports.get(y)), _pct(growth.get(y))] for y in years]
    name = province_names("2025" if restate else "1976").get(province, str(province))
    fig = Figure("province-trade", _("%(name)s: exports and imports (US$ million)") % {"name": name},
                 [_("year"), _("exports"), _("imports"), _("export growth %")], rows, str(DEMO), demo=True)
    rate, first, last = indicators.cagr_of_series(exports)
    if rate is not None:
        fig.notes.append(_("Export CAGR %(first)s–%(last)s: %(rate).1f %% a year.")
                         % {"first": first, "last": last, "rate": rate})
    fig.chart = _bar(years, {"exports": [r[1] for r in rows], "imports": [r[2] for r in rows]})
    return fig


def province_partners(province: int, restate: bool, year: int, n: int = 10) -> Figure:
    e = get_engine()
    filters = {"province": province, "direction": "export", "year": year, "era": "2025" if restate else "1976"}
    rows = e.totals_by("trade", ["partner"], "value_usd", filters, restate=restate, order="v DESC")
    values = {p: v for p, v in rows if p}
    share = indicators.shares(values)
    names = {c.iso2: c.name for c in Country.objects.filter(iso2__in=list(values))}
    table = [[names.get(p, p), _mn(v), _pct(share[p])] for p, v in list(values.items())[:n]]
    fig = Figure("province-partners", _("Top export markets, %(year)s (US$ million)") % {"year": year},
                 [_("partner"), _("exports"), _("share %")], table, str(DEMO), demo=True)
    concentration = indicators.hhi(values.values())
    if concentration is not None:
        fig.notes.append(_("Market concentration (HHI): %(hhi)s of 10,000.") % {"hhi": f"{concentration:,.0f}"})
    fig.chart = _bar([r[0] for r in table], {"exports": [r[1] for r in table]}, horizontal=True)
    return fig


def province_products(province: int, restate: bool, year: int, n: int = 10) -> Figure:
    e = get_engine()
    filters = {"province": province, "direction": "export", "year": year, "era": "2025" if restate else "1976"}
    rows = e.totals_by("trade", ["product"], "value_usd", filters, restate=restate, order="v DESC", limit=n)
    national = dict(e.query(f"SELECT product, sum(value_usd) FROM {e.view('trade', restate)} WHERE province <> 0 "
                            "AND direction = 'export' AND year = ? AND demo GROUP BY 1", [year]))
    region_total = sum(v for _direction, v in e.totals_by("trade", ["direction"], "value_usd", filters, restate=restate))
    world_total = sum(national.values())
    table = [[p, _mn(v), None if (r := indicators.rca(v, region_total, national.get(p, 0), world_total)) is None
              else round(r, 2)] for p, v in rows]
    fig = Figure("province-products", _("Top exported HS codes, %(year)s (US$ million)") % {"year": year},
                 [_("HS code"), _("exports"), _("RCA vs all provinces")], table, str(DEMO), demo=True)
    fig.notes.append(_("RCA above 1: the province exports relatively more of this product than the provinces "
                       "together."))
    fig.chart = _bar([r[0] for r in table], {"exports": [r[1] for r in table]}, horizontal=True)
    return fig


def province_sectors(province: int, restate: bool, year: int) -> Figure:
    e = get_engine()
    filters = {"province": province, "direction": "export", "year": year, "era": "2025" if restate else "1976"}
    values = {s: v for s, v in e.totals_by("trade", ["sector"], "value_usd", filters, restate=restate) if s}
    share = indicators.shares(values)
    table = [[{"fdi": _("foreign-invested"), "domestic": _("domestic")}.get(k, k), _mn(v), _pct(share[k])]
             for k, v in sorted(values.items())]
    fig = Figure("province-sectors", _("Exports by foreign-invested and domestic firms, %(year)s") % {"year": year},
                 [_("sector"), _("exports"), _("share %")], table, str(DEMO), demo=True)
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
            rows.append([agreement.code, _mn(covered), _mn(eligible), _pct(indicators.utilisation(covered, eligible))])
    fig = Figure("fta-utilisation", _("FTA utilisation, %(year)s: C/O-covered exports ÷ exports to the partners")
                 % {"year": year}, [_("agreement"), _("covered by C/Os (US$ million)"),
                                    _("exports to partners (US$ million)"), _("utilisation %")], rows,
                 str(DEMO) + "; " + _("C/Os: the hub's register"),
                 demo=True)
    fig.notes.append(_("Exports to the partners stand for exports eligible for preference (no product-level "
                       "eligibility is loaded); C/Os are counted on the 2025 provinces only."))
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
    label = _("exports") if direction == "export" else _("imports")
    fig = Figure("province-ranking", _("Provinces by %(what)s, %(year)s (US$ million)") % {"what": label,
                                                                                          "year": year},
                 [_("rank"), _("province"), label, _("share %")], table, str(DEMO), demo=True)
    concentration = indicators.hhi(values.values())
    if concentration is not None:
        fig.notes.append(_("Concentration across provinces (HHI): %(hhi)s of 10,000.")
                         % {"hhi": f"{concentration:,.0f}"})
    fig.chart = _bar([r[1] for r in table[:20]], {label: [r[2] for r in table[:20]]}, horizontal=True)
    return fig
