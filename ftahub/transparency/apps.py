from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class TransparencyConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.transparency"
    verbose_name = "Transparency log"
    notices = "ftahub.transparency.ledger.notice_texts"
    url_prefix = "log/"
    api_router = "ftahub.transparency.api.router"
    api_resources = {
        "log_checkpoint": "/api/v1/log/checkpoint",
        "log_inclusion": "/api/v1/log/proof/inclusion?index=...",
    }
    navigation = (NavEntry(_("Public log"), "transparency-log", 20, place="footer"),)
    after_restore = "ftahub.transparency.ledger.check_restored"
    maintenance = ("ftahub.transparency.ledger.self_check",)  # every hour: tampered entries are reported
