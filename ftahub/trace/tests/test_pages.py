"""The farm form, the temperature-log upload, the public trace page of a lot and the public log page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ftahub.certificates import service as certificates
from ftahub.trace import epcis
from ftahub.trace.models import Alert, Event, LotLink, Threshold

pytestmark = pytest.mark.django_db
GTIN = epcis.gtin14("8930000123", "012")


@pytest.fixture
def farmer(party, make, client_for):
    certificates.key_ring().generate("pages")
    Threshold.objects.create(enterprise=party.enterprise, province=party.province, gtin=GTIN, product="Lychees",
                             minimum=1, maximum=5)
    return client_for(make.user("business", enterprise=party.enterprise))


def step(client, **fields):
    data = {"step": "harvesting", "gtin": GTIN, "lot": "H1", "quantity": "800", "unit": "KGM",
            "when": "2026-06-10T05:00", "temperature": "", "destination": ""}
    data.update(fields)
    return client.post("/trace/capture/", data, follow=True)


def test_the_farm_form_writes_standard_events_and_publishes_the_lot(farmer, client):
    step(farmer)
    step(farmer, step="storing", when="2026-06-10T08:00", temperature="7")
    step(farmer, step="shipping", when="2026-06-10T12:00", destination="https://id.gs1.org/414/4912345000019")
    assert list(Event.objects.values_list("biz_step", flat=True)) == ["harvesting", "storing", "shipping"]
    assert Alert.objects.count() == 1
    assert LotLink.objects.filter(gtin=GTIN, lot="H1").exists()
    page = client.get(f"/01/{GTIN}/10/H1/")
    text = page.content.decode()
    # the steps in words of the reader's language (Vietnamese by default), never the CBV codes
    assert page.status_code == 200 and "đã thu hoạch" in text and "đã xuất đi" in text and "<svg" in text
    assert "harvesting" not in text and "CEL" not in text
    assert client.get(f"/trace/lots/{GTIN}/H1/qr.svg")["Content-Type"] == "image/svg+xml"
    assert client.get(f"/01/{GTIN}/10/UNKNOWN/").status_code == 404


def test_the_farm_form_refuses_bad_answers_and_outsiders(farmer, make, client_for):
    page = step(farmer, gtin="8930000123129")  # wrong check digit
    assert Event.objects.count() == 0 and "sai số kiểm tra (chữ số cuối phải là 1)" in page.content.decode()
    step(farmer, when="2099-01-01T00:00")
    assert Event.objects.count() == 0
    outsider = client_for(make.user("business", enterprise=make.enterprise(24)))
    assert outsider.get("/trace/capture/").status_code == 403
    assert client_for(make.user("co_officer", 24)).get("/trace/capture/").status_code == 403


def test_a_temperature_log_becomes_one_storage_event_with_alerts(farmer):
    csv = b"time,temperature,device\n2026-06-10 08:00,4.5,L1\n2026-06-10 08:30,\"5,8\",L1\n2026-06-10 09:00,3.9,L1\n"
    farmer.post("/trace/temperatures/", {"gtin": GTIN, "lot": "H1", "file": SimpleUploadedFile("log.csv", csv)})
    event = Event.objects.get()
    assert event.biz_step == "storing" and event.readings.count() == 3
    assert Alert.objects.get().message.startswith("Lychees: Temperature 5.8")
    desk = farmer.get("/trace/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Lychees: nhiệt độ 5,8 °C, cao hơn khoảng" in desk  # the alert in words, the unit as a symbol


def test_a_bad_temperature_log_reports_each_row_and_stores_nothing(farmer):
    csv = b"time,temperature\nyesterday,4\n2026-06-10 08:30,warm\n2026-06-10 09:00,400\n"
    page = farmer.post("/trace/temperatures/", {"gtin": GTIN, "lot": "H1", "file": SimpleUploadedFile("l.csv", csv)},
                       follow=True).content.decode()
    assert "dòng 2: thời gian" in page and "dòng 3: nhiệt độ" in page and "dòng 4" in page
    assert Event.objects.count() == 0


def test_the_desk_shows_only_what_the_user_may_see(farmer, make, client_for):
    step(farmer)
    desk = farmer.get("/trace/").content.decode()
    assert "đã thu hoạch" in desk and "ghi nhận hàng hóa" in desk and "ObjectEvent" not in desk
    other = client_for(make.user("business", enterprise=make.enterprise(24)))
    assert "đã thu hoạch" not in other.get("/trace/").content.decode()
    assert "đã thu hoạch" in client_for(make.user("co_officer", 24)).get("/trace/").content.decode()
    assert "đã thu hoạch" not in client_for(make.user("co_officer", 1)).get("/trace/").content.decode()


def test_the_public_log_page(farmer, client):
    step(farmer)
    page = client.get("/log/")
    assert page.status_code == 200 and "epcis-event" in page.content.decode()


def test_an_epcis_document_from_another_system_is_imported_whole_or_not_at_all(farmer):
    import json

    from .conftest import event, lychee_document

    good = lychee_document([event(epcList=["urn:epc:id:sgtin:8930000123.012.5"], bizStep="receiving")])
    farmer.post("/trace/import/", {"document": SimpleUploadedFile("in.json", json.dumps(good).encode())})
    assert list(Event.objects.values_list("biz_step", flat=True)) == ["receiving"]
    bad = lychee_document([event(epcList=["urn:epc:id:sgtin:8930000123.012.6"]), event(epcList=5)])
    page = farmer.post("/trace/import/", {"document": SimpleUploadedFile("in.json", json.dumps(bad).encode())},
                       follow=True).content.decode()
    assert Event.objects.count() == 1 and "eventList/1" in page
    farmer.post("/trace/import/", {"document": SimpleUploadedFile("in.json", b"{oops")})
    assert Event.objects.count() == 1
