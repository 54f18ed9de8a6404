"""Signing in, as the most trusted systems do it (OWASP ASVS 2.2): every success and failure on every sign-in path
(the hub's page and the admin's) is audited; an account is locked for ``LOCK_MINUTES`` after ``MAX_FAILURES``
failed attempts within that time, even when the right password then comes; staff sessions end after
``STAFF_SESSION_HOURS``. Throttling per client address is in ``core.ratelimit``."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache

from ftahub.core import audit

MAX_FAILURES = 10
LOCK_MINUTES = 15
STAFF_SESSION_HOURS = 8


def _key(username: str) -> str:
    return f"signin-failures:{(username or '').strip().lower()}"


def failures(username: str) -> int:
    return cache.get(_key(username), 0)


def is_locked(username: str) -> bool:
    return failures(username) >= MAX_FAILURES


class LockoutBackend(ModelBackend):
    """The usual username and password check, refused while the account is locked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and is_locked(username):
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def _failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username") or "")[:150]
    key = _key(username)
    cache.add(key, 0, LOCK_MINUTES * 60)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, LOCK_MINUTES * 60)
        count = 1
    path = request.path if request is not None else ""
    with audit.acting_as(name=username or "(no username)"):
        audit.record("denied", "accounts.user", object_repr=f"sign-in refused: {username}"[:200],
                     changes={"path": path, "failures": count, "locked": count >= MAX_FAILURES})


def _succeeded(sender, request, user, **kwargs):
    cache.delete(_key(user.get_username()))
    if getattr(user, "role", "business") != "business" or user.is_staff:
        request.session.set_expiry(STAFF_SESSION_HOURS * 3600)
    with audit.acting_as(user):
        audit.record("login", "accounts.user", object_pk=user.pk, object_repr=user.get_username(),
                     changes={"path": request.path if request is not None else ""},
                     province_id=getattr(user, "province_id", None))


def connect() -> None:
    user_login_failed.connect(_failed, dispatch_uid="ftahub-signin-failed")
    user_logged_in.connect(_succeeded, dispatch_uid="ftahub-signin-succeeded")
