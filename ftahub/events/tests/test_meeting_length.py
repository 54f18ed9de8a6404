"""A meeting length of 0 minutes made scheduling loop for ever, growing memory by ~80 MB/s (#18): the length is
checked (5–240 minutes) by the form and by the scheduler before any work."""

import datetime

import pytest
from django.utils import timezone

from ftahub.conftest import province
from ftahub.events import service
from ftahub.events.forms import EventForm
from ftahub.events.models import HubEvent

pytestmark = pytest.mark.django_db


def test_the_scheduler_refuses_a_zero_minute_slot_at_once():
    start = timezone.now() + datetime.timedelta(days=10)
    fair = HubEvent.objects.create(province=province(24), kind="trade_fair", title="Fair (demo)", venue="Hall",
                                   starts_at=start, ends_at=start + datetime.timedelta(hours=2),
                                   registration_closes_at=start, capacity=20, status="published", matchmaking=True,
                                   tables=2, slot_minutes=0)
    with pytest.raises(ValueError, match="5 to 240 minutes"):
        service.schedule(fair)


def test_the_event_form_refuses_it():
    form = EventForm(data={"slot_minutes": "0"})
    form.is_valid()
    assert "slot_minutes" in form.errors
