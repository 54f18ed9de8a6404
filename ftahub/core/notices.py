"""Notices to users, hub-wide: on screen (the header counts the unread ones) and by email when the user has one.

Capabilities call ``notify``; the page that lists a user's notices calls ``for_user`` and ``mark_read``.
"""

from django.core.mail import send_mail
from django.utils import timezone

from .models import Notification


def notify(user, kind: str, message: str, url: str = "", email: bool = True) -> Notification:
    notice = Notification.objects.create(user=user, kind=kind, message=message, url=url)
    if email and user.email:
        send_mail(subject="FTA Hub: " + message[:70], message=f"{message}\n\n{url}".strip(), from_email=None,
                  recipient_list=[user.email], fail_silently=True)
    return notice


def for_user(user, limit: int = 100) -> list[Notification]:
    return list(Notification.objects.filter(user=user)[:limit])


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at=None).count()


def mark_read(user) -> int:
    return Notification.objects.filter(user=user, read_at=None).update(read_at=timezone.now())
