from django.urls import path

from . import views

urlpatterns = [path(".well-known/ftahub-keys.json", views.keyset, name="certificate-keyset")]
