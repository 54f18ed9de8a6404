from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import path

from . import audit_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/<str:code>/", views.choose_language, name="language"),
    path("audit/", audit_views.audit_log, name="audit-log"),
    path("favicon.ico", lambda request: HttpResponsePermanentRedirect(static("ftahub/favicon.svg"))),
]
