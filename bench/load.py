"""Bounded load on loopback: the public pages and the lookup APIs of a hub with the demo data, on SQLite and on
PostgreSQL (a scratch database on DATABASE_URL's server, skipped if none answers). Prints requests per second, p50
and p99 latency and errors per target; the README records a run.

Run: .venv/bin/python bench/load.py [--seconds 10] [--threads 8]
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _hub import hammer, scratch_postgres, serving

PAGES = ["/", "/hs/", "/hs/0810/", "/agreements/", "/origin/", "/verify/", "/events/", "/news/", "/stats/",
         "/log/", "/01/09520001234019/10/DEMO-L1/"]
APIS = ["/api/v1/tariffs/lookup?hs=08109020&partner=JP&direction=import&date=2026-06-01",
        "/api/v1/tariffs/lookup?hs=09011130&partner=KR&direction=import&date=2026-03-01",
        "/api/v1/hs/search?q=vai%20thieu", "/api/v1/hs/search?q=coffee", "/api/v1/origin/rules?hs=0810.90",
        "/api/v1/agreements", "/api/v1/stats/trade?province=24&arrangement=2025", "/api/v1/events",
        "/api/v1/content?q=vai"]


def run(label: str, env: dict, seconds: float, threads: int) -> None:
    def ftahub(*args):
        subprocess.run([sys.executable, "-m", "ftahub", *args], env=env, check=True, capture_output=True, timeout=900)

    for command in (["migrate", "--no-input", "-v", "0"], ["load-reference"], ["load-demo"],
                    ["collectstatic", "--no-input", "-v", "0"]):
        ftahub(*command)
    with serving(env, threads=4) as port:
        vi = {"Accept-Language": "vi"}
        hammer(port, PAGES + APIS, 2, threads, vi)  # warm up
        for name, paths in (("public pages", PAGES), ("lookup APIs", APIS)):
            r = hammer(port, paths, seconds, threads, vi)
            print(f"{label:10s} {name:13s} {r['rps']:7.0f} req/s   p50 {r['p50']:6.1f} ms   p99 {r['p99']:7.1f} ms   "
                  f"{r['errors']} errors in {r['requests']:,} requests")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ftahub-load-"))
    base = {**os.environ, "FTAHUB_DEBUG": "0", "FTAHUB_HTTPS": "0", "FTAHUB_DEMO": "1",
            "SECRET_KEY": "load-" + "x" * 50}
    print(f"{args.threads} client threads, {args.seconds:.0f} s per target, ftahub serve (Gunicorn, cores + 1 workers "
          "× 4 threads, anonymous pages from the cache), loopback; before #24 (Waitress, 8 threads, no cache): "
          "SQLite pages 47 req/s p50 140 ms, APIs 184 req/s p50 40 ms")
    run("SQLite", {**base, "DATABASE_URL": f"sqlite:///{tmp / 'load.sqlite3'}", "FTAHUB_VAR_DIR": str(tmp / "v1")},
        args.seconds, args.threads)
    with scratch_postgres("ftahub_load") as url:
        if url:
            run("PostgreSQL", {**base, "DATABASE_URL": url, "FTAHUB_VAR_DIR": str(tmp / "v2")}, args.seconds,
                args.threads)


if __name__ == "__main__":
    main()
