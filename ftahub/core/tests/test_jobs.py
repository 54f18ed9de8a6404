"""Jobs: long work queued in the database, run by a worker, never in a request; a job whose worker died is run
again by the next worker, at most three times."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from ftahub.core import jobs, plugins
from ftahub.core.models import Job

pytestmark = pytest.mark.django_db
RAN = []


def record(payload, heartbeat):
    heartbeat()
    RAN.append(payload["n"])


def explode(payload, heartbeat):
    raise RuntimeError("the file vanished")


@pytest.fixture(autouse=True)
def handlers(monkeypatch):
    RAN.clear()
    monkeypatch.setattr(plugins, "job_handlers", lambda: {"test.record": record, "test.explode": explode})


def test_a_queued_job_runs_once_in_order_and_is_done():
    first, second = jobs.enqueue("test.record", {"n": 1}), jobs.enqueue("test.record", {"n": 2})
    assert first.status == Job.Status.QUEUED and RAN == []  # nothing runs in the caller
    assert jobs.run_pending() == 2 and RAN == [1, 2]
    first.refresh_from_db(), second.refresh_from_db()
    assert first.status == second.status == Job.Status.DONE and first.attempts == 1 and first.finished_at
    assert jobs.run_pending() == 0 and RAN == [1, 2]


def test_a_failing_job_is_recorded_and_the_worker_goes_on():
    bad, good = jobs.enqueue("test.explode", {}), jobs.enqueue("test.record", {"n": 3})
    assert jobs.run_pending() == 2
    bad.refresh_from_db(), good.refresh_from_db()
    assert bad.status == Job.Status.FAILED and "the file vanished" in bad.message
    assert good.status == Job.Status.DONE and RAN == [3]


def test_an_unknown_kind_is_refused_when_queued():
    with pytest.raises(ValueError, match="no installed capability runs jobs of kind 'test.nothing'"):
        jobs.enqueue("test.nothing", {})


def test_a_job_whose_worker_died_runs_again_then_gives_up():
    job = jobs.enqueue("test.record", {"n": 4})
    long_ago = timezone.now() - jobs.STALE_AFTER - datetime.timedelta(seconds=1)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=1, heartbeat_at=long_ago,
                                         worker="dead-host:1:1")
    assert jobs.run_pending() == 1 and RAN == [4]  # the next worker takes it again
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.attempts == 2
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=3, heartbeat_at=long_ago)
    assert jobs.recover_stale() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "too many times" in job.message


def test_a_running_job_with_a_recent_heartbeat_is_left_alone():
    job = jobs.enqueue("test.record", {"n": 5})
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=1, heartbeat_at=timezone.now())
    assert jobs.run_pending() == 0 and RAN == []


def test_the_worker_command_runs_what_is_queued():
    jobs.enqueue("test.record", {"n": 6})
    out = io.StringIO()
    call_command("worker", "--once", stdout=out)
    assert RAN == [6] and "1 job(s) run" in out.getvalue()
