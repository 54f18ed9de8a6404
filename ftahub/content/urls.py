from django.urls import path

from . import feeds, views

urlpatterns = [
    path("", views.item_list, name="content-list"),
    path("rss.xml", feeds.LatestContent(), name="content-rss"),
    path("atom.xml", feeds.LatestContentAtom(), name="content-atom"),
    path("<int:pk>/", views.item_detail, name="content-detail"),
    path("<int:pk>/download/", views.item_download, name="content-download"),
    path("desk/", views.desk, name="content-desk"),
    path("desk/new/", views.edit, name="content-new"),
    path("desk/<int:pk>/", views.edit, name="content-edit"),
]
