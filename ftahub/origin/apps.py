from django.apps import AppConfig


class OriginConfig(AppConfig):
    name = "ftahub.origin"
    verbose_name = "Rules of origin"
