from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "ftahub.places"
    verbose_name = "Countries and provinces"
