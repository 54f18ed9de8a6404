from django.urls import path

from . import views

urlpatterns = [
    path("", views.hs_browse, name="hs-browse"),
    path("lookup/", views.tariff_lookup, name="tariff-lookup"),
    path("classify/", views.hs_classify, name="hs-classify"),
    path("watch/", views.watch, name="tariff-watch"),
    path("notifications/", views.notifications, name="notifications"),
    path("<str:code>/", views.hs_detail, name="hs-detail"),
]
