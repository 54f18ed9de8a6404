from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "ftahub.content"
    verbose_name = "Content hub"
    default_auto_field = "django.db.models.BigAutoField"
