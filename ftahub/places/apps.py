from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import Dataset, HubApp, NavEntry


class PlacesConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.places"
    verbose_name = "Countries and provinces"
    url_prefix = "provinces/"
    api_router = "ftahub.places.api.router"
    api_resources = {"countries": "/api/v1/countries", "provinces": "/api/v1/provinces"}
    reference = (
        Dataset("countries", "ftahub.places.reference.load_countries", 10),
        Dataset("provinces", "ftahub.places.reference.load_provinces", 20),
    )
    navigation = (NavEntry(_("Provinces"), "province-list", 10, place="footer"),)
