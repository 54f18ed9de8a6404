from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="markets"),
    path("notices/", views.notice_list, name="market-notices"),
    path("notices/new/", views.notice_edit, name="market-notice-new"),
    path("notices/import/", views.notice_import, name="market-notice-import"),
    path("notices/<int:pk>/", views.notice_detail, name="market-notice"),
    path("notices/<int:pk>/edit/", views.notice_edit, name="market-notice-edit"),
    path("requirements/new/", views.requirement_new, name="market-requirement-new"),
    path("schedules/", views.schedules, name="market-schedules"),
    path("digest/", views.digest, name="market-digest"),
    path("<str:country>/", views.market, name="market"),
    path("<str:country>/<str:code>/", views.market, name="market-product"),
]
