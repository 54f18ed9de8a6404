from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.i18n import set_language

from ftahub.api import api
from ftahub.certificates import views as certificate_views
from ftahub.core import views as core_views
from ftahub.stats import views as stats_views
from ftahub.trace import views as trace_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("search/", core_views.search, name="search"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("ftahub.accounts.urls")),
    path("agreements/", include("ftahub.agreements.urls")),
    path("provinces/", include("ftahub.places.urls")),
    path("hs/", include("ftahub.tariffs.urls")),
    path("origin/", include("ftahub.origin.urls")),
    path("verify/", include("ftahub.certificates.urls")),
    path("co/", include("ftahub.codesk.urls")),
    path("trace/", include("ftahub.trace.urls")),
    path("registry/", include("ftahub.registry.urls")),
    path("events/", include("ftahub.events.urls")),
    path("news/", include("ftahub.content.urls")),
    path("stats/", include("ftahub.stats.urls")),
    path("assets/plotly.min.js", stats_views.plotly_js, name="plotly-js"),
    path("log/", trace_views.log_page, name="transparency-log"),
    # GS1 Digital Link: the hub resolves the QR on a package to the lot's public trace page
    path("01/<str:gtin>/10/<str:lot>/", trace_views.lot_page, name="trace-lot"),
    path(".well-known/ftahub-keys.json", certificate_views.keyset, name="certificate-keyset"),
    path("audit/", include("ftahub.core.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "FTA Hub"
admin.site.site_title = "FTA Hub"

urlpatterns += [
    path("favicon.ico", lambda request: HttpResponsePermanentRedirect(static("ftahub/favicon.svg"))),
]
