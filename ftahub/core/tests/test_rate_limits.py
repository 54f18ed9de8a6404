"""Sign-in, C/O verification and EPCIS capture are rate-limited per client address: 429 with Retry-After."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits_on(settings, monkeypatch):
    settings.FTAHUB_RATE_LIMITS = True
    monkeypatch.setattr("ftahub.core.ratelimit.time.time", lambda: 1_800_000_030.0)  # one window, mid-minute
    cache.clear()
    yield
    cache.clear()


def test_sign_in_attempts_are_limited(client, make):
    make.user("business", enterprise=make.enterprise(24), username="target")
    codes = [client.post("/accounts/login/", {"username": "target", "password": f"guess {i}"}).status_code
             for i in range(12)]
    assert codes[:10] == [200] * 10 and codes[10:] == [429, 429]
    response = client.post("/accounts/login/", {"username": "target", "password": "correct horse battery"})
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
    other = client.__class__(REMOTE_ADDR="10.0.0.2")  # another address is not throttled, but 10 failures
    # locked the account itself (ftahub/accounts/signin.py): the right password is refused too, for 15 minutes
    assert other.post("/accounts/login/", {"username": "target", "password": "correct horse battery"}).status_code \
        == 200


def test_the_admin_sign_in_is_limited_like_the_hubs(client):
    codes = [client.post("/admin/login/", {"username": "x", "password": f"guess {i}"}).status_code for i in range(11)]
    assert codes[:10] == [200] * 10 and codes[10] == 429


def test_event_registration_is_limited(client, make):
    """45 anonymous registrations in 5 s filled a 40-seat event and made the hub mail the attacker's text (#18)."""
    import datetime

    from django.utils import timezone

    from ftahub.conftest import province
    from ftahub.events.models import HubEvent, Registration

    start = timezone.now() + datetime.timedelta(days=5)
    event = HubEvent.objects.create(province=province(24), kind="forum", title="Forum (demo)", venue="Hall",
                                    starts_at=start, ends_at=start + datetime.timedelta(hours=2),
                                    registration_closes_at=start, capacity=40, status="published")
    codes = [client.post(f"/events/{event.pk}/", {"name": f"Bot {i}", "email": f"victim{i}@example.com",
                                                  "organisation": "x", "country": "VN"}).status_code
             for i in range(8)]
    assert codes[5:] == [429, 429, 429] and Registration.objects.filter(event=event).count() <= 5


def test_verification_and_capture_are_limited(client):
    codes = [client.post("/api/v1/certificates/verify", {"co_number": "NONE"}, content_type="application/json")
             .status_code for _ in range(61)]
    assert codes[-1] == 429 and set(codes[:60]) == {404}
    capture = [client.post("/api/v1/epcis/capture", "{}", content_type="application/json").status_code
               for _ in range(121)]
    assert capture[-1] == 429 and set(capture[:120]) == {401}
