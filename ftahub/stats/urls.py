from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="stats-dashboard"),
    path("provinces/", views.comparison, name="stats-comparison"),
    path("report/", views.report, name="stats-report"),
]
