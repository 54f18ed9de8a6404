from django.urls import path

from . import views

urlpatterns = [path("", views.log_page, name="transparency-log"),
               path("<int:index>/", views.entry_page, name="transparency-entry")]
