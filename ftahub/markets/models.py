"""Export markets: what a partner country charges on goods from Viet Nam (its own schedule, imported with its
source), what it requires of them, and the notices (trade-remedy cases, SPS/TBT notifications, requirement changes)
the province's exporters must hear about."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerEdition(models.Model):
    """One imported edition of a partner's schedule: its rates replace that edition's earlier import whole."""

    partner = models.CharField(_("partner (ISO alpha-2)"), max_length=2, db_index=True)
    edition = models.CharField(_("edition"), max_length=60)
    source = models.CharField(_("source"), max_length=300)
    file_name = models.CharField(_("file"), max_length=200)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    report = models.JSONField(default=list, blank=True)  # problems found, as Problem.data()
    is_fixture = models.BooleanField(_("test fixture"), default=False)
    loaded_at = models.DateTimeField(_("loaded"), auto_now=True)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("loaded by"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partner", "edition"], name="partner_edition_unique")]
        ordering = ["partner", "-loaded_at"]
        verbose_name = _("partner schedule")
        verbose_name_plural = _("partner schedules")

    def __str__(self) -> str:
        return f"{self.partner} {self.edition}"


class PartnerRate(models.Model):
    """A rate a partner applies to a line of its own nomenclature, as printed, for one year: its MFN rate
    (``agreement`` empty) or its preferential rate for goods from Viet Nam under an agreement."""

    edition = models.ForeignKey(PartnerEdition, on_delete=models.CASCADE, related_name="rates")
    partner = models.CharField(max_length=2, db_index=True)
    code = models.CharField(_("partner's tariff line"), max_length=14)
    subheading = models.CharField(_("HS subheading"), max_length=6, db_index=True)
    description = models.TextField(_("description"), blank=True)
    agreement = models.CharField(_("agreement"), max_length=20, blank=True)
    raw = models.CharField(_("as printed"), max_length=80)
    percent = models.DecimalField(_("rate %"), max_digits=7, decimal_places=3, null=True, blank=True)
    category = models.CharField(_("staging category"), max_length=20, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["partner", "subheading"])]
        ordering = ["code", "agreement", "year"]
        verbose_name = _("partner's rate")
        verbose_name_plural = _("partner's rates")


class Requirement(models.Model):
    """What a market requires of a product (quarantine, residue limits, labelling, deforestation-free...), recorded by
    an officer from its source."""

    class Kind(models.TextChoices):
        SPS = "sps", _("food safety, animal and plant health")
        TBT = "tbt", _("technical rules and standards")
        LABEL = "label", _("labelling and packaging")
        LICENCE = "licence", _("licence or registration")
        SUSTAIN = "sustain", _("sustainability and due diligence")
        OTHER = "other", _("other")

    partner = models.CharField(_("market (ISO alpha-2)"), max_length=2, db_index=True)
    hs_prefix = models.CharField(_("HS code (chapter, heading or subheading)"), max_length=8)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("requirement"), max_length=250)
    title_en = models.CharField(_("requirement in English"), max_length=250, blank=True)
    detail = models.TextField(_("what the exporter must do"), blank=True)
    source = models.CharField(_("source (legal text or authority)"), max_length=300)
    url = models.URLField(_("link to the source"), blank=True)
    applies_from = models.DateField(_("applies from"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partner", "hs_prefix", "title"]
        verbose_name = _("market requirement")
        verbose_name_plural = _("market requirements")

    def __str__(self) -> str:
        return self.title


class Notice(models.Model):
    """A trade-remedy case, an SPS or TBT notification to the WTO, or a change of a market's requirements."""

    class Kind(models.TextChoices):
        REMEDY = "remedy", _("trade-remedy case")
        SPS = "sps", _("SPS notification")
        TBT = "tbt", _("TBT notification")
        REQUIREMENT = "requirement", _("change of market requirements")

    class Stage(models.TextChoices):
        INITIATION = "initiation", _("initiation")
        PRELIMINARY = "preliminary", _("preliminary determination")
        FINAL = "final", _("final determination")
        REVIEW = "review", _("review")
        CLOSED = "closed", _("closed")

    class Remedy(models.TextChoices):
        ANTI_DUMPING = "ad", _("anti-dumping")
        COUNTERVAILING = "cvd", _("anti-subsidy (countervailing)")
        SAFEGUARD = "sg", _("safeguard")
        CIRCUMVENTION = "ac", _("anti-circumvention")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    country = models.CharField(_("country (ISO alpha-2)"), max_length=2, db_index=True)
    reference = models.CharField(_("case number or document symbol"), max_length=80)
    title = models.CharField(_("title"), max_length=300)
    products = models.TextField(_("products"), blank=True)
    hs_codes = models.CharField(_("HS codes"), max_length=400,
                                help_text=_("Chapters, headings or subheadings, separated by commas."))
    remedy = models.CharField(_("measure"), max_length=3, choices=Remedy.choices, blank=True)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, blank=True)
    objective = models.CharField(_("objective"), max_length=300, blank=True)
    duties = models.JSONField(_("duty rates by company"), default=list, blank=True)
    published_on = models.DateField(_("published on"))
    comment_deadline = models.DateField(_("comments due by"), null=True, blank=True)
    in_force_on = models.DateField(_("enters into force on"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    source = models.CharField(_("source"), max_length=300)
    is_open = models.BooleanField(_("open"), default=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-published_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "country", "reference"], name="notice_unique")]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def prefixes(self) -> list[str]:
        return [p for p in (c.strip().replace(".", "") for c in self.hs_codes.split(",")) if p]


class Delivery(models.Model):
    """A notice sent to a user, once, with why it reached them."""

    audit_exempt = True  # derived from records that are audited themselves

    class Reason(models.TextChoices):
        WATCHLIST = "watchlist", _("a line on your watchlist")
        EXPORTS = "exports", _("your C/O applications")

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["notice", "user"], name="delivery_unique")]
