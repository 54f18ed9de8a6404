"""The hub's register of signed C/O records, and their revocation or replacement."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ftahub.core.scoping import ProvinceScopedQuerySet


class CertificateQuerySet(ProvinceScopedQuerySet):
    enterprise_field = "enterprise"


class IssuedCertificate(models.Model):
    """A certificate recorded in eCoSys, of which the hub keeps the signed record. Never edited once recorded:
    it can only be revoked or replaced (superseded)."""

    commercial = True  # an enterprise's costs, invoices or goods: never shown to the statistician (scoping)

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")
        SUPERSEDED = "superseded", _("superseded")

    co_number = models.CharField(_("C/O number"), max_length=60, unique=True)
    agreement = models.ForeignKey("agreements.TradeAgreement", on_delete=models.PROTECT)
    form = models.CharField(_("C/O form"), max_length=40)
    province = models.ForeignKey("places.Province", on_delete=models.PROTECT)
    enterprise = models.ForeignKey("accounts.Enterprise", on_delete=models.PROTECT, related_name="certificates")
    issued_on = models.DateField(_("issued on"))
    record = models.JSONField(_("record"))
    payload = models.TextField(_("signed payload (QR text)"))
    kid = models.CharField(_("key id"), max_length=40)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.VALID)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason"), blank=True)
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("issued certificate")
        verbose_name_plural = _("issued certificates")

    def __str__(self) -> str:
        return self.co_number
