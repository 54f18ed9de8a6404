"""Working-hours arithmetic for the C/O turnaround target (plain Python, no Django).

Decree 31/2018/ND-CP (Art. 17) gives the issuing body 6 working hours from a complete dossier to the C/O. A working
calendar is the office's daily periods (default 08:00-12:00 and 13:00-17:00), Monday to Friday, minus public
holidays. The fixed-date holidays of the Labour Code 2019 (Art. 112: 1 January, 30 April, 1 May, 2 September) are
built in; the lunar-calendar holidays (Tet, Hung Kings) and the Government's yearly day swaps change every year and
are given to the calendar as extra dates (setting FTAHUB_HOLIDAYS), never guessed.
"""

import datetime
from dataclasses import dataclass, field

FIXED_HOLIDAYS = {(1, 1), (4, 30), (5, 1), (9, 2)}
TARGET_HOURS = 6.0


def parse_periods(text: str) -> list[tuple[datetime.time, datetime.time]]:
    """'08:00-12:00,13:00-17:00' -> [(08:00, 12:00), (13:00, 17:00)]; ValueError if malformed or overlapping."""
    periods = []
    for part in text.split(","):
        start, _, end = part.strip().partition("-")
        a, b = datetime.time.fromisoformat(start.strip()), datetime.time.fromisoformat(end.strip())
        if b <= a:
            raise ValueError(f"working period {part.strip()!r} ends before it starts")
        periods.append((a, b))
    periods.sort()
    for (_, earlier_end), (later_start, _) in zip(periods, periods[1:], strict=False):
        if later_start < earlier_end:
            raise ValueError("working periods overlap")
    return periods


@dataclass
class Calendar:
    periods: list[tuple[datetime.time, datetime.time]] = field(
        default_factory=lambda: parse_periods("08:00-12:00,13:00-17:00"))
    holidays: frozenset[datetime.date] = frozenset()
    workdays: frozenset[int] = frozenset(range(5))  # Monday..Friday

    def is_working_day(self, day: datetime.date) -> bool:
        return (day.weekday() in self.workdays and day not in self.holidays
                and (day.month, day.day) not in FIXED_HOLIDAYS)

    def working_seconds(self, start: datetime.datetime, end: datetime.datetime) -> float:
        """Working seconds between two aware or two naive datetimes in the calendar's local time."""
        if end <= start:
            return 0.0
        total = 0.0
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                for a, b in self.periods:
                    lo = max(start, datetime.datetime.combine(day, a, start.tzinfo))
                    hi = min(end, datetime.datetime.combine(day, b, start.tzinfo))
                    if hi > lo:
                        total += (hi - lo).total_seconds()
            day += datetime.timedelta(days=1)
        return total

    @property
    def hours_a_day(self) -> float:
        """Working hours in one working day (8 with the default periods)."""
        return sum((datetime.datetime.combine(datetime.date.min, b) - datetime.datetime.combine(datetime.date.min, a))
                   .total_seconds() for a, b in self.periods) / 3600

    def working_hours(self, start: datetime.datetime, end: datetime.datetime) -> float:
        return self.working_seconds(start, end) / 3600.0

    def after_working_hours(self, start: datetime.datetime, hours: float) -> datetime.datetime:
        """The moment `hours` working hours after `start` (the deadline of a target counted from `start`)."""
        left = datetime.timedelta(hours=hours)
        day = start.date()
        for _ in range(3660):  # ten years of days: a calendar with no working day at all never ends
            if self.is_working_day(day):
                for a, b in self.periods:
                    lo = max(start, datetime.datetime.combine(day, a, start.tzinfo))
                    hi = datetime.datetime.combine(day, b, start.tzinfo)
                    if hi <= lo:
                        continue
                    if hi - lo >= left:
                        return lo + left
                    left -= hi - lo
            day += datetime.timedelta(days=1)
        raise ValueError("the calendar has no working time")


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
