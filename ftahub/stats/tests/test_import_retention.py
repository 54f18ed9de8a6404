"""Uploaded statistics files are not kept for ever (#18): a checked file never confirmed is deleted after 7 days by
the worker's housekeeping, and its job says so."""

import datetime

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ftahub.core import jobs
from ftahub.stats.models import ImportJob

pytestmark = pytest.mark.django_db
HEADER = "province,era,partner,hs,direction,year,month,value_usd,quantity,unit,sector\n"


def test_an_unconfirmed_upload_is_deleted_after_a_week(make, client_for):
    statistician = client_for(make.user("statistician", 24))
    statistician.post("/stats/import/", {"layout": "customs", "dataset": "customs-old", "file": SimpleUploadedFile(
        "c.csv", (HEADER + "24,2025,JP,081090,export,2023,0,300,,,\n").encode())})
    jobs.run_pending()  # the worker checks it
    job = ImportJob.objects.latest("created_at")
    stored = settings.VAR_DIR / "imports" / job.stored
    assert stored.exists()
    jobs.run_maintenance()
    assert stored.exists()  # a fresh upload stays
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    jobs.run_maintenance()
    job.refresh_from_db()
    assert not stored.exists() and job.status == "failed" and "deleted" in job.message
