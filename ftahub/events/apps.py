from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class EventsConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.events"
    verbose_name = "Events"
    default_auto_field = "django.db.models.BigAutoField"
    url_prefix = "events/"
    api_router = "ftahub.events.api.router"
    demo = "ftahub.events.demo.load"
    demo_order = 50
    navigation = (NavEntry(_("Events"), "event-list", 60),)
    maintenance = ("ftahub.events.service.drop_unconfirmed",)  # registrations nobody confirmed within 48 hours
