from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ftahub.core.scoping import ProvinceScopedQuerySet

from .taxcode import InvalidTaxCode, normalise_tax_code

OFFICER_ROLES = frozenset({"co_officer", "fa_officer", "administrator"})  # the province's staff who act on records
# who keeps the province's foreign-affairs registry, events and news (a C/O officer works on the C/O desk only)
EDITOR_ROLES = frozenset({"fa_officer", "administrator"})


def validate_tax_code(value: str) -> None:
    try:
        normalise_tax_code(value)
    except InvalidTaxCode as exc:
        raise ValidationError(_("%(value)s is not a valid Vietnamese tax code."), params={"value": value}) from exc


class Enterprise(models.Model):
    """A business registered in Vietnam: exporter, importer, producer; FDI or domestic."""

    class Ownership(models.TextChoices):
        DOMESTIC = "domestic", _("domestic")
        FDI = "fdi", _("foreign-invested")

    tax_code = models.CharField(_("tax code"), max_length=14, unique=True, validators=[validate_tax_code])
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    province = models.ForeignKey(
        "places.Province", verbose_name=_("province"), on_delete=models.PROTECT, limit_choices_to={"era": "2025"}
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    ownership = models.CharField(_("ownership"), max_length=10, choices=Ownership.choices, default=Ownership.DOMESTIC)
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = ProvinceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")

    def __str__(self) -> str:
        return f"{self.name} ({self.tax_code})"

    def clean(self) -> None:
        if self.tax_code:
            try:
                self.tax_code = normalise_tax_code(self.tax_code)
            except InvalidTaxCode:
                pass  # the field validator reports it


class User(AbstractUser):
    """A person who signs in. Anonymous visitors are the public and need no account."""

    class Role(models.TextChoices):
        BUSINESS = "business", _("business user")
        CO_OFFICER = "co_officer", _("C/O officer")
        FA_OFFICER = "fa_officer", _("foreign-affairs officer")
        STATISTICIAN = "statistician", _("statistician")
        ADMINISTRATOR = "administrator", _("administrator")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.BUSINESS)
    province = models.ForeignKey(
        "places.Province",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"era": "2025"},
        help_text=_("Officers work for one province; an administrator without a province administers all."),
    )
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("enterprise"), null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    manages_team = models.BooleanField(
        _("manages the enterprise's accounts"), default=False,
        help_text=_("A business user who invites colleagues of the same enterprise and closes their accounts."))

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self) -> None:
        super().clean()
        if self.role == self.Role.BUSINESS and self.enterprise_id is None and not self.is_superuser:
            raise ValidationError({"enterprise": _("A business user belongs to an enterprise.")})
        if self.role in {self.Role.CO_OFFICER, self.Role.FA_OFFICER} and self.province_id is None:
            raise ValidationError({"province": _("An officer works for a province.")})

    @property
    def is_national(self) -> bool:
        """Sees every province's records: an administrator (or superuser) bound to no province."""
        return self.is_superuser or (self.role == self.Role.ADMINISTRATOR and self.province_id is None)

    @property
    def is_officer(self) -> bool:
        return self.role in OFFICER_ROLES

    @property
    def is_editor(self) -> bool:
        return self.is_superuser or self.role in EDITOR_ROLES

    def has_role(self, roles) -> bool:
        """One of ``roles``, or a superuser (who may do anything)."""
        return self.is_superuser or self.role in roles


class AccessRequest(models.Model):
    """A business asks for an account: its tax code (checked), name and province, and the person who will sign in.
    An administrator of that province approves it (the enterprise is found by its tax code or created, the user is
    made and emailed a link to choose a password) or refuses it with a reason."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a decision")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    tax_code = models.CharField(_("tax code"), max_length=14, validators=[validate_tax_code])
    enterprise_name = models.CharField(_("enterprise name"), max_length=200)
    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 limit_choices_to={"era": "2025"})
    contact_name = models.CharField(_("your name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    username = models.CharField(_("user name you would like"), max_length=150)
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey("User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProvinceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request for access")
        verbose_name_plural = _("requests for access")

    def __str__(self) -> str:
        return f"{self.enterprise_name} ({self.tax_code})"
