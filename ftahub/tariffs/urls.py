from django.urls import path

from . import views

urlpatterns = [
    path("", views.hs_browse, name="hs-browse"),
    path("<str:code>/", views.hs_detail, name="hs-detail"),
]
