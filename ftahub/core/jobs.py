"""Jobs: long work queued in the database and run by a worker process, so it survives a restart.

A capability declares its job kinds (``HubApp.jobs``: kind → ``run(payload, heartbeat)``), queues work with
``enqueue``, and shows progress from its own records. ``ftahub worker`` runs them; ``ftahub serve`` starts one worker
thread beside the web server (the embedded default needs no other process); a job whose worker died (no heartbeat
for ``STALE_AFTER``) is queued again, at most ``MAX_ATTEMPTS`` times.
"""

import datetime
import logging
import os
import socket
import threading
import time

from django.db import close_old_connections
from django.utils import timezone

from . import plugins
from .models import Job

log = logging.getLogger(__name__)
STALE_AFTER = datetime.timedelta(minutes=5)
MAX_ATTEMPTS = 3


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def enqueue(kind: str, payload: dict) -> Job:
    if kind not in plugins.job_handlers():
        raise ValueError(f"no installed capability runs jobs of kind {kind!r}")
    return Job.objects.create(kind=kind, payload=payload)


def recover_stale(now: datetime.datetime | None = None) -> int:
    """Queue again the jobs whose worker stopped (no heartbeat lately); fail those tried too often."""
    now = now or timezone.now()
    stale = Job.objects.filter(status=Job.Status.RUNNING, heartbeat_at__lt=now - STALE_AFTER)
    failed = stale.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=Job.Status.FAILED, finished_at=now, message="the worker stopped too many times")
    requeued = stale.filter(attempts__lt=MAX_ATTEMPTS).update(status=Job.Status.QUEUED, worker="")
    return failed + requeued


def _claim(name: str) -> Job | None:
    """The oldest queued job, taken by this worker only (a conditional update: safe with several workers)."""
    for job in Job.objects.filter(status=Job.Status.QUEUED).order_by("id")[:5]:
        now = timezone.now()
        taken = Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, worker=name, started_at=now, heartbeat_at=now, attempts=job.attempts + 1)
        if taken:
            job.refresh_from_db()
            return job
    return None


def run_one(name: str | None = None) -> Job | None:
    """Run the oldest queued job, if any; returns it with its final status."""
    name = name or worker_name()
    job = _claim(name)
    if job is None:
        return None
    handler = plugins.job_handlers().get(job.kind)

    def heartbeat() -> None:
        Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())

    try:
        if handler is None:
            raise LookupError(f"no installed capability runs jobs of kind {job.kind!r}")
        handler(job.payload, heartbeat)
    except Exception as exc:  # noqa: BLE001 - a failed job is recorded, the worker goes on
        log.exception("job %s failed", job.pk)
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, finished_at=timezone.now(),
                                             message=f"{type(exc).__name__}: {exc}"[:2000])
    else:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE, finished_at=timezone.now())
    job.refresh_from_db()
    return job


def run_pending(limit: int = 100) -> int:
    """Run queued jobs until none is left (or ``limit``); returns how many ran."""
    recover_stale()
    done = 0
    while done < limit and run_one() is not None:
        done += 1
    return done


MAINTENANCE_EVERY = 3600.0  # seconds


def run_maintenance() -> int:
    """The capabilities' housekeeping (``HubApp.maintenance``: retention of uploads…); returns how many ran."""
    done = 0
    for task in plugins.maintenance_tasks():
        try:
            task()
            done += 1
        except Exception:  # noqa: BLE001 - one failing task must not stop the others
            log.exception("maintenance task %s failed", getattr(task, "__name__", task))
    return done


def work(stop: threading.Event, interval: float = 2.0) -> None:
    """The worker loop: run what is queued, then wait ``interval`` seconds (or until ``stop`` is set); the
    housekeeping once an hour."""
    last_maintenance = 0.0
    while not stop.is_set():
        try:
            close_old_connections()
            if time.monotonic() - last_maintenance >= MAINTENANCE_EVERY:
                run_maintenance()
                last_maintenance = time.monotonic()
            run_pending()
        except Exception:  # noqa: BLE001 - a database hiccup must not end the worker
            log.exception("the job worker failed; retrying")
        finally:
            close_old_connections()
        stop.wait(interval)
