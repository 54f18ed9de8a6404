from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TradeAgreement(models.Model):
    """A free trade agreement in force for Vietnam, as reference data (``agreements/data/agreements.json``).

    ``sources`` maps each fact (``signed_on``, ``in_force_vn``, ``proof_of_origin``, ``parties``) to where it is
    stated; a fact the data does not state is left empty and shown as "not recorded", never guessed.
    """

    audit_exempt = True

    code = models.CharField(_("code"), max_length=20, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=12, choices=[("asean", _("ASEAN")), ("asean_plus", _("ASEAN+1")),
                                           ("bilateral", _("bilateral")), ("plurilateral", _("plurilateral"))]
    )
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    in_force_vn = models.DateField(_("in force for Vietnam"), null=True, blank=True)
    co_form = models.CharField(_("C/O form"), max_length=40, blank=True)
    self_certification = models.TextField(_("self-certification"), blank=True)
    self_certification_vi = models.TextField(_("self-certification (Vietnamese)"), blank=True)
    tariff_column = models.CharField(
        _("tariff column"), max_length=12, blank=True, help_text=_("Key of the agreement's rates in the tariff data.")
    )
    parties = models.ManyToManyField("places.Country", verbose_name=_("parties"), related_name="agreements")
    notes = models.TextField(_("notes"), blank=True)
    notes_vi = models.TextField(_("notes (Vietnamese)"), blank=True)
    sources = models.JSONField(_("sources"), default=dict)

    class Meta:
        ordering = ["in_force_vn", "code"]
        verbose_name = _("trade agreement")
        verbose_name_plural = _("trade agreements")

    def __str__(self) -> str:
        return self.code

    @property
    def name(self) -> str:
        return self.name_vi if (get_language() or "vi").startswith("vi") else self.name_en

    def _in_language(self, english: str, vietnamese: str) -> tuple[str, str]:
        """(text, its language code): the Vietnamese for a Vietnamese reader when it is written, else the English."""
        if (get_language() or "vi").startswith("vi") and vietnamese:
            return vietnamese, "vi"
        return english, "en"

    @property
    def self_certification_text(self) -> tuple[str, str]:
        return self._in_language(self.self_certification, self.self_certification_vi)

    @property
    def notes_text(self) -> tuple[str, str]:
        return self._in_language(self.notes, self.notes_vi)

    @property
    def source_rows(self) -> list[tuple[str, str]]:
        """Each fact's source, the fact named in the reader's language (the sources are the documents' titles)."""
        rows = []
        for fact, source in (self.sources or {}).items():
            try:
                label = str(self._meta.get_field(fact).verbose_name)
            except Exception:  # noqa: BLE001 - a fact that is not a field keeps its key
                label = fact
            rows.append((label, source))
        return rows


def partner_countries():
    """The countries other than Viet Nam that are party to at least one agreement, by name in the language in use."""
    from ftahub.places.models import Country

    codes = set(TradeAgreement.objects.values_list("parties__iso2", flat=True)) - {"VN", None}
    return sorted(Country.objects.filter(iso2__in=codes), key=lambda c: c.name)
