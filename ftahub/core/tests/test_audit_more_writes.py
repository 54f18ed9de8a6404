"""Writes that left no trace now have their audit entry (#18): revoking a capture token, checking in at an
event."""

import datetime

import pytest
from django.utils import timezone

from ftahub.conftest import province
from ftahub.core.models import AuditEntry
from ftahub.events import service as events
from ftahub.events.models import HubEvent, Registration
from ftahub.trace.models import CaptureToken, TraceParty

pytestmark = pytest.mark.django_db


def test_revoking_a_capture_token_is_audited(make, client_for):
    enterprise = make.enterprise(24)
    party = TraceParty.objects.create(enterprise=enterprise, province=enterprise.province, gs1_prefixes="8930000123")
    row, _ = CaptureToken.issue(party, "gateway")
    client = client_for(make.user("business", enterprise=enterprise))
    client.post(f"/trace/tokens/{row.pk}/revoke/")
    row.refresh_from_db()
    assert row.revoked
    assert AuditEntry.objects.filter(model="trace.capturetoken", object_pk=str(row.pk), action="update").exists()


def test_checking_in_is_audited():
    start = timezone.now() + datetime.timedelta(days=5)
    event = HubEvent.objects.create(province=province(24), kind="forum", title="Forum (demo)", venue="Hall",
                                    starts_at=start, ends_at=start + datetime.timedelta(hours=2),
                                    registration_closes_at=start, capacity=5, status="published")
    registration = Registration.objects.create(event=event, name="Guest", email="g@demo.invalid", status="confirmed")
    assert events.check_in(registration) and not events.check_in(registration)
    assert AuditEntry.objects.filter(model="events.registration", object_repr="checked in: Guest").count() == 1
