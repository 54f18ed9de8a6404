from django.urls import path

from . import views

urlpatterns = [
    path("", views.verify_page, name="certificate-verify"),
    path("revocations.txt", views.revocations, name="certificate-revocations"),
]
