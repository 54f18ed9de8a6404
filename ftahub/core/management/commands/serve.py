import logging
import os
import subprocess
import sys
import threading

from django.conf import settings
from django.core.management.base import BaseCommand

from ftahub.core import jobs, plugins


def _default_workers() -> int:
    """One worker per core and one more (measured on 2 cores: 3 workers × 4 threads served 677 pages/s, 5 workers
    624; docs/decisions/0007-serving.md)."""
    return settings.FTAHUB_WORKERS or min((os.cpu_count() or 1) + 1, 9)


class Command(BaseCommand):
    help = ("Serve the hub: Gunicorn worker processes (a production WSGI server; the number from the CPU count, "
            "FTAHUB_WORKERS or --workers) or, with --server waitress, one Waitress process with threads. Static "
            "files are served by WhiteNoise either way.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--server", choices=["gunicorn", "waitress"],
                            default=settings.FTAHUB_SERVER)
        parser.add_argument("--workers", type=int, default=None, help="worker processes (Gunicorn)")
        parser.add_argument("--threads", type=int, default=None,
                            help="threads per worker process (Gunicorn 4, Waitress 8)")

    def handle(self, *args, host, port, server, workers, threads, **options):
        if server == "gunicorn":
            return self.gunicorn(host, port, workers or _default_workers(), threads or 4)
        threads = threads or 8
        from waitress import serve

        from ftahub.wsgi import application

        if settings.FTAHUB_WORKER:  # the embedded default runs queued jobs in this process, beside the server
            threading.Thread(target=jobs.work, args=(threading.Event(),), name="ftahub-worker", daemon=True).start()
        threading.Thread(target=_warm_up, name="ftahub-warm-up", daemon=True).start()
        proxy = {}
        if settings.BEHIND_PROXY:
            # Waitress takes the scheme and the client's address from the trusted proxy's headers only, and drops
            # those headers from anyone else: HTTPS redirects end, and rate limits count real clients (#18)
            proxy = {"trusted_proxy": settings.FTAHUB_TRUSTED_PROXY, "trusted_proxy_count": 1,
                     "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-for"},
                     "clear_untrusted_proxy_headers": True}
        self.stdout.write(f"FTA Hub on http://{host}:{port}/ (Waitress, DEBUG={settings.DEBUG}"
                          + (f", behind the proxy at {settings.FTAHUB_TRUSTED_PROXY}" if proxy else "")
                          + "); Ctrl+C stops it.")
        # Waitress itself refuses larger bodies (chunked ones too, which carry no Content-Length for the middleware)
        largest = max([settings.FTAHUB_MAX_REQUEST_BYTES, *plugins.body_limits().values()])
        serve(application, host=host, port=port, threads=threads, ident="ftahub", max_request_body_size=largest,
              **proxy)

    def gunicorn(self, host: str, port: int, workers: int, threads: int) -> None:
        from gunicorn.app.base import BaseApplication

        worker: subprocess.Popen | None = None

        def start_jobs(arbiter) -> None:  # one job worker for the whole server, in its own process
            nonlocal worker
            if settings.FTAHUB_WORKER:
                worker = subprocess.Popen([sys.executable, "-m", "ftahub", "worker"], preexec_fn=_die_with_parent)

        def stop_jobs(arbiter) -> None:
            if worker is not None and worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=10)

        options = {
            "bind": f"{host}:{port}", "workers": workers, "worker_class": "gthread", "threads": threads,
            "preload_app": True, "timeout": 120, "graceful_timeout": 15, "keepalive": 5,
            "accesslog": None, "errorlog": "-", "loglevel": "warning", "proc_name": "ftahub",
            # the scheme from the trusted proxy only (the client's address is taken by TrustedProxyMiddleware)
            "forwarded_allow_ips": settings.FTAHUB_TRUSTED_PROXY if settings.BEHIND_PROXY else "",
            "secure_scheme_headers": {"X-FORWARDED-PROTO": "https"} if settings.BEHIND_PROXY else {},
            "when_ready": start_jobs, "on_exit": stop_jobs,
        }

        class HubServer(BaseApplication):
            def load_config(self):
                for key, value in options.items():
                    self.cfg.set(key, value)

            def load(self):
                from django.db import connections

                from ftahub.wsgi import application

                _warm_up()  # built once, before the workers fork: they share it (copy-on-write)
                connections.close_all()
                return application

        self.stdout.write(f"FTA Hub on http://{host}:{port}/ (Gunicorn, {workers} workers × {threads} threads, "
                          f"DEBUG={settings.DEBUG}); Ctrl+C stops it.")
        sys.argv = sys.argv[:1]  # Gunicorn reads its own command line: give it none
        HubServer().run()


def _die_with_parent() -> None:
    """In the job worker's process, before it runs: end it when the server ends, even killed (Linux)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _warm_up() -> None:
    """Build what the apps build once per process (the HS classification index) before the first request asks."""
    from django.db import connection

    for build in plugins.warm_ups():
        try:
            build()
        except Exception:  # a hub without the data still serves; the first request builds or says why
            logging.getLogger(__name__).exception("warm-up %s failed", getattr(build, "__name__", build))
    connection.close()
