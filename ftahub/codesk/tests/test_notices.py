"""The exporter hears of every decision on its application, the province's C/O officers of every submission: on
screen in the reader's language, and by email."""

import datetime

import pytest
from django.core import mail

from ftahub.certificates import service as certificates
from ftahub.codesk import service
from ftahub.core.models import Notification

pytestmark = pytest.mark.django_db


def test_officers_hear_of_submissions_and_the_exporter_of_each_decision(desk, client_for):
    certificates.key_ring().generate("bn-test", datetime.date(2026, 1, 1))
    desk.applicant.email, desk.officer.email = "xuatkhau@example.vn", "canbo@example.vn"
    desk.applicant.save()
    desk.officer.save()
    app = desk.application()
    service.submit(app, desk.applicant)
    (to_officer,) = Notification.objects.filter(user=desk.officer)
    assert to_officer.kind == "co_submitted" and to_officer.url == f"/co/{app.reference}/"
    assert not Notification.objects.filter(user=desk.other_officer).exists()  # another province's officer
    service.request_changes(app, desk.officer, "Attach the signed packing list")
    (to_exporter,) = Notification.objects.filter(user=desk.applicant)
    assert not Notification.objects.filter(user=desk.stranger).exists()  # another enterprise
    # by email in the hub's language (Vietnamese), on screen in the reader's
    email = next(m for m in mail.outbox if m.to == ["xuatkhau@example.vn"])
    assert "yêu cầu sửa" in email.body and "Attach the signed packing list" in email.body
    page = client_for(desk.applicant).get("/hs/notifications/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"C/O application {app.reference}: the officer asks for changes" in page
    page = client_for(desk.applicant).get("/hs/notifications/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert f"Hồ sơ C/O {app.reference}" in page and "the officer asks" not in page
    service.submit(app, desk.applicant)
    service.approve(app, desk.officer)
    kinds = list(Notification.objects.filter(user=desk.applicant).order_by("id").values_list("kind", flat=True))
    assert kinds == ["co_changes_requested", "co_approved"]
    assert Notification.objects.filter(user=desk.officer, kind="co_submitted").count() == 2
