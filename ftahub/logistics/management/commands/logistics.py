"""Smart logistics from the command line: import a gate's crossings, write the national JSON export, generate demo
volumes (for a demonstration or the benchmark)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ftahub.logistics import generate, service
from ftahub.logistics.models import Consignment, Facility


class Command(BaseCommand):
    help = "Smart logistics: import-crossings, export-json, generate."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import-crossings", help="crossings from a gate's system (CSV, XLSX or JSON)")
        imp.add_argument("file")
        imp.add_argument("--source", required=True, help="the gate's system, e.g. its name")
        exp = sub.add_parser("export-json", help="the year's figures per province for the national portal")
        exp.add_argument("--year", type=int, required=True)
        gen = sub.add_parser("generate", help="demo volumes (labelled demo) between the demo facilities")
        gen.add_argument("--crossings", type=int, default=0)
        gen.add_argument("--legs", type=int, default=0)
        gen.add_argument("--seed", type=int, default=1)
        sub.add_parser("rollup", help="recompute the daily sums the dashboard and the figures read")

    def handle(self, *args, action, **o):
        if action == "import-crossings":
            path = Path(o["file"])
            saved, found = service.import_crossings(path.name, path.read_bytes(), o["source"])
            for problem in found:
                self.stderr.write(str(problem))
            self.stdout.write(f"{saved} crossings imported, {len(found)} problems")
        elif action == "export-json":
            self.stdout.write(json.dumps(service.national_export(o["year"]), ensure_ascii=False, indent=1,
                                         default=str))
        elif action == "rollup":
            from ftahub.logistics import rollup

            days, legs = rollup.rebuild()
            self.stdout.write(f"{days} gate-days and {legs} leg-days summed")
        else:
            gates = list(Facility.objects.filter(kind="gate", is_demo=True))
            facilities = list(Facility.objects.filter(is_demo=True))
            bulk = Consignment.objects.filter(reference="DEMO-VOLUMES", is_demo=True).first()
            if not gates or bulk is None:
                raise CommandError("load the demo first (ftahub load-demo): volumes go between its facilities")
            made = generate.crossings(gates, o["crossings"], seed=o["seed"]) if o["crossings"] else 0
            legs = generate.legs(bulk, facilities, o["legs"], seed=o["seed"]) if o["legs"] else 0
            self.stdout.write(f"{made} crossings and {legs} legs generated (demo)")
