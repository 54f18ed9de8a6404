from django.urls import path

from . import views

urlpatterns = [path("", views.agreement_list, name="agreement-list")]
