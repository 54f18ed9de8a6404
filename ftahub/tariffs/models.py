from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ftahub.common import hscode


class HSSection(models.Model):
    """One of the 21 sections of the Harmonized System (I … XXI)."""

    audit_exempt = True  # reference data: bulk loads are audited as one LOAD entry

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    roman = models.CharField(_("section"), max_length=5, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=300)

    class Meta:
        ordering = ["number"]
        verbose_name = _("HS section")
        verbose_name_plural = _("HS sections")

    def __str__(self) -> str:
        return f"{self.roman} {self.name_en}"


class HSCode(models.Model):
    """A line of the nomenclature: chapter (2 digits), heading (4), subheading (6) or Vietnamese national line (8).

    ``code`` holds digits only (``08109020``); ``display`` prints it the customary way (``0810.90.20``).
    """

    audit_exempt = True

    class Level(models.IntegerChoices):
        CHAPTER = 2, _("chapter")
        HEADING = 4, _("heading")
        SUBHEADING = 6, _("subheading")
        NATIONAL = 8, _("national line")

    code = models.CharField(_("code"), max_length=8, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, db_index=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    section = models.ForeignKey(HSSection, null=True, blank=True, on_delete=models.PROTECT, related_name="codes",
                                help_text=_("None for Viet Nam's own chapter 98."))
    description_en = models.TextField(_("description (English)"))
    description_vi = models.TextField(_("description (Vietnamese)"), blank=True)
    source = models.CharField(_("source"), max_length=120)
    search_text = models.TextField(_("search text"), blank=True, editable=False,
                                   help_text=_("Code and descriptions, lower-case and without diacritics."))

    class Meta:
        ordering = ["code"]
        verbose_name = _("HS code")
        verbose_name_plural = _("HS codes")

    def __str__(self) -> str:
        return f"{self.display} {self.description}"

    @property
    def display(self) -> str:
        return format_hs(self.code)

    def ancestors(self) -> list["HSCode"]:
        """Chapter, heading, subheading … above this line, top first."""
        path, node = [], self.parent
        while node is not None:
            path.insert(0, node)
            node = node.parent
        return path

    @property
    def description(self) -> str:
        return localized(self.description_en, self.description_vi)


def localized(description_en: str, description_vi: str) -> str:
    """The Vietnamese description in Vietnamese (when there is one), else the English."""
    if (get_language() or "vi").startswith("vi") and description_vi:
        return description_vi
    return description_en


def format_hs(code: str) -> str:
    """``08109020`` → ``0810.90.20``; ``081090`` → ``0810.90``; ``0810`` → ``08.10``; ``08`` → ``08``."""
    return hscode.dotted(code)


class TariffRate(models.Model):
    """One printed rate of Viet Nam's tariff for an 8-digit line: MFN, ordinary, an agreement's preferential rate,
    or a tax column. ``raw`` is exactly what the source prints; the parsed fields never replace it."""

    audit_exempt = True

    class Kind(models.TextChoices):
        AD_VALOREM = "ad_valorem", _("ad valorem")
        NONE = "none", _("no preferential rate")
        QUOTA = "quota", _("tariff-rate quota")
        SPLIT = "split", _("several rates by product")
        RELATIVE_MFN = "relative_mfn", _("relative to the MFN rate")
        CHAPTER_98 = "chapter98", _("set by a Chapter 98 note")
        TEXT = "text", _("as printed")

    line = models.ForeignKey(HSCode, on_delete=models.CASCADE, related_name="rates")
    column = models.CharField(_("column"), max_length=12)
    agreement = models.ForeignKey("agreements.TradeAgreement", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="tariff_rates")
    raw = models.CharField(_("as printed"), max_length=80)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    percent = models.DecimalField(_("rate %"), max_digits=7, decimal_places=3, null=True, blank=True)
    out_of_quota = models.DecimalField(_("out-of-quota rate %"), max_digits=7, decimal_places=3, null=True,
                                       blank=True)
    in_quota_only = models.BooleanField(_("in-quota only"), default=False)
    excluded_parties = models.CharField(_("parties excluded"), max_length=80, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"))
    source = models.CharField(_("source"), max_length=200)
    edition = models.CharField(_("edition"), max_length=40)

    class Meta:
        ordering = ["line", "column"]
        constraints = [models.UniqueConstraint(fields=["line", "column", "valid_from"], name="rate_unique")]
        verbose_name = _("tariff rate")
        verbose_name_plural = _("tariff rates")

    def __str__(self) -> str:
        return f"{self.line.code} {self.column}: {self.raw}"

    def as_rate(self):
        """The printed text read again (the parse is cached): markers, splits and partner rates included."""
        from .rates import parse_rate

        return parse_rate(self.raw)


class TariffCommitment(models.Model):
    """An agreement's commitment for a line: its base rate and staging category, and the rates the schedule prints
    for given years (``printed``: calendar year → rate as printed). A printed year is used as printed; other years
    are computed from the category (see ``commitments.rate_on``)."""

    audit_exempt = True

    line = models.ForeignKey(HSCode, on_delete=models.CASCADE, related_name="commitments")
    agreement = models.ForeignKey("agreements.TradeAgreement", on_delete=models.PROTECT, related_name="commitments")
    base_raw = models.CharField(_("base rate as printed"), max_length=40, blank=True)
    category = models.CharField(_("staging category"), max_length=12, blank=True)
    printed = models.JSONField(_("printed rates by year"), default=dict, blank=True)
    differences = models.JSONField(_("printed years the category does not give"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=200)
    edition = models.CharField(_("edition"), max_length=40)

    class Meta:
        ordering = ["line", "agreement"]
        constraints = [models.UniqueConstraint(fields=["line", "agreement"], name="commitment_unique")]
        verbose_name = _("tariff commitment")
        verbose_name_plural = _("tariff commitments")

    def __str__(self) -> str:
        return f"{self.line.code} {self.agreement.code}: {self.base_raw} {self.category}".strip()


class WatchItem(models.Model):
    """A user watches an HS line (optionally for one partner): staged cuts and changed rules are notified."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watchlist")
    line = models.ForeignKey(HSCode, on_delete=models.CASCADE, related_name="watchers")
    partner = models.CharField(_("partner (ISO alpha-2)"), max_length=2, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    rule_snapshot = models.JSONField(default=dict, blank=True, help_text=_("Rules seen at the last check."))
    notified_keys = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["line__code"]
        constraints = [models.UniqueConstraint(fields=["user", "line", "partner"], name="watch_unique")]
        verbose_name = _("watched line")
        verbose_name_plural = _("watched lines")

    def __str__(self) -> str:
        return f"{self.user} watches {self.line.code} {self.partner}".strip()


class TariffEdition(models.Model):
    """A loaded edition of Viet Nam's whole tariff: its files' SHA-256 (an unchanged re-load is skipped), source,
    validity and what the load found."""

    audit_exempt = True

    dataset = models.CharField(_("dataset"), max_length=40, unique=True)
    edition = models.CharField(_("edition"), max_length=40)
    source = models.CharField(_("source"), max_length=300)
    sha256 = models.CharField(max_length=64)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"))
    counts = models.JSONField(default=dict)
    notices = models.JSONField(default=list)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.dataset} {self.edition}"


class TariffRow(models.Model):
    """A row of the tariff as printed, in order: a heading, subheading or national line (``line`` set), or a text
    row such as "- Ngựa:" that groups the lines under it. The nomenclature tree is drawn from these."""

    audit_exempt = True

    position = models.PositiveIntegerField(unique=True)
    heading = models.CharField(max_length=4, db_index=True)  # the heading the row is printed under
    level = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=8, blank=True)
    line = models.ForeignKey(HSCode, null=True, blank=True, on_delete=models.CASCADE, related_name="printed_rows")
    description_vi = models.TextField(blank=True)
    description_en = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]

    @property
    def description(self) -> str:
        return localized(self.description_en, self.description_vi)


class LineProcedure(models.Model):
    """A specialised procedure an import of the line must pass (quarantine, licence, food safety, conformity…),
    with its legal basis as printed."""

    audit_exempt = True

    line = models.ForeignKey(HSCode, on_delete=models.CASCADE, related_name="procedures")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("procedure"), max_length=400)
    basis = models.CharField(_("legal basis"), max_length=200, db_index=True)
    note = models.CharField(_("mark printed after it"), max_length=10, blank=True)

    class Meta:
        ordering = ["line", "position"]

    def __str__(self) -> str:
        return f"{self.name} ({self.basis})" if self.basis else self.name


class ClassificationFeedback(models.Model):
    """An officer's or a business's word on a classification: this description is this national line (confirmed on
    the assistant's page, or the HS code of a C/O item an officer approved). Later suggestions for the same
    description in the same province put the line first; ``wrong_code`` is the line it was corrected from."""

    class Source(models.TextChoices):
        PAGE = "page", _("classification assistant")
        CO = "co", _("approved C/O application")

    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 related_name="hs_feedback")
    text = models.CharField(_("description of goods"), max_length=300)
    code = models.CharField(_("national line"), max_length=8)
    wrong_code = models.CharField(_("corrected from"), max_length=8, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.PAGE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                             related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("classification confirmed by an officer")
        verbose_name_plural = _("classifications confirmed by officers")

    def __str__(self) -> str:
        return f"{self.text} → {self.code}"
