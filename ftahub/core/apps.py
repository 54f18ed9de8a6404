from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ftahub.core"
    verbose_name = "Hub"

    def ready(self) -> None:
        from . import audit

        audit.connect()
