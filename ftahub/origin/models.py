"""Product-specific rules of origin per agreement, as loaded from the reference data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductSpecificRule(models.Model):
    """One rule set of an agreement: the HS range it covers, the legal text, and its canonical translation."""

    audit_exempt = True  # reference data: loads are audited as one LOAD entry

    agreement = models.ForeignKey("agreements.TradeAgreement", on_delete=models.CASCADE, related_name="rules")
    hs_from = models.CharField(_("from HS code (10 digits)"), max_length=10, db_index=True)
    hs_to = models.CharField(_("to HS code (10 digits)"), max_length=10, db_index=True)
    span = models.BigIntegerField(_("width of the range"), help_text=_("Smaller is more specific."))
    heading = models.CharField(_("heading as printed"), max_length=120)
    description = models.TextField(_("product description"), blank=True)
    legal_text = models.TextField(_("legal text"))
    canonical = models.TextField(_("canonical rule"))
    needs_manual_reading = models.BooleanField(_("needs manual reading"), default=False)
    source = models.CharField(_("source"), max_length=300)
    note = models.TextField(_("note"), blank=True)
    position = models.PositiveIntegerField(_("position in the source"))

    class Meta:
        ordering = ["agreement", "hs_from", "span", "position"]
        constraints = [models.UniqueConstraint(fields=["agreement", "position"], name="psr_unique_position")]
        verbose_name = _("product-specific rule")
        verbose_name_plural = _("product-specific rules")

    def __str__(self) -> str:
        return f"{self.agreement.code} {self.heading}: {self.canonical}"
