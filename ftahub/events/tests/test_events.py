"""Registration with capacity and waitlist, promotion on cancellation, tickets and check-in, iCalendar, staff pages,
and B2B matchmaking with non-overlapping slots."""

import datetime

import pytest
from django.utils import timezone, translation

from ftahub.conftest import province
from ftahub.events import service
from ftahub.events.models import HubEvent, Meeting, Registration

pytestmark = pytest.mark.django_db
BASE = "http://testserver"


@pytest.fixture
def fair():
    start = timezone.now() + datetime.timedelta(days=10)
    return HubEvent.objects.create(province=province(24), kind="trade_fair", title="Lychee trade fair (demo)",
                                   venue="Lục Ngạn", starts_at=start, ends_at=start + datetime.timedelta(hours=2),
                                   registration_closes_at=start - datetime.timedelta(days=1), capacity=2,
                                   status="published", matchmaking=True, tables=2, slot_minutes=30)


def person(event, n, **fields):
    return service.register(event, BASE, name=f"Person {n}", email=f"p{n}@demo.invalid", **fields)


def test_capacity_then_waitlist_then_promotion_in_order(fair, mailoutbox):
    a, b, c, d = (person(fair, n) for n in range(4))
    assert [r.status for r in (a, b, c, d)] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert mailoutbox[0].attachments[0][0] == "ticket.png" and "position 2" in mailoutbox[3].subject
    promoted = service.cancel(b, BASE)
    assert promoted == c and Registration.objects.get(pk=c.pk).status == "confirmed"
    assert "Promoted" in mailoutbox[-1].subject and mailoutbox[-1].to == ["p2@demo.invalid"]
    assert service.cancel(d, BASE) is None  # a waitlisted cancellation frees no place
    assert fair.confirmed_count() == 2


def test_one_registration_per_email_and_closed_registration(fair):
    person(fair, 1)
    with translation.override("en"), pytest.raises(service.RegistrationError, match="already registered"):
        service.register(fair, BASE, name="Again", email="P1@demo.invalid")
    with translation.override("vi"), pytest.raises(service.RegistrationError, match="Địa chỉ email này đã đăng ký"):
        service.register(fair, BASE, name="Again", email="P1@demo.invalid")
    fair.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    fair.save()
    with translation.override("en"), pytest.raises(service.RegistrationError, match="closed"):
        person(fair, 2)
    with translation.override("vi"), pytest.raises(service.RegistrationError, match="hết hạn đăng ký"):
        person(fair, 2)


def test_pages_register_cancel_and_check_in(fair, client, make, client_for):
    response = client.post(f"/events/{fair.pk}/", {"name": "An", "email": "an@demo.invalid", "role": "visitor"})
    registration = Registration.objects.get(email="an@demo.invalid")
    assert response.status_code == 302 and response["Location"] == f"/events/ticket/{registration.token}/"
    ticket = client.get(f"/events/ticket/{registration.token}/").content.decode()
    assert "qr.svg" in ticket and "check-in" not in ticket
    assert client.post(f"/events/ticket/{registration.token}/check-in/").status_code == 302  # to sign in
    assert client_for(make.user("fa_officer", 1)).post(
        f"/events/ticket/{registration.token}/check-in/").status_code == 403
    officer = client_for(make.user("fa_officer", 24))
    officer.post(f"/events/ticket/{registration.token}/check-in/")
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None
    client.post(f"/events/ticket/{registration.token}/cancel/")
    assert Registration.objects.get(pk=registration.pk).status == "cancelled"


def test_icalendar_feed(fair, client):
    text = client.get("/events/feed.ics").content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "SUMMARY:Lychee trade fair (demo)" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert f"DTSTART:{fair.starts_at.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}" in text


def test_staff_pages_are_scoped_and_export_attendees(fair, make, client_for):
    person(fair, 1, organisation="=cmd|' /C calc'!A0")
    officer = client_for(make.user("fa_officer", 24))
    assert officer.get(f"/events/manage/{fair.pk}/").status_code == 200
    assert client_for(make.user("fa_officer", 1)).get(f"/events/manage/{fair.pk}/").status_code == 404
    assert client_for(make.user("business", enterprise=make.enterprise(24))).get("/events/manage/").status_code == 403
    csv = officer.get(f"/events/manage/{fair.pk}/", {"format": "csv"}).content.decode("utf-8-sig")
    assert "'=cmd" in csv and "p1@demo.invalid" in csv


def test_matchmaking_ranks_by_fit_and_schedules_without_overlaps(fair):
    fair.capacity = 20
    fair.save()
    [person(fair, n, role="exhibitor", organisation=f"Seller {n}", hs_codes="081090", markets="JP,KR")
               for n in range(3)]
    buyers = [person(fair, 10 + n, role="buyer", organisation=f"Buyer {n}", hs_codes=codes, country=country)
              for n, (codes, country) in enumerate([("081090", "JP"), ("0810", "US"), ("0901", "JP")])]
    service.propose(fair)
    meetings = list(Meeting.objects.all())
    assert {m.buyer for m in meetings} == set(buyers[:2])  # coffee buyer fits no fruit seller
    best = Meeting.objects.filter(buyer=buyers[0]).first()
    assert best.score == 4 and "market JP" in best.reasons  # same 6 digits (3) + buyer's market (1)
    assert Meeting.objects.filter(buyer=buyers[1]).first().score == 2  # same heading only
    for m in meetings:
        service.answer(m, m.exhibitor, True)
        service.answer(m, m.buyer, True)
    with pytest.raises(service.RegistrationError):
        service.answer(meetings[0], buyers[2], True)  # the coffee buyer is in no meeting
    assert service.schedule(fair) == 0
    placed = list(Meeting.objects.all())
    seen = set()
    for m in placed:
        for who in (m.exhibitor_id, m.buyer_id, f"table {m.table}"):
            assert (m.starts_at, who) not in seen
            seen.add((m.starts_at, who))
        assert fair.starts_at <= m.starts_at < fair.ends_at and 1 <= m.table <= fair.tables
