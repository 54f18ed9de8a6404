from django.conf import settings

from ftahub import __version__


def hub(request):
    unread = 0
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from ftahub.tariffs.models import Notification

        unread = Notification.objects.filter(user=user, read_at=None).count()
    return {"ftahub_version": __version__, "ftahub_demo": getattr(settings, "FTAHUB_DEMO", True),
            "unread_notifications": unread}
