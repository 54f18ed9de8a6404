"""Benchmark EPCIS capture: events per second through POST /api/v1/epcis/capture (validation against GS1's schema,
storage, sensor checks, the Merkle log) into PostgreSQL, and into SQLite for comparison.

PostgreSQL: a scratch database ``ftahub_bench_capture`` is created on DATABASE_URL's server (default
postgres://postgres@127.0.0.1:5432/) and dropped afterwards; skipped with a message if no server answers.
Documents of 100 events (harvest, storing with 4 temperature readings, aggregation, shipping), 4 client threads.
Beside each rate: the database's own bulk load of equivalent rows (event id unique, the event as a JSON document,
its hash) from one client, PostgreSQL's COPY and SQLite's executemany, and the ratio (#24 aims at 0.3× COPY).
Run: .venv/bin/python bench/capture.py
"""

import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _hub import scratch_postgres, serving

DOCS, EVENTS_PER_DOC, THREADS = 200, 100, 4


def documents(n_docs: int) -> list[bytes]:
    def event(i: int, d: int) -> dict:
        lot = f"urn:epc:class:lgtin:9520001234.001.B{d}-{i // 4}"
        base = {"eventTime": f"2026-06-10T{5 + i % 12:02d}:{i % 60:02d}:00+07:00", "eventTimeZoneOffset": "+07:00",
                "readPoint": {"id": "urn:epc:id:sgln:9520001234.01.0"}}
        kind = i % 4
        if kind == 0:
            return {**base, "type": "ObjectEvent", "action": "ADD", "bizStep": "harvesting",
                    "quantityList": [{"epcClass": lot, "quantity": 500, "uom": "KGM"}]}
        if kind == 1:
            return {**base, "type": "ObjectEvent", "action": "OBSERVE", "bizStep": "storing",
                    "quantityList": [{"epcClass": lot}],
                    "sensorElementList": [{"sensorMetadata": {"time": base["eventTime"]}, "sensorReport": [
                        {"type": "Temperature", "value": 2.0 + k, "uom": "CEL"} for k in range(4)]}]}
        pallet = f"urn:epc:id:sscc:9520001234.{d:03d}{i:04d}"
        if kind == 2:
            return {**base, "type": "AggregationEvent", "action": "ADD", "bizStep": "loading", "parentID": pallet,
                    "childQuantityList": [{"epcClass": lot, "quantity": 500, "uom": "KGM"}]}
        return {**base, "type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "epcList": [pallet]}

    return [json.dumps({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                        "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-06-10T08:00:00Z",
                        "epcisBody": {"eventList": [event(i, d) for i in range(EVENTS_PER_DOC)]}}).encode()
            for d in range(n_docs)]


SETUP = """
from ftahub.accounts.models import Enterprise
from ftahub.certificates.service import key_ring
from ftahub.places.models import Province
from ftahub.trace.models import CaptureToken, TraceParty, Threshold
province = Province.objects.filter(era="2025").first()
e = Enterprise.objects.create(tax_code="9900009996", name="Bench (demo)", province=province, is_demo=True)
p = TraceParty.objects.create(enterprise=e, province=province, gs1_prefixes="9520001234", is_demo=True)
Threshold.objects.create(enterprise=e, province=province, gtin="09520001234019", product="bench", minimum=1, maximum=4)
key_ring().generate("bench")
print(CaptureToken.issue(p, "bench")[1])
"""


def baseline(label: str, url: str, docs: list[bytes]) -> float:
    """Rows per second of the database's own bulk load of (event id, event JSON, hash) for the same events."""
    import hashlib

    rows = []
    for d, doc in enumerate(docs):
        for i, event in enumerate(json.loads(doc)["epcisBody"]["eventList"]):
            text = json.dumps(event)
            rows.append((f"bench-{d}-{i}", text, hashlib.sha256(text.encode()).hexdigest()))
    start = time.perf_counter()
    if label == "PostgreSQL":
        import psycopg

        with psycopg.connect(url) as conn:
            conn.execute("CREATE TABLE copy_bench (id bigserial PRIMARY KEY, event_id text UNIQUE, body jsonb, "
                         "hash char(64))")
            start = time.perf_counter()
            with conn.cursor().copy("COPY copy_bench (event_id, body, hash) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            conn.commit()
            elapsed = time.perf_counter() - start
            conn.execute("DROP TABLE copy_bench")
    else:
        import sqlite3

        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        conn.execute("CREATE TABLE copy_bench (id integer PRIMARY KEY, event_id text UNIQUE, body text, hash text)")
        start = time.perf_counter()
        conn.executemany("INSERT INTO copy_bench (event_id, body, hash) VALUES (?, ?, ?)", rows)
        conn.commit()
        elapsed = time.perf_counter() - start
        conn.execute("DROP TABLE copy_bench")
        conn.close()
    return len(rows) / elapsed


def run(label: str, env: dict) -> None:
    def ftahub(*args, **kw):
        return subprocess.run([sys.executable, "-m", "ftahub", *args], env=env, check=True, capture_output=True,
                              text=True, timeout=900, **kw)

    ftahub("migrate", "--no-input", "-v", "0")
    ftahub("load-reference")
    token = ftahub("shell", "-c", SETUP).stdout.strip().splitlines()[-1]
    with serving(env, THREADS) as port:
        docs = documents(DOCS)
        errors, lock, queue = [], threading.Lock(), list(docs)

        def worker():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            while True:
                with lock:
                    if not queue:
                        break
                    body = queue.pop()
                conn.request("POST", "/api/v1/epcis/capture", body, {"Authorization": f"Bearer {token}",
                                                                       "Content-Type": "application/json"})
                response = conn.getresponse()
                text = response.read()
                if response.status != 201:
                    errors.append(f"{response.status} {text[:200]!r}")
            conn.close()

        start = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        events = DOCS * EVENTS_PER_DOC
        rate = events / elapsed
        print(f"{label}: {events:,} events in {DOCS} documents, {elapsed:.1f} s: {rate:,.0f} events/s "
              f"({len(errors)} errors{': ' + errors[0] if errors else ''})")
    check = ftahub("shell", "-c", "from ftahub.trace.models import Event; from ftahub.transparency import "
                                  "ledger; print(Event.objects.count(), ledger.size())").stdout.split()[-2:]
    print(f"  stored events {check[0]}, log entries {check[1]}")
    own = baseline(label, env["DATABASE_URL"], docs)
    loader = "COPY" if label == "PostgreSQL" else "executemany"
    print(f"  the database's own {loader} of the same rows: {own:,.0f} rows/s; capture is {rate / own:.2f}× that "
          f"(goal 0.3×: {'met' if rate / own >= 0.3 else 'not met'})")


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="ftahub-bench-capture-"))
    base = {**os.environ, "FTAHUB_DEBUG": "0", "FTAHUB_HTTPS": "0", "SECRET_KEY": "bench-" + "x" * 50,
            "FTAHUB_VAR_DIR": str(tmp / "var"), "FTAHUB_RATE_LIMITS": "0"}
    with scratch_postgres("ftahub_bench_capture") as url:
        if url:
            run("PostgreSQL", {**base, "DATABASE_URL": url})
    run("SQLite", {**base, "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
                   "FTAHUB_VAR_DIR": str(tmp / "var-sqlite")})


if __name__ == "__main__":
    main()
