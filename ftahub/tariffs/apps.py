from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import Dataset, HubApp, NavEntry


class TariffsConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.tariffs"
    verbose_name = "Tariffs and HS nomenclature"
    notices = "ftahub.tariffs.watch.notice_texts"
    url_prefix = "hs/"
    root_urls = "ftahub.tariffs.root_urls"
    api_router = "ftahub.tariffs.api.router"
    api_resources = {"hs": "/api/v1/hs/{code}"}
    reference = (
        Dataset("hs", "ftahub.tariffs.reference.load_hs", 40),
        Dataset("tariff", "ftahub.tariffs.importer.load_tariff", 60),
    )
    navigation = (
        NavEntry(_("Tariffs & HS"), "hs-browse", 10),
        NavEntry(_("Find an HS code"), "hs-classify", 11),
        NavEntry(_("Watchlist"), "notifications", 800, audience="signed_in", badge=True),
    )
    home_hero = "tariffs/_home_search.html"
    home_card = "tariffs/_home_card.html"
    home_context = "ftahub.tariffs.views.home_card"
    home_order = 10
    backup_exclude = ("tariffs.TariffRate", "tariffs.TariffRow", "tariffs.LineProcedure", "tariffs.TariffEdition")
    backup_rows = "ftahub.tariffs.importer.backup_rows"  # rates imported by hand are kept
    after_restore = "ftahub.tariffs.importer.reload_after_restore"
    warm_up = ("ftahub.tariffs.classify.classifier",)  # the HS classification index (a few seconds)
    provides = {"hs_suggest": "ftahub.tariffs.classify.suggest"}  # the guided origin path suggests material codes
