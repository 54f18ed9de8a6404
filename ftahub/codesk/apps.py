from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class CodeskConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.codesk"
    verbose_name = "C/O desk"
    notices = "ftahub.codesk.service.notice_texts"
    default_auto_field = "django.db.models.BigAutoField"
    url_prefix = "co/"
    api_router = "ftahub.codesk.api.router"
    api_resources = {"co_applications": "/api/v1/co/applications"}
    demo = "ftahub.codesk.demo.load"
    demo_order = 30
    navigation = (NavEntry(_("C/O desk"), "co-applications", 510, audience="enterprise_or_officer"),)
    home_card = "codesk/_home_card.html"
    home_order = 30
