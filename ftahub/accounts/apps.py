from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ftahub.accounts"
    verbose_name = "Accounts and enterprises"
