from django.apps import AppConfig


class TariffsConfig(AppConfig):
    name = "ftahub.tariffs"
    verbose_name = "Tariffs and HS nomenclature"
