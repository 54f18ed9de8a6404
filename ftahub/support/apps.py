from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class SupportConfig(HubApp):
    default = True
    name = "ftahub.support"
    verbose_name = "FTA support centre"
    default_auto_field = "django.db.models.BigAutoField"
    url_prefix = "support/"
    api_router = "ftahub.support.api.router"
    api_resources = {"faq": "/api/v1/support/faq"}
    demo = "ftahub.support.demo.load"
    demo_order = 95
    navigation = (NavEntry(_("Ask the FTA desk"), "support-home", 65),
                  NavEntry(_("Advice desk"), "support-questions", 540, audience="enterprise_or_officer"),
                  NavEntry(_("Action plans"), "support-plans", 545, audience="staff"))
    notices = "ftahub.support.service.notice_texts"
    maintenance = ("ftahub.support.service.run_reminders",)
