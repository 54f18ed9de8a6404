from django.apps import AppConfig


class TraceConfig(AppConfig):
    name = "ftahub.trace"
    verbose_name = "Traceability"
    default_auto_field = "django.db.models.BigAutoField"
