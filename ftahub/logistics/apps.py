from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class LogisticsConfig(HubApp):
    default = True
    name = "ftahub.logistics"
    verbose_name = "Smart logistics"
    default_auto_field = "django.db.models.BigAutoField"
    url_prefix = "logistics/"
    api_router = "ftahub.logistics.api.router"
    api_resources = {"facilities": "/api/v1/logistics/facilities"}
    demo = "ftahub.logistics.demo.load"
    demo_order = 90
    navigation = (NavEntry(_("Logistics"), "logistics-facilities", 27),)
    problems = "ftahub.logistics.service.problem_words"
    provides = {"consignment_for_certificate": "ftahub.logistics.service.for_certificate"}
