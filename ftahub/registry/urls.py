from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="registry"),
    path("<slug:slug>/", views.record_list, name="registry-list"),
    path("<slug:slug>/new/", views.record_edit, name="registry-new"),
    path("<slug:slug>/import/", views.record_import, name="registry-import"),
    path("<slug:slug>/<int:pk>/", views.record_edit, name="registry-edit"),
    path("<slug:slug>/<int:pk>/delete/", views.record_delete, name="registry-delete"),
]
