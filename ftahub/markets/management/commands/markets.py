"""Export markets from the command line: send the early warning, email the weekly digest, import a partner schedule
or a table of notices."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ftahub.markets import service
from ftahub.markets.noticefile import read_notices


class Command(BaseCommand):
    help = "Export markets: warn (send open notices to those they concern), digest, import-schedule, import-notices."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        warn = sub.add_parser("warn", help="send every open notice to the users it concerns (each once)")
        warn.add_argument("--base-url", default="", help="the hub's public address, for links in emails")
        digest = sub.add_parser("digest", help="email the weekly early-warning digest to the officers")
        digest.add_argument("--base-url", default="")
        schedule = sub.add_parser("import-schedule", help="load a partner's tariff schedule (CSV/XLSX)")
        schedule.add_argument("partner", help="ISO alpha-2 code of the market, or EU")
        schedule.add_argument("file")
        schedule.add_argument("--source", default="")
        schedule.add_argument("--edition", default="")
        schedule.add_argument("--fixture", action="store_true", help="mark it as test data")
        imp = sub.add_parser("import-notices", help="load notices from a table (CSV/XLSX, ePing export)")
        imp.add_argument("file")
        imp.add_argument("--source", default="")

    def handle(self, *args, action, **o):
        if action == "warn":
            self.stdout.write(f"{service.warn_all(o['base_url'])} notices sent")
        elif action == "digest":
            self.stdout.write(f"digest sent to {service.send_digest(o['base_url'])} officers")
        elif action == "import-schedule":
            partner = service.resolve_market(o["partner"])
            if partner is None:
                raise CommandError(f"{o['partner']!r} names no country")
            path = Path(o["file"])
            stored, found = service.load_schedule(partner, path.name, path.read_bytes(), None, o["source"],
                                                  o["edition"], is_fixture=o["fixture"])
            for problem in found:
                self.stderr.write(str(problem))
            self.stdout.write(f"{sum(e.rows for e in stored)} rates loaded in {len(stored)} editions; "
                              f"{len(found)} problems")
            if not stored:
                raise CommandError("nothing loaded")
        elif action == "import-notices":
            path = Path(o["file"])
            rows, found = read_notices(path.name, path.read_bytes(), service.resolve_market, o["source"])
            for problem in found:
                self.stderr.write(str(problem))
            created, updated, saved = service.save_notices(rows)
            self.stdout.write(f"{created} notices added, {updated} updated, {len(found)} problems; "
                              f"{service.warn_all(only=saved)} sent")
