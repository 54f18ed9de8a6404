"""Rate limits on the endpoints that attract abuse (sign-in, C/O verification, EPCIS capture, event registration):
a fixed window per client address and endpoint, counted in Django's cache (in-process by default; a shared cache such as Redis when
``CACHE_URL`` points to one). Over the limit the answer is 429 with Retry-After."""

import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse


def client_address(request) -> str:
    """The client's address: behind a trusted proxy ``ftahub serve`` (Waitress) has already put the address the
    proxy saw into REMOTE_ADDR and dropped X-Forwarded-For from anyone else, so a client cannot choose its own."""
    return request.META.get("REMOTE_ADDR", "unknown")


def exceeded(scope: str, request, limit: int, window: int = 60) -> int | None:
    """Count this request; return the seconds to wait if the client is over ``limit`` requests per ``window``."""
    if not getattr(settings, "FTAHUB_RATE_LIMITS", True):
        return None
    slot = int(time.time() // window)
    key = f"rl:{scope}:{client_address(request)}:{slot}"
    cache.add(key, 0, window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, window + 5)
        count = 1
    return (window - int(time.time()) % window) or 1 if count > limit else None


# (method, path): requests per minute per client address
RULES = {("POST", "/accounts/login/"): ("login", 10), ("POST", "/admin/login/"): ("login", 10),
         ("POST", "/accounts/password/reset/"): ("password-reset", 5),
         ("POST", "/accounts/join/"): ("access-request", 5), ("POST", "/verify/"): ("verify", 30),
         ("POST", "/api/v1/certificates/verify"): ("verify-api", 60),
         ("POST", "/api/v1/epcis/capture"): ("capture", 120)}


# public forms reached by a pattern: (method, path pattern, scope, requests per minute per client address)
PATTERNS = [("POST", re.compile(r"^/events/\d+/$"), "event-register", 5)]


def _rule(method: str, path: str) -> tuple[str, int] | None:
    rule = RULES.get((method, path))
    if rule is not None:
        return rule
    for pattern_method, pattern, scope, limit in PATTERNS:
        if method == pattern_method and pattern.match(path):
            return scope, limit
    return None


class RateLimitMiddleware:
    """Applies ``RULES`` before authentication, so that unauthenticated floods are limited too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rule = _rule(request.method, request.path)
        if rule is not None:
            wait = exceeded(rule[0], request, rule[1])
            if wait is not None:
                message = "Too many requests: try again in a minute."
                if request.path.startswith("/api/"):
                    response = JsonResponse({"code": "rate_limited", "message": message}, status=429)
                else:
                    response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
                response["Retry-After"] = str(wait)
                return response
        return self.get_response(request)
