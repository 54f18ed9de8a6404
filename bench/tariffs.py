"""Benchmark the tariff finder.

1. HS search: p50/p95 over 1,000 mixed queries (codes, Vietnamese, English, with and without diacritics) through
   ``search_hs`` next to the same full-text query sent alone (goal: p95 ≤ 2× the raw query).
2. Search quality: hit@1 and hit@5 over the realistic queries of bench/search_queries.json (goal: hit@5 ≥ 0.9).
3. Lookup over HTTP: requests per second of ``/api/v1/tariffs/lookup`` next to ``/healthz`` (a bare Django JSON
   view with one trivial query) on the same Waitress server in the same run (goal: ≥ 0.5×).

Runs on its own SQLite database under a temporary folder (or DATABASE_URL if set). Prints figures.
Run: .venv/bin/python bench/tariffs.py
"""

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _hub import hammer, serving

TMP = Path(tempfile.mkdtemp(prefix="ftahub-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{TMP / 'bench.sqlite3'}") if "--quality" not in sys.argv else None
os.environ.setdefault("FTAHUB_VAR_DIR", str(TMP)) if "--quality" not in sys.argv else None
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
    from ftahub.tariffs.search import candidate_rows, ranked_ids, search_hs

    rng = random.Random(7)
    queries = [rng.choice(WORDS) if rng.random() < 0.7 else rng.choice(CODES) for _ in range(1000)]
    word_queries = [q for q in queries if not q.replace(".", "").isdigit()]
    for q in queries[:50]:
        search_hs(q, 20)  # warm up
    hub, raw, strict = [], [], []
    for q in queries:
        start = time.perf_counter()
        search_hs(q, 20)
        hub.append(time.perf_counter() - start)
    for q in word_queries:
        start = time.perf_counter()
        candidate_rows(q)  # the full-text query the search itself runs (any word, best 400), nothing else
        raw.append(time.perf_counter() - start)
        start = time.perf_counter()
        ranked_ids(q, 20)  # every word required, 20 rows: what the search ran before the whole tariff
        strict.append(time.perf_counter() - start)
    hub_words = [t for q, t in zip(queries, hub, strict=True) if not q.replace(".", "").isdigit()]
    print(f"HS search, {len(queries)} mixed queries: p50 {statistics.median(hub) * 1000:.3f} ms, "
          f"p95 {percentile(hub, 0.95) * 1000:.3f} ms")
    p50_hub, p95_hub = statistics.median(hub_words), percentile(hub_words, 0.95)
    p50_raw, p95_raw = statistics.median(raw), percentile(raw, 0.95)
    print(f"  word queries through search_hs: p50 {p50_hub * 1000:.3f} ms, p95 {p95_hub * 1000:.3f} ms")
    print(f"  the same full-text query alone: p50 {p50_raw * 1000:.3f} ms, p95 {p95_raw * 1000:.3f} ms")
    print(f"  (every word required, 20 rows:  p50 {statistics.median(strict) * 1000:.3f} ms, "
          f"p95 {percentile(strict, 0.95) * 1000:.3f} ms)")
    print(f"  ratio p50 {p50_hub / p50_raw:.2f}×, p95 {p95_hub / p95_raw:.2f}× (goal p95 ≤ 2×: "
          f"{'met' if p95_hub / p95_raw <= 2 else 'NOT met'})")


def bench_quality(show_misses=True):
    import json

    import django

    django.setup()
    from ftahub.tariffs.search import search_hs

    queries = json.loads((Path(__file__).parent / "search_queries.json").read_text(encoding="utf-8"))["queries"]

    def hit(code, expect):
        return any(code == e.replace(".", "") or (len(e.replace(".", "")) < 8 and code.startswith(e.replace(".", "")))
                   for e in expect)

    at1 = at5 = 0
    misses = []
    for q in queries:
        found = [h.code for h in search_hs(q["q"], 5)]
        at1 += bool(found) and hit(found[0], q["expect"])
        at5 += any(hit(c, q["expect"]) for c in found)
        if not any(hit(c, q["expect"]) for c in found):
            misses.append(f"{q['q']!r}: expected {', '.join(q['expect'])}, found {', '.join(found) or 'nothing'}")
    n = len(queries)
    print(f"Search quality over {n} queries: hit@1 {at1 / n:.2f}, hit@5 {at5 / n:.2f} "
          f"(goal hit@5 ≥ 0.9: {'met' if at5 / n >= 0.9 else 'NOT met'})")
    if show_misses:
        for miss in misses:
            print(f"  miss {miss}")


LINES = ["04072100", "04081100", "04090000", "08106000", "08109010", "08109020", "08109030", "08109050",
         "08109092", "08111000", "08134010", "09011130", "09011220", "09101100", "10059010", "10061010", "10061090",
         "10062010", "10063030"]
PARTNERS = ["JP", "KR", "CN", "TH", "AU", "DE", "GB", "CA", "IN", "RU", "NZ", "SG", "US"]


def lookup_paths(n=3000):
    rng = random.Random(11)
    return [f"/api/v1/tariffs/lookup?hs={rng.choice(LINES)}&partner={rng.choice(PARTNERS)}"
            f"&direction={rng.choice(['import', 'export'])}&date=2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            for _ in range(n)]


def bench_http():
    env = {**os.environ, "FTAHUB_DEBUG": "0", "FTAHUB_HTTPS": "0", "SECRET_KEY": "bench-" + "x" * 50}
    subprocess.run([sys.executable, "-m", "ftahub", "collectstatic", "--no-input", "-v", "0"], env=env, check=True)
    with serving(env, threads=4) as port:
        lookup = lookup_paths()  # varied lines, partners, directions and dates
        hammer(port, lookup, 1.0, 4)
        bare = hammer(port, ["/healthz"], 5.0, 4)
        found = hammer(port, lookup, 5.0, 4)
        rate = found["rps"]
        print(f"HTTP (Waitress, 4 client threads, 5 s each; lookups over {len(set(lookup))} different queries): "
              f"lookup {rate:.0f} req/s ({found['errors']} errors), "
              f"bare JSON view {bare['rps']:.0f} req/s ({bare['errors']} errors)")
        print(f"  ratio {rate / bare['rps']:.2f}× (goal ≥ 0.5×: {'met' if rate / bare['rps'] >= 0.5 else 'NOT met'})")

if __name__ == "__main__":
    if "--quality" in sys.argv:  # on the database the environment names, already loaded
        bench_quality()
        sys.exit(0)
    ftahub("migrate", "-v", "0")
    ftahub("load-reference", "--only", "countries", "agreements", "hs", "rules", "tariff")
    bench_search()
    bench_quality()
    bench_http()
