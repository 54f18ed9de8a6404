"""Sign-in on every path (#18): failures and successes are audited; ten failures lock the account for 15 minutes,
even against the right password; staff sessions end after 8 hours."""

import pytest
from django.core.cache import cache

from ftahub.accounts import signin
from ftahub.core.models import AuditEntry

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def target(make):
    return make.user("co_officer", 24, username="target")


def test_failures_are_audited_and_ten_lock_the_account_on_every_path(client, target):
    for i in range(5):
        client.post("/accounts/login/", {"username": "target", "password": f"guess {i}"})
    for i in range(5):
        client.post("/admin/login/", {"username": "target", "password": f"guess {i}"})
    denied = AuditEntry.objects.filter(action="denied")
    assert denied.count() == 10 and denied.order_by("-id").first().changes["locked"] is True
    assert {e.changes["path"] for e in denied} == {"/accounts/login/", "/admin/login/"}
    assert signin.is_locked("target")
    assert client.post("/accounts/login/", {"username": "target", "password": PASSWORD}).status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_success_is_audited_resets_the_count_and_ends_a_staff_session_after_8_hours(client, target):
    client.post("/accounts/login/", {"username": "target", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "target", "password": PASSWORD})
    assert response.status_code == 302 and signin.failures("target") == 0
    assert AuditEntry.objects.filter(action="login", object_pk=str(target.pk)).exists()
    assert client.session.get_expiry_age() == 8 * 3600


def test_a_business_user_keeps_the_usual_session(client, make):
    make.user("business", enterprise=make.enterprise(24), username="trader")
    client.post("/accounts/login/", {"username": "trader", "password": PASSWORD})
    assert client.session.get_expiry_age() > 8 * 3600
