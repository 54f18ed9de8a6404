from django.conf import settings

from .audit import acting_as

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'self'",  # a content page with a video adds its player's host (ftahub.content.views)
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """Content-Security-Policy without inline scripts or styles (the Django admin keeps its own pages)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/") and not request.path.startswith("/api/v1/docs"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", "camera=(self), geolocation=(), microphone=()")
        if settings.HTTPS:
            response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class AuditActorMiddleware:
    """Makes the signed-in user the actor of every audit entry written while the request runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        with acting_as(user):
            return self.get_response(request)


class BodyLimitMiddleware:
    """Refuses, with 413 and before anything reads or parses it, a request body larger than the capability
    declares for that address (``HubApp.body_limits``): 70,000 materials took 34 s to parse before the engine's
    own limit refused them (#18). Every other address takes at most ``FTAHUB_MAX_REQUEST_BYTES`` (uploads of
    200 MB were read to disk before any view looked at them)."""

    def __init__(self, get_response):
        from django.conf import settings

        from . import plugins

        self.get_response = get_response
        self.limits = plugins.body_limits()
        self.default = settings.FTAHUB_MAX_REQUEST_BYTES
        self.streamed = {"/api/v1/epcis/capture"}  # reads its body from the stream with its own limit

    def __call__(self, request):
        if (request.META.get("HTTP_TRANSFER_ENCODING", "").lower() == "chunked"
                and not request.META.get("CONTENT_LENGTH") and request.path not in self.streamed):
            from django.http import HttpResponse, JsonResponse

            message = "Send the request with its length (Content-Length): bodies without one are not taken here."
            if request.path.startswith("/api/"):
                return JsonResponse({"code": "length_required", "message": message}, status=411)
            return HttpResponse(message, status=411, content_type="text/plain; charset=utf-8")
        limit = self.limits.get(request.path, self.default)
        if limit is not None:
            try:
                size = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                size = 0
            if size > limit:
                from django.http import HttpResponse, JsonResponse

                message = f"The request is larger than {limit // 1024} KB, the most this address takes."
                if request.path.startswith("/api/"):
                    return JsonResponse({"code": "too_large", "message": message}, status=413)
                return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class TrustedProxyMiddleware:
    """Behind a TLS-terminating proxy (``FTAHUB_BEHIND_PROXY``), the scheme and the client's address are taken from
    the proxy's X-Forwarded-Proto/-For only when the request comes from ``FTAHUB_TRUSTED_PROXY``; from anyone else
    those headers are dropped, so no client picks its own rate-limit identity or scheme (#18). Whatever the server
    (Gunicorn does not rewrite the address; Waitress has done it already and this changes nothing then)."""

    HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT")

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.behind = settings.BEHIND_PROXY
        self.trusted = (settings.FTAHUB_TRUSTED_PROXY or "").strip()

    def __call__(self, request):
        meta = request.META
        if self.behind and meta.get("REMOTE_ADDR") == self.trusted:
            forwarded = [a.strip() for a in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
            if forwarded:
                meta["REMOTE_ADDR"] = forwarded[-1]  # the address the proxy itself saw
        else:
            for name in self.HEADERS:
                meta.pop(name, None)
        return self.get_response(request)
