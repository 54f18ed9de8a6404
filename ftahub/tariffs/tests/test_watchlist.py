"""Watching a line: notified once, on screen and by email, of the next staged cut and of a changed rule."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from ftahub.accounts.models import User
from ftahub.core import refcache
from ftahub.core.models import Notification
from ftahub.origin.models import ProductSpecificRule
from ftahub.origin.rules import candidates
from ftahub.tariffs.models import TariffRate, WatchItem
from ftahub.tariffs.watch import check_watchlist

pytestmark = pytest.mark.django_db


@pytest.fixture
def watcher(make, client_for):
    user = make.user(User.Role.BUSINESS, 24, enterprise=make.enterprise(24), email="an@demo.invalid")
    client = client_for(user)
    response = client.post("/hs/watch/", {"hs": "08109020", "partner": "JP"})
    assert response.status_code == 302
    return user, client


def next_year_rate(column, raw, percent):
    """A rate for 2027 as an operator's import of next year's schedule would add it (test data, not a real rate)."""
    current = TariffRate.objects.get(line__code="08109020", column=column)
    TariffRate.objects.create(line=current.line, column=column, agreement=current.agreement, raw=raw, kind="ad_valorem",
                              percent=percent, valid_from=datetime.date(2027, 1, 1), valid_to=datetime.date(2027, 12, 31),
                              source="test", edition="test")


def test_watching_records_the_rules_seen(watcher):
    user, _ = watcher
    item = WatchItem.objects.get(user=user)
    assert item.rule_snapshot["CPTPP"] == ["CC"]


def test_a_staged_cut_is_announced_once_before_1_january(watcher):
    user, client = watcher
    TariffRate.objects.filter(line__code="08109020", column="vifta").update(raw="21", percent=21)
    next_year_rate("cptpp", "0", 0)  # no cut: 0 → 0
    item = WatchItem.objects.get(user=user)
    item.partner = ""  # every partner, so VIFTA counts
    item.save()
    next_year_rate("vifta", "18", 18)
    assert check_watchlist(datetime.date(2026, 9, 1)) == 0  # too early
    assert check_watchlist(datetime.date(2026, 11, 15)) == 1
    assert check_watchlist(datetime.date(2026, 11, 16)) == 0  # once
    notice = Notification.objects.get(user=user)
    with translation.override("en"):
        assert "from 1 January 2027 the VIFTA rate falls from 21% to 18%" in notice.text
    assert mail.outbox[-1].to == ["an@demo.invalid"]
    page = client.get("/hs/notifications/").content.decode()
    assert "VIFTA" in page


def test_a_changed_rule_is_announced(watcher):
    user, _ = watcher
    (rule,) = candidates("CPTPP", "08109020")
    ProductSpecificRule.objects.filter(pk=rule.pk).update(canonical="CTH")
    refcache.clear()  # as a reference reload does
    assert check_watchlist(datetime.date(2026, 6, 1)) == 1
    with translation.override("en"):  # in words: the new rule is read on the duty finder, never as syntax
        assert "the CPTPP rule of origin has changed" in Notification.objects.get(user=user).text


def test_the_command_runs_and_anonymous_users_cannot_watch(client, capsys):
    call_command("tariff", "notify", "--today", "2026-06-01")
    assert "notification(s) sent" in capsys.readouterr().out
    response = client.post("/hs/watch/", {"hs": "08109020"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_new_event_about_the_product_is_announced_once(watcher):
    from django.utils import timezone

    from ftahub.conftest import province
    from ftahub.events.models import HubEvent

    user, _ = watcher
    start = timezone.now() + datetime.timedelta(days=20)
    fields = dict(province=province(24), kind="trade_fair", venue="Hall", starts_at=start,
                  ends_at=start + datetime.timedelta(hours=5), registration_closes_at=start, capacity=50,
                  status="published")
    fair = HubEvent.objects.create(title="Lychee fair (demo)", hs_codes="0810", **fields)
    HubEvent.objects.create(title="Coffee forum (demo)", hs_codes="0901", **fields)
    HubEvent.objects.create(title="Draft fair (demo)", hs_codes="0810", **{**fields, "status": "draft"})
    assert check_watchlist(datetime.date(2026, 6, 1)) == 1
    assert check_watchlist(datetime.date(2026, 6, 2)) == 0
    notice = Notification.objects.get(user=user, kind="event")
    assert "Lychee fair (demo)" in notice.message and notice.url.endswith(f"/events/{fair.pk}/")
