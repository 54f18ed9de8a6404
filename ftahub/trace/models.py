"""Captured EPCIS events, the objects they name (indexed for trace queries), sensor readings, thresholds declared
per product, alerts, and the businesses allowed to capture (GS1 company prefixes and API tokens)."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ftahub.core.scoping import ProvinceScopedQuerySet

from .words import UNITS


class OwnedQuerySet(ProvinceScopedQuerySet):
    enterprise_field = "enterprise"


class TraceParty(models.Model):
    """An enterprise as an EPCIS capturer: the GS1 company prefixes (or GLNs) its locations and products use."""

    enterprise = models.OneToOneField("accounts.Enterprise", on_delete=models.CASCADE, related_name="trace_party")
    province = models.ForeignKey("places.Province", on_delete=models.PROTECT)
    gs1_prefixes = models.CharField(_("GS1 company prefixes"), max_length=300,
                                    help_text=_("Comma-separated, e.g. 8930000123 (GS1 Viet Nam prefixes begin 893)."))
    is_demo = models.BooleanField(default=False)

    objects = OwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.enterprise} ({self.gs1_prefixes})"

    @property
    def prefixes(self) -> list[str]:
        return [p.strip() for p in self.gs1_prefixes.split(",") if p.strip()]


class CaptureToken(models.Model):
    """An API credential of one business for EPCIS capture. Only the SHA-256 of the token is stored."""

    party = models.ForeignKey(TraceParty, on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked = models.BooleanField(default=False)

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, party: TraceParty, name: str) -> tuple["CaptureToken", str]:
        token = "fth_" + secrets.token_urlsafe(32)
        return cls.objects.create(party=party, name=name, digest=cls.hash(token)), token


class Event(models.Model):
    audit_exempt = True  # captured events are immutable and each is on the transparency log
    event_id = models.CharField(max_length=300, unique=True)
    type = models.CharField(max_length=30, db_index=True)
    event_time = models.DateTimeField(db_index=True)
    time_zone_offset = models.CharField(max_length=6, blank=True)
    action = models.CharField(max_length=10, blank=True)
    biz_step = models.CharField(max_length=100, blank=True, db_index=True)
    disposition = models.CharField(max_length=100, blank=True, db_index=True)
    read_point = models.CharField(max_length=300, blank=True, db_index=True)
    biz_location = models.CharField(max_length=300, blank=True, db_index=True)
    body = models.JSONField(help_text="the event as captured")
    canonical_hash = models.CharField(max_length=64)
    record_time = models.DateTimeField(auto_now_add=True)
    enterprise = models.ForeignKey("accounts.Enterprise", on_delete=models.PROTECT, related_name="epcis_events")
    province = models.ForeignKey("places.Province", on_delete=models.PROTECT)
    captured_by = models.CharField(max_length=150, blank=True)
    log_index = models.BigIntegerField(null=True, unique=True)
    is_demo = models.BooleanField(default=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["event_time", "id"]

    def __str__(self) -> str:
        return f"{self.type} {self.biz_step} {self.event_time:%Y-%m-%d %H:%M}"


class EventObject(models.Model):
    audit_exempt = True
    """An object or class an event names, under its one key (``epcis.key``): the index of trace queries."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="identifiers")
    role = models.CharField(max_length=8)  # object, parent, child, input, output
    key = models.CharField(max_length=300, db_index=True)
    identifier = models.CharField(max_length=300)

    class Meta:
        indexes = [models.Index(fields=["key", "role"])]


class SensorReading(models.Model):
    audit_exempt = True
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="readings")
    type = models.CharField(max_length=60, db_index=True)
    value = models.FloatField(null=True)
    uom = models.CharField(max_length=10, blank=True)
    time = models.DateTimeField(null=True)
    device = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["time", "id"]


# the units a range is declared in: UN/CEFACT codes (as EPCIS readings carry them) shown by their symbols
UNIT_CHOICES = [(code, UNITS[code]) for code in ("CEL", "FAH", "KEL", "P1", "KPA", "LUX")]


class Threshold(models.Model):
    """The range a product must be kept in, declared by its owner (e.g. fresh lychees: temperature 1-5 °C)."""

    enterprise = models.ForeignKey("accounts.Enterprise", on_delete=models.CASCADE, related_name="trace_thresholds")
    province = models.ForeignKey("places.Province", on_delete=models.PROTECT)
    gtin = models.CharField(_("GTIN"), max_length=14, help_text=_("The product's GTIN (8 to 14 digits)."))
    product = models.CharField(_("product"), max_length=200)
    type = models.CharField(_("measurement"), max_length=60, default="Temperature")
    uom = models.CharField(_("unit"), max_length=10, default="CEL", choices=UNIT_CHOICES)
    minimum = models.FloatField(_("minimum"), null=True, blank=True)
    maximum = models.FloatField(_("maximum"), null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enterprise", "gtin", "type"], name="trace_threshold_unique")]

    def __str__(self) -> str:
        # no words of a language: the audit log keeps this text as written and shows the range from the fields
        return f"{self.product} (GTIN {self.gtin})"


class Alert(models.Model):
    enterprise = models.ForeignKey("accounts.Enterprise", on_delete=models.CASCADE, related_name="trace_alerts")
    province = models.ForeignKey("places.Province", on_delete=models.PROTECT)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="alerts")
    reading = models.ForeignKey(SensorReading, on_delete=models.CASCADE, related_name="+")
    threshold = models.ForeignKey(Threshold, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]


class LotLink(models.Model):
    """The origin chain of a lot: the self-assessment of its product and the C/O that covers the shipment."""

    enterprise = models.ForeignKey("accounts.Enterprise", on_delete=models.CASCADE, related_name="lot_links")
    province = models.ForeignKey("places.Province", on_delete=models.PROTECT)
    gtin = models.CharField(max_length=14)
    lot = models.CharField(max_length=20)
    assessment = models.ForeignKey("origin.OriginAssessment", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    certificate = models.ForeignKey("certificates.IssuedCertificate", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gtin", "lot"], name="trace_lot_unique")]
