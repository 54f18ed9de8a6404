"""The province's FTA support centre: businesses' questions and obstacles answered by the advice desk (and published
as FAQ entries), the FTA action plans with their tasks and indicators, periodic reports, and attendance certificates
of trainings."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ftahub.core.scoping import ProvinceScopedQuerySet


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Topic(models.TextChoices):
    TARIFFS = "tariffs", _("tariffs and FTA commitments")
    ORIGIN = "origin", _("rules of origin")
    CO = "co", _("certificates of origin")
    STANDARDS = "standards", _("standards, SPS and TBT")
    LOGISTICS = "logistics", _("logistics and customs")
    MARKETS = "markets", _("export markets and trade remedies")
    INVESTMENT = "investment", _("investment")
    OTHER = "other", _("other")


class QuestionQuerySet(ProvinceScopedQuerySet):
    enterprise_field = "enterprise"


class Question(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("received")
        ASSIGNED = "assigned", _("being answered")
        FORWARDED = "forwarded", _("forwarded to a department")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")

    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 limit_choices_to={"era": "2025"})
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("asked by"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="questions")
    enterprise = models.ForeignKey("accounts.Enterprise", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="questions")
    name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=12, choices=Topic.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=[("question", _("a question")),
                                                              ("obstacle", _("an obstacle to report"))],
                            default="question")
    hs_codes = models.CharField(_("products (HS codes)"), max_length=200, blank=True)
    market = models.CharField(_("market (ISO alpha-2)"), max_length=2, blank=True)
    title = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("your question"))
    attachment = models.FileField(_("attachment"), upload_to="support/", blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="assigned_questions", verbose_name=_("officer in charge"))
    department = models.CharField(_("department"), max_length=200, blank=True)
    due_at = models.DateTimeField(_("answer due by"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_comment = models.CharField(_("comment on the answer"), max_length=500, blank=True)
    published = models.BooleanField(_("published as a FAQ entry"), default=False)
    faq_question = models.TextField(_("question as published (anonymised)"), blank=True)
    faq_answer = models.TextField(_("answer as published"), blank=True)
    overdue_notified = models.BooleanField(_("reminded of the deadline"), default=False)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo record"), default=False)

    audit_secret_fields = ("token",)
    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.title


class Step(models.Model):
    """What happened to a question, for its asker and the officers."""

    audit_exempt = True  # derived from records that are audited themselves

    class Kind(models.TextChoices):
        ASKED = "asked", _("asked")
        ASSIGNED = "assigned", _("assigned")
        FORWARDED = "forwarded", _("forwarded")
        ANSWERED = "answered", _("answered")
        RATED = "rated", _("rated")
        PUBLISHED = "published", _("published")
        REMINDED = "reminded", _("reminded of the deadline")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]


class Plan(models.Model):
    """A province's FTA action plan."""

    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 limit_choices_to={"era": "2025"})
    title = models.CharField(_("title"), max_length=300)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    agreements = models.ManyToManyField("agreements.TradeAgreement", verbose_name=_("agreements"), blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProvinceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("not started")
        RUNNING = "running", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    plan = models.ForeignKey(Plan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    department = models.CharField(_("department in charge"), max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="support_tasks", verbose_name=_("officer in charge"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    reminded = models.BooleanField(_("reminded of the deadline"), default=False)

    class Meta:
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.title


class TaskNote(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("progress note"))
    evidence = models.FileField(_("evidence file"), upload_to="support/evidence/", blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True,
                               on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")


class Indicator(models.Model):
    class Source(models.TextChoices):
        REPORTED = "reported", _("reported by its owner")
        CO_ISSUED = "co_issued", _("C/Os issued by the hub (under the agreement named)")
        TRAINED = "trained", _("people who attended the province's trainings")
        ANSWERED = "answered", _("businesses' questions answered by the advice desk")
        EXPORTS = "exports", _("the province's exports (USD, statistics)")

    plan = models.ForeignKey(Plan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2, null=True, blank=True)
    source = models.CharField(_("where the value comes from"), max_length=10, choices=Source.choices,
                              default=Source.REPORTED)
    agreement = models.ForeignKey("agreements.TradeAgreement", null=True, blank=True, on_delete=models.PROTECT,
                                  verbose_name=_("agreement"))
    department = models.CharField(_("department reporting it"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """A value reported by the indicator's owner for a period ending on ``period_end``."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_end = models.DateField(_("period ending on"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reported by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    reported_at = models.DateTimeField(_("reported on"), auto_now_add=True)

    class Meta:
        ordering = ["-period_end"]
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        constraints = [models.UniqueConstraint(fields=["indicator", "period_end"], name="indicator_value_once")]


class Report(models.Model):
    """A periodic report of a plan (quarter, half-year, year) with the text the officers wrote."""

    class Period(models.TextChoices):
        QUARTER = "quarter", _("quarter")
        HALF = "half", _("half-year")
        YEAR = "year", _("year")

    plan = models.ForeignKey(Plan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="reports")
    period = models.CharField(_("period"), max_length=8, choices=Period.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    number = models.CharField(_("document number"), max_length=60, blank=True,
                              help_text=_("As the province numbers its reports, e.g. 125/BC-SCT."))
    recipients = models.CharField(_("sent to"), max_length=300, blank=True)
    summary = models.TextField(_("how the plan was carried out"), blank=True)
    difficulties = models.TextField(_("difficulties and obstacles"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ends_on"]
        verbose_name = _("periodic report")
        verbose_name_plural = _("periodic reports")


class Attendance(models.Model):
    """A signed certificate of attendance of a training (an event's checked-in registration)."""

    audit_secret_fields = ("token",)
    registration = models.OneToOneField("events.Registration", verbose_name=_("registration"),
                                        on_delete=models.CASCADE, related_name="attendance")
    number = models.CharField(_("number"), max_length=40, unique=True)
    token = models.CharField(max_length=40, unique=True, default=new_token)  # the QR's link: not guessable
    payload = models.TextField(_("signed record"))  # canonical JSON that was signed
    kid = models.CharField(_("signing key"), max_length=60)
    signature = models.CharField(_("signature"), max_length=100)  # base64url Ed25519
    issued_at = models.DateTimeField(_("issued on"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate of attendance")
        verbose_name_plural = _("certificates of attendance")
