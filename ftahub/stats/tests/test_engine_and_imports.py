"""The analytics layer on small fixtures: restatement on the 2025 provinces, imports that check every row, the real
GSO files, and the pages, reports and API built on the same queries."""

import io

import pytest
from openpyxl import load_workbook

from ftahub.common.problems import Problem
from ftahub.stats import importers, service
from ftahub.stats.importers import ImportError_

pytestmark = pytest.mark.django_db

HEADER = "province,era,partner,hs,direction,year,month,value_usd,quantity,unit,sector\n"


def customs(text: str, dataset="fixture", **kw):
    report = importers.customs("fixture.csv", (HEADER + text).encode(), service.folder(), dataset, **kw)
    service.refresh()
    return report


def test_2023_bac_giang_and_bac_ninh_add_up_to_todays_bac_ninh():
    # GSO codes before July 2025: Bắc Giang 24, Bắc Ninh 27; since then both are Bắc Ninh (24)
    customs("24,1976,JP,081090,export,2023,0,300,,,domestic\n27,1976,US,851712,export,2023,0,700,,,fdi\n"
            "25,1976,JP,081090,export,2023,0,50,,,domestic\n")
    assert service.trade_series(24, "export", restate=False) == {2023: 300.0}
    assert service.trade_series(27, "export", restate=False) == {2023: 700.0}
    assert service.trade_series(24, "export", restate=True) == {2023: 1000.0}
    assert service.trade_series(27, "export", restate=True) == {}  # no unit 27 since July 2025


def test_a_bad_row_stops_the_import_unless_only_good_rows_are_kept():
    text = ("24,1976,JP,081090,export,2023,0,300,,,\n24,1976,XX,0810,export,2023,0,1,,,\n"
            "99,1976,JP,08109,sideways,2023,13,-5,,,other\n")
    with pytest.raises(ImportError_) as caught:
        customs(text)
    errors = caught.value.errors  # problems as codes and values; the pages word them, the command line in English
    assert errors[0] == Problem.of("stats.partner", 3, partner="XX") and str(errors[0]).startswith("line 3: partner")
    assert [e.code for e in errors[1:]] == ["stats.no_province", "stats.hs", "stats.direction", "stats.period",
                                            "stats.value", "stats.sector"] and {e.line for e in errors[1:]} == {4}
    assert service.trade_series(24, "export", False) == {}
    report = customs(text, only_good=True)
    assert report.rows == 1 and service.trade_series(24, "export", False) == {2023: 300.0}
    customs("24,1976,JP,081090,export,2023,0,400,,,\n")  # importing the dataset again replaces it
    assert service.trade_series(24, "export", False) == {2023: 400.0}


def test_un_comtrade_bulk_csv():
    text = ("freqCode,refYear,refMonth,reporterISO,flowCode,partnerISO,cmdCode,qty,qtyUnitAbbr,primaryValue\n"
            "A,2023,52,VNM,X,JPN,081090,10,kg,1000\nA,2023,52,VNM,M,W00,TOTAL,,,5000\n"
            "A,2023,52,THA,X,JPN,081090,1,kg,99\nA,2023,52,VNM,RX,JPN,081090,1,kg,99\n")
    report = importers.comtrade("c.csv", text.encode(), service.folder(), "comtrade")
    service.refresh()
    assert report.rows == 2
    rows = service.get_engine().query("SELECT partner, product, direction, value_usd FROM trade_raw ORDER BY 3")
    assert rows == [("JP", "081090", "export", 1000.0), ("", "", "import", 5000.0)]


def test_the_real_gso_files_load(settings):
    data = settings.FTAHUB_DATA_DIR / "vn-gso-monthly"
    importers.gso_exports(data / "xk.csv", service.folder())
    importers.gso_fdi(data / "fdi.csv", service.folder())
    service.refresh()
    exports = service.trade_series(0, "export", False)
    assert 2016 in exports and 2024 in exports and 2025 not in exports
    assert 400e9 < exports[2024] < 410e9  # Viet Nam's 2024 exports: US$405.5 billion in the GSO December report
    e = service.get_engine()
    (total,), = e.query("SELECT sum(registered_usd) FROM fdi_raw WHERE province = 0 AND investor = '' AND year = 2024")
    by_province = e.query("SELECT count(*) FROM fdi_raw WHERE province <> 0 AND year = 2024")[0][0]
    assert total > 0 and by_province >= 10


def test_pages_reports_and_api_use_the_same_figures(client):
    customs("24,1976,JP,081090,export,2023,0,3000000,,,domestic\n27,1976,US,851712,export,2023,0,7000000,,,fdi\n"
            "24,1976,JP,081090,export,2022,0,2000000,,,domestic\n")
    page = client.get("/stats/", {"arrangement": "2025", "province": 24, "year": 2023})
    assert page.status_code == 200 and "unsafe-inline" in page["Content-Security-Policy"]
    text = page.content.decode()
    assert "figure-province-trade" in text and "DEMO" in text
    book = load_workbook(io.BytesIO(client.get("/stats/report/", {"arrangement": "2025", "province": 24,
                                                                  "year": 2023, "format": "xlsx"}).content))
    sheet = book["province-trade"]
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[0] == 2023]
    assert values[0][1] == 10.0  # US$ million: 3 + 7 restated on today's Bắc Ninh
    assert client.get("/stats/report/", {"format": "pdf"}).content.startswith(b"%PDF")
    api = client.get("/api/v1/stats/trade", {"province": 24, "arrangement": "2025", "direction": "export"}).json()
    assert api["series"] == [{"year": 2022, "value_usd": 2000000.0, "growth": None},
                             {"year": 2023, "value_usd": 10000000.0, "growth": 400.0}]
    assert api["cagr"] == pytest.approx(400.0)


def test_statisticians_import_with_a_check_and_a_choice(make, client_for, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ftahub.core import jobs
    from ftahub.stats.models import ImportJob

    statistician = client_for(make.user("statistician", 24))
    text = HEADER + "24,1976,JP,081090,export,2023,0,300,,,\n24,1976,JP,0810,export,2023,0,oops,,,\n"
    response = statistician.post("/stats/import/", {"layout": "customs", "dataset": "customs-2023",
                                                    "file": SimpleUploadedFile("c.csv", text.encode())})
    job = ImportJob.objects.get()
    assert response["Location"] == f"/stats/import/{job.pk}/" and job.status == "checking"  # the worker checks it
    polled = statistician.get(f"/stats/import/{job.pk}/?was=checking", HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in polled
    assert jobs.run_pending() == 1
    assert statistician.get(f"/stats/import/{job.pk}/?was=checking", HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"
    job.refresh_from_db()
    assert job.status == "checked" and job.rows == 2
    page = statistician.get(f"/stats/import/{job.pk}/").content.decode()
    assert "dòng 3: value_usd phải là số, không âm" in page  # in the reader's language
    statistician.post(f"/stats/import/{job.pk}/", {})
    assert service.trade_series(24, "export", False) == {}  # a bad row: nothing written without the choice
    statistician.post(f"/stats/import/{job.pk}/", {"only_good": "1"})
    job.refresh_from_db()
    assert job.status == "running" and service.trade_series(24, "export", False) == {}  # queued for the worker
    assert jobs.run_pending() == 1
    job.refresh_from_db()
    assert job.status == "done" and service.trade_series(24, "export", False) == {2023: 300.0}
    from ftahub.core.models import AuditEntry

    entry = AuditEntry.objects.get(model="stats.dataset")  # the write is on the audit log, by whom and what
    assert entry.action == "load" and entry.object_pk == "customs-2023" and entry.changes["rows"] == 1
    assert entry.actor == job.user
    assert client_for(make.user("business", enterprise=make.enterprise(24))).get("/stats/import/").status_code == 403
    assert client_for(make.user("statistician", 1)).get(f"/stats/import/{job.pk}/").status_code == 404


def test_hs_codes_are_chart_categories_and_value_axes_start_at_zero():
    from ftahub.stats import figures

    customs("24,1976,JP,081090,export,2023,0,300,,,domestic\n24,1976,US,010121,export,2023,0,200,,,domestic\n")
    chart = figures.province_products(24, False, 2023).chart
    # "010121" must stay a label: read as a number it put the bars at 10,121 on a numeric axis
    assert chart["data"][0]["y"] == ["081090", "010121"] and chart["layout"]["yaxis"]["type"] == "category"
    assert chart["layout"]["xaxis"]["rangemode"] == "tozero"
    years = figures.province_trade(24, False).chart["layout"]
    assert "type" not in years["xaxis"] and years["yaxis"]["rangemode"] == "tozero"
