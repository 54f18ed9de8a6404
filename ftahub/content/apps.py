from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class ContentConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.content"
    verbose_name = "Content hub"
    default_auto_field = "django.db.models.BigAutoField"
    url_prefix = "news/"
    api_router = "ftahub.content.api.router"
    demo = "ftahub.content.demo.load"
    demo_order = 70
    navigation = (NavEntry(_("News"), "content-list", 70),)
