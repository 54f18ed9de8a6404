import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ftahub.core.scoping import ProvinceScopedQuerySet


def new_token() -> str:
    return secrets.token_urlsafe(24)


class HubEvent(models.Model):
    class Kind(models.TextChoices):
        TRADE_FAIR = "trade_fair", _("trade fair")
        FORUM = "forum", _("forum")
        FESTIVAL = "festival", _("festival")
        TRAINING = "training", _("training on FTA rules")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 limit_choices_to={"era": "2025"})
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    venue = models.CharField(_("venue"), max_length=250)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    capacity = models.PositiveIntegerField(_("capacity"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    hs_codes = models.CharField(_("products (HS codes)"), max_length=200, blank=True,
                                help_text=_("Comma-separated; people watching these products are told of the event."))
    matchmaking = models.BooleanField(_("B2B matchmaking"), default=False)
    tables = models.PositiveSmallIntegerField(_("meeting tables"), default=10)
    slot_minutes = models.PositiveSmallIntegerField(_("meeting length (minutes)"), default=20,
                                                    validators=[MinValueValidator(5), MaxValueValidator(240)])
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = ProvinceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        return self.title_en if self.title_en and not (get_language() or "vi").startswith("vi") else self.title

    @property
    def display_description(self) -> str:
        use_en = self.description_en and not (get_language() or "vi").startswith("vi")
        return self.description_en if use_en else self.description

    @property
    def registration_open(self) -> bool:
        return self.status == self.Status.PUBLISHED and timezone.now() < self.registration_closes_at

    def confirmed_count(self) -> int:
        return self.registrations.filter(status=Registration.Status.CONFIRMED).count()


class Registration(models.Model):
    audit_secret_fields = ("token",)  # the ticket's link lets its holder cancel or check in: never in the audit log

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for you to confirm your email address")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    class Role(models.TextChoices):
        VISITOR = "visitor", _("visitor")
        EXHIBITOR = "exhibitor", _("exhibitor (sells)")
        BUYER = "buyer", _("buyer (seeks)")

    event = models.ForeignKey(HubEvent, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country (ISO alpha-2)"), max_length=2, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    role = models.CharField(_("taking part as"), max_length=10, choices=Role.choices, default=Role.VISITOR)
    hs_codes = models.CharField(_("HS codes sold or sought"), max_length=200, blank=True)
    markets = models.CharField(_("markets (ISO codes)"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    token = models.CharField(max_length=40, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        return f"{self.name} — {self.event}"


class Meeting(models.Model):
    """A proposed B2B meeting between an exhibitor and a buyer of a trade fair; both accept, then it gets a slot."""

    event = models.ForeignKey(HubEvent, on_delete=models.CASCADE, related_name="meetings")
    exhibitor = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    buyer = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reasons = models.CharField(max_length=300, blank=True)
    exhibitor_accepted = models.BooleanField(null=True)
    buyer_accepted = models.BooleanField(null=True)
    starts_at = models.DateTimeField(null=True, blank=True)
    table = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [models.UniqueConstraint(fields=["exhibitor", "buyer"], name="meeting_pair")]

    @property
    def confirmed(self) -> bool:
        return bool(self.exhibitor_accepted and self.buyer_accepted)
