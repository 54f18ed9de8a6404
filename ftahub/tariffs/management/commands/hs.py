"""``ftahub hs classify "mô tả hàng hoá" [--top 5] [--province 01] --json``
``ftahub hs feedback-export [--province 01] [--output FILE.csv]``"""

import csv
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from ftahub.places.models import Province
from ftahub.tariffs.classify import ClassifyError, classify
from ftahub.tariffs.models import ClassificationFeedback

REASONS = {"words": "matched words", "example": "labelled description", "hs6": "HS 2022 subheading",
           "name": "trade name", "confirmed": "confirmed by an officer", "corrected_away": "corrected by an officer"}


class Command(BaseCommand):
    help = "HS classification assistant: likely 8-digit lines for a description; export officers' confirmations."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("classify", help="likely national lines for a description in Vietnamese or English")
        run.add_argument("text", nargs="?", default="")
        run.add_argument("--top", type=int, default=5)
        run.add_argument("--province", help="province code whose officers' confirmations to use")
        run.add_argument("--json", action="store_true", dest="as_json")
        export = sub.add_parser("feedback-export", help="officers' confirmed classifications as CSV (a data set)")
        export.add_argument("--province")
        export.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        if options["action"] == "classify":
            return self.classify(options)
        return self.export(options)

    def _province(self, code):
        if not code:
            return None
        province = Province.objects.filter(code=code, era="2025").first()
        if province is None:
            raise CommandError(f"no 2025 province with code {code!r}")
        return province

    def classify(self, options):
        province = self._province(options["province"])
        try:
            result = classify(options["text"], options["top"], province.pk if province else None)
        except ClassifyError as exc:
            message = {"empty": "give a description of the goods", "too_long": "a description has at most 500 "
                                                                                 "characters"}.get(exc.code, exc.code)
            self.stderr.write(f"error: {message}")
            sys.exit(2)
        if options["as_json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
            return
        if result["vague"]:
            self.stdout.write(f"too vague to decide; say more about: {', '.join(result['questions'])}")
        for c in result["candidates"]:
            self.stdout.write(f"{c['code'][:4]}.{c['code'][4:6]}.{c['code'][6:]}  {c['score']:>8}  "
                              f"{c['description_vi']} / {c['description_en']}")
            for reason in c["why"]:
                detail = reason.get("text") or reason.get("name") or ""
                words = ", ".join(reason.get("words") or []) if isinstance(reason.get("words"), list) else \
                    reason.get("words") or ""
                self.stdout.write(f"      {REASONS.get(reason['kind'], reason['kind'])}: {detail} {words}".rstrip())

    def export(self, options):
        rows = ClassificationFeedback.objects.select_related("province").order_by("created_at", "id")
        province = self._province(options["province"])
        if province:
            rows = rows.filter(province=province)
        handle = open(options["output"], "w", newline="", encoding="utf-8") if options["output"] else self.stdout
        try:
            writer = csv.writer(handle)
            writer.writerow(["description", "code", "subheading", "corrected_from", "province", "source", "recorded"])
            for f in rows:
                writer.writerow([f.text, f.code, f.code[:6], f.wrong_code, f.province.code, f.source,
                                 f.created_at.isoformat()])
        finally:
            if options["output"]:
                handle.close()
