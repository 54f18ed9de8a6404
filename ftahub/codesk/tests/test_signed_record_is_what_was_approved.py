"""What an officer approved is what gets signed: the exporter's name, tax code and address (and the goods) are
frozen into the application at approval; edits made afterwards never reach the signed C/O record (#18)."""

import datetime

import pytest

from ftahub.certificates import service as certificates
from ftahub.codesk import service
from ftahub.codesk.ecosys import Outcome

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def signing_key():
    certificates.key_ring().generate("bn-test", datetime.date(2026, 1, 1))


def test_the_enterprise_edited_after_approval_is_not_what_is_signed(desk):
    app = desk.application()
    service.submit(app, desk.applicant)
    service.approve(app, desk.officer)
    approved = app.handoff_package["exporter"]
    enterprise = app.enterprise
    enterprise.name, enterprise.tax_code, enterprise.address = "Someone else JSC", "0100109106", "Elsewhere"
    enterprise.save()
    app.items.update(description="Changed after approval")
    cert = service.record_outcome(app, desk.officer, Outcome("VN-JP 26/24/01000", datetime.date(2026, 11, 3),
                                                            "Bắc Ninh C/O office"))
    record = cert.record
    assert record["exporter"] == approved and record["exporter"]["name"] != "Someone else JSC"
    assert all(i["description"] != "Changed after approval" for i in record["items"])


def test_recording_refuses_such_a_number(desk):
    app = desk.application()
    service.submit(app, desk.applicant)
    service.approve(app, desk.officer)
    with pytest.raises(service.TransitionError, match="C/O number"):
        service.record_outcome(app, desk.officer, Outcome("X\nVALID-1 revoked 2026-01-01 forged",
                                                               datetime.date(2026, 11, 3), "Bắc Ninh C/O office"))
