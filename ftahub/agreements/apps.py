from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "ftahub.agreements"
    verbose_name = "Trade agreements"
