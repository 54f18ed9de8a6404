"""Export markets as an exporter of lychees and the province's officer use them: market pages, the honest export mode
of the duty finder, a new SPS notice reaching the watcher and the weekly digest, partner schedules, the surge."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse

from ftahub.agreements.models import TradeAgreement
from ftahub.markets import service
from ftahub.markets.models import Delivery, Notice, Requirement
from ftahub.tariffs.models import HSCode, WatchItem

pytestmark = pytest.mark.django_db

def _lychee_line() -> str:
    line = HSCode.objects.filter(level=8, code__startswith="081090").order_by("code").first()
    assert line is not None, "the 2026 tariff has lines under 0810.90"
    return line.code


SCHEDULE = ("Partner code,Description,MFN,Agreement,Rate for Viet Nam,Year\n"
            "0810.90.000,Other fruit (test fixture),6%,CPTPP,0,2026\n"
            "0810.90.000,Other fruit (test fixture),6%,VJEPA,0,2026\n")


def test_the_japan_page_for_lychees_shows_agreements_rules_proofs_and_says_no_schedule_is_loaded(client):
    Requirement.objects.create(partner="JP", hs_prefix="0810", kind="sps", title="Kiểm dịch thực vật (test)",
                               source="test fixture")
    page = client.get(reverse("market-product", args=["JP", "081090"]), HTTP_ACCEPT_LANGUAGE="vi")
    text = page.content.decode()
    assert page.status_code == 200
    for code in ("CPTPP", "VJEPA", "AJCEP", "RCEP"):
        assert code in text
    assert "Kiểm dịch thực vật (test)" in text
    assert 'data-testid="no-partner-schedule"' in text and "https://www.customs.go.jp/english/tariff/" in text
    assert "CTC" not in text and "RVC(" not in text  # rules in words, not in the rule language


def test_the_eu_is_a_market_and_a_member_state_leads_to_the_same_agreements(client):
    eu = client.get(reverse("market-product", args=["EU", "0810"]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    de = client.get(reverse("market-product", args=["DE", "0810"]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "EVFTA" in eu and "EVFTA" in de and "Liên minh châu Âu" in eu
    assert "access-to-markets" in de  # a member's duties are the Union's


def test_every_country_can_be_chosen_even_without_an_agreement(client):
    page = client.get(reverse("markets") + "?market=Hoa+Kỳ&hs=0810.90")
    assert page.status_code == 302 and page.url == reverse("market-product", args=["US", "081090"])
    us = client.get(page.url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "không có hiệp định thương mại tự do" in us
    finder = client.get(reverse("tariff-lookup")).content.decode()
    assert 'value="US"' in finder


def test_the_finders_export_mode_never_shows_viet_nams_mfn_as_the_partners(client):
    code = _lychee_line()
    page = client.get(reverse("tariff-lookup"), {"hs": code, "direction": "export", "partner": "JP"},
                      HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'data-testid="mfn"' not in page and 'data-testid="no-partner-schedule"' in page
    assert "https://www.customs.go.jp/english/tariff/" in page
    # with Japan's schedule loaded (a test fixture), its own rates show, with their edition
    service.load_schedule("JP", "jp.csv", SCHEDULE.encode(), source="test fixture", edition="fixture-2026",
                          is_fixture=True)
    page = client.get(reverse("tariff-lookup"), {"hs": code, "direction": "export", "partner": "JP",
                                                 "date": "2026-06-01"}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'data-testid="partner-mfn"' in page and "6%" in page and "fixture-2026" in page


def test_a_partner_schedule_is_loaded_by_an_officer_and_shown_on_the_market_page(client, make, client_for):
    officer = make.user("co_officer", province_code=24)
    upload = io.BytesIO(SCHEDULE.encode())
    upload.name = "jp.csv"
    page = client_for(officer).post(reverse("market-schedules"), {
        "partner": "Nhật Bản", "file": upload, "source": "test fixture", "edition": "fixture-2026"})
    assert page.status_code == 302
    shown = client.get(reverse("market-product", args=["JP", "081090"]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'data-testid="partner-duties"' in shown and "081090000" in shown and "CPTPP: 0" in shown
    # a business user may not load schedules
    business = make.user("business", enterprise=make.enterprise())
    assert client_for(business).get(reverse("market-schedules")).status_code == 403


def test_a_new_sps_notice_on_0810_reaches_the_watcher_by_email_once_and_the_officers_digest(make, client_for):
    exporter = make.user("business", enterprise=make.enterprise(), email="lychee@example.invalid")
    WatchItem.objects.create(user=exporter, line=HSCode.objects.get(code=_lychee_line()), partner="JP")
    bystander = make.user("business", enterprise=make.enterprise(), email="other@example.invalid")
    WatchItem.objects.create(user=bystander, line=HSCode.objects.filter(level=8, code__startswith="0901").first(),
                             partner="JP")
    officer = make.user("fa_officer", province_code=24, email="officer@example.invalid")
    mail.outbox.clear()
    today = datetime.date.today()
    page = client_for(officer).post(reverse("market-notice-new"), {
        "kind": "sps", "country": "Nhật Bản", "reference": "G/SPS/N/JPN/TEST", "title": "Residue limits (test)",
        "products": "Fresh fruit", "hs_codes": "0810", "published_on": today.isoformat(),
        "comment_deadline": (today + datetime.timedelta(days=10)).isoformat(), "source": "test fixture",
        "is_open": "on"})
    assert page.status_code == 302
    notice = Notice.objects.get(reference="G/SPS/N/JPN/TEST")
    assert [m.to for m in mail.outbox] == [["lychee@example.invalid"]]
    assert "Residue limits (test)" in mail.outbox[0].body
    assert Delivery.objects.get(notice=notice).reason == "watchlist"
    assert service.warn(notice) == 0  # once only
    digest = client_for(officer).get(reverse("market-digest"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Residue limits (test)" in digest and 'data-testid="upcoming"' in digest
    pdf = client_for(officer).get(reverse("market-digest") + "?format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = client_for(officer).get(reverse("market-digest") + "?format=xlsx")
    assert xlsx.content.startswith(b"PK")
    assert client_for(exporter).get(reverse("market-digest")).status_code == 403
    assert service.send_digest() == 1 and mail.outbox[-1].to == ["officer@example.invalid"]


def test_an_exporter_with_c_o_applications_for_the_product_to_that_market_is_warned(make):
    from ftahub.codesk.models import Application, Item

    enterprise = make.enterprise()
    exporter = make.user("business", enterprise=enterprise, email="applicant@example.invalid")
    app = Application.objects.create(enterprise=enterprise, province=enterprise.province, destination="AU",
                                     agreement=TradeAgreement.objects.get(code="AANZFTA"), importer_name="Importer")
    Item.objects.create(application=app, position=1, hs_code="7306.30", description="pipes", quantity=1, unit="t",
                        fob_value=100)
    notice = Notice.objects.create(kind="remedy", remedy="ad", stage="initiation", country="AU", reference="AD-T",
                                   title="Pipes (test)", hs_codes="7306", published_on=datetime.date.today(),
                                   source="test fixture")
    mail.outbox.clear()
    assert service.warn(notice) == 1 and mail.outbox[0].to == [exporter.email]
    assert Delivery.objects.get(notice=notice).reason == "exports"


def test_notices_are_imported_from_a_table_and_a_bad_file_loses_nothing_of_its_good_lines(make, client_for):
    officer = make.user("co_officer", province_code=24)
    upload = io.BytesIO(("Document symbol,Notifying Member,Title,HS code(s),Date of distribution,Source\n"
                         "G/TBT/N/KOR/T1,Hàn Quốc,Labelling (test),0810,2026-11-01,test fixture\n"
                         "G/SPS/N/XXX/T2,Atlantis,Bad (test),0810,2026-11-01,test fixture\n").encode())
    upload.name = "eping.csv"
    page = client_for(officer).post(reverse("market-notice-import"), {"file": upload}, HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200  # stays on the page to show the problem
    assert Notice.objects.get(reference="G/TBT/N/KOR/T1").kind == "tbt"
    assert "Atlantis" in page.content.decode() and not Notice.objects.filter(reference="G/SPS/N/XXX/T2").exists()


def test_the_digest_flags_a_known_surge_from_the_statistics_with_its_thresholds(make, client_for, settings):
    from ftahub.stats import service as stats
    from ftahub.stats.engine import write_dataset

    rows = [("0810", "JP", 2024, 2e6), ("0810", "JP", 2025, 6e6), ("0810", "CN", 2024, 8e6), ("0810", "CN", 2025, 8e6)]
    values = ", ".join(f"(0, '1976', '{m}', '{p}', '', 'export', {y}, 0, {v}, NULL, '', '', 'test fixture', false)"
                       for p, m, y, v in rows)
    write_dataset(stats.folder(), "trade", "surge-test", f"SELECT * FROM (VALUES {values}) AS t(province, era, partner, product, product_label, direction, year, "
                  "month, value_usd, quantity, unit, sector, source, demo)")
    stats.refresh()
    officer = make.user("administrator")
    page = client_for(officer).get(reverse("market-digest"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'data-testid="surges"' in page and "Nhật Bản" in page and "+200 %" in page
    stricter = client_for(officer).get(reverse("market-digest") + "?growth=250&share=5&value=1000000",
                                       HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'data-testid="surges"' not in stricter


def test_the_api_gives_a_market_for_a_product_and_the_notices(client):
    Notice.objects.create(kind="sps", country="JP", reference="N-API", title="API (test)", hs_codes="0810",
                          published_on=datetime.date.today(), source="test fixture")
    data = client.get("/api/v1/markets/JP/0810.90").json()
    assert data["product"] == "081090" and data["partner_schedule"] is None
    assert {a["code"] for a in data["agreements"]} >= {"CPTPP", "VJEPA", "RCEP"}
    assert [n["reference"] for n in data["notices"]] == ["N-API"]
    assert [n["reference"] for n in client.get("/api/v1/notices?hs=081090").json()] == ["N-API"]
    assert client.get("/api/v1/markets/ZZ").status_code == 404
