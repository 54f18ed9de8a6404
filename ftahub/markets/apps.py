from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class MarketsConfig(HubApp):
    default = True
    name = "ftahub.markets"
    verbose_name = "Export markets"
    default_auto_field = "django.db.models.BigAutoField"
    url_prefix = "markets/"
    api_router = "ftahub.markets.api.router"
    api_resources = {"markets": "/api/v1/markets/{country}", "notices": "/api/v1/notices"}
    demo = "ftahub.markets.demo.load"
    demo_order = 80
    navigation = (NavEntry(_("Export markets"), "markets", 25),)
    notices = "ftahub.markets.service.notice_texts"
    problems = "ftahub.markets.service.problem_words"
    provides = {"partner_rates": "ftahub.markets.service.partner_rates",
                "tariff_sites": "ftahub.markets.service.tariff_sites"}
