from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="stats-dashboard"),
    path("provinces/", views.comparison, name="stats-comparison"),
    path("report/", views.report, name="stats-report"),
    path("import/", views.import_page, name="stats-import"),
    path("import/<int:pk>/", views.import_job, name="stats-import-job"),
]
