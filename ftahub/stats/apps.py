from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "ftahub.stats"
    verbose_name = "Statistics"
    default_auto_field = "django.db.models.BigAutoField"
