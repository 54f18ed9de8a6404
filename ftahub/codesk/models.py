"""C/O applications, their goods items and documents, and every change of state (for the turnaround figures)."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ftahub.core.scoping import ProvinceScopedQuerySet


class ApplicationQuerySet(ProvinceScopedQuerySet):
    enterprise_field = "enterprise"


class Application(models.Model):
    """An application for a certificate of origin, from draft to the certificate recorded in eCoSys."""

    commercial = True  # an enterprise's costs, invoices or goods: never shown to the statistician (scoping)

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        REJECTED = "rejected", _("rejected")
        APPROVED = "approved", _("approved, handed off to eCoSys")
        RECORDED = "recorded", _("certificate recorded")
        REVOKED = "revoked", _("certificate revoked")

    reference = models.CharField(_("reference"), max_length=30, unique=True, editable=False)
    enterprise = models.ForeignKey("accounts.Enterprise", verbose_name=_("exporter"), on_delete=models.PROTECT,
                                   related_name="co_applications")
    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)

    agreement = models.ForeignKey("agreements.TradeAgreement", verbose_name=_("agreement"), on_delete=models.PROTECT)
    form = models.CharField(_("C/O form"), max_length=40, blank=True)
    destination = models.CharField(_("destination country (ISO alpha-2)"), max_length=2)
    importer_name = models.CharField(_("importer"), max_length=200)
    importer_address = models.CharField(_("importer's address"), max_length=300, blank=True)
    transport_means = models.CharField(_("means of transport and route"), max_length=200, blank=True)
    departure_date = models.DateField(_("departure date"), null=True, blank=True)
    port_loading = models.CharField(_("port of loading"), max_length=100, blank=True)
    port_discharge = models.CharField(_("port of discharge"), max_length=100, blank=True)
    invoice_number = models.CharField(_("invoice number"), max_length=60, blank=True)
    invoice_date = models.DateField(_("invoice date"), null=True, blank=True)
    invoice_total = models.DecimalField(_("invoice total FOB (USD)"), max_digits=14, decimal_places=2, null=True,
                                        blank=True)
    customs_declaration = models.CharField(_("export customs declaration number"), max_length=40, blank=True)

    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("reviewing officer"))
    decision_comment = models.TextField(_("officer's comment"), blank=True)
    handoff_version = models.PositiveSmallIntegerField(_("hand-off format version"), null=True, blank=True)
    handoff_sha256 = models.CharField(_("hand-off file SHA-256"), max_length=64, blank=True)
    # the hand-off file's exact text (a JSONField would not keep the bytes: PostgreSQL's jsonb reorders keys)
    handoff_json = models.TextField(_("hand-off file"), blank=True, editable=False)

    @property
    def handoff_package(self) -> dict | None:
        import json

        return json.loads(self.handoff_json) if self.handoff_json else None
    ecosys_number = models.CharField(_("C/O number in eCoSys"), max_length=60, blank=True)
    ecosys_date = models.DateField(_("date of issue in eCoSys"), null=True, blank=True)
    issuing_body = models.CharField(_("issuing organisation"), max_length=200, blank=True)
    certificate = models.OneToOneField("certificates.IssuedCertificate", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="application")
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("C/O application")
        verbose_name_plural = _("C/O applications")
        # a province's applications by state (the dashboard's counts and its open applications), from the index
        indexes = [models.Index(fields=["province", "status"], name="application_province_status")]

    def __str__(self) -> str:
        return self.reference

    @property
    def editable_by_applicant(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.CHANGES_REQUESTED)

    def items_total(self):
        return sum((i.fob_value or 0) for i in self.items.all())


class Item(models.Model):
    """One line of goods on the application, optionally backed by a saved origin self-assessment."""

    class Criterion(models.TextChoices):
        WO = "WO", _("WO — wholly obtained or produced")
        PE = "PE", _("PE — produced entirely from originating materials")
        CTC = "CTC", _("CTC — change in tariff classification (CC/CTH/CTSH)")
        RVC = "RVC", _("RVC — regional value content / maximum non-originating content")
        PSR = "PSR", _("PSR — other product-specific rule")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("item"))
    hs_code = models.CharField(_("HS code"), max_length=10)
    description = models.CharField(_("description of goods"), max_length=300)
    quantity = models.DecimalField(_("quantity"), max_digits=14, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=20)
    fob_value = models.DecimalField(_("FOB value (USD)"), max_digits=14, decimal_places=2)
    criterion = models.CharField(_("origin criterion"), max_length=4, choices=Criterion.choices)
    marks = models.CharField(_("marks and numbers"), max_length=200, blank=True)
    assessment = models.ForeignKey("origin.OriginAssessment", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="co_items", verbose_name=_("origin self-assessment"))

    class Meta:
        ordering = ["application", "position"]
        constraints = [models.UniqueConstraint(fields=["application", "position"], name="codesk_item_position")]

    def __str__(self) -> str:
        return f"{self.application.reference} #{self.position}"


class Document(models.Model):
    """A supporting document uploaded with the application (the dossier of Decree 31/2018/ND-CP, Art. 15)."""

    class Kind(models.TextChoices):
        CUSTOMS_DECLARATION = "customs_declaration", _("export customs declaration")
        INVOICE = "invoice", _("commercial invoice")
        TRANSPORT = "transport", _("bill of lading or equivalent transport document")
        ORIGIN_STATEMENT = "origin_statement", _("statement of origin-conferring materials and costs")
        SUPPLIER_DECLARATION = "supplier_declaration", _("supplier's or producer's declaration")
        PACKING_LIST = "packing_list", _("packing list")
        OTHER = "other", _("other")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=24, choices=Kind.choices)
    file = models.FileField(upload_to="co-applications/%Y/")
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "kind", "id"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()


class Transition(models.Model):
    """A change of an application's state: who, when, from what to what, and why. Append-only."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="transitions")
    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    from_status = models.CharField(_("from"), max_length=20, blank=True, choices=Application.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Application.Status.choices)
    comment = models.TextField(blank=True)
    # working hours the application spent in from_status, since the transition before this one (by the office
    # calendar in force when this one was written): the dashboard sums these instead of re-walking the calendar
    hours_before = models.FloatField(null=True, editable=False)
    # the application's province, copied: a province's dashboard reads its transitions through one index
    province = models.ForeignKey("places.Province", null=True, editable=False, on_delete=models.PROTECT,
                                 related_name="+")

    class Meta:
        ordering = ["application", "at", "id"]
        indexes = [models.Index(fields=["province", "from_status", "at"], name="transition_province_stays")]

    def __str__(self) -> str:
        # the application only: the audit log keeps this text as written, and shows the change of state itself
        # (from_status, to_status) in the reader's language from the codes
        return self.application.reference


    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("transitions are append-only")
        if self.province_id is None:
            self.province_id = self.application.province_id  # the caller's instance: no query
        if self.hours_before is None:
            previous = (Transition.objects.filter(application_id=self.application_id, at__lte=self.at)
                        .order_by("-at", "-id").values_list("at", flat=True).first())
            if previous is not None:
                from .service import calendar

                tz = timezone.get_current_timezone()
                self.hours_before = calendar().working_hours(previous.astimezone(tz), self.at.astimezone(tz))
        super().save(*args, **kwargs)
