from .plugins import HubApp


class CoreConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.core"
    verbose_name = "Hub"
    url_prefix = ""

    def ready(self) -> None:
        from . import audit, checks, pagecache  # noqa: F401  (checks registers the deployment checks)

        audit.connect()
        pagecache.connect()
