"""The site's addresses: each installed capability mounts its own (``HubApp.url_prefix`` and ``root_urls``,
see ftahub/core/plugins.py); nothing here names a capability."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from ftahub.api import api
from ftahub.core import plugins

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
for app in plugins.hub_apps():
    if app.root_urls:
        urlpatterns.append(path("", include(app.root_urls)))
    if app.url_prefix is not None:
        urlpatterns.append(path(app.url_prefix, include(f"{app.name}.urls")))

admin.site.site_header = "FTA Hub"
admin.site.site_title = "FTA Hub"
