"""Requests for access: a business asks for an account, an administrator of its province decides. Approval finds the
enterprise by its tax code (or records it), makes the business user and emails a link to choose a password. Every step is on the audit log (model signals)."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ftahub.core import notices

from .models import AccessRequest, Enterprise, User
from .taxcode import normalise_tax_code


class AccessError(ValueError):
    """The request cannot be decided this way (a code the page words: ``taken``, ``decided``, ``no_reason``)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def notice_texts() -> dict:
    from django.utils.translation import gettext_lazy as _

    return {"access_request": _("%(enterprise)s (tax code %(tax_code)s) asks for an account for %(person)s. "
                                "Decide on the requests page.")}


def deciders(province_id: int):
    """Who decides a request of this province: its administrators, or the national ones when it has none."""
    active = User.objects.filter(is_active=True, role=User.Role.ADMINISTRATOR)
    local = active.filter(province_id=province_id)
    return local if local.exists() else active.filter(province__isnull=True)


def can_decide(user, request: AccessRequest) -> bool:
    return user.is_authenticated and (user.is_national or (user.role == User.Role.ADMINISTRATOR
                                                           and user.province_id == request.province_id))


def submitted(request: AccessRequest) -> None:
    url = reverse("access-requests")
    for admin in deciders(request.province_id):
        notices.notify(admin, "access_request", url=url, params={
            "enterprise": request.enterprise_name, "tax_code": request.tax_code, "person": request.contact_name})


def approve(request: AccessRequest, officer, base_url: str) -> User:
    if not can_decide(officer, request):
        raise PermissionDenied
    if request.status != AccessRequest.Status.PENDING:
        raise AccessError("decided")
    if User.objects.filter(username__iexact=request.username).exists():
        raise AccessError("taken")
    with transaction.atomic():
        tax_code = normalise_tax_code(request.tax_code)
        enterprise = Enterprise.objects.filter(tax_code=tax_code).first() or Enterprise.objects.create(
            tax_code=tax_code, name=request.enterprise_name, province=request.province)
        # the enterprise's first account manages its team (invites colleagues)
        first = not enterprise.users.filter(manages_team=True, is_active=True).exists()
        user = User(username=request.username, email=request.email, role=User.Role.BUSINESS, enterprise=enterprise,
                    first_name=request.contact_name[:150], manages_team=first)
        user.set_unusable_password()
        user.save()
        request.status, request.decided_by, request.decided_at = (AccessRequest.Status.APPROVED, officer,
                                                                   timezone.now())
        request.save(update_fields=["status", "decided_by", "decided_at"])
    _email(request, "accounts/access_approved_email.txt", {"user": user, "link": password_link(user, base_url)})
    return user


def password_link(user: User, base_url: str) -> str:
    """The link that lets a new account choose its password (once, within PASSWORD_RESET_TIMEOUT)."""
    return base_url + reverse("password-reset-confirm", args=[urlsafe_base64_encode(force_bytes(user.pk)),
                                                              default_token_generator.make_token(user)])


def refuse(request: AccessRequest, officer, reason: str) -> None:
    if not can_decide(officer, request):
        raise PermissionDenied
    if request.status != AccessRequest.Status.PENDING:
        raise AccessError("decided")
    if not reason.strip():
        raise AccessError("no_reason")
    request.status, request.reason = AccessRequest.Status.REFUSED, reason.strip()
    request.decided_by, request.decided_at = officer, timezone.now()
    request.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    _email(request, "accounts/access_refused_email.txt", {})


def _email(request: AccessRequest, template: str, context: dict) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, {"request": request, **context})
        subject = str(translation.gettext("FTA Hub: your request for an account"))
    send_mail(subject, body, None, [request.email], fail_silently=True)
