"""Benchmark smart logistics: a consignment's timeline for a lot with 1,000 EPCIS events, and the gate dashboard and
the province's figures over 1 million crossings and 1 million legs (goal: dashboard ≤ 1 s).

Runs on a scratch SQLite file, and on a scratch PostgreSQL database ``ftahub_bench_logistics`` on DATABASE_URL's
server (default postgres://postgres@127.0.0.1:5432/) when one answers. Rows are generated (labelled demo) with the
demo generator; only the tables these pages read are filled (no reference data is loaded).
Run: .venv/bin/python bench/logistics.py [--rows 1000000] [--events 1000] [--sqlite-only]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _hub import scratch_postgres

REPO = Path(__file__).resolve().parents[1]

CHILD = r'''
import datetime, json, statistics, sys, time
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.utils import timezone
from ftahub.accounts.models import Enterprise
from ftahub.accounts.demo import demo_tax_code
from ftahub.places.models import Province
from ftahub.logistics import generate, service
from ftahub.logistics.models import Consignment, Facility
from ftahub.trace.models import TraceParty
from ftahub.trace.service import capture
from stdnum.vn import mst

rows, n_events = int(sys.argv[1]), int(sys.argv[2])
province = Province.objects.create(era="2025", code=24, name="Bench province")
enterprise = Enterprise.objects.create(tax_code=mst.format(demo_tax_code(1)), name="Bench", province=province)
facilities = [Facility.objects.create(kind=k, name=f"{k} {i}", province=province, trucks_per_day=500)
              for i, k in enumerate(["cold_store", "centre", "gate", "gate", "port", "gate"])]
gates = [f for f in facilities if f.kind == "gate"]
bulk = Consignment.objects.create(enterprise=enterprise, province=province, reference="BULK", goods="bench")
t = time.perf_counter()
generate.crossings(gates, rows, days=365, seed=1)
generate.legs(bulk, facilities, rows, days=365, seed=2)
load = time.perf_counter() - t

def timed(fn, repeat=5):
    out = []
    for _ in range(repeat):
        s = time.perf_counter(); fn(); out.append(time.perf_counter() - s)
    return min(out), statistics.median(out)

today = timezone.localdate()
dash90 = timed(lambda: service.gate_dashboard(today - datetime.timedelta(days=89), today))
dash365 = timed(lambda: service.gate_dashboard(today - datetime.timedelta(days=364), today))
fig = timed(lambda: service.province_figures(province, today.year))

party = TraceParty.objects.create(enterprise=enterprise, province=province, gs1_prefixes="9520001234")
lot = "urn:epc:class:lgtin:9520001234.012.BENCH"
start = timezone.now() - datetime.timedelta(days=3)
events = [{"type": "ObjectEvent", "eventTime": (start + datetime.timedelta(minutes=i)).isoformat(),
           "eventTimeZoneOffset": "+00:00", "action": "OBSERVE", "bizStep": "storing",
           "quantityList": [{"epcClass": lot, "quantity": 1, "uom": "KGM"}],
           "sensorElementList": [{"sensorMetadata": {"time": (start + datetime.timedelta(minutes=i)).isoformat()},
                                  "sensorReport": [{"type": "Temperature", "value": 4.0, "uom": "CEL"}]}]}
          for i in range(n_events)]
for i in range(0, n_events, 100):
    capture({"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
             "schemaVersion": "2.0", "creationDate": start.isoformat(),
             "epcisBody": {"eventList": events[i:i + 100]}}, party)
consignment = Consignment.objects.create(enterprise=enterprise, province=province, reference="LOT", goods="g",
                                         lots=lot)
steps = []
tl = timed(lambda: steps.append(len(service.consignment_timeline(consignment))))
print(json.dumps({"load_s": load, "dashboard_90d": dash90, "dashboard_365d": dash365, "figures_year": fig,
                  "timeline": tl, "timeline_steps": steps[-1]}))
'''


def run(database_url: str, rows: int, events: int, var: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "ftahub.settings",
           "SECRET_KEY": "bench", "FTAHUB_VAR_DIR": var, "FTAHUB_DEBUG": "0", "FTAHUB_HTTPS": "0"}
    done = subprocess.run([sys.executable, "-c", CHILD, str(rows), str(events)], env=env, cwd=REPO,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def show(name: str, r: dict, rows: int, events: int) -> None:
    print(f"{name}: {rows:,} crossings and {rows:,} legs generated in {r['load_s']:.0f} s")
    for key, label in (("dashboard_90d", "gate dashboard, 90 days"), ("dashboard_365d", "gate dashboard, 365 days "
                                                                                       "(every row)"),
                       ("figures_year", "province figures, the year")):
        best, median = r[key]
        print(f"  {label:40s} best {best * 1000:7.0f} ms  median {median * 1000:7.0f} ms  "
              f"{'≤ 1 s' if median <= 1 else '> 1 s'}")
    best, median = r["timeline"]
    print(f"  {'timeline of a ' + format(events, ',') + '-event lot':40s} best {best * 1000:7.0f} ms  "
          f"median {median * 1000:7.0f} ms  ({r['timeline_steps']} steps)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ftahub-bench-logistics-") as folder:
        show("SQLite", run(f"sqlite:///{folder}/bench.sqlite3", args.rows, args.events, folder), args.rows,
             args.events)
        if not args.sqlite_only:
            with scratch_postgres("ftahub_bench_logistics") as url:
                if url:
                    show("PostgreSQL", run(url, args.rows, args.events, folder), args.rows, args.events)


if __name__ == "__main__":
    main()
