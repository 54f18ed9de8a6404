"""An enterprise's own accounts: a business user who manages the team invites colleagues (an account of the same
enterprise, with an emailed link to choose a password), sends the link again to someone who has not signed in yet,
and closes or reopens colleagues' accounts. The first account approved for an enterprise manages its team. Every
change is on the audit log (model signals)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .access import password_link
from .models import User


class TeamError(ValueError):
    """A change the page refuses with words: ``taken``, ``self``, ``signed_in``, ``last_manager``."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def can_manage(user) -> bool:
    return (user.is_authenticated and user.is_active and user.role == User.Role.BUSINESS
            and user.enterprise_id is not None and user.manages_team)


def members(user):
    """The accounts of the user's enterprise (a business user sees their colleagues; nobody else has a team)."""
    if not (user.is_authenticated and user.role == User.Role.BUSINESS and user.enterprise_id):
        raise PermissionDenied
    return User.objects.filter(enterprise_id=user.enterprise_id).order_by("-is_active", "username")


def _colleague(manager, user: User) -> User:
    if not can_manage(manager) or user.enterprise_id != manager.enterprise_id:
        raise PermissionDenied
    return user


def invite(manager, username: str, full_name: str, email: str, manages_team: bool, base_url: str) -> User:
    if not can_manage(manager):
        raise PermissionDenied
    if User.objects.filter(username__iexact=username).exists():
        raise TeamError("taken")
    first, _space, last = full_name.strip().partition(" ")
    user = User(username=username, email=email, role=User.Role.BUSINESS, enterprise_id=manager.enterprise_id,
                first_name=first[:150], last_name=last[:150], manages_team=manages_team)
    user.set_unusable_password()
    user.save()
    _send(user, manager, base_url)
    return user


def resend(manager, user: User, base_url: str) -> None:
    """The invitation again, to a colleague who has never signed in (the earlier link may have expired)."""
    _colleague(manager, user)
    if user.last_login is not None:
        raise TeamError("signed_in")
    _send(user, manager, base_url)


def set_active(manager, user: User, active: bool) -> None:
    """Closes (or reopens) a colleague's account: a closed account cannot sign in; its records stay."""
    _colleague(manager, user)
    if user.pk == manager.pk:
        raise TeamError("self")
    user.is_active = active
    user.save(update_fields=["is_active"])


def set_manager(manager, user: User, manages: bool) -> None:
    _colleague(manager, user)
    if not manages and not User.objects.filter(enterprise_id=manager.enterprise_id, manages_team=True,
                                               is_active=True).exclude(pk=user.pk).exists():
        raise TeamError("last_manager")
    user.manages_team = manages
    user.save(update_fields=["manages_team"])


def _send(user: User, manager, base_url: str) -> None:
    link = password_link(user, base_url)
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("accounts/invitation_email.txt", {"user": user, "manager": manager, "link": link})
        subject = str(translation.gettext("FTA Hub: %(enterprise)s invites you") % {
            "enterprise": user.enterprise.name})
    send_mail(subject, body, None, [user.email], fail_silently=True)
