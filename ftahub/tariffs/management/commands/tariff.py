"""``ftahub tariff lookup --hs 08109020 --direction import --partner JP --date 2026-06-01 --json``
``ftahub tariff import FILE --valid-from 2026-01-01 --valid-to 2026-12-31 [--edition E] [--source S]``"""

import datetime
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from ftahub.core.audit import acting_as
from ftahub.tariffs.finder import FinderError, lookup
from ftahub.tariffs.importer import import_commitments, import_schedule
from ftahub.tariffs.schedule import ScheduleError


def date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


class Command(BaseCommand):
    help = "Tariffs: look up a line's duty under every agreement, or import a tariff schedule file."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        look = sub.add_parser("lookup", help="duty under every applicable agreement")
        look.add_argument("--hs", required=True)
        look.add_argument("--direction", choices=["import", "export"], default="import")
        look.add_argument("--partner", help="ISO alpha-2 code of the partner country")
        look.add_argument("--date", type=date, default=None)
        look.add_argument("--json", action="store_true", dest="as_json")
        sub.add_parser("audit", help="how many cells of the loaded tariff fall in each form; every unclassified one")
        notify = sub.add_parser("notify", help="send watchlist notices (staged cuts, changed rules); run daily")
        notify.add_argument("--today", type=date, default=None)
        notify.add_argument("--base-url", default="", help="the hub's public address, for links in emails")
        imp = sub.add_parser("import", help="import a tariff schedule (.json sample layout or .xlsx workbook)")
        imp.add_argument("file")
        imp.add_argument("--valid-from", type=date, required=True)
        imp.add_argument("--valid-to", type=date, required=True)
        imp.add_argument("--edition")
        imp.add_argument("--source", default="Biểu thuế xuất nhập khẩu (Ministry of Finance)")
        com = sub.add_parser("import-commitments", help="import an agreement's commitments for Viet Nam's lines "
                             "(.csv or .xlsx: HS code, base rate, staging category, printed years)")
        com.add_argument("file")
        com.add_argument("--agreement", required=True, help="agreement code, e.g. CPTPP")
        com.add_argument("--source", required=True, help="the schedule's title, e.g. the decree or annex")
        com.add_argument("--edition", required=True, help="the schedule's edition or date")

    def fail(self, message):
        sys.stderr.write(f"ftahub tariff: {message}\n")
        sys.exit(2)

    def handle(self, *args, action, **o):
        if action == "audit":
            self.audit()
            return
        if action == "notify":
            from ftahub.tariffs.watch import check_watchlist

            with acting_as(name="tariff notify"):
                sent = check_watchlist(o.get("today"), o.get("base_url", ""))
            self.stdout.write(f"{sent} notification(s) sent")
            return
        if action == "lookup":
            try:
                result = lookup(o["hs"], o["direction"], o.get("partner"), o.get("date"))
            except FinderError as exc:
                self.fail(str(exc))
            if o["as_json"]:
                self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
                return
            self.stdout.write(f"{result['line']['display']} {result['line']['description_en']} — MFN "
                              f"{result['mfn_display']} — {result['direction']} {result['partner'] or ''} "
                              f"{result['date']}")
            for row in result["agreements"]:
                self.stdout.write(f"  {row['agreement']:<8} {row['rate_display'] or '—':<28} saving "
                                  f"{'MFN lower' if row['mfn_lower'] else row['saving'] if row['saving'] is not None else '—':<6} "
                                  f"rule {row['rule'] or '—'}")
            for note in result["notes"]:
                self.stdout.write(f"  note: {note}")
        else:
            path = Path(o["file"])
            if not path.is_file():
                self.fail(f"{path} not found")
            try:
                with acting_as(name=f"tariff {action}"):
                    if action == "import":
                        counts = import_schedule(path, o["valid_from"], o["valid_to"], o["source"],
                                                 o.get("edition"))
                    else:
                        counts = import_commitments(path, o["agreement"], o["source"], o["edition"])
            except ScheduleError as exc:
                self.fail(f"{path.name}: {exc}; nothing was changed")
            self.stdout.write(json.dumps(counts, ensure_ascii=False))
            for d in counts.get("differences", []):
                sys.stderr.write(f"ftahub tariff: {d['code']} {d['year']}: printed {d['printed']}, category gives "
                                 f"{d['computed']} (the printed rate is used)\n")

    def audit(self):
        from collections import Counter

        from ftahub.tariffs.models import TariffEdition, TariffRate
        from ftahub.tariffs.rates import form_of, parse_rate

        edition = TariffEdition.objects.filter(dataset="vn-tariff").first()
        rates = TariffRate.objects.filter(edition=edition.edition) if edition else TariffRate.objects.all()
        forms, unclassified = Counter(), []
        for line, column, raw in rates.values_list("line__code", "column", "raw").iterator():
            form = form_of(parse_rate(raw))
            forms[form] += 1
            if form == "unclassified":
                unclassified.append(f"{line} {column}: {raw!r}")
        if edition:
            self.stdout.write(f"edition {edition.edition} ({edition.source})")
            self.stdout.write(f"{edition.counts.get('rows')} rows, {edition.counts.get('lines')} lines, "
                              f"{sum(forms.values())} rate cells; {len(edition.notices)} rows read as text")
        for form, count in sorted(forms.items(), key=lambda kv: -kv[1]):
            self.stdout.write(f"  {form:<26} {count:>8,}")
        self.stdout.write(f"unclassified: {len(unclassified)}")
        for entry in unclassified:
            self.stdout.write(f"  {entry}")
        if unclassified:
            sys.exit(1)
