"""Registration with capacity and waitlist, promotion on cancellation, tickets and check-in, iCalendar, staff pages,
and B2B matchmaking with non-overlapping slots."""

import datetime

import pytest
from django.utils import timezone, translation

from ftahub.conftest import province, solved_challenge
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
    """Registers and confirms from the emailed link, as a person does."""
    return service.confirm(service.register(event, BASE, name=f"Person {n}", email=f"p{n}@demo.invalid", **fields),
                           BASE)


def test_a_registration_holds_no_place_and_mails_nothing_it_was_given_until_its_address_confirms(fair, mailoutbox):
    """45 bot registrations filled a 40-seat event and mailed the attacker's text to any address (#18)."""
    with translation.override("en"):
        pending = service.register(fair, BASE, name="Buy cheap pills at spam.example", email="victim@demo.invalid",
                                   organisation="spam.example")
    assert pending.status == "pending" and fair.confirmed_count() == 0
    (request,) = mailoutbox
    assert request.to == ["victim@demo.invalid"] and not request.attachments
    assert "spam" not in request.subject + request.body and "Buy cheap" not in request.body
    assert f"/events/ticket/{pending.token}/" in request.body and "ignore this email" in request.body
    with translation.override("vi"):
        service.register(fair, BASE, name="X", email="other@demo.invalid")
    assert mailoutbox[1].subject.startswith("Xác nhận đăng ký")
    confirmed = service.confirm(pending, BASE)
    assert confirmed.status == "confirmed" and mailoutbox[-1].attachments[0][0] == "ticket.png"
    assert service.confirm(confirmed, BASE).status == "confirmed" and len(mailoutbox) == 3  # once only


def test_unconfirmed_registrations_are_dropped_after_48_hours(fair):
    pending = service.register(fair, BASE, name="Late", email="late@demo.invalid")
    assert service.drop_unconfirmed(timezone.now() + datetime.timedelta(hours=47)) == 0
    assert service.drop_unconfirmed(timezone.now() + datetime.timedelta(hours=49)) == 1
    assert not Registration.objects.filter(pk=pending.pk).exists()
    assert service.drop_unconfirmed() == 0 and person(fair, 9).status == "confirmed"  # confirmed ones stay


def test_capacity_then_waitlist_then_promotion_in_order(fair, mailoutbox):
    with translation.override("en"):
        a, b, c, d = (person(fair, n) for n in range(4))
    assert [r.status for r in (a, b, c, d)] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert mailoutbox[1].attachments[0][0] == "ticket.png" and "position 2" in mailoutbox[7].subject
    with translation.override("en"):
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


def test_the_registration_form_needs_its_proof_of_work(fair, client):
    url = f"/events/{fair.pk}/"
    bot = client.post(url, {"name": "Bot", "email": "bot@demo.invalid", "role": "visitor",
                            "challenge": "forged.1.16.00", "challenge_answer": "1"})
    assert bot.status_code == 200 and not Registration.objects.exists()
    assert "did not come from this hub" in bot.content.decode() or "không phải do hệ thống" in bot.content.decode()
    fields = solved_challenge(client, url)
    assert client.post(url, {"name": "An", "email": "an@demo.invalid", "role": "visitor", **fields}).status_code == 302
    replay = client.post(url, {"name": "Bo", "email": "bo@demo.invalid", "role": "visitor", **fields})
    assert replay.status_code == 200 and Registration.objects.count() == 1  # a solved puzzle counts once


def test_pages_register_cancel_and_check_in(fair, client, make, client_for, mailoutbox):
    url = f"/events/{fair.pk}/"
    response = client.post(url, {"name": "An", "email": "an@demo.invalid", "role": "visitor",
                                 **solved_challenge(client, url)})
    registration = Registration.objects.get(email="an@demo.invalid")
    assert response.status_code == 302 and response["Location"] == f"/events/{fair.pk}/?sent=1"
    assert registration.token not in client.get(response["Location"]).content.decode()  # only in the email
    assert f"/events/ticket/{registration.token}/" in mailoutbox[0].body
    pending = client.get(f"/events/ticket/{registration.token}/").content.decode()
    assert 'data-testid="confirm"' in pending and "qr.svg" not in pending
    client.post(f"/events/ticket/{registration.token}/confirm/")
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
