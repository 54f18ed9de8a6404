from django.conf import settings

from ftahub import __version__

from . import notices, plugins


def hub(request):
    """What every page's layout needs: the version, the demo banner, the navigation the installed capabilities
    declare (filtered for the user) and the user's unread notices."""
    user = getattr(request, "user", None)
    unread = notices.unread_count(user) if user is not None and user.is_authenticated else 0
    return {"ftahub_version": __version__, "ftahub_demo": getattr(settings, "FTAHUB_DEMO", True),
            "unread_notifications": unread, "hub_navigation": plugins.navigation(user),
            "hub_footer_links": plugins.navigation(user, place="footer")}
