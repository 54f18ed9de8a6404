"""Turnaround figures: working hours each application spent in each state, and the officers' decision times against
the 6-working-hour target, per officer and per month."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from .models import Application, Transition
from .service import calendar
from .turnaround import TARGET_HOURS, median, stays

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


def _row(label: str, hours: list[float]) -> Row:
    return Row(label, len(hours), round(median(hours), 2) if hours else None,
               round(sum(hours) / len(hours), 2) if hours else None, sum(1 for h in hours if h <= TARGET_HOURS))


def figures(applications) -> dict:
    """Per state (mean working hours, open count), per officer and per month (decisions on submitted applications)."""
    cal = calendar()
    now = timezone.now()
    tz = timezone.get_current_timezone()
    by_app = defaultdict(list)
    for t in (Transition.objects.filter(application__in=applications).order_by("application_id", "at", "id")
              .values_list("application_id", "at", "to_status", "actor_id")):
        by_app[t[0]].append((t[1].astimezone(tz), t[2], t[3]))
    per_state, open_now = defaultdict(list), defaultdict(int)
    per_officer, per_month = defaultdict(list), defaultdict(list)
    overdue = []
    for app_id, transitions in by_app.items():
        for stay in stays(transitions):
            end = stay.end or now.astimezone(tz)
            hours = cal.working_hours(stay.start, end)
            per_state[stay.status].append(hours)
            if stay.end is None:
                open_now[stay.status] += 1
                if stay.status == Application.Status.SUBMITTED and hours > TARGET_HOURS:
                    overdue.append((app_id, round(hours, 1)))
            elif stay.status == Application.Status.SUBMITTED:
                per_officer[stay.actor_after].append(hours)
                per_month[stay.end.strftime("%Y-%m")].append(hours)
    from django.contrib.auth import get_user_model
    names = dict(get_user_model().objects.filter(pk__in=[k for k in per_officer if k])
                 .values_list("pk", "username"))
    states = [(status, label, len(per_state[status]), round(sum(per_state[status]) / len(per_state[status]), 2)
               if per_state[status] else None, open_now[status]) for status, label in Application.Status.choices]
    refs = dict(Application.objects.filter(pk__in=[a for a, _ in overdue]).values_list("pk", "reference"))
    return {
        "target_hours": TARGET_HOURS,
        "states": states,
        "officers": [_row(names.get(k, "—"), v) for k, v in sorted(per_officer.items(), key=lambda kv: names.get(
            kv[0], ""))],
        "months": [_row(k, v) for k, v in sorted(per_month.items())],
        "overdue": [(refs[a], h) for a, h in overdue],
    }
