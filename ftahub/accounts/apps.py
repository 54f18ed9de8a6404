from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class AccountsConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.accounts"
    verbose_name = "Accounts and enterprises"
    url_prefix = "accounts/"
    demo = "ftahub.accounts.demo.load"
    demo_order = 10
    notices = "ftahub.accounts.access.notice_texts"
    navigation = (
        NavEntry(_("Sign in"), "login", 900, audience="anonymous"),
        NavEntry("", "profile", 900, audience="signed_in", template="accounts/_nav_account.html"),
    )

    def ready(self) -> None:
        from . import signin

        signin.connect()
