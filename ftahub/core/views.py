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
