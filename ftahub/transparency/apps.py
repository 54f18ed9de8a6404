from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "ftahub.transparency"
    verbose_name = "Transparency log"
