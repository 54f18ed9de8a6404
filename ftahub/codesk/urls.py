from django.urls import path

from . import views

urlpatterns = [
    path("", views.application_list, name="co-applications"),
    path("new/", views.application_new, name="co-application-new"),
    path("turnaround/", views.turnaround, name="co-turnaround"),
    path("<str:reference>/", views.application_detail, name="co-application"),
    path("<str:reference>/edit/", views.application_edit, name="co-application-edit"),
    path("<str:reference>/items/", views.item_add, name="co-item-add"),
    path("<str:reference>/items/<int:position>/delete/", views.item_delete, name="co-item-delete"),
    path("<str:reference>/documents/", views.document_add, name="co-document-add"),
    path("<str:reference>/documents/<int:pk>/", views.document_download, name="co-document"),
    path("<str:reference>/documents/<int:pk>/delete/", views.document_delete, name="co-document-delete"),
    path("<str:reference>/submit/", views.submit, name="co-submit"),
    path("<str:reference>/decide/", views.decide, name="co-decide"),
    path("<str:reference>/handoff.<str:fmt>", views.handoff_file, name="co-handoff"),
    path("<str:reference>/record/", views.record, name="co-record"),
    path("<str:reference>/revoke/", views.revoke, name="co-revoke"),
]
