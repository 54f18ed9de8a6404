from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="support-home"),
    path("ask/", views.ask, name="support-ask"),
    path("q/<str:token>/", views.follow, name="support-follow"),
    path("questions/", views.questions, name="support-questions"),
    path("questions/<int:pk>/", views.question, name="support-question"),
    path("dashboard/", views.desk_dashboard, name="support-dashboard"),
    path("plans/", views.plans, name="support-plans"),
    path("plans/new/", views.plan_edit, name="support-plan-new"),
    path("plans/<int:pk>/", views.plan_detail, name="support-plan"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="support-plan-edit"),
    path("plans/<int:pk>/report/", views.report_new, name="support-report-new"),
    path("reports/<int:pk>.<str:fmt>", views.report_file, name="support-report-file"),
    path("tasks/<int:pk>/", views.task_detail, name="support-task"),
    path("indicators/<int:pk>/", views.indicator_values, name="support-indicator"),
    path("trainings/<int:pk>/certify/", views.certify_event, name="support-certify"),
    path("attendance/<str:token>/", views.attendance, name="support-attendance"),
    path("attendance/<str:token>/pdf/", views.attendance_pdf, name="support-attendance-pdf"),
    path("attendance/<str:token>/qr.svg", views.attendance_qr, name="support-attendance-qr"),
]
