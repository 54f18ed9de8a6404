"""What the HTTP benchmarks share: a hub served on a free loopback port, a scratch PostgreSQL database, and
client threads that request paths for a while."""

import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(env: dict, threads: int):
    """``ftahub serve`` (Gunicorn workers, one per core and one more) with ``threads`` threads each; yields its port
    once it accepts connections."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "ftahub", "serve", "--port", str(port), "--threads",
                               str(threads)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def scratch_postgres(name: str, keep: bool = False):
    """A new database ``name`` on DATABASE_URL's server (default the local one), dropped afterwards unless ``keep``;
    yields its URL, or None (having said so) when no PostgreSQL answers."""
    server_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test").rsplit("/", 1)[0]
    try:
        import psycopg

        with psycopg.connect(server_url + "/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
    except Exception as exc:  # noqa: BLE001 - any failure to reach PostgreSQL skips that half
        print(f"PostgreSQL not reachable ({str(exc).splitlines()[0]}): skipped")
        yield None
        return
    try:
        yield f"{server_url}/{name}"
    finally:
        if keep:
            print(f"kept the database: {server_url}/{name}")
        else:
            with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def hammer(port: int, paths: list[str], seconds: float, threads: int, headers: dict | None = None) -> dict:
    """GET random ``paths`` from ``threads`` keep-alive clients for ``seconds``: requests per second, p50 and p99
    latency (ms), non-200 answers and failed connections, and the number of requests."""
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
                conn.request("GET", path, headers=headers or {})
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
