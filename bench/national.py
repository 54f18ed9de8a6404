"""National scale on PostgreSQL: 34 provinces, 1 million C/O records (applications with their transitions and issued
certificates), 10 million EPCIS events (2.5 million lots: harvest, storing, loading on a pallet, shipping) with
their trace index and log entries, and 100,000 users. Reports p50/p95 of verify-by-number, trace back and forward
through the API, the public lot page and a province's C/O dashboard (goal p95 <= 50 ms each), and the disk it takes.

The rows are generated inside PostgreSQL (INSERT ... SELECT over generate_series) from the demo data's own records,
and labelled demo; a scratch database ``ftahub_bench_national`` on DATABASE_URL's server is made and dropped.
``--scale 0.1`` runs a tenth of it (the default for ``make bench``; the full run takes about half an hour here).
Run: .venv/bin/python bench/national.py --scale 1
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from _hub import scratch_postgres

GTIN = "09520001234019"

GENERATE = """
-- enterprises: 3,000 per province unit of 2025 at full scale
INSERT INTO accounts_enterprise (tax_code, name, name_en, province_id, address, ownership, is_demo)
SELECT lpad((8000000000 + g)::text, 10, '0'), 'Doanh nghiệp ' || g || ' (demo)', '', p.id, '', 'domestic', true
FROM generate_series(1, %(enterprises)s) g
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM places_province WHERE era = '2025') p
  ON p.n = g %% 34;

-- users: business users of those enterprises, a password no one can use
INSERT INTO accounts_user (password, is_superuser, username, first_name, last_name, email, is_staff, is_active,
                           date_joined, role, province_id, enterprise_id)
SELECT '!', false, 'bench' || g, '', '', '', false, true, now(), 'business', e.province_id, e.id
FROM generate_series(1, %(users)s) g
JOIN accounts_enterprise e ON e.tax_code = lpad((8000000000 + 1 + (g - 1) %% %(enterprises)s)::text, 10, '0');

-- C/O records: the demo certificate's signed record under new numbers, each with its application and transitions
INSERT INTO certificates_issuedcertificate (co_number, agreement_id, form, province_id, enterprise_id, issued_on,
                                            record, payload, kid, status, revocation_reason, created_at, is_demo)
SELECT 'BENCH/' || g, c.agreement_id, c.form, e.province_id, e.id, date '2024-01-01' + (g %% 900), c.record,
       c.payload, c.kid, 'valid', '', now(), true
FROM generate_series(1, %(certificates)s) g
CROSS JOIN (SELECT * FROM certificates_issuedcertificate ORDER BY id LIMIT 1) c
JOIN accounts_enterprise e ON e.tax_code = lpad((8000000000 + 1 + g %% %(enterprises)s)::text, 10, '0');

INSERT INTO codesk_application (reference, enterprise_id, province_id, created_at, status, agreement_id, form,
    destination, importer_name, importer_address, transport_means, port_loading, port_discharge, invoice_number,
    customs_declaration, decision_comment, handoff_sha256, handoff_json, ecosys_number, issuing_body, certificate_id,
    is_demo)
SELECT 'B' || c.id, c.enterprise_id, c.province_id, c.issued_on - 2, 'recorded', c.agreement_id, c.form, 'JP',
       'Importer (demo)', '', '', '', '', '', '', '', '', '', c.co_number, '', c.id, true
FROM certificates_issuedcertificate c WHERE c.co_number LIKE 'BENCH/%%';

INSERT INTO codesk_transition (application_id, at, actor_id, from_status, to_status, comment, hours_before,
                               province_id)
SELECT a.id, a.created_at + s.hours * interval '1 hour', o.id, s.from_status, s.to_status, '', s.working, a.province_id
FROM codesk_application a
CROSS JOIN (VALUES (0, '', 'draft', NULL), (1, 'draft', 'submitted', 1.0), (4, 'submitted', 'approved', 3.0),
                   (30, 'approved', 'recorded', 8.0)) AS s(hours, from_status, to_status, working)
LEFT JOIN (SELECT DISTINCT ON (province_id) province_id, id FROM accounts_user WHERE role = 'co_officer'
           ORDER BY province_id, id) o ON o.province_id = a.province_id
WHERE a.reference LIKE 'B%%' AND a.is_demo;

-- EPCIS: four events per lot, their trace index, their log entries
INSERT INTO trace_event (event_id, type, event_time, time_zone_offset, action, biz_step, disposition, read_point,
                         biz_location, body, canonical_hash, record_time, enterprise_id, province_id, captured_by,
                         log_index, is_demo)
SELECT 'urn:uuid:bench-' || g, CASE g %% 4 WHEN 2 THEN 'AggregationEvent' ELSE 'ObjectEvent' END,
       timestamptz '2025-01-01 00:00+07' + (g / 4) * interval '1 minute' + (g %% 4) * interval '6 hours', '+07:00',
       CASE g %% 4 WHEN 0 THEN 'ADD' WHEN 2 THEN 'ADD' ELSE 'OBSERVE' END,
       (ARRAY['harvesting', 'storing', 'loading', 'shipping'])[g %% 4 + 1], '', '414/9520001234013', '',
       jsonb_build_object('type', 'ObjectEvent', 'bizStep', (ARRAY['harvesting', 'storing', 'loading',
                          'shipping'])[g %% 4 + 1], 'lot', 'N' || (g / 4)),
       md5(g::text) || md5((g + 1)::text), now(), e.id, e.province_id, 'bench', %(log_base)s + g, true
FROM generate_series(0, %(events)s - 1) g
JOIN accounts_enterprise e ON e.tax_code = lpad((8000000000 + 1 + (g / 4) %% %(enterprises)s)::text, 10, '0');

INSERT INTO trace_eventobject (event_id, role, key, identifier)
SELECT ev.id, r.role, CASE WHEN r.pallet THEN '00/3952000123' || lpad((n / 4)::text, 8, '0')
                           ELSE '01/%(gtin)s/10/N' || (n / 4) END, ''
FROM (SELECT id, (substr(event_id, 16))::bigint AS n FROM trace_event WHERE captured_by = 'bench') ev
JOIN (VALUES (0, 'object', false), (1, 'object', false), (2, 'parent', true), (2, 'child', false),
             (3, 'object', true)) AS r(k, role, pallet) ON r.k = ev.n %% 4;

INSERT INTO trace_lotlink (enterprise_id, province_id, gtin, lot)
SELECT enterprise_id, province_id, '%(gtin)s', 'N' || ((substr(event_id, 16))::bigint / 4)
FROM trace_event WHERE captured_by = 'bench' AND (substr(event_id, 16))::bigint %% 4 = 0;

INSERT INTO transparency_logentry (index, kind, ref, data, leaf_hash, created_at)
SELECT log_index, 'epcis-event', event_id, '{"kind":"epcis-event","ref":"' || event_id || '","sha256":"'
       || canonical_hash || '"}', canonical_hash, now()
FROM trace_event WHERE captured_by = 'bench';
"""

SETUP = """
from ftahub.accounts.models import User
from ftahub.trace.models import TraceParty, CaptureToken
from ftahub.accounts.models import Enterprise
from ftahub.places.models import Province
officer = User.objects.filter(role="co_officer", province__isnull=False).first()
e = Enterprise.objects.get(tax_code="8000000001")
party, _ = TraceParty.objects.get_or_create(enterprise=e, defaults={"province": e.province,
                                                                  "gs1_prefixes": "9520001234", "is_demo": True})
token = CaptureToken.issue(party, "bench")[1]
"""


def measure(label: str, call, samples: int) -> float:
    call(0)  # warm
    times = []
    for i in range(samples):
        start = time.perf_counter()
        call(i + 1)
        times.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"  {label:<42} p50 {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms   "
          f"{'(goal ≤ 50 ms met)' if p95 <= 50 else '(goal ≤ 50 ms NOT met)'}")
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("FTAHUB_NATIONAL_SCALE", "0.1")))
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards (to look into it)")
    parser.add_argument("--reuse", action="store_true",
                        help="measure again on the database a --keep run left (migrated, not generated again)")
    args = parser.parse_args()
    sizes = {"enterprises": max(34, int(34 * 3000 * args.scale)), "users": int(100_000 * args.scale),
             "certificates": int(1_000_000 * args.scale), "events": int(10_000_000 * args.scale) // 4 * 4}
    lots = sizes["events"] // 4
    tmp = Path(tempfile.mkdtemp(prefix="ftahub-bench-national-"))
    kept = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test").rsplit("/", 1)[0] + \
        "/ftahub_bench_national"
    with (nullcontext(kept) if args.reuse else scratch_postgres("ftahub_bench_national", keep=args.keep)) as url:
        if not url:
            return
        env = {**os.environ, "FTAHUB_DEBUG": "0", "FTAHUB_HTTPS": "0", "SECRET_KEY": "bench-" + "x" * 50,
               "FTAHUB_VAR_DIR": str(tmp / "var"), "DATABASE_URL": url, "FTAHUB_RATE_LIMITS": "0",
               "DJANGO_SETTINGS_MODULE": "ftahub.settings"}
        steps = [["migrate", "--no-input", "-v", "0"], ["load-reference"], ["load-demo"],
                 ["collectstatic", "--no-input", "-v", "0"]]
        for step in ([steps[0], steps[3]] if args.reuse else steps):
            subprocess.run([sys.executable, "-m", "ftahub", *step], env=env, check=True, capture_output=True,
                           timeout=1800)
        import psycopg

        started = time.perf_counter()
        with psycopg.connect(url, autocommit=True) as conn:
            log_base = conn.execute("SELECT coalesce(max(index), -1) + 1 FROM transparency_logentry").fetchone()[0]
            for statement in [] if args.reuse else GENERATE.split(";\n"):
                sql = "\n".join(line for line in statement.splitlines() if not line.startswith("--")).strip()
                if sql:
                    conn.execute(sql % {**sizes, "gtin": GTIN, "log_base": log_base})
            conn.execute("VACUUM ANALYZE")
            disk = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
            counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
                "places_province", "accounts_user", "certificates_issuedcertificate", "codesk_application",
                "trace_event", "trace_eventobject", "transparency_logentry")}
        print(f"national scale ×{args.scale:g}: " + ("reused; " if args.reuse else
                                                      f"generated in {time.perf_counter() - started:.0f} s; ")
              + ", ".join(f"{k.split('_', 1)[1]} {v:,}" for k, v in counts.items()))
        print(f"  database on disk: {disk / 2**30:.2f} GiB")

        os.environ.update(env)
        import django

        django.setup()
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        made: dict = {}
        exec(SETUP, made)  # noqa: S102 - the bench's own setup code
        officer, token = made["officer"], made["token"]
        rng = random.Random(7)
        public, api = Client(), Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        desk = Client()
        desk.force_login(officer)
        # the token's enterprise is enterprise 1: its lots are those n with n % enterprises == 0
        own_lots = [n for n in range(0, lots, sizes["enterprises"])] or [0]

        def ok(response):
            assert response.status_code == 200, (response.status_code, response.content[:300])

        def verify(i):
            number = f"BENCH/{rng.randint(1, sizes['certificates'])}"
            response = public.post("/verify/", {"co_number": number}, HTTP_ACCEPT_LANGUAGE="en")
            ok(response)
            assert b"No C/O with this number" not in response.content

        def trace(direction):
            def call(i):
                lot = rng.choice(own_lots)
                # the index's own keys (GS1 Digital Link paths), as a Digital Link URI would give them
                epc = f"01/{GTIN}/10/N{lot}" if direction == "forward" else f"00/3952000123{lot:08d}"
                response = api.get("/api/v1/epcis/trace", {"epc": epc, "direction": direction})
                ok(response)
                assert len(response.json()["nodes"]) == 2, response.json()  # the lot and its pallet
            return call

        def lot_page(i):
            ok(public.get(f"/01/{GTIN}/10/N{rng.randrange(lots)}/", HTTP_ACCEPT_LANGUAGE="vi"))

        def dashboard(i):
            ok(desk.get("/co/turnaround/"))

        print(f"  timings over {args.samples} requests each (in-process Django test client, no cache hit: "
              "each request asks for another record)")
        measure("verify a C/O by its number", verify, args.samples)
        measure("trace back (pallet → lot)", trace("back"), args.samples)
        measure("trace forward (lot → pallet)", trace("forward"), args.samples)
        measure("public lot page", lot_page, args.samples)
        measure(f"province C/O dashboard ({officer.province})", dashboard, max(10, args.samples // 10))
        from django.db import connections

        connections.close_all()


if __name__ == "__main__":
    main()
