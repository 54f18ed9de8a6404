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


def _redis_up() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_a_lockout_counted_by_one_process_holds_in_another(tmp_path):
    """Several processes serve a production hub: with REDIS_URL the failures one counts lock the account in all."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/15", "FTAHUB_VAR_DIR": str(tmp_path),
           "SECRET_KEY": "redis-test-secret-key-not-used-anywhere-else-0123456789", "FTAHUB_HTTPS": "0",
           "DJANGO_SETTINGS_MODULE": "ftahub.settings"}

    def shell(code: str) -> str:
        done = subprocess.run([sys.executable, "-m", "ftahub", "shell", "-c", code], env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip().splitlines()[-1]

    name = f"mallory-{os.getpid()}"
    shell("from django.core.cache import cache; from ftahub.accounts import signin\n"
          f"cache.set(signin._key('{name}'), signin.MAX_FAILURES, 60); print('ok')")
    assert shell(f"from ftahub.accounts import signin; print(signin.is_locked('{name}'))") == "True"
    shell(f"from django.core.cache import cache; from ftahub.accounts import signin; "
          f"cache.delete(signin._key('{name}')); print('ok')")
