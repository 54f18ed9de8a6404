"""Smart logistics as its users meet it: a cooperative keeps its cold store in the directory and the province verifies
it; an exporter records a lychee consignment whose timeline joins its legs and its lot's EPCIS events; anyone with the
link tracks it; a gate's system sends crossings and the dashboard counts them; the province's figures and report."""

import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from ftahub.logistics import service
from ftahub.logistics.models import Consignment, Crossing, Facility, Leg

pytestmark = pytest.mark.django_db


def _facility(province, **fields) -> Facility:
    fields.setdefault("kind", "warehouse")
    fields.setdefault("name", "Warehouse (test)")
    return Facility.objects.create(province=province, **fields)


def test_a_facility_is_kept_by_its_owner_and_verified_by_the_provinces_officer(make, client_for, client):
    enterprise = make.enterprise(24)
    owner = make.user("business", enterprise=enterprise)
    page = client_for(owner).post(reverse("logistics-facility-new"), {
        "kind": "cold_store", "name": "Kho lạnh thử nghiệm", "province": enterprise.province.pk,
        "latitude": "21.37", "longitude": "106.62", "temperature_min": "1", "temperature_max": "5",
        "gln": "9520001234002"})
    assert page.status_code == 302, __import__("re").findall(r"alert\">([^<]*)", page.content.decode())
    facility = Facility.objects.get(name="Kho lạnh thử nghiệm")
    assert facility.enterprise == enterprise and facility.verified_at is None
    # public directory: found by a word typed without marks, with a link that opens the coordinates in a map
    listing = client.get(reverse("logistics-facilities"), {"q": "kho lanh", "cold": "1"}).content.decode()
    assert "Kho lạnh thử nghiệm" in listing and "openstreetmap.org/?mlat=21.37000" in listing
    # a bad GLN and reversed temperatures are refused
    bad = client_for(owner).post(reverse("logistics-facility-new"), {
        "kind": "warehouse", "name": "Bad", "province": enterprise.province.pk, "gln": "9520001234006",
        "temperature_min": "8", "temperature_max": "2"})
    assert bad.status_code == 200 and not Facility.objects.filter(name="Bad").exists()
    # another enterprise cannot edit it; an officer of another province cannot verify it
    other = make.user("business", enterprise=make.enterprise(24))
    assert client_for(other).get(reverse("logistics-facility-edit", args=[facility.pk])).status_code == 403
    assert client_for(make.user("co_officer", 1)).post(
        reverse("logistics-facility-verify", args=[facility.pk])).status_code == 403
    assert client_for(make.user("co_officer", 24)).post(
        reverse("logistics-facility-verify", args=[facility.pk])).status_code == 302
    facility.refresh_from_db()
    assert facility.verified_at is not None
    # a change by the owner asks for verification again
    client_for(owner).post(reverse("logistics-facility-edit", args=[facility.pk]), {
        "kind": "cold_store", "name": "Kho lạnh thử nghiệm", "province": enterprise.province.pk, "pallets": "50"})
    facility.refresh_from_db()
    assert facility.pallets == 50 and facility.verified_at is None


def test_facilities_round_trip_through_the_export_and_a_bad_line_is_named(make, client_for, client):
    officer = make.user("co_officer", 24)
    _facility(officer.province, name="Cảng (test)", kind="port", teu=300)
    exported = client.get(reverse("logistics-facilities") + "?format=csv")
    text = exported.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("kind,name,name_en")
    text += "\nspaceport,Rocket base,,,,24,,,,,,,,,,,\n"
    upload = io.BytesIO(text.replace("Cảng (test),", "Cảng (test) B,").encode())
    upload.name = "facilities.csv"
    page = client_for(officer).post(reverse("logistics-facility-import"), {"file": upload},
                                    HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200 and "spaceport" in page.content.decode()
    assert Facility.objects.filter(name="Cảng (test) B", teu=300).exists()
    assert not Facility.objects.filter(name="Rocket base").exists()


def test_a_consignment_has_legs_a_timeline_and_a_public_tracking_page(make, client_for, client):
    from ftahub.trace.models import TraceParty
    from ftahub.trace.service import capture

    enterprise = make.enterprise(24)
    exporter = make.user("business", enterprise=enterprise)
    store = _facility(enterprise.province, kind="cold_store", name="Cold store (test)", gln="9520001234002",
                      enterprise=enterprise)
    gate = _facility(enterprise.province, kind="gate", name="Gate (test)")
    party = TraceParty.objects.create(enterprise=enterprise, province=enterprise.province, gs1_prefixes="9520001234")
    lot = "urn:epc:class:lgtin:9520001234.012.LOT7"
    t = timezone.now() - datetime.timedelta(hours=5)
    capture({"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
             "schemaVersion": "2.0", "creationDate": t.isoformat(), "epcisBody": {"eventList": [
                 {"type": "ObjectEvent", "eventTime": t.isoformat(), "eventTimeZoneOffset": "+00:00",
                  "action": "OBSERVE", "bizStep": "storing", "quantityList": [{"epcClass": lot, "quantity": 10,
                                                                               "uom": "KGM"}],
                  "readPoint": {"id": "https://id.gs1.org/414/9520001234002"}}]}}, party)
    page = client_for(exporter).post(reverse("logistics-consignment-new"), {
        "reference": "LS-1", "goods": "Vải thiều tươi", "hs_code": "0810.90", "destination": "Trung Quốc",
        "lots": lot, "co_number": "CO-1", "invoice_number": "INV-SECRET", "units": "ABCU1234567 SEAL9"})
    assert page.status_code == 302, __import__("re").findall(r"alert\">([^<]*)", page.content.decode())
    consignment = Consignment.objects.get(reference="LS-1")
    assert consignment.destination == "CN"
    url = reverse("logistics-consignment", args=[consignment.pk])
    when = timezone.localtime(t + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")  # as the page's field
    later = timezone.localtime(t + datetime.timedelta(hours=4)).strftime("%Y-%m-%dT%H:%M")
    assert client_for(exporter).post(url, {"mode": "road", "origin": store.pk, "destination": gate.pk,
                                           "departed_at": when, "arrived_at": later}).status_code == 302
    reversed_times = client_for(exporter).post(url, {"mode": "road", "origin": store.pk, "destination": gate.pk,
                                                     "departed_at": later, "arrived_at": when})
    assert reversed_times.status_code == 200 and Leg.objects.filter(consignment=consignment).count() == 1
    kinds = [s.kind for s in service.consignment_timeline(consignment)]
    assert kinds == ["event", "leg_departed", "leg_arrived"]
    tracked = client.get(reverse("logistics-track", args=[consignment.token]), HTTP_ACCEPT_LANGUAGE="vi")
    text = tracked.content.decode()
    assert tracked.status_code == 200 and "Cold store (test)" in text and "Gate (test)" in text
    assert "INV-SECRET" not in text and "urn:epc" not in text
    assert client.get(reverse("logistics-track", args=["not-the-token"])).status_code == 404
    # another enterprise sees nothing of it; the owner removes a leg
    other = make.user("business", enterprise=make.enterprise(24))
    assert client_for(other).get(url).status_code == 404
    leg = consignment.legs.get()
    assert client_for(other).post(reverse("logistics-leg-delete", args=[consignment.pk, leg.pk])).status_code == 404
    assert client_for(exporter).post(reverse("logistics-leg-delete", args=[consignment.pk, leg.pk])).status_code == 302
    assert not consignment.legs.exists()


def test_crossings_are_imported_and_the_gate_dashboard_counts_them(make, client_for):
    officer = make.user("co_officer", 24)
    gate = _facility(officer.province, kind="gate", name="Gate A (test)", gln="9520000000028", trucks_per_day=10)
    day = timezone.now().replace(hour=8, minute=0, second=0, microsecond=0) - datetime.timedelta(days=1)
    items = [{"gate_gln": "9520000000028", "direction": "export", "vehicle": f"T{i}", "external_id": f"E{i}",
              "arrived_at": day.isoformat(), "exited_at": (day + datetime.timedelta(minutes=m)).isoformat(),
              "chapter": "08", "weight_kg": 10000} for i, m in enumerate([30, 60, 90, 120, 600])]
    items.append({"gate_gln": "9520000000099", "direction": "export", "vehicle": "X", "arrived_at": day.isoformat()})
    response = client_for(officer).post("/api/v1/logistics/crossings?source=Gate%20A", json.dumps(items),
                                        content_type="application/json")
    assert response.status_code == 200 and response.json()["saved"] == 5 and len(response.json()["problems"]) == 1
    # sent again: updated, not doubled
    client_for(officer).post("/api/v1/logistics/crossings", json.dumps(items[:5]), content_type="application/json")
    assert Crossing.objects.filter(gate=gate).count() == 5
    business = make.user("business", enterprise=make.enterprise(24))
    assert client_for(business).post("/api/v1/logistics/crossings", "[]",
                                     content_type="application/json").status_code == 403
    data = service.gate_dashboard(day.date(), day.date())
    assert (data["vehicles"], data["median"], data["p90"]) == (5, 90, 600)
    assert data["by_gate"][0]["utilisation"] == 0.5  # 5 trucks in a day of 10 declared
    page = client_for(officer).get(reverse("logistics-gates"), {"since": day.date().isoformat(),
                                                                "until": day.date().isoformat()},
                                   HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'data-testid="median">90<' in page and "Gate A (test)" in page


def test_the_province_figures_and_report_come_from_legs_readings_and_crossings(make, client_for):
    officer = make.user("co_officer", 24)
    enterprise = make.enterprise(24)
    a = _facility(officer.province, name="A (test)")
    b = _facility(officer.province, name="B (test)", kind="port")
    c = Consignment.objects.create(enterprise=enterprise, province=officer.province, reference="R", goods="g")
    year = timezone.now().year
    base = timezone.now().replace(month=3, day=1)
    for i, late in enumerate([0, 0, 0, 2]):
        Leg.objects.create(consignment=c, position=i + 1, mode="road" if i < 3 else "sea", origin=a, destination=b,
                           planned_arrival=base, arrived_at=base + datetime.timedelta(hours=late),
                           province=officer.province)
    f = service.province_figures(officer.province, year)
    assert f["legs"] == 4 and f["by_mode"] == {"road": 3, "sea": 1} and f["on_time_share"] == 0.75
    assert f["by_kind"] == {"port": 4}
    page = client_for(officer).get(reverse("logistics-report"), {"year": year}, HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200 and "75,0 % (3/4)" in page.content.decode()
    assert client_for(officer).get(reverse("logistics-report") + f"?year={year}&format=pdf").content.startswith(b"%PDF")
    assert client_for(officer).get(reverse("logistics-report") + f"?year={year}&format=xlsx").content.startswith(b"PK")
    exported = client_for(officer).get(reverse("logistics-report") + f"?year={year}&format=json").json()
    assert exported["format"] == "ftahub-logistics/1"
    mine = next(p for p in exported["provinces"] if p["province"] == officer.province.code)
    assert mine["legs"] == 4 and mine["legs_on_time_share"] == 0.75
    business = make.user("business", enterprise=enterprise)
    assert client_for(business).get(reverse("logistics-report")).status_code == 403


def test_the_demo_shows_a_lychee_consignment_through_the_gate_with_its_cold_chain(client):
    from ftahub.core.demo import load_demo

    load_demo(report=lambda *a: None)
    road = Consignment.objects.get(reference="DEMO-LS-001")
    steps = service.consignment_timeline(road)
    kinds = {s.kind for s in steps}
    assert {"event", "alert", "leg_departed", "leg_arrived"} <= kinds
    assert road.legs.last().destination.kind == "gate" and road.co_number
    page = client.get(reverse("logistics-track", args=[road.token]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Cửa khẩu Lạng Sơn (demo)" in page and "DEMO" in page


def test_the_c_o_verification_links_the_consignment_only_when_its_own_exporter_allows_it(make, client):
    from ftahub.agreements.models import TradeAgreement
    from ftahub.certificates import service as certificates

    enterprise, stranger = make.enterprise(24), make.enterprise(24)
    certificates.key_ring().generate("test", datetime.date(2026, 1, 1))
    certificates.issue({"co_number": "CO-TRACK-1", "agreement": "CPTPP", "form": "CPTPP", "issued_on": "2026-11-02",
                        "items": []}, TradeAgreement.objects.get(code="CPTPP"), enterprise.province, enterprise)
    # another enterprise naming this C/O on its consignment shows nothing
    Consignment.objects.create(enterprise=stranger, province=stranger.province, reference="X", goods="g",
                               co_number="CO-TRACK-1", show_on_verification=True)
    page = client.post(reverse("certificate-verify"), {"co_number": "CO-TRACK-1"}).content.decode()
    assert 'data-testid="consignment"' not in page
    own = Consignment.objects.create(enterprise=enterprise, province=enterprise.province, reference="Y", goods="g",
                                     co_number="CO-TRACK-1")
    assert 'data-testid="consignment"' not in client.post(reverse("certificate-verify"),
                                                          {"co_number": "CO-TRACK-1"}).content.decode()
    own.show_on_verification = True
    own.save()
    page = client.post(reverse("certificate-verify"), {"co_number": "CO-TRACK-1"}).content.decode()
    assert reverse("logistics-track", args=[own.token]) in page
