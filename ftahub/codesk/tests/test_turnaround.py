"""Working hours against the 6-hour target: the calendar's arithmetic and the dashboard's figures."""

import datetime
from unittest import mock

import pytest

from ftahub.codesk import service
from ftahub.codesk.dashboard import figures
from ftahub.codesk.models import Application, Transition
from ftahub.codesk.turnaround import Calendar, parse_periods

D = datetime.datetime


def test_the_deadline_is_six_working_hours_later_skipping_lunch_nights_weekends_and_holidays():
    cal = Calendar(holidays=frozenset({datetime.date(2026, 2, 17)}))
    assert cal.after_working_hours(D(2026, 11, 2, 9), 6) == D(2026, 11, 2, 16)  # Monday: lunch skipped
    assert cal.after_working_hours(D(2026, 11, 6, 15), 6) == D(2026, 11, 9, 12)  # Friday 15:00 -> Monday noon
    assert cal.after_working_hours(D(2026, 11, 2, 19), 6) == D(2026, 11, 3, 15)  # submitted at night
    assert cal.after_working_hours(D(2026, 9, 1, 16), 2) == D(2026, 9, 3, 9)  # 2 September is a holiday
    assert cal.after_working_hours(D(2026, 2, 16, 16), 2) == D(2026, 2, 18, 9)  # a configured holiday
    for start in (D(2026, 11, 2, 9, 30), D(2026, 11, 6, 16, 45), D(2026, 11, 7, 10)):  # the two functions agree
        assert cal.working_hours(start, cal.after_working_hours(start, 6)) == 6
    with pytest.raises(ValueError):
        Calendar(workdays=frozenset()).after_working_hours(D(2026, 11, 2, 9), 1)


def test_working_hours_skip_lunch_nights_weekends_and_holidays():
    cal = Calendar(holidays=frozenset({datetime.date(2026, 2, 17)}))
    assert cal.working_hours(D(2026, 11, 2, 9), D(2026, 11, 2, 15)) == 5  # Monday, lunch 12-13 excluded
    assert cal.working_hours(D(2026, 11, 6, 16), D(2026, 11, 9, 9)) == 2  # Friday 16:00 to Monday 09:00
    assert cal.working_hours(D(2026, 9, 1, 16), D(2026, 9, 3, 9)) == 2  # 2 September is a holiday
    assert cal.working_hours(D(2026, 2, 16, 17), D(2026, 2, 18, 8)) == 0  # a configured holiday between
    assert cal.working_hours(D(2026, 11, 2, 20), D(2026, 11, 2, 22)) == 0
    assert cal.working_hours(D(2026, 11, 2, 15), D(2026, 11, 2, 9)) == 0


def test_periods_are_validated():
    assert parse_periods("07:30-11:30, 13:00-16:30")[1] == (datetime.time(13), datetime.time(16, 30))
    for bad in ("12:00-08:00", "08:00-12:00,11:00-13:00", "eight-twelve"):
        with pytest.raises(ValueError):
            parse_periods(bad)


@pytest.mark.django_db
def test_the_dashboard_counts_decisions_per_officer_and_month(desk, client_for):
    tz = datetime.timezone(datetime.timedelta(hours=7))
    with mock.patch("django.utils.timezone.now", return_value=D(2026, 11, 2, 7, tzinfo=tz)):
        quick, slow, waiting = desk.application(), desk.application(), desk.application()
    # at known working times (Monday 2 November 2026, Vietnam time)
    for app, submitted, decided in ((quick, D(2026, 11, 2, 8, tzinfo=tz), D(2026, 11, 2, 10, tzinfo=tz)),
                                    (slow, D(2026, 11, 2, 8, tzinfo=tz), D(2026, 11, 3, 10, tzinfo=tz))):
        with mock.patch("django.utils.timezone.now", return_value=submitted):
            service.submit(app, desk.applicant)
        with mock.patch("django.utils.timezone.now", return_value=decided):
            service.approve(app, desk.officer)
    with mock.patch("django.utils.timezone.now", return_value=D(2026, 11, 2, 8, tzinfo=tz)):
        service.submit(waiting, desk.applicant)
    with mock.patch("django.utils.timezone.now", return_value=D(2026, 11, 3, 9, tzinfo=tz)):
        result = figures(Application.objects.filter(pk__in=[quick.pk, slow.pk, waiting.pk]))
    assert Transition.objects.get(application=slow, to_status="approved").hours_before == 10.0  # stored as written
    assert result["overdue"] == [(waiting.reference, 9.0)]  # still waiting, beyond the 6 hours
    submitted = next(s for s in result["states"] if s[0] == "submitted")
    assert submitted[2:] == (3, 7.0, 1)  # stays 2, 10 and 9 (open) hours; one application there now
    with mock.patch("django.utils.timezone.now", return_value=D(2026, 11, 3, 9, tzinfo=tz)):
        province = figures(Application.objects.filter(province=quick.province), province_id=quick.province_id)
        recent = figures(Application.objects.filter(province=quick.province), province_id=quick.province_id,
                         since=D(2026, 11, 2, 12, tzinfo=tz))
    assert province["officers"] == result["officers"]  # read through the transitions' province: the same figures
    assert [(r.decisions, r.mean_hours) for r in recent["officers"]] == [(1, 10.0)]  # decided after noon only
    (row,) = result["officers"]
    assert row.label == desk.officer.username and row.decisions == 2
    assert (row.median_hours, row.within_target, row.share_within) == (6.0, 1, 50.0)  # 2 h and 10 h
    assert [m.label for m in result["months"]] == ["2026-11"]
    page = client_for(desk.officer).get("/co/turnaround/")
    assert page.status_code == 200 and desk.officer.username in page.content.decode()
    assert client_for(desk.applicant).get("/co/turnaround/").status_code == 403
