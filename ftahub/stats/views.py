"""Statistics pages (public: official figures are public and the demo figures are labelled), the report builder's
downloads, and Plotly served from the installed package."""

import csv
import io
from pathlib import Path

import plotly
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from ftahub.core.exports import neutralise
from ftahub.core.middleware import CSP
from ftahub.places.models import Province

from . import figures as F
from .service import get_engine

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
# Plotly.js adds its own <style> element and sets style attributes; the chart pages allow inline styles (never
# inline scripts).
CHART_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


@cache_control(max_age=86400, public=True)
def plotly_js(request):
    return FileResponse(PLOTLY_JS.open("rb"), content_type="text/javascript")


def _params(request):
    restate = request.GET.get("arrangement", "2025") != "1976"
    era = "2025" if restate else "1976"
    provinces = list(Province.objects.filter(era=era).order_by("name"))
    try:
        province = int(request.GET.get("province") or 24)
    except ValueError:
        province = 24
    if province not in {p.code for p in provinces}:
        province = provinces[0].code
    years = get_engine().years("trade") or [2024]
    try:
        year = int(request.GET.get("year") or 0)
    except ValueError:
        year = 0
    full_years = [y for y in years if y <= 2024] or years
    if year not in years:
        year = max(full_years)
    return {"restate": restate, "era": era, "provinces": provinces, "province": province, "year": year,
            "years": years}


def _render(request, template, context):
    response = render(request, template, context)
    response.headers["Content-Security-Policy"] = CHART_CSP
    return response


def dashboard_figures(p) -> list[F.Figure]:
    """The dashboard's figures, cached for five minutes per selection (the data change only when a dataset is
    imported, which starts a new engine generation, and certificates, which the five minutes allow for)."""
    from django.core.cache import cache

    engine = get_engine()
    from django.utils.translation import get_language

    key = f"stats:dash:{engine.folder}:{engine.generation}:{get_language()}:{p['era']}:{p['province']}:{p['year']}"
    return cache.get_or_set(key, lambda: _dashboard_figures(p), 300)


def _dashboard_figures(p) -> list[F.Figure]:
    year, province, restate = p["year"], p["province"], p["restate"]
    fdi_year = min(year, 2024)
    return [F.province_trade(province, restate), F.province_partners(province, restate, year),
            F.province_products(province, restate, year), F.province_sectors(province, restate, year),
            F.fta_utilisation(province, restate, year), F.national_trade(), F.export_sectors(min(year, 2024)),
            F.top_product_groups(min(year, 2024)), F.fdi_by_year(), F.fdi_investors(fdi_year),
            F.fdi_provinces(fdi_year, restate)]


def dashboard(request):
    p = _params(request)
    return _render(request, "stats/dashboard.html", {**p, "figures": dashboard_figures(p)})


def comparison(request):
    p = _params(request)
    figures = [F.province_ranking(p["year"], p["restate"], "export"),
               F.province_ranking(p["year"], p["restate"], "import"), F.fdi_provinces(min(p["year"], 2024),
                                                                                      p["restate"], 63)]
    return _render(request, "stats/comparison.html", {**p, "figures": figures})


def report(request):
    p = _params(request)
    fmt = request.GET.get("format", "xlsx")
    figures = dashboard_figures(p)
    name = f"ftahub-statistics-{p['era']}-{p['province']}-{p['year']}"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        for fig in figures:
            writer.writerow([fig.title])
            writer.writerow(["source: " + fig.source])
            writer.writerow(fig.columns)
            writer.writerows([[neutralise(c) for c in row] for row in fig.rows])
            writer.writerow([])
        response = HttpResponse(("\ufeff" + out.getvalue()).encode(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        book.remove(book.active)
        for fig in figures:
            sheet = book.create_sheet(fig.key[:31])
            sheet.append([fig.title])
            sheet.append(["Source: " + fig.source])
            for note in fig.notes:
                sheet.append([note])
            sheet.append([])
            sheet.append(fig.columns)
            for row in fig.rows:
                sheet.append([neutralise(c) for c in row])
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    elif fmt == "pdf":
        from .pdf import report_pdf

        response = HttpResponse(report_pdf(figures, p), content_type="application/pdf")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


# -- imports by the province's statisticians ------------------------------------------------------------------------

def _importer(request):
    from django.core.exceptions import PermissionDenied

    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not request.user.has_role(("statistician", "administrator")):
        raise PermissionDenied
    return None


def import_page(request):
    """Upload a customs or UN Comtrade file; every row is checked and previewed before anything is written."""

    from django.contrib import messages
    from django.shortcuts import redirect

    from .models import ImportJob

    if (denied := _importer(request)) is not None:
        return denied
    if request.method == "POST":
        upload = request.FILES.get("file")
        layout, dataset = request.POST.get("layout"), (request.POST.get("dataset") or "").strip().lower()
        if not upload or layout not in ("customs", "comtrade") or not dataset.replace("-", "").isalnum() \
                or dataset in ("demo", "gso-fdi", "gso-exports", "gso-imports"):
            messages.error(request, _("Choose a file, its layout and a dataset name (letters, digits, hyphens; "
                                      "not a name the hub uses)."))
        elif upload.size > 200 * 1024 * 1024:
            messages.error(request, _("The file is larger than 200 MB: import it with 'ftahub stats import'."))
        else:
            from ftahub.core.uploads import stash

            from . import service

            token = stash(upload.chunks())  # streamed to disk: the check runs as a job (#18)
            job = ImportJob.objects.create(user=request.user, layout=layout, dataset=dataset, file_name=upload.name,
                                           stored=token, status=ImportJob.Status.CHECKING)
            service.queue_check(job)
            return redirect("stats-import-job", job.pk)
    jobs = ImportJob.objects.filter(user=request.user)[:20]
    return render(request, "stats/import.html", {"jobs": jobs})


def import_job(request, pk: int):
    from django.shortcuts import get_object_or_404, redirect

    from . import service
    from .models import ImportJob

    if (denied := _importer(request)) is not None:
        return denied
    job = get_object_or_404(ImportJob, pk=pk, user=request.user)
    if request.method == "POST" and job.status == ImportJob.Status.CHECKED:
        only_good = request.POST.get("only_good") == "1"
        if job.errors and not only_good:
            from django.contrib import messages

            messages.error(request, _("Some rows have problems: nothing was written. Tick “Import only the rows "
                                      "without problems” to import the rest."))
        else:
            service.queue_import(job, only_good)
        return redirect("stats-import-job", pk)
    polling = request.headers.get("HX-Request")
    response = render(request, "stats/_progress.html" if polling else "stats/import_job.html", {"job": job})
    if polling and request.GET.get("was") == "checking" and job.status != ImportJob.Status.CHECKING:
        response["HX-Refresh"] = "true"  # the check is done: the whole page shows its result
    return response


def home_card() -> dict:
    """The home page's statistics card: how many provinces the 2025 arrangement has."""
    return {"province_count": Province.objects.filter(era=Province.Era.FROM_2025).count()}
