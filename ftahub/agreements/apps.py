from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import Dataset, HubApp, NavEntry


class AgreementsConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.agreements"
    verbose_name = "Trade agreements"
    url_prefix = "agreements/"
    api_router = "ftahub.agreements.api.router"
    api_resources = {"agreements": "/api/v1/agreements"}
    reference = (Dataset("agreements", "ftahub.agreements.reference.load_agreements", 30),)
    navigation = (NavEntry(_("Agreements"), "agreement-list", 40),)
    home_card = "agreements/_home_card.html"
    home_context = "ftahub.agreements.views.home_card"
    home_order = 50
