"""Benchmark the tariff finder.

1. HS search: p50/p95 over 1,000 mixed queries (codes, Vietnamese, English, with and without diacritics) through
   ``search_hs`` next to the same word queries sent straight to the full-text index (goal: ≤ 2× the raw index).
2. Lookup over HTTP: requests per second of ``/api/v1/tariffs/lookup`` next to ``/healthz`` (a bare Django JSON
   view with one trivial query) on the same Waitress server in the same run (goal: ≥ 0.5×).

Runs on its own SQLite database under a temporary folder (or DATABASE_URL if set). Prints figures.
Run: .venv/bin/python bench/tariffs.py
"""

import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TMP = Path(tempfile.mkdtemp(prefix="ftahub-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{TMP / 'bench.sqlite3'}")
os.environ.setdefault("FTAHUB_VAR_DIR", str(TMP))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ftahub.settings")

WORDS = ["vai", "vải", "lychee", "durian", "sầu riêng", "coffee", "cà phê", "rice", "gạo", "honey", "mật ong",
         "horses", "fish", "frozen fish", "cotton", "woven fabric", "motor", "electric motor", "fan", "steel",
         "plastic", "rubber tyres", "wood furniture", "shrimp", "tôm", "pepper", "tea", "trà", "sugar", "đường"]
CODES = ["0810", "0810.90", "08109020", "09", "0901", "8414", "8501", "6109", "9403", "1006"]


def ftahub(*args):
    subprocess.run([sys.executable, "-m", "ftahub", *args], check=True, capture_output=True, timeout=600)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def bench_search():
    import django

    django.setup()
    from ftahub.tariffs.search import ranked_ids, search_hs

    rng = random.Random(7)
    queries = [rng.choice(WORDS) if rng.random() < 0.7 else rng.choice(CODES) for _ in range(1000)]
    word_queries = [q for q in queries if not q.replace(".", "").isdigit()]
    for q in queries[:50]:
        search_hs(q, 20)  # warm up
    hub, raw = [], []
    for q in queries:
        start = time.perf_counter()
        search_hs(q, 20)
        hub.append(time.perf_counter() - start)
    for q in word_queries:
        start = time.perf_counter()
        ranked_ids(q, 20)
        raw.append(time.perf_counter() - start)
    hub_words = [t for q, t in zip(queries, hub, strict=True) if not q.replace(".", "").isdigit()]
    print(f"HS search, {len(queries)} mixed queries: p50 {statistics.median(hub) * 1000:.3f} ms, "
          f"p95 {percentile(hub, 0.95) * 1000:.3f} ms")
    p50_hub, p95_hub = statistics.median(hub_words), percentile(hub_words, 0.95)
    p50_raw, p95_raw = statistics.median(raw), percentile(raw, 0.95)
    print(f"  word queries through search_hs: p50 {p50_hub * 1000:.3f} ms, p95 {p95_hub * 1000:.3f} ms")
    print(f"  same queries on the raw index:  p50 {p50_raw * 1000:.3f} ms, p95 {p95_raw * 1000:.3f} ms")
    print(f"  ratio p50 {p50_hub / p50_raw:.2f}×, p95 {p95_hub / p95_raw:.2f}× (goal ≤ 2×: "
          f"{'met' if p95_hub / p95_raw <= 2 and p50_hub / p50_raw <= 2 else 'NOT met'})")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


LINES = ["04072100", "04081100", "04090000", "08106000", "08109010", "08109020", "08109030", "08109050",
         "08109092", "08111000", "08134010", "09011130", "09011220", "09101100", "10059010", "10061010", "10061090",
         "10062010", "10063030"]
PARTNERS = ["JP", "KR", "CN", "TH", "AU", "DE", "GB", "CA", "IN", "RU", "NZ", "SG", "US"]


def lookup_paths(n=3000):
    rng = random.Random(11)
    return [f"/api/v1/tariffs/lookup?hs={rng.choice(LINES)}&partner={rng.choice(PARTNERS)}"
            f"&direction={rng.choice(['import', 'export'])}&date=2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            for _ in range(n)]


def hammer(port, path, seconds=5.0, threads=4):
    count, errors = [0], [0]
    deadline = time.monotonic() + seconds

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        rng = random.Random(threading.get_ident())
        while time.monotonic() < deadline:
            conn.request("GET", path if isinstance(path, str) else rng.choice(path))
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors[0] += 1
            count[0] += 1
        conn.close()

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return count[0] / seconds, errors[0]


def bench_http():
    port = free_port()
    env = {**os.environ, "FTAHUB_DEBUG": "0", "FTAHUB_HTTPS": "0", "SECRET_KEY": "bench-" + "x" * 50}
    subprocess.run([sys.executable, "-m", "ftahub", "collectstatic", "--no-input", "-v", "0"], env=env, check=True)
    server = subprocess.Popen([sys.executable, "-m", "ftahub", "serve", "--port", str(port), "--threads", "4"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        lookup = lookup_paths()  # varied lines, partners, directions and dates
        hammer(port, lookup, 1.0)
        bare, bare_errors = hammer(port, "/healthz")
        rate, errors = hammer(port, lookup)
        print(f"HTTP (Waitress, 4 client threads, 5 s each; lookups over {len(set(lookup))} different queries): "
              f"lookup {rate:.0f} req/s ({errors} errors), "
              f"bare JSON view {bare:.0f} req/s ({bare_errors} errors)")
        print(f"  ratio {rate / bare:.2f}× (goal ≥ 0.5×: {'met' if rate / bare >= 0.5 else 'NOT met'})")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    ftahub("migrate", "-v", "0")
    ftahub("load-reference", "--only", "countries", "agreements", "hs", "rules", "tariff")
    bench_search()
    bench_http()
