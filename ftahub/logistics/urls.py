from django.urls import path

from . import views

urlpatterns = [
    path("", views.facility_list, name="logistics-facilities"),
    path("facilities/new/", views.facility_edit, name="logistics-facility-new"),
    path("facilities/import/", views.facility_import, name="logistics-facility-import"),
    path("facilities/<int:pk>/", views.facility_detail, name="logistics-facility"),
    path("facilities/<int:pk>/edit/", views.facility_edit, name="logistics-facility-edit"),
    path("facilities/<int:pk>/verify/", views.facility_verify, name="logistics-facility-verify"),
    path("consignments/", views.consignment_list, name="logistics-consignments"),
    path("consignments/new/", views.consignment_edit, name="logistics-consignment-new"),
    path("consignments/<int:pk>/", views.consignment_detail, name="logistics-consignment"),
    path("consignments/<int:pk>/edit/", views.consignment_edit, name="logistics-consignment-edit"),
    path("consignments/<int:pk>/legs/<int:leg>/delete/", views.leg_delete, name="logistics-leg-delete"),
    path("track/<str:token>/", views.track, name="logistics-track"),
    path("gates/", views.gates, name="logistics-gates"),
    path("gates/import/", views.crossing_import, name="logistics-crossing-import"),
    path("report/", views.report, name="logistics-report"),
]
