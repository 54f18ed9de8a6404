"""Watchlist notifications: the next staged cut before 1 January, a changed rule of origin, and a new event (trade
fair, training) about the watched product.

``ftahub tariff notify`` runs this (daily, from cron or a timer); each notice is sent once, on screen and by email.
"""

import datetime

from django.urls import reverse

from ftahub.common import hscode
from ftahub.core import notices
from ftahub.origin.rules import candidates

from .finder import agreements_with_parties, lookup
from .models import WatchItem

NOTICE_DAYS = 60  # announce a 1 January cut this many days before


class NoticeKind:
    """The kinds of notice the watchlist sends (``Notification.kind``)."""

    STAGED_CUT = "staged_cut"
    RULE_CHANGED = "rule_changed"
    EVENT = "event"


def notice_texts() -> dict:
    from django.utils.translation import gettext_lazy as _

    return {
        NoticeKind.STAGED_CUT: _("%(line)s: from 1 January %(year)s the %(agreement)s rate falls from %(before)s to "
                                 "%(after)s."),
        NoticeKind.RULE_CHANGED: _("%(line)s: the %(agreement)s rule of origin has changed. Open the duty finder to "
                                   "read the new rule."),
        NoticeKind.EVENT: _("%(line)s: %(title)s (%(date)s, %(venue)s)."),
    }


def _notify(item: WatchItem, kind: str, key: str, params: dict, url: str) -> bool:
    if key in item.notified_keys:
        return False
    notices.notify(item.user, kind, url=url, params=params)
    item.notified_keys = [*item.notified_keys, key]
    return True


def _relevant(item: WatchItem) -> list:
    """The agreements the watch covers: those with the watched partner, or all when none is named."""
    return [a for a, parties in agreements_with_parties() if not item.partner or item.partner in parties]


def rules_now(item: WatchItem) -> dict:
    current = {}
    for agreement in _relevant(item):
        found = candidates(agreement.code, item.line.code)
        if found:
            current[agreement.code] = sorted({r.canonical for r in found})
    return current


def _events_about(code: str) -> list:
    """Open events tagged with an HS code that is the watched line or one of its headings or chapters (or the
    other way round: an event about a national line reaches a watcher of its heading)."""
    from django.utils import timezone

    from ftahub.events.models import HubEvent

    found = []
    for event in HubEvent.objects.filter(status="published", registration_closes_at__gt=timezone.now()).exclude(
            hs_codes=""):
        tags = [hscode.compact(t) for t in event.hs_codes.split(",")]
        if any(t and (code.startswith(t) or t.startswith(code)) for t in tags):
            found.append(event)
    return found


def check_watchlist(today: datetime.date | None = None, base_url: str = "") -> int:
    today = today or datetime.date.today()
    sent = 0
    for item in WatchItem.objects.select_related("user", "line"):
        url = base_url + reverse("tariff-lookup") + f"?hs={item.line.code}&partner={item.partner}"
        # the next 1 January cut, when next year's rates are loaded and lower
        next_year = today.year + 1
        if (datetime.date(next_year, 1, 1) - today).days <= NOTICE_DAYS and item.line.level == 8:
            # rates printed for each year, or staged from an imported commitment (base rate and category)
            now = {r["agreement"]: r for r in lookup(item.line.code, "import", item.partner or None,
                                                     today)["agreements"]}
            then = lookup(item.line.code, "import", item.partner or None, datetime.date(next_year, 1, 1))
            for b in then["agreements"]:
                a = now.get(b["agreement"])
                if a and isinstance(a["rate"], float | int) and isinstance(b["rate"], float | int) \
                        and b["rate"] < a["rate"]:
                    sent += _notify(item, NoticeKind.STAGED_CUT, f"cut:{b['agreement']}:{next_year}",
                                    {"line": item.line.display, "year": next_year, "agreement": b["agreement"],
                                     "before": a["rate_display"], "after": b["rate_display"]}, url)
        # changed rules of origin
        current = rules_now(item)
        if item.rule_snapshot:
            for code, rules in current.items():
                before = item.rule_snapshot.get(code)
                if before is not None and before != rules:
                    sent += _notify(item, NoticeKind.RULE_CHANGED, f"rule:{code}:{'|'.join(rules)}",
                                    {"line": item.line.display, "agreement": code}, url)
        item.rule_snapshot = current
        # published events, still open for registration, whose products include the watched line
        for event in _events_about(item.line.code):
            sent += _notify(item, NoticeKind.EVENT, f"event:{event.pk}",
                            {"line": item.line.display, "title": event.title, "venue": event.venue,
                             "date": f"{event.starts_at:%d/%m/%Y}"}, base_url + reverse("event-detail", args=[event.pk]))
        item.save(update_fields=["rule_snapshot", "notified_keys"])
    return sent
