from django.urls import path

from . import views

urlpatterns = [
    path("", views.desk, name="trace-desk"),
    path("capture/", views.capture_form, name="trace-capture"),
    path("temperatures/", views.temperature_upload, name="trace-temperatures"),
    path("thresholds/", views.threshold_add, name="trace-threshold-add"),
    path("import/", views.import_document, name="trace-import"),
    path("tokens/", views.token_issue, name="trace-token-issue"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="trace-token-revoke"),
    path("lots/<str:gtin>/<str:lot>/link/", views.lot_link, name="trace-lot-link"),
    path("lots/<str:gtin>/<str:lot>/qr.svg", views.lot_qr, name="trace-lot-qr"),
]
