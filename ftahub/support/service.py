"""The advice desk's workflow, the action plans' indicators (filled from the hub's own data where it holds them),
reminders, and signed attendance certificates."""

import datetime
import json
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from ftahub.common.keyring import b64url, unb64url
from ftahub.common.text import fold
from ftahub.core import notices

from .models import Attendance, Indicator, IndicatorValue, Plan, Question, Step, Task

ANSWER_DAYS = 5  # working days to answer, the province's own service target (FTAHUB_ADVICE_ANSWER_DAYS)
TASK_REMINDER_DAYS = 7


class DeskError(ValueError):
    pass


def notice_texts() -> dict:
    from django.utils.translation import gettext_lazy as _

    return {
        "question_new": _("New question to the advice desk: %(title)s."),
        "question_assigned": _("A question is yours to answer by %(due)s: %(title)s."),
        "question_overdue": _("The answer to this question is overdue (due %(due)s): %(title)s."),
        "question_answered": _("Your question has been answered: %(title)s."),
        "task_due": _("Action plan task due on %(deadline)s: %(title)s."),
    }


def calendar():
    from ftahub.codesk.service import calendar as desk_calendar

    return desk_calendar()  # the province's working hours and holidays, as the C/O desk counts them


def answer_days() -> int:
    return int(getattr(settings, "FTAHUB_ADVICE_ANSWER_DAYS", ANSWER_DAYS))


def due_after(start: datetime.datetime, days: int) -> datetime.datetime:
    cal = calendar()
    return cal.after_working_hours(timezone.localtime(start), days * cal.hours_a_day)


def _officers(province):
    from ftahub.accounts.models import User

    return User.objects.filter(is_active=True, province=province, role__in=["fa_officer", "administrator"])


def _step(question: Question, kind: str, actor=None, note: str = "") -> None:
    Step.objects.create(question=question, kind=kind, actor=actor, note=note)


def follow_url(question: Question, base_url: str = "") -> str:
    return base_url + reverse("support-follow", args=[question.token])


def ask(base_url: str = "", **fields) -> Question:
    question = Question(**fields)
    question.due_at = due_after(timezone.now(), answer_days())
    question.save()
    _step(question, Step.Kind.ASKED, fields.get("asker"))
    for officer in _officers(question.province):
        notices.notify(officer, "question_new", url=base_url + reverse("support-question", args=[question.pk]),
                       params={"title": question.title})
    with translation.override(settings.LANGUAGE_CODE):
        from django.utils.translation import gettext as _

        send_mail(_("FTA Hub: your question was received"),
                  _("We received your question \"%(title)s\". The province answers by %(due)s. Follow it here: "
                    "%(url)s") % {"title": question.title, "due": f"{timezone.localtime(question.due_at):%d/%m/%Y %H:%M}",
                                  "url": follow_url(question, base_url)},
                  None, [question.email], fail_silently=True)
    return question


def assign(question: Question, officer, assignee, base_url: str = "") -> None:
    question.assignee, question.status = assignee, Question.Status.ASSIGNED
    question.overdue_notified = False
    question.save(update_fields=["assignee", "status", "overdue_notified"])
    _step(question, Step.Kind.ASSIGNED, officer, assignee.get_full_name() or assignee.username)
    notices.notify(assignee, "question_assigned", url=base_url + reverse("support-question", args=[question.pk]),
                   params={"title": question.title, "due": f"{timezone.localtime(question.due_at):%d/%m/%Y}"})


def forward(question: Question, officer, department: str, days: int) -> None:
    if not department.strip():
        raise DeskError("department")
    question.department, question.status = department.strip(), Question.Status.FORWARDED
    question.due_at = due_after(timezone.now(), days)
    question.overdue_notified = False
    question.save(update_fields=["department", "status", "due_at", "overdue_notified"])
    _step(question, Step.Kind.FORWARDED, officer, department.strip())


def answer(question: Question, officer, text: str, base_url: str = "") -> None:
    if not text.strip():
        raise DeskError("answer")
    question.answer, question.answered_at, question.answered_by = text.strip(), timezone.now(), officer
    question.status = Question.Status.ANSWERED
    question.save(update_fields=["answer", "answered_at", "answered_by", "status"])
    _step(question, Step.Kind.ANSWERED, officer)
    if question.asker_id:
        notices.notify(question.asker, "question_answered", url=follow_url(question, base_url),
                       params={"title": question.title}, email=False)
    with translation.override(settings.LANGUAGE_CODE):
        from django.utils.translation import gettext as _

        send_mail(_("FTA Hub: your question has been answered"),
                  _("Your question \"%(title)s\" has been answered. Read the answer and tell us whether it helped: "
                    "%(url)s") % {"title": question.title, "url": follow_url(question, base_url)},
                  None, [question.email], fail_silently=True)


def rate(question: Question, rating: int, comment: str = "") -> None:
    if question.status != Question.Status.ANSWERED and question.status != Question.Status.CLOSED:
        raise DeskError("not_answered")
    if not 1 <= rating <= 5:
        raise DeskError("rating")
    question.rating, question.rating_comment = rating, comment.strip()[:500]
    question.status = Question.Status.CLOSED
    question.save(update_fields=["rating", "rating_comment", "status"])
    _step(question, Step.Kind.RATED, question.asker, str(rating))


def publish(question: Question, officer, faq_question: str, faq_answer: str) -> None:
    if not question.answer:
        raise DeskError("not_answered")
    if not faq_question.strip() or not faq_answer.strip():
        raise DeskError("faq")
    question.faq_question, question.faq_answer, question.published = faq_question.strip(), faq_answer.strip(), True
    question.save(update_fields=["faq_question", "faq_answer", "published"])
    _step(question, Step.Kind.PUBLISHED, officer)


def faq(q: str = "", topic: str = "") -> list[Question]:
    rows = Question.objects.filter(published=True).order_by("-answered_at")
    if topic:
        rows = rows.filter(topic=topic)
    words = fold(q).split()
    return [x for x in rows if all(w in fold(f"{x.faq_question} {x.faq_answer} {x.hs_codes}") for w in words)]


def remind_overdue(now: datetime.datetime | None = None, base_url: str = "") -> int:
    """Tell the officer in charge (or the province's officers) once when an answer is overdue."""
    now = now or timezone.now()
    sent = 0
    for question in Question.objects.filter(due_at__lt=now, overdue_notified=False, status__in=[
            Question.Status.NEW, Question.Status.ASSIGNED, Question.Status.FORWARDED]).select_related("assignee"):
        people = [question.assignee] if question.assignee_id else list(_officers(question.province))
        for person in people:
            notices.notify(person, "question_overdue", url=base_url + reverse("support-question", args=[question.pk]),
                           params={"title": question.title, "due": f"{timezone.localtime(question.due_at):%d/%m/%Y}"})
        question.overdue_notified = True
        question.save(update_fields=["overdue_notified"])
        _step(question, Step.Kind.REMINDED)
        sent += 1
    return sent


def remind_tasks(today: datetime.date | None = None, base_url: str = "") -> int:
    today = today or timezone.localdate()
    sent = 0
    for task in Task.objects.filter(reminded=False, deadline__lte=today + datetime.timedelta(days=TASK_REMINDER_DAYS),
                                    status__in=[Task.Status.PLANNED, Task.Status.RUNNING]).exclude(owner=None):
        notices.notify(task.owner, "task_due", url=base_url + reverse("support-plan", args=[task.plan_id]),
                       params={"title": task.title, "deadline": f"{task.deadline:%d/%m/%Y}"})
        task.reminded = True
        task.save(update_fields=["reminded"])
        sent += 1
    return sent


def run_reminders() -> None:
    """The worker's hourly housekeeping."""
    remind_overdue()
    remind_tasks()


def dashboard(province, year: int) -> dict:
    rows = Question.objects.filter(created_at__year=year)
    if province is not None:
        rows = rows.filter(province=province)
    cal = calendar()
    months: dict[int, dict] = defaultdict(lambda: {"asked": 0, "answered": 0, "hours": []})
    topics: dict[str, int] = defaultdict(int)
    for created, answered, topic in rows.values_list("created_at", "answered_at", "topic"):
        m = timezone.localtime(created).month
        months[m]["asked"] += 1
        topics[topic] += 1
        if answered:
            months[m]["answered"] += 1
            months[m]["hours"].append(cal.working_hours(timezone.localtime(created), timezone.localtime(answered)))
    from ftahub.codesk.turnaround import median

    table = [{"month": m, "asked": v["asked"], "answered": v["answered"], "median_hours": median(v["hours"])}
             for m, v in sorted(months.items())]
    overdue = rows.filter(due_at__lt=timezone.now(), status__in=["new", "assigned", "forwarded"]).count()
    return {"year": year, "months": table, "topics": sorted(topics.items(), key=lambda x: -x[1]),
            "total": sum(v["asked"] for v in months.values()), "overdue": overdue,
            "rating": _mean([r for r in rows.exclude(rating=None).values_list("rating", flat=True)])}


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


# -- action plans ----------------------------------------------------------------------------------------------------

def indicator_value(indicator: Indicator, start: datetime.date, end: datetime.date) -> dict:
    """The indicator's value for the period and where it comes from: the hub's own records for the sources it
    holds, else the latest value its owner reported for a period ending within it."""
    province = indicator.plan.province
    source = indicator.source
    if source == Indicator.Source.CO_ISSUED:
        from ftahub.certificates.models import IssuedCertificate

        rows = IssuedCertificate.objects.filter(province=province, issued_on__gte=start, issued_on__lte=end)
        if indicator.agreement_id:
            rows = rows.filter(agreement=indicator.agreement)
        return {"value": Decimal(rows.count()), "source": source, "demo": rows.filter(is_demo=True).exists()}
    if source == Indicator.Source.TRAINED:
        from ftahub.events.models import Registration

        rows = Registration.objects.filter(event__province=province, event__kind="training",
                                           checked_in_at__date__gte=start, checked_in_at__date__lte=end)
        return {"value": Decimal(rows.count()), "source": source, "demo": rows.filter(event__is_demo=True).exists()}
    if source == Indicator.Source.ANSWERED:
        rows = Question.objects.filter(province=province, answered_at__date__gte=start, answered_at__date__lte=end)
        return {"value": Decimal(rows.count()), "source": source, "demo": rows.filter(is_demo=True).exists()}
    if source == Indicator.Source.EXPORTS:
        try:
            from ftahub.stats.service import get_engine

            engine = get_engine()
            where, params = engine._where({"province": province.code, "direction": "export", "era": "2025",
                                           "year_from": start.year, "year_to": end.year})
            (value, demo), = engine.query(f"SELECT sum(value_usd), bool_or(demo) FROM {engine.view('trade', True)}"
                                          f"{where}", params)
        except Exception:  # noqa: BLE001 - no statistics loaded
            value, demo = None, False
        return {"value": None if value is None else Decimal(str(round(value))), "source": source,
                "demo": bool(demo)}
    reported = indicator.values.filter(period_end__gte=start, period_end__lte=end).order_by("-period_end").first()
    return {"value": reported.value if reported else None, "source": source, "demo": indicator.plan.is_demo,
            "reported": reported}


def plan_status(plan: Plan, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    tasks = list(plan.tasks.select_related("owner"))
    done = sum(1 for t in tasks if t.status == Task.Status.DONE)
    late = [t for t in tasks if t.status in (Task.Status.PLANNED, Task.Status.RUNNING) and t.deadline < today]
    by_department: dict[str, list[Task]] = defaultdict(list)
    for t in tasks:
        by_department[t.department].append(t)
    return {"tasks": tasks, "done": done, "late": late, "share_done": done / len(tasks) if tasks else None,
            "by_department": dict(sorted(by_department.items()))}


def period_bounds(kind: str, year: int, number: int) -> tuple[datetime.date, datetime.date]:
    """Quarter 1-4, half 1-2, year: the first and last day."""
    if kind == "quarter":
        first = datetime.date(year, 3 * (number - 1) + 1, 1)
        months = 3
    elif kind == "half":
        first = datetime.date(year, 6 * (number - 1) + 1, 1)
        months = 6
    else:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = first.month + months
    last = (datetime.date(year + (month > 12), (month - 1) % 12 + 1, 1) - datetime.timedelta(days=1))
    return first, last


# -- attendance certificates -----------------------------------------------------------------------------------------

def certify(registration) -> Attendance:
    """Sign a certificate of attendance for a checked-in registration of a training (once)."""
    from ftahub.core.keys import key_ring

    if registration.checked_in_at is None:
        raise DeskError("not_checked_in")
    existing = Attendance.objects.filter(registration=registration).first()
    if existing:
        return existing
    ring = key_ring()
    current = ring.current()
    if current is None:
        raise DeskError("no_key")
    event = registration.event
    number = f"AT-{event.pk}-{registration.pk}"
    payload = json.dumps({"v": 1, "kind": "attendance", "number": number, "name": registration.name,
                          "event": event.title, "province": event.province.name,
                          "date": f"{timezone.localtime(event.starts_at):%Y-%m-%d}"},
                         ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signature = ring.private_key(current["kid"]).sign(payload.encode())
    with transaction.atomic():
        return Attendance.objects.create(registration=registration, number=number, payload=payload,
                                         kid=current["kid"], signature=b64url(signature))


def verify_attendance(attendance: Attendance) -> bool:
    """The signature checks against the published key that signed it."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from ftahub.core.keys import key_ring

    entry = next((k for k in key_ring().keyset() if k["kid"] == attendance.kid), None)
    if entry is None:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(unb64url(entry["x"])).verify(unb64url(attendance.signature),
                                                                       attendance.payload.encode())
    except (InvalidSignature, ValueError):
        return False
    return True


def question_scope(user):
    """The questions a user may see: a business its own (and its enterprise's), officers their province's."""
    if not user.is_authenticated:
        return Question.objects.none()
    if user.role == "business":
        return Question.objects.filter(Q(asker=user) | Q(enterprise_id=user.enterprise_id, enterprise__isnull=False))
    if user.is_national:
        return Question.objects.all()
    if user.role == "statistician":
        return Question.objects.none()
    return Question.objects.filter(province_id=user.province_id)


def plan_scope(user):
    if not user.is_authenticated or user.role in ("business",):
        return Plan.objects.none()
    if user.is_national:
        return Plan.objects.all()
    return Plan.objects.filter(province_id=user.province_id)


def indicator_rows(plan: Plan, start: datetime.date, end: datetime.date) -> list[dict]:
    rows = []
    for indicator in plan.indicators.select_related("agreement"):
        got = indicator_value(indicator, start, end)
        share = (got["value"] / indicator.target) if got["value"] is not None and indicator.target else None
        rows.append({"indicator": indicator, **got, "share": share})
    return rows


def record_value(indicator: Indicator, user, period_end: datetime.date, value: Decimal, note: str = "") -> None:
    IndicatorValue.objects.update_or_create(indicator=indicator, period_end=period_end,
                                            defaults={"value": value, "note": note, "reported_by": user})
