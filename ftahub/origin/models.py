"""Product-specific rules of origin per agreement, as loaded from the reference data."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ftahub.core.scoping import ProvinceScopedQuerySet


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
    party_rules = models.JSONField(
        _("rules for one party only"), default=list, blank=True,
        help_text=_("Alternatives the text gives only for goods imported from one party, kept aside and never "
                    "applied to every origin: [{party, legal_text, canonical}]."))
    position = models.PositiveIntegerField(_("position in the source"))

    class Meta:
        ordering = ["agreement", "hs_from", "span", "position"]
        constraints = [models.UniqueConstraint(fields=["agreement", "position"], name="psr_unique_position")]
        verbose_name = _("product-specific rule")
        verbose_name_plural = _("product-specific rules")

    def __str__(self) -> str:
        return f"{self.agreement.code} {self.heading}: {self.canonical}"


class EnterpriseScopedQuerySet(ProvinceScopedQuerySet):
    enterprise_field = "enterprise"


class OriginAssessment(models.Model):
    """A saved self-assessment: the product, its bill of materials and the verdict under each agreement.

    Belongs to the enterprise that made it (and so to its province); can be attached to a C/O application.
    """

    commercial = True  # an enterprise's costs, invoices or goods: never shown to the statistician (scoping)

    enterprise = models.ForeignKey("accounts.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT,
                                   related_name="origin_assessments")
    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    title = models.CharField(_("title"), max_length=200)
    product_hs = models.CharField(_("product HS code"), max_length=10)
    market = models.CharField(_("market (ISO alpha-2)"), max_length=2, blank=True)
    case = models.JSONField(_("product and bill of materials"))
    results = models.JSONField(_("results by agreement"))
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = EnterpriseScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("origin self-assessment")
        verbose_name_plural = _("origin self-assessments")

    def __str__(self) -> str:
        return f"{self.title} ({self.product_hs})"

    def qualifying_agreements(self) -> list[str]:
        return [r["agreement"] for r in self.results if (r.get("result") or {}).get("qualifies")]


class SupplierDeclaration(models.Model):
    """A supplier's declaration of origin for a material, requested by link and filled in without an account."""

    audit_secret_fields = ("token",)  # the link lets its holder declare: never in the audit log

    class Kind(models.TextChoices):
        SINGLE = "single", _("single shipment")
        LONG_TERM = "long_term", _("long-term")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        DECLARED = "declared", _("declared")

    assessment = models.ForeignKey(OriginAssessment, on_delete=models.CASCADE, related_name="declarations")
    enterprise = models.ForeignKey("accounts.Enterprise", on_delete=models.PROTECT, related_name="+")
    province = models.ForeignKey("places.Province", on_delete=models.PROTECT, related_name="+")
    material_line = models.CharField(_("material line"), max_length=40,
                                     help_text=_("The BOM line the declaration covers, e.g. 1 or 1.2."))
    material_hs = models.CharField(_("material HS code"), max_length=10)
    material_description = models.CharField(_("material"), max_length=300, blank=True)
    supplier_name = models.CharField(_("supplier"), max_length=200)
    supplier_email = models.EmailField(_("supplier email"))
    token = models.CharField(max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    # filled in by the supplier
    originating = models.BooleanField(_("originating"), null=True)
    origin_country = models.CharField(_("country of origin"), max_length=2, blank=True)
    agreements = models.CharField(_("agreements"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    declarant = models.CharField(_("declared by"), max_length=200, blank=True)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    document = models.FileField(_("signed document"), upload_to="declarations/%Y/", blank=True)
    document_sha256 = models.CharField(max_length=64, blank=True)

    objects = EnterpriseScopedQuerySet.as_manager()

    class Meta:
        ordering = ["material_line", "-requested_at"]
        verbose_name = _("supplier declaration")
        verbose_name_plural = _("supplier declarations")

    def __str__(self) -> str:
        return f"{self.supplier_name}: {self.material_description or self.material_hs}"

    def expires_within(self, days: int) -> bool:
        if self.valid_to is None:
            return False
        return self.valid_to <= timezone.localdate() + datetime.timedelta(days=days)

    @property
    def expired(self) -> bool:
        return self.valid_to is not None and self.valid_to < timezone.localdate()
