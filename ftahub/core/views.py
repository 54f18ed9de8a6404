from django.contrib import messages
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ftahub import __version__
from ftahub.agreements.models import TradeAgreement
from ftahub.places.models import Province
from ftahub.tariffs.models import HSCode
from ftahub.tariffs.search import search_hs


@require_GET
def home(request):
    return render(
        request,
        "core/home.html",
        {
            "agreement_count": TradeAgreement.objects.count(),
            "hs_count": HSCode.objects.count(),
            "province_count": Province.objects.filter(era=Province.Era.FROM_2025).count(),
        },
    )


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = search_hs(query, limit=50) if query else []
    template = "core/_search_results.html" if request.htmx else "core/search.html"
    return render(request, template, {"query": query, "results": results})


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
