"""Pages and read APIs as anonymous visitors see them, kept in Django's cache (this process's memory, or Redis when
``REDIS_URL`` is set) for ``TTL`` seconds, per language, address and query (#24).

What is kept: a GET or HEAD from a visitor who is not signed in and carries no session, message or Authorization
header, answered 200 with no cookie of its own (a page with a form sets the CSRF cookie, so forms are never served
from the cache), as HTML, JSON, plain text or iCalendar. What makes it stale: any write to the hub's data. Every
model save or delete (except the hub's own bookkeeping: sessions, audit entries, notices, jobs) bumps one version
number that is part of every key; writes that bypass model signals (reference loads, imports, statistics files) call
``bump()`` through ``refcache.clear()`` or themselves. ``TTL`` bounds what a missed bump could cost, as for
``refcache``.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse

TTL = 30
VERSION_KEY = "pagecache-version"
MAX_BYTES = 2 * 1024 * 1024
NEVER = ("/admin/", "/accounts/", "/healthz", "/i18n/", "/media/", "/static/")
TYPES = ("text/html", "application/json", "text/plain", "text/calendar", "image/svg+xml")
# models whose writes do not change what an anonymous visitor sees (and happen on every request or job)
QUIET = {"sessions.session", "core.auditentry", "core.notification", "core.job", "admin.logentry",
         "contenttypes.contenttype", "stats.importjob", "accounts.user"}


def version() -> int:
    found = cache.get(VERSION_KEY)
    if found is None:
        cache.add(VERSION_KEY, 1, None)
        found = cache.get(VERSION_KEY) or 1
    return int(found)


def bump() -> None:
    """Every kept page and answer is stale from now on (now, and again when the current transaction commits)."""
    def do() -> None:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.set(VERSION_KEY, 2, None)

    do()
    if connection.in_atomic_block:  # readers may still see the old rows until the commit
        transaction.on_commit(do)


def _written(sender, **kwargs) -> None:
    if sender._meta.label_lower not in QUIET:
        bump()


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_written, dispatch_uid=f"pagecache-{signal!r}")


def _key(request) -> str | None:
    if request.method not in ("GET", "HEAD") or request.path.startswith(NEVER):
        return None
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return None
    if request.META.get("HTTP_AUTHORIZATION") or any(
            name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, "messages")):
        return None
    # the address and what the client accepts (a GS1 Digital Link answers JSON-LD or HTML by Accept)
    digest = hashlib.sha256(f"{request.get_full_path()}\n{request.META.get('HTTP_ACCEPT', '')}".encode()).hexdigest()[:40]
    htmx = "h" if request.headers.get("HX-Request") else "p"
    return f"page:{version()}:{getattr(request, 'LANGUAGE_CODE', '')}:{htmx}:{request.method}:{digest}"


def _storable(request, response) -> bool:
    # the middlewares around this one set their cookies afterwards: ask what they will do
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a form (a CSRF token)
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or session.accessed and not session.is_empty()):
        return False
    if getattr(getattr(request, "_messages", None), "_queued_messages", None):
        return False
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and response.get("Content-Type", "").startswith(TYPES)
            and "no-store" not in response.get("Cache-Control", "") and "private" not in response.get(
                "Cache-Control", "") and len(response.content) <= MAX_BYTES)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request)
        if key is None:
            return self.get_response(request)
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if _storable(request, response):
            cache.set(key, (response.content, [(k, v) for k, v in response.items() if k.lower() != "date"]), TTL)
        return response
