"""From draft to a recorded, signed certificate: who may do what, and what each step leaves behind."""

import datetime
import json
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest
from django.core.exceptions import PermissionDenied

from ftahub.certificates import service as certificates
from ftahub.codesk import service
from ftahub.codesk.ecosys import Outcome
from ftahub.codesk.models import Application, Item, Transition
from ftahub.core.models import AuditEntry

pytestmark = pytest.mark.django_db
S = Application.Status


@pytest.fixture(autouse=True)
def signing_key():
    certificates.key_ring().generate("bn-test", datetime.date(2026, 1, 1))


def outcome(number="VN-JP 26/24/00123"):
    return Outcome(number, datetime.date(2026, 11, 3), "Regional Import-Export Management Office (Hà Nội)")


def test_the_hero_path_in_services(desk):
    app = desk.application()
    assert service.submit(app, desk.applicant) is not None and app.status == S.SUBMITTED
    package = service.approve(app, desk.officer, "complete")
    assert package["format"] == "ftahub-co-handoff" and package["version"] == 1
    assert package["items"][0]["hs"] == "9403.60" and len(package["attachments"]) == 4
    cert = service.record_outcome(app, desk.officer, outcome())
    app.refresh_from_db()
    assert app.status == S.RECORDED and app.certificate == cert
    report = certificates.verify_payload(cert.payload)
    assert report["status"] == "valid"
    assert report["record"]["co_number"] == "VN-JP 26/24/00123"
    assert report["record"]["items"][0]["criterion"] == "CTC"
    assert list(app.transitions.values_list("to_status", flat=True)) == ["draft", "submitted", "approved",
                                                                         "recorded"]


def test_submission_is_refused_while_the_precheck_finds_errors(desk):
    app = desk.application()
    app.items.update(hs_code="9499.99")
    findings = service.submit(app, desk.applicant)
    app.refresh_from_db()
    assert app.status == S.DRAFT and any(f.code == "hs_unknown" for f in findings)


def test_only_the_owning_enterprise_applies_and_only_the_provinces_officers_decide(desk):
    app = desk.application()
    with pytest.raises(PermissionDenied):
        service.submit(app, desk.stranger)
    service.submit(app, desk.applicant)
    for outsider in (desk.other_officer, desk.applicant):
        with pytest.raises(PermissionDenied):
            service.approve(app, outsider)
    assert Application.objects.visible_to(desk.stranger).count() == 0
    assert Application.objects.visible_to(desk.other_officer).count() == 0
    assert list(Application.objects.visible_to(desk.officer)) == [app]


def test_request_changes_needs_a_comment_and_returns_it_to_the_exporter(desk):
    app = desk.application()
    service.submit(app, desk.applicant)
    with pytest.raises(service.TransitionError):
        service.request_changes(app, desk.officer, "  ")
    service.request_changes(app, desk.officer, "Attach the signed packing list")
    app.refresh_from_db()
    assert app.status == S.CHANGES_REQUESTED and app.editable_by_applicant
    service.submit(app, desk.applicant)
    service.reject(app, desk.officer, "Goods already shipped under another C/O")
    app.refresh_from_db()
    assert app.status == S.REJECTED and not app.editable_by_applicant
    with pytest.raises(service.TransitionError):
        service.submit(app, desk.applicant)


def test_a_recorded_certificate_cannot_be_recorded_again_nor_its_number_reused(desk):
    first, second = desk.application(), desk.application()
    for app in (first, second):
        service.submit(app, desk.applicant)
        service.approve(app, desk.officer)
    service.record_outcome(first, desk.officer, outcome())
    with pytest.raises(service.TransitionError):
        service.record_outcome(first, desk.officer, outcome("OTHER-1"))
    with pytest.raises(service.TransitionError, match="already recorded"):
        service.record_outcome(second, desk.officer, outcome())
    future = Outcome("VN-2", datetime.date.today() + datetime.timedelta(days=3), "X")
    with pytest.raises(service.TransitionError, match="future"):
        service.record_outcome(second, desk.officer, future)
    second.refresh_from_db()
    assert second.status == S.APPROVED and second.certificate is None


def test_transitions_are_append_only_and_audited(desk):
    app = desk.application()
    service.submit(app, desk.applicant)
    transition = app.transitions.last()
    transition.comment = "rewritten"
    with pytest.raises(ValueError):
        transition.save()
    assert AuditEntry.objects.filter(model="codesk.application", object_pk=str(app.pk)).count() >= 2


def test_handoff_files_json_and_xml_through_the_pages(desk, client_for):
    app = desk.application()
    service.submit(app, desk.applicant)
    officer = client_for(desk.officer)
    response = officer.post(f"/co/{app.reference}/decide/", {"decision": "approve", "comment": ""})
    assert response.status_code == 302
    app.refresh_from_db()
    data = officer.get(f"/co/{app.reference}/handoff.json")
    package = json.loads(data.content)
    assert package["reference"] == app.reference and package["exporter"]["tax_code"] == desk.enterprise.tax_code
    import hashlib
    assert hashlib.sha256(data.content).hexdigest() == app.handoff_sha256
    root = ET.fromstring(officer.get(f"/co/{app.reference}/handoff.xml").content)
    assert root.get("version") == "1" and root.find("items/item/hs").text == "9403.60"
    assert len(root.findall("attachments/attachment")) == 4
    page = officer.get(f"/co/{app.reference}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    # the eCoSys checklist in the officer's language, dates as dates, document kinds by name
    assert f"Mở eCoSys (ecosys.gov.vn) và lập hồ sơ theo mẫu CPTPP cho doanh nghiệp mã số thuế {desk.enterprise.tax_code}" in page
    assert "02/11/2026" in page and "Hàng 1: HS 9403.60, Wooden tables" in page and "Create a" not in page
    assert client_for(desk.other_officer).get(f"/co/{app.reference}/handoff.json").status_code == 404


def test_recording_through_the_page_signs_the_record(desk, client_for):
    app = desk.application()
    service.submit(app, desk.applicant)
    service.approve(app, desk.officer)
    officer = client_for(desk.officer)
    officer.post(f"/co/{app.reference}/record/", {"co_number": "VN-JP 26/24/00999", "issued_on": "2026-11-03",
                                                   "issuing_body": "Bắc Ninh C/O office"})
    app.refresh_from_db()
    assert app.status == S.RECORDED
    pdf = client_for(desk.applicant).get(f"/verify/certificates/{app.ecosys_number}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client_for(desk.stranger).get(f"/verify/certificates/{app.ecosys_number}.pdf").status_code == 404


def test_pages_are_scoped(desk, client_for, client):
    app = desk.application()
    url = f"/co/{app.reference}/"
    assert client_for(desk.applicant).get(url).status_code == 200
    assert client_for(desk.officer).get(url).status_code == 200
    assert client_for(desk.stranger).get(url).status_code == 404
    assert client_for(desk.other_officer).get(url).status_code == 404
    assert client.get(url).status_code == 302  # to sign in
    assert client_for(desk.officer).post(f"/co/{app.reference}/items/", {}).status_code == 403
    assert client_for(desk.applicant).post(f"/co/{app.reference}/decide/", {"decision": "approve"}).status_code == 403
    assert client_for(desk.officer).get("/co/new/").status_code == 403


def test_the_api_lists_what_the_user_may_see(desk, client_for, client):
    app = desk.application()
    app.items.update(hs_code="9499.99")
    assert client.get("/api/v1/co/applications").status_code == 401
    mine = client_for(desk.applicant).get("/api/v1/co/applications").json()
    assert [a["reference"] for a in mine] == [app.reference]
    assert client_for(desk.stranger).get("/api/v1/co/applications").json() == []
    assert client_for(desk.stranger).get(f"/api/v1/co/applications/{app.reference}").status_code == 404
    findings = client_for(desk.officer).get(f"/api/v1/co/applications/{app.reference}/precheck").json()
    assert {"severity": "error", "code": "hs_unknown"}.items() <= findings[0].items() or \
        any(f["code"] == "hs_unknown" for f in findings)
    assert Transition.objects.filter(application=app).count() == 1


def test_revocation_and_replacement_are_reported_by_verification(desk, client_for):
    app = desk.application()
    service.submit(app, desk.applicant)
    service.approve(app, desk.officer)
    first = service.record_outcome(app, desk.officer, outcome("VN-JP 26/24/00001"))
    officer = client_for(desk.officer)
    officer.post(f"/co/{app.reference}/revoke/", {"action": "replace", "reason": "Wrong importer address",
                                                   "co_number": "VN-JP 26/24/00002", "issued_on": "2026-11-04",
                                                   "issuing_body": "Bắc Ninh C/O office"})
    app.refresh_from_db()
    assert app.certificate.co_number == "VN-JP 26/24/00002" and app.status == S.RECORDED
    old = certificates.verify_payload(first.payload)
    assert old["status"] == "superseded" and old["superseded_by"] == "VN-JP 26/24/00002"
    new = certificates.verify_payload(app.certificate.payload)
    assert new["status"] == "valid" and new["record"]["replaces"] == "VN-JP 26/24/00001"
    assert client_for(desk.other_officer).post(f"/co/{app.reference}/revoke/", {
        "action": "revoke", "reason": "x"}).status_code == 404
    with pytest.raises(service.TransitionError):
        service.revoke(app, desk.officer, " ")
    service.revoke(app, desk.officer, "Goods returned; revoked in eCoSys")
    app.refresh_from_db()
    report = certificates.verify_payload(app.certificate.payload)
    assert app.status == S.REVOKED and report["status"] == "revoked"
    assert "Goods returned" in report["revocation_reason"]
    assert "VN-JP 26/24/00002 revoked" in certificates.revocation_list()


def test_decisions_records_and_revocations_are_on_the_public_log(desk):
    from ftahub.transparency.models import LogEntry

    app = desk.application()
    service.submit(app, desk.applicant)
    service.request_changes(app, desk.officer, "Attach the packing list")
    service.submit(app, desk.applicant)
    service.approve(app, desk.officer)
    cert = service.record_outcome(app, desk.officer, outcome())
    service.revoke(app, desk.officer, "Revoked in eCoSys")
    entries = list(LogEntry.objects.values_list("kind", "ref"))
    assert entries == [("co-decision", app.reference), ("co-decision", app.reference),
                       ("co-record", cert.co_number), ("co-revocation", cert.co_number)]
    logged = LogEntry.objects.get(kind="co-record").data
    import hashlib
    assert hashlib.sha256(cert.payload.encode()).hexdigest() in logged
    assert desk.officer.username not in "".join(LogEntry.objects.values_list("data", flat=True))


def test_an_approved_items_hs_code_teaches_the_classification_assistant(desk):
    from ftahub.tariffs.classify import classify
    from ftahub.tariffs.models import ClassificationFeedback

    app = desk.application(invoice_total=Decimal("1500.00"))
    Item.objects.create(application=app, position=2, hs_code="9403.60.90", description="Bàn ăn gỗ keo xuất khẩu",
                        quantity=Decimal("5"), unit="pcs", fob_value=Decimal("500.00"), criterion=Item.Criterion.CTC)
    service.submit(app, desk.applicant)
    service.approve(app, desk.officer)
    (learned,) = ClassificationFeedback.objects.all()  # "9403.60" is a subheading, not a line: not learned
    assert (learned.code, learned.source, learned.province_id, learned.user) == (
        "94036090", "co", app.province_id, desk.officer)
    first = classify("bàn ăn gỗ keo xuất khẩu", province_id=app.province_id)["candidates"][0]
    assert first["code"] == "94036090" and first["why"][0]["kind"] == "confirmed"


def test_the_application_page_shows_the_steps_ahead_and_the_six_hour_clock(desk, client_for):
    from unittest import mock
    from zoneinfo import ZoneInfo

    app = desk.application()
    page = client_for(desk.applicant).get(f"/co/{app.reference}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="step now" aria-current="step"><strong>Prepare' in page and "clock" not in page
    service.submit(app, desk.applicant)
    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")
    app.transitions.filter(to_status="submitted").update(at=datetime.datetime(2026, 11, 6, 15, 0, tzinfo=hanoi))
    with mock.patch("django.utils.timezone.now", return_value=datetime.datetime(2026, 11, 9, 9, 30, tzinfo=hanoi)):
        page = client_for(desk.applicant).get(f"/co/{app.reference}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    # Friday 15:00 + 6 working hours = Monday 12:00; by Monday 09:30, 2 h Friday + 1.5 h Monday are used
    assert "12:00 09/11/2026" in page and "3,5" in page
    assert '<li class="step done"><strong>Chuẩn bị hồ sơ' in page and 'aria-current="step"><strong>Cơ quan cấp C/O xét' in page
    assert "bản nháp → đã nộp" in page  # the history in words, not "draft → submitted"
    with mock.patch("django.utils.timezone.now", return_value=datetime.datetime(2026, 11, 9, 14, 0, tzinfo=hanoi)):
        late = client_for(desk.officer).get(f"/co/{app.reference}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="warning" data-testid="clock"' in late and "used so far: 7.0" in late
    service.reject(app, desk.officer, "not our province's goods")
    page = client_for(desk.applicant).get(f"/co/{app.reference}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<li class="step refused"><strong>Review' in page and '<li class="step closed"><strong>Issue' in page
