"""``ftahub stats``: load the GSO statistics from the data directory, import customs or UN Comtrade files, make demo
data, list and remove datasets.

    ftahub stats load-gso                       real GSO FDI, exports and imports (data directory)
    ftahub stats import FILE --layout customs|comtrade --dataset NAME [--only-good]
    ftahub stats demo [--rows N]                the labelled demo dataset (default 200,000 rows)
    ftahub stats datasets | remove NAME
"""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ftahub.stats import engine, importers, service


class Command(BaseCommand):
    help = "Trade and FDI statistics: load, import, demo, datasets."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load-gso")
        imp = sub.add_parser("import")
        imp.add_argument("file")
        imp.add_argument("--layout", choices=["customs", "comtrade"], required=True)
        imp.add_argument("--dataset", required=True)
        imp.add_argument("--only-good", action="store_true")
        demo = sub.add_parser("demo")
        demo.add_argument("--rows", type=int, default=200_000)
        sub.add_parser("datasets")
        rm = sub.add_parser("remove")
        rm.add_argument("name")

    def _report(self, report):
        self.stdout.write(f"{report.dataset}: {report.rows} rows")
        for line in report.skipped[:20]:
            self.stdout.write(f"  skipped: {line}")
        for line in report.notes:
            self.stdout.write(f"  note: {line}")

    def handle(self, *args, action, **options):
        folder = service.folder()
        try:
            if action == "load-gso":
                data = settings.FTAHUB_DATA_DIR / "vn-gso-monthly"
                if not data.is_dir():
                    raise CommandError(f"no GSO data in {data} (run 'ftahub fetch-data')")
                self._report(importers.gso_fdi(data / "fdi.csv", folder))
                self._report(importers.gso_exports(data / "xk.csv", folder))
                self._report(importers.gso_imports(data / "xnk.csv", folder))
            elif action == "import":
                path = Path(options["file"])
                if not path.is_file():
                    raise CommandError(f"no file {path}")
                if not options["dataset"].replace("-", "").isalnum():
                    raise CommandError("a dataset name is letters, digits and hyphens")
                if options["layout"] == "customs":
                    def progress(done, total):
                        sys.stderr.write(f"\r  {done:,}/{total:,} rows checked")
                    report = importers.customs(path.name, path.read_bytes(), folder, options["dataset"],
                                               options["only_good"], progress)
                else:
                    report = importers.comtrade(path.name, path.read_bytes(), folder, options["dataset"],
                                                options["only_good"])
                self._report(report)
                for line in report.errors[:50]:
                    self.stdout.write(f"  left out: {line}")
            elif action == "demo":
                from ftahub.places.models import Province
                from ftahub.tariffs.models import HSCode

                provinces = list(Province.objects.filter(era="1976").order_by("code").values_list("code", flat=True))
                hs = list(HSCode.objects.filter(level=6).order_by("code").values_list("code", flat=True)[::40])
                count = importers.demo(folder, options["rows"], provinces, hs)
                self.stdout.write(f"demo: {count:,} rows (labelled demo)")
            elif action == "datasets":
                for kind in engine.SCHEMAS:
                    for name in engine.datasets(folder, kind):
                        self.stdout.write(f"{kind}/{name}")
            elif action == "remove":
                for kind in engine.SCHEMAS:
                    engine.remove_dataset(folder, kind, options["name"])
        except importers.ImportError_ as exc:
            for problem in exc.errors[:50]:
                self.stderr.write(str(problem))
            raise CommandError(f"nothing was imported: {len(exc.errors)} problem(s)") from None
        service.refresh()
