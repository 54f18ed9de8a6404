from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "ftahub.registry"
    verbose_name = "Foreign-affairs registry"
    default_auto_field = "django.db.models.BigAutoField"
