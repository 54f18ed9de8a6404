from django.urls import path

from . import views

urlpatterns = [
    path("", views.verify_page, name="certificate-verify"),
    path("revocations.txt", views.revocations, name="certificate-revocations"),
    path("certificates/", views.certificate_list, name="certificate-list"),
    path("certificates/<path:co_number>.pdf", views.certificate_pdf_view, name="certificate-pdf"),
]
