from django.urls import path

from . import views

# GS1 Digital Link: the hub resolves the QR on a package to the lot's public trace page
urlpatterns = [path("01/<str:gtin>/10/<str:lot>/", views.lot_page, name="trace-lot")]
