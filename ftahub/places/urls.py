from django.urls import path

from . import views

urlpatterns = [path("", views.province_list, name="province-list")]
