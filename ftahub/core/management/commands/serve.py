import logging
import threading

from django.conf import settings
from django.core.management.base import BaseCommand

from ftahub.core import jobs, plugins


class Command(BaseCommand):
    help = "Serve the hub with Waitress, a production-grade WSGI server (static files served by WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
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
        self.stdout.write(f"FTA Hub on http://{host}:{port}/ (DEBUG={settings.DEBUG}"
                          + (f", behind the proxy at {settings.FTAHUB_TRUSTED_PROXY}" if proxy else "")
                          + "); Ctrl+C stops it.")
        # Waitress itself refuses larger bodies (chunked ones too, which carry no Content-Length for the middleware)
        largest = max([settings.FTAHUB_MAX_REQUEST_BYTES, *plugins.body_limits().values()])
        serve(application, host=host, port=port, threads=threads, ident="ftahub", max_request_body_size=largest,
              **proxy)


def _warm_up() -> None:
    """Build what the apps build once per process (the HS classification index) before the first request asks."""
    from django.db import connection

    for build in plugins.warm_ups():
        try:
            build()
        except Exception:  # a hub without the data still serves; the first request builds or says why
            logging.getLogger(__name__).exception("warm-up %s failed", getattr(build, "__name__", build))
    connection.close()
