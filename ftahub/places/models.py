from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    """A country or territory of ISO 3166-1, named in English and Vietnamese (pycountry's iso-codes data)."""

    audit_exempt = True  # reference data: loads are audited as one LOAD entry

    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO numeric"), max_length=3)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country or territory")
        verbose_name_plural = _("countries and territories")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_vi if (get_language() or "vi").startswith("vi") else self.name_en


class Province(models.Model):
    """A provincial-level unit of Vietnam.

    ``era`` tells which arrangement it belongs to: the 63 units in force until 30 June 2025, or the 34 units in force
    since 1 July 2025 (Resolution 202/2025/QH15). A pre-2025 unit points to the current unit it became part of.
    Codes are the General Statistics Office codes; a current unit keeps the code of the unit whose seat it kept, so
    a code alone is ambiguous across eras.
    """

    audit_exempt = True

    class Era(models.TextChoices):
        BEFORE_2025 = "1976", _("until 30 June 2025 (63 units)")
        FROM_2025 = "2025", _("from 1 July 2025 (34 units)")

    era = models.CharField(_("arrangement"), max_length=4, choices=Era.choices)
    code = models.PositiveSmallIntegerField(_("GSO code"))
    name = models.CharField(_("name"), max_length=80)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("became part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        limit_choices_to={"era": Era.FROM_2025},
    )

    class Meta:
        ordering = ["era", "code"]
        constraints = [models.UniqueConstraint(fields=["era", "code"], name="province_unique_code_per_era")]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name

    @property
    def short_name(self) -> str:
        for prefix in ("Thành phố ", "Tỉnh "):
            if self.name.startswith(prefix):
                return self.name[len(prefix):]
        return self.name

    @property
    def is_current(self) -> bool:
        return self.era == self.Era.FROM_2025
