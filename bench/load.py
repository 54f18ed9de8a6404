"""Bounded load on loopback: the public pages and the lookup APIs of a hub with the demo data, on SQLite and on
PostgreSQL (a scratch database on DATABASE_URL's server, skipped if none answers). Prints requests per second, p50
and p99 latency and errors per target; the README records a run.

Run: .venv/bin/python bench/load.py [--seconds 10] [--threads 8]
"""

import argparse
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

PAGES = ["/", "/hs/", "/hs/0810/", "/agreements/", "/origin/", "/verify/", "/events/", "/news/", "/stats/",
         "/log/", "/01/09520001234019/10/DEMO-L1/"]
APIS = ["/api/v1/tariffs/lookup?hs=08109020&partner=JP&direction=import&date=2026-06-01",
        "/api/v1/tariffs/lookup?hs=09011130&partner=KR&direction=import&date=2026-03-01",
        "/api/v1/hs/search?q=vai%20thieu", "/api/v1/hs/search?q=coffee", "/api/v1/origin/rules?hs=0810.90",
        "/api/v1/agreements", "/api/v1/stats/trade?province=24&arrangement=2025", "/api/v1/events",
        "/api/v1/content?q=vai"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hammer(port: int, paths: list[str], seconds: float, threads: int) -> dict:
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(seed: int):
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.monotonic() < deadline:
            path = rng.choice(paths)
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept-Language": "vi"})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - start)
            if not ok:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    ordered = sorted(latencies)
    return {"rps": len(ordered) / seconds, "p50": statistics.median(ordered) * 1000,
            "p99": ordered[int(len(ordered) * 0.99)] * 1000, "errors": errors[0], "requests": len(ordered)}


def run(label: str, env: dict, seconds: float, threads: int) -> None:
    def ftahub(*args):
        subprocess.run([sys.executable, "-m", "ftahub", *args], env=env, check=True, capture_output=True, timeout=900)

    for command in (["migrate", "--no-input", "-v", "0"], ["load-reference"], ["load-demo"],
                    ["collectstatic", "--no-input", "-v", "0"]):
        ftahub(*command)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "ftahub", "serve", "--port", str(port), "--threads", "8"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        hammer(port, PAGES + APIS, 2, threads)  # warm up
        for name, paths in (("public pages", PAGES), ("lookup APIs", APIS)):
            r = hammer(port, paths, seconds, threads)
            print(f"{label:10s} {name:13s} {r['rps']:7.0f} req/s   p50 {r['p50']:6.1f} ms   p99 {r['p99']:7.1f} ms   "
                  f"{r['errors']} errors in {r['requests']:,} requests")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ftahub-load-"))
    base = {**os.environ, "FTAHUB_DEBUG": "0", "FTAHUB_HTTPS": "0", "FTAHUB_DEMO": "1",
            "SECRET_KEY": "load-" + "x" * 50}
    print(f"{args.threads} client threads, {args.seconds:.0f} s per target, Waitress with 8 threads, loopback")
    run("SQLite", {**base, "DATABASE_URL": f"sqlite:///{tmp / 'load.sqlite3'}", "FTAHUB_VAR_DIR": str(tmp / "v1")},
        args.seconds, args.threads)
    server_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test").rsplit("/", 1)[0]
    try:
        import psycopg

        with psycopg.connect(server_url + "/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP DATABASE IF EXISTS ftahub_load")
            conn.execute("CREATE DATABASE ftahub_load")
    except Exception as exc:  # noqa: BLE001 - any failure to reach PostgreSQL skips that half
        print(f"PostgreSQL not reachable ({str(exc).splitlines()[0]}): skipped")
        return
    try:
        run("PostgreSQL", {**base, "DATABASE_URL": server_url + "/ftahub_load", "FTAHUB_VAR_DIR": str(tmp / "v2")},
            args.seconds, args.threads)
    finally:
        with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS ftahub_load WITH (FORCE)")


if __name__ == "__main__":
    main()
