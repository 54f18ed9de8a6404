from django.apps import AppConfig


class CodeskConfig(AppConfig):
    name = "ftahub.codesk"
    verbose_name = "C/O desk"
    default_auto_field = "django.db.models.BigAutoField"
