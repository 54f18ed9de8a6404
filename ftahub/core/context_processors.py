from django.conf import settings

from ftahub import __version__


def hub(request):
    return {"ftahub_version": __version__, "ftahub_demo": getattr(settings, "FTAHUB_DEMO", True)}
