"""``ftahub registry remind [--date YYYY-MM-DD]``: email the province's foreign-affairs officers the agreements that
expire within their reminder period and the follow-up tasks due within a week (run daily)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from ftahub.places.models import Province
from ftahub.registry.views import due


class Command(BaseCommand):
    help = "Foreign-affairs registry: reminders of expiring agreements and due follow-up tasks."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser("remind")
        remind.add_argument("--date", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args, action, date=None, **options):
        users = get_user_model().objects.filter(role="fa_officer", is_active=True).exclude(email="")
        sent = 0
        for province in Province.objects.filter(pk__in=users.values("province")):
            officers = list(users.filter(province=province))
            items = due(officers[0], date)
            lines = [f"- {a.title}: expires {a.expires_on:%d/%m/%Y}" for a in items["expiring"]]
            lines += [f"- {t.title}: due {t.due_on:%d/%m/%Y} ({t.owner.username if t.owner else '—'})"
                      for t in items["tasks"]]
            if not lines:
                continue
            send_mail(f"FTA Hub: {len(lines)} registry item(s) due — {province.name}", "\n".join(lines), None,
                      [u.email for u in officers])
            sent += 1
        self.stdout.write(f"reminders sent to {sent} province(s)")
