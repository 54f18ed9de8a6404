from django.contrib import messages
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ftahub import __version__

from . import plugins


@require_GET
def home(request):
    """The home page: the installed capabilities' opening pieces (search) and cards, each with its own figures."""
    cards = [render_to_string(card.template, card.context, request) for card in plugins.home_cards()]
    return render(request, "core/home.html", {"heroes": plugins.home_heroes(), "cards": cards})


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception as exc:  # noqa: BLE001 - report any database failure as unhealthy
        database = f"error: {type(exc).__name__}"
    healthy = database == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", "database": database, "version": __version__},
        status=200 if healthy else 503,
    )


def message_form_errors(request, form) -> None:
    """Each field's errors of an invalid form as one error message (for forms posted from another page)."""
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))


def choose_language(request, code: str):
    """The language links of every page: a cookie and back to the page (a link, not a form, so that pages carry no
    CSRF token and the anonymous ones can be served from the cache, #24)."""
    from django.conf import settings
    from django.http import Http404
    from django.shortcuts import redirect
    from django.utils.http import url_has_allowed_host_and_scheme

    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "/"
    response = redirect(target)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, max_age=settings.LANGUAGE_COOKIE_AGE,
                        path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
                        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                        samesite=settings.LANGUAGE_COOKIE_SAMESITE)
    return response
