"""Registry records. Every record belongs to a province (scoped with ``visible_to``/``editable_by``) and says
whether it is demo data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ftahub.core.scoping import ProvinceScopedQuerySet


class Record(models.Model):
    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 limit_choices_to={"era": "2025"})
    notes = models.TextField(_("notes"), blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProvinceScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class Partner(Record):
    class Kind(models.TextChoices):
        LOCALITY = "locality", _("foreign locality")
        COUNTRY = "country", _("country")
        INTERNATIONAL_ORGANISATION = "intl_org", _("international organisation")
        NGO = "ngo", _("non-governmental organisation")
        EMBASSY = "embassy", _("embassy")
        CONSULATE = "consulate", _("consulate")
        BUSINESS = "business", _("foreign business")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    name_vi = models.CharField(_("name in Vietnamese"), max_length=200, blank=True)
    country = models.ForeignKey("places.Country", verbose_name=_("country"), null=True, blank=True,
                                on_delete=models.PROTECT)
    region = models.CharField(_("region or state"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class Relationship(Record):
    class Kind(models.TextChoices):
        TWINNING = "twinning", _("twinning")
        FRIENDSHIP = "friendship", _("friendship and cooperation")
        COOPERATION = "cooperation", _("cooperation")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        DORMANT = "dormant", _("dormant")
        ENDED = "ended", _("ended")

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT,
                                related_name="relationships")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    agreement = models.CharField(_("founding agreement"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.ACTIVE)

    class Meta:
        ordering = ["partner__name"]
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.partner}"


class Delegation(Record):
    class Direction(models.TextChoices):
        INBOUND = "inbound", _("inbound")
        OUTBOUND = "outbound", _("outbound")

    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    title = models.CharField(_("title"), max_length=200)
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="delegations")
    countries = models.CharField(_("countries (ISO codes)"), max_length=100, blank=True)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    members = models.TextField(_("members"), blank=True)
    places = models.CharField(_("places visited"), max_length=300, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self) -> str:
        return self.title


class Agreement(Record):
    """An agreement or memorandum of understanding signed by the province (or its departments)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("in negotiation")
        SIGNED = "signed", _("signed")
        EXPIRED = "expired", _("expired")
        TERMINATED = "terminated", _("terminated")

    title = models.CharField(_("title"), max_length=250)
    parties = models.CharField(_("parties"), max_length=300)
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="agreements")
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    scope = models.TextField(_("scope"), blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    remind_days = models.PositiveSmallIntegerField(_("remind before expiry (days)"), default=60)
    log_index = models.BigIntegerField(_("public log entry"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("agreement or MOU")
        verbose_name_plural = _("agreements and MOUs")

    def __str__(self) -> str:
        return self.title


class FollowUp(Record):
    """A follow-up task of a delegation or an agreement, with an owner and a due date."""

    title = models.CharField(_("task"), max_length=250)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    delegation = models.ForeignKey(Delegation, verbose_name=_("delegation"), null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="follow_ups")
    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="follow_ups")

    class Meta:
        ordering = ["done", "due_on"]
        verbose_name = _("follow-up task")
        verbose_name_plural = _("follow-up tasks")

    def __str__(self) -> str:
        return self.title


class Project(Record):
    """A project of an international organisation, or an ODA/NGO commitment."""

    class Kind(models.TextChoices):
        ODA = "oda", _("ODA")
        NGO = "ngo", _("NGO aid")
        INTL = "intl", _("international organisation project")

    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    donor = models.ForeignKey(Partner, verbose_name=_("donor"), null=True, blank=True, on_delete=models.PROTECT,
                              related_name="projects")
    amount = models.DecimalField(_("committed amount"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3, default="USD")
    disbursed = models.DecimalField(_("disbursed"), max_digits=16, decimal_places=2, null=True, blank=True)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("to"), null=True, blank=True)
    sector = models.CharField(_("sector"), max_length=120, blank=True)

    class Meta:
        ordering = ["-start", "title"]
        verbose_name = _("project or commitment")
        verbose_name_plural = _("projects and commitments")

    def __str__(self) -> str:
        return self.title


class FDIProject(Record):
    class Status(models.TextChoices):
        LICENSED = "licensed", _("licensed")
        OPERATING = "operating", _("operating")
        SUSPENDED = "suspended", _("suspended")
        TERMINATED = "terminated", _("terminated")

    name = models.CharField(_("project"), max_length=250)
    investor = models.CharField(_("investor"), max_length=250)
    investor_country = models.ForeignKey("places.Country", verbose_name=_("investor's country"),
                                         on_delete=models.PROTECT)
    registered_capital = models.DecimalField(_("registered capital (USD)"), max_digits=16, decimal_places=2)
    disbursed_capital = models.DecimalField(_("disbursed capital (USD)"), max_digits=16, decimal_places=2,
                                            null=True, blank=True)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    industrial_park = models.CharField(_("industrial park"), max_length=200, blank=True)
    licensed_on = models.DateField(_("licensed on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.LICENSED)

    class Meta:
        ordering = ["-licensed_on", "name"]
        verbose_name = _("FDI project")
        verbose_name_plural = _("FDI projects")

    def __str__(self) -> str:
        return self.name


class TradeProfile(Record):
    """An enterprise as an exporter or importer: what it trades, where, and whether it is foreign-invested."""

    class Trades(models.TextChoices):
        EXPORT = "export", _("exporter")
        IMPORT = "import", _("importer")
        BOTH = "both", _("exporter and importer")

    enterprise = models.OneToOneField("accounts.Enterprise", verbose_name=_("enterprise"), on_delete=models.CASCADE,
                                      related_name="trade_profile")
    trades = models.CharField(_("trades"), max_length=6, choices=Trades.choices, default=Trades.EXPORT)
    sectors = models.CharField(_("sectors"), max_length=200, blank=True)
    hs_codes = models.CharField(_("main HS codes"), max_length=200, blank=True)
    markets = models.CharField(_("markets (ISO codes)"), max_length=200, blank=True)

    class Meta:
        ordering = ["enterprise__name"]
        verbose_name = _("trade profile")
        verbose_name_plural = _("trade profiles")

    def __str__(self) -> str:
        return str(self.enterprise)
