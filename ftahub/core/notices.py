"""Notices to users, hub-wide: on screen (the header counts the unread ones) and by email when the user has one.

Capabilities declare the text of each kind of notice (``HubApp.notices``: a translatable text with ``%(name)s``
parameters) and call ``notify`` with the parameters: the page shows each notice in its reader's language, and the
email goes out in the hub's language (``LANGUAGE_CODE``). The page that lists a user's notices calls ``for_user``
and ``mark_read``.
"""

from functools import cache

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation

from .models import Notification


@cache
def texts() -> dict[str, object]:
    """kind -> lazily translated text with %(name)s parameters, from every capability."""
    from .plugins import notice_texts

    return notice_texts()


def render(kind: str, params: dict) -> str:
    text = texts().get(kind)
    if text is None:
        return ""
    try:
        return str(text) % params
    except (KeyError, TypeError, ValueError):  # a notice kept from before its text changed
        return ""


def notify(user, kind: str, message: str = "", url: str = "", email: bool = True,
           params: dict | None = None) -> Notification:
    params = params or {}
    with translation.override(settings.LANGUAGE_CODE):
        message = render(kind, params) or message
        subject = str(translation.gettext("FTA Hub")) + ": " + message[:70]
    notice = Notification.objects.create(user=user, kind=kind, message=message, params=params, url=url)
    if email and user.email:
        send_mail(subject=subject, message=f"{message}\n\n{url}".strip(), from_email=None,
                  recipient_list=[user.email], fail_silently=True)
    return notice


def for_user(user, limit: int = 100) -> list[Notification]:
    return list(Notification.objects.filter(user=user)[:limit])


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at=None).count()


def mark_read(user) -> int:
    return Notification.objects.filter(user=user, read_at=None).update(read_at=timezone.now())
