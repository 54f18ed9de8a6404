from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class RegistryConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.registry"
    verbose_name = "Foreign-affairs registry"
    default_auto_field = "django.db.models.BigAutoField"
    url_prefix = "registry/"
    api_router = "ftahub.registry.api.router"
    demo = "ftahub.registry.demo.load"
    demo_order = 80
    navigation = (NavEntry(_("Registry"), "registry", 530, audience="foreign_affairs"),)
    home_card = "registry/_home_card.html"
    home_order = 60
