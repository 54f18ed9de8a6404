import signal
import threading

from django.core.management.base import BaseCommand

from ftahub.core import jobs


class Command(BaseCommand):
    help = "Run queued jobs (imports): until stopped, or with --once what is queued now."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run what is queued, then exit")
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls (default 2)")

    def handle(self, *args, once=False, interval=2.0, **options):
        if once:
            self.stdout.write(f"{jobs.run_pending()} job(s) run, {jobs.run_maintenance()} housekeeping task(s)")
            return
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        self.stdout.write(f"worker {jobs.worker_name()} polling every {interval:g} s; Ctrl+C stops it.")
        jobs.work(stop, interval)
