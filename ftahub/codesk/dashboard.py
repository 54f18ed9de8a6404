"""Turnaround figures: working hours each application spent in each state, and the officers' decision times against
the 6-working-hour target, per officer and per month."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Aggregate, Count, FloatField, Max, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import Application, Transition
from .service import calendar
from .turnaround import TARGET_HOURS, median

DECISIONS = {Application.Status.APPROVED, Application.Status.REJECTED, Application.Status.CHANGES_REQUESTED}


@dataclass
class Row:
    label: str
    decisions: int
    median_hours: float | None
    mean_hours: float | None
    within_target: int

    @property
    def share_within(self) -> float | None:
        return round(100 * self.within_target / self.decisions, 1) if self.decisions else None


class Median(Aggregate):
    """PostgreSQL's median (the continuous 50th percentile) of a column."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _grouped(decisions, key: str) -> dict:
    """key -> (decisions, median hours, mean hours, decisions within the target), aggregated by the database on
    PostgreSQL (a province's year is tens of thousands of decisions); from the rows on SQLite (a small hub)."""
    if connection.vendor == "postgresql":
        rows = decisions.values(key).annotate(n=Count("id"), total=Sum("hours_before"), middle=Median("hours_before"),
                                              within=Count("id", filter=Q(hours_before__lte=TARGET_HOURS)))
        return {r[key]: (r["n"], round(r["middle"], 2), round(r["total"] / r["n"], 2), r["within"]) for r in rows}
    hours: dict = defaultdict(list)
    for group, value in decisions.values_list(key, "hours_before"):
        hours[group].append(value)
    return {group: _figures(values) for group, values in hours.items()}


def _figures(hours: list[float]) -> tuple:
    return (len(hours), round(median(hours), 2) if hours else None,
            round(sum(hours) / len(hours), 2) if hours else None, sum(1 for h in hours if h <= TARGET_HOURS))


FINAL = {Application.Status.REJECTED, Application.Status.RECORDED, Application.Status.REVOKED}
OPEN = [status for status in Application.Status.values if status not in FINAL]


def figures(applications, province_id: int | None = None, since=None) -> dict:
    """Per state (mean working hours, open count), per officer and per month (decisions on submitted applications),
    for stays that ended ``since`` (all when None). Closed stays come from the hours stored on each transition (a few
    aggregate queries, however many applications); only the open stays of applications still being worked on are
    measured now. ``province_id``: the applications are one province's, read through the transitions' own index."""
    cal = calendar()
    now = timezone.now()
    tz = timezone.get_current_timezone()
    transitions = (Transition.objects.filter(province_id=province_id) if province_id is not None
                   else Transition.objects.filter(application__in=applications))
    if since is not None:
        transitions = transitions.filter(at__gte=since)
    closed = {row["from_status"]: (row["n"], row["total"]) for row in transitions.filter(
        hours_before__isnull=False).order_by().values("from_status").annotate(n=Count("id"), total=Sum("hours_before"))}
    open_now = dict(applications.values_list("status").annotate(n=Count("status")).order_by())  # index only
    per_state, overdue = defaultdict(list), []
    # applications still being worked on: a short list, read first so that the planner never scans every transition
    open_ids = list(applications.filter(status__in=OPEN).order_by().values_list("id", flat=True))
    live = (Transition.objects.filter(application_id__in=open_ids)
            .values("application_id", "application__status").annotate(since=Max("at")).order_by())
    for row in live:
        hours = cal.working_hours(row["since"].astimezone(tz), now.astimezone(tz))
        per_state[row["application__status"]].append(hours)
        if row["application__status"] == Application.Status.SUBMITTED and hours > TARGET_HOURS:
            overdue.append((row["application_id"], round(hours, 1)))
    decisions = (transitions.filter(from_status=Application.Status.SUBMITTED, hours_before__isnull=False).order_by()
                 .annotate(month=TruncMonth("at", tzinfo=tz)))
    per_officer, per_month = _grouped(decisions, "actor_id"), _grouped(decisions, "month")
    from django.contrib.auth import get_user_model
    names = dict(get_user_model().objects.filter(pk__in=[k for k in per_officer if k])
                 .values_list("pk", "username"))
    states = []
    for status, label in Application.Status.choices:
        count, total = closed.get(status, (0, 0.0))
        count, total = count + len(per_state[status]), total + sum(per_state[status])
        states.append((status, label, count, round(total / count, 2) if count else None, open_now.get(status, 0)))
    refs = dict(Application.objects.filter(pk__in=[a for a, _ in overdue]).values_list("pk", "reference"))
    return {
        "target_hours": TARGET_HOURS,
        "states": states,
        "officers": [Row(names.get(k, "—"), *v) for k, v in sorted(per_officer.items(), key=lambda kv: names.get(
            kv[0], ""))],
        "months": [Row(k.strftime("%Y-%m"), *v) for k, v in sorted(per_month.items())],
        "overdue": [(refs[a], h) for a, h in sorted(overdue)],
    }
