"""Smart logistics: the province's facilities (warehouses, cold stores, logistics centres, inland depots, ports,
airports, border gates), consignments from lot to container to border gate with their legs, and border crossings."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ftahub.core.scoping import ProvinceScopedQuerySet


def validate_gln(value: str) -> None:
    from stdnum import ean

    if not (len(value) == 13 and value.isdigit() and ean.is_valid(value)):
        raise ValidationError(_("A GLN has 13 digits and a valid check digit."))


class OwnedQuerySet(ProvinceScopedQuerySet):
    enterprise_field = "enterprise"


class Facility(models.Model):
    class Kind(models.TextChoices):
        WAREHOUSE = "warehouse", _("warehouse")
        COLD_STORE = "cold_store", _("cold store")
        CENTRE = "centre", _("logistics centre")
        DEPOT = "depot", _("inland container depot")
        PORT = "port", _("seaport or river port")
        AIRPORT = "airport", _("airport")
        GATE = "gate", _("border gate")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    operator = models.CharField(_("operator"), max_length=200, blank=True)
    enterprise = models.ForeignKey("accounts.Enterprise", verbose_name=_("owner"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="facilities",
                                   help_text=_("The enterprise that keeps this record; empty for a public facility "
                                               "kept by the province (a border gate, a port)."))
    gln = models.CharField(_("GS1 GLN"), max_length=13, blank=True, validators=[validate_gln])
    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 limit_choices_to={"era": "2025"})
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    pallets = models.PositiveIntegerField(_("capacity: pallets"), null=True, blank=True)
    cubic_metres = models.PositiveIntegerField(_("capacity: m³"), null=True, blank=True)
    teu = models.PositiveIntegerField(_("capacity: TEU"), null=True, blank=True)
    trucks_per_day = models.PositiveIntegerField(_("capacity: trucks a day"), null=True, blank=True)
    temperature_min = models.DecimalField(_("lowest temperature (°C)"), max_digits=5, decimal_places=1, null=True,
                                          blank=True)
    temperature_max = models.DecimalField(_("highest temperature (°C)"), max_digits=5, decimal_places=1, null=True,
                                          blank=True)
    services = models.CharField(_("services"), max_length=300, blank=True)
    certifications = models.CharField(_("certifications"), max_length=300, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("verified by"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    verified_at = models.DateTimeField(_("verified on"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["province__name", "kind", "name"]
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both the latitude and the longitude, or neither."))
        if self.latitude is not None and not (-90 <= self.latitude <= 90 and -180 <= self.longitude <= 180):
            raise ValidationError(_("The coordinates are outside the globe."))
        if self.temperature_min is not None and self.temperature_max is not None \
                and self.temperature_min > self.temperature_max:
            raise ValidationError(_("The lowest temperature is above the highest."))


class Consignment(models.Model):
    """A shipment an exporter records: its lots, its C/O, invoice, containers or vehicles with their seals, and legs."""

    enterprise = models.ForeignKey("accounts.Enterprise", verbose_name=_("exporter"), on_delete=models.PROTECT,
                                   related_name="consignments")
    province = models.ForeignKey("places.Province", on_delete=models.PROTECT)
    reference = models.CharField(_("shipment reference"), max_length=60)
    goods = models.CharField(_("goods"), max_length=300)
    hs_code = models.CharField(_("HS code"), max_length=10, blank=True)
    destination = models.CharField(_("destination country (ISO alpha-2)"), max_length=2, blank=True)
    lots = models.TextField(_("lots (EPCIS identifiers, one per line)"), blank=True)
    co_number = models.CharField(_("C/O number"), max_length=60, blank=True)
    invoice_number = models.CharField(_("invoice number"), max_length=60, blank=True)
    units = models.TextField(_("containers or vehicles and their seals"), blank=True,
                             help_text=_("One per line: the container or plate number, then its seal after a space."))
    weight_kg = models.DecimalField(_("gross weight (kg)"), max_digits=12, decimal_places=1, null=True, blank=True)
    show_on_verification = models.BooleanField(
        _("show on the C/O's public verification"), default=False,
        help_text=_("Anyone who verifies the C/O sees this consignment's tracking page (route, times, cold chain; "
                    "never the invoice)."))
    token = models.CharField(max_length=43, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = OwnedQuerySet.as_manager()
    audit_secret_fields = ("token",)  # the tracking link: whoever holds it sees the consignment
    commercial = True  # an enterprise's invoice and goods: never shown to the statistician (scoping)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["enterprise", "reference"], name="consignment_reference")]
        verbose_name = _("consignment")
        verbose_name_plural = _("consignments")

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs):
        if not self.token:
            self.token = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)

    @property
    def lot_list(self) -> list[str]:
        return [x.strip() for x in self.lots.splitlines() if x.strip()]

    @property
    def unit_list(self) -> list[tuple[str, str]]:
        found = []
        for line in self.units.splitlines():
            parts = line.split()
            if parts:
                found.append((parts[0], " ".join(parts[1:])))
        return found


class Leg(models.Model):
    class Mode(models.TextChoices):
        ROAD = "road", _("road")
        RAIL = "rail", _("rail")
        SEA = "sea", _("sea")
        RIVER = "river", _("inland waterway")
        AIR = "air", _("air")

    consignment = models.ForeignKey(Consignment, on_delete=models.CASCADE, related_name="legs")
    position = models.PositiveSmallIntegerField(_("leg"))
    mode = models.CharField(_("mode"), max_length=5, choices=Mode.choices)
    carrier = models.CharField(_("carrier"), max_length=200, blank=True)
    vehicle = models.CharField(_("vehicle, vessel or flight"), max_length=60, blank=True)
    origin = models.ForeignKey(Facility, verbose_name=_("from"), on_delete=models.PROTECT, related_name="legs_out")
    destination = models.ForeignKey(Facility, verbose_name=_("to"), on_delete=models.PROTECT, related_name="legs_in")
    planned_departure = models.DateTimeField(_("planned departure"), null=True, blank=True)
    planned_arrival = models.DateTimeField(_("planned arrival"), null=True, blank=True)
    departed_at = models.DateTimeField(_("departed"), null=True, blank=True)
    arrived_at = models.DateTimeField(_("arrived"), null=True, blank=True)
    province = models.ForeignKey("places.Province", on_delete=models.PROTECT)  # the consignment's, for figures
    arrived_on = models.DateField(_("day of arrival"), null=True, blank=True, editable=False)  # for the figures
    is_demo = models.BooleanField(_("demo record"), default=False)

    class Meta:
        ordering = ["consignment", "position"]
        indexes = [models.Index(fields=["province", "arrived_on"])]

    def __str__(self) -> str:
        return f"{self.consignment} {self.position}"

    def save(self, *args, **kwargs):
        from .rollup import refresh_legs

        before = Leg.objects.filter(pk=self.pk).values_list("province", "arrived_on").first() if self.pk else None
        self.arrived_on = local_day(self.arrived_at)
        super().save(*args, **kwargs)
        refresh_legs({k for k in (before, (self.province_id, self.arrived_on)) if k})  # the days' sums

    def delete(self, *args, **kwargs):
        from .rollup import refresh_legs

        key = (self.province_id, self.arrived_on)
        result = super().delete(*args, **kwargs)
        refresh_legs({key})
        return result

    def clean(self) -> None:
        for start, end in ((self.planned_departure, self.planned_arrival), (self.departed_at, self.arrived_at)):
            if start and end and end < start:
                raise ValidationError(_("An arrival is before its departure."))

    @property
    def on_time(self) -> bool | None:
        if self.arrived_at is None or self.planned_arrival is None:
            return None
        return self.arrived_at <= self.planned_arrival


class Crossing(models.Model):
    """A vehicle's passage through a border gate: arrival at the gate, clearance, exit."""

    class Direction(models.TextChoices):
        EXPORT = "export", _("export")
        IMPORT = "import", _("import")

    gate = models.ForeignKey(Facility, verbose_name=_("border gate"), on_delete=models.PROTECT,
                             related_name="crossings", limit_choices_to={"kind": "gate"})
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices)
    vehicle = models.CharField(_("vehicle"), max_length=30)
    arrived_at = models.DateTimeField(_("arrived at the gate"))
    cleared_at = models.DateTimeField(_("cleared"), null=True, blank=True)
    exited_at = models.DateTimeField(_("left the gate"), null=True, blank=True)
    wait_minutes = models.PositiveIntegerField(_("waiting (minutes)"), null=True, blank=True, editable=False)
    arrived_on = models.DateField(_("day of arrival"), editable=False)  # the local day: figures group by it
    chapter = models.CharField(_("goods: HS chapter"), max_length=2, blank=True)
    goods = models.CharField(_("goods"), max_length=200, blank=True)
    weight_kg = models.DecimalField(_("weight (kg)"), max_digits=12, decimal_places=1, null=True, blank=True)
    consignment = models.ForeignKey(Consignment, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="crossings")
    source = models.CharField(_("source"), max_length=100)
    external_id = models.CharField(_("record number in the gate's system"), max_length=80, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)

    class Meta:
        ordering = ["-arrived_at"]
        indexes = [models.Index(fields=["arrived_on", "gate"])]
        verbose_name = _("border crossing")
        verbose_name_plural = _("border crossings")
        constraints = [models.UniqueConstraint(fields=["gate", "external_id"], condition=~models.Q(external_id=""),
                                               name="crossing_external_id")]

    def save(self, *args, **kwargs):
        self.wait_minutes = wait_minutes(self.arrived_at, self.exited_at)
        self.arrived_on = local_day(self.arrived_at)
        super().save(*args, **kwargs)


def wait_minutes(arrived, exited) -> int | None:
    if arrived is None or exited is None or exited < arrived:
        return None
    return int((exited - arrived).total_seconds() // 60)


def local_day(moment):
    """The day in the hub's time zone (figures are by local day; computed once on save, never per query)."""
    from django.utils import timezone

    if moment is None:
        return None
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


class CrossingDay(models.Model):
    """A gate's day, summed from its crossings (``rollup``): the dashboard reads these, never the million crossings."""

    audit_exempt = True  # derived from records that are audited themselves

    gate = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    vehicles = models.PositiveIntegerField(default=0)
    kg = models.DecimalField(max_digits=16, decimal_places=1, default=0)
    waits = models.JSONField(default=dict)  # waiting minutes → vehicles (the day's histogram)
    chapters = models.JSONField(default=dict)  # HS chapter → [vehicles, kg]
    demo = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gate", "day"], name="crossing_day_unique")]
        indexes = [models.Index(fields=["day"])]


class LegDay(models.Model):
    """A province's legs of a day by mode and the kind of facility reached, summed from the legs (``rollup``)."""

    audit_exempt = True  # derived from records that are audited themselves

    province = models.ForeignKey("places.Province", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    mode = models.CharField(max_length=5)
    destination_kind = models.CharField(max_length=10)
    legs = models.PositiveIntegerField(default=0)
    timed = models.PositiveIntegerField(default=0)  # with a planned arrival
    on_time = models.PositiveIntegerField(default=0)
    demo = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["province", "day", "mode", "destination_kind"],
                                               name="leg_day_unique")]
        indexes = [models.Index(fields=["day"])]
