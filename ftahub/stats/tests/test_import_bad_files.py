"""Files that used to crash the statistics import (#18) get the list of problems instead."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from ftahub.core import jobs
from ftahub.stats.models import ImportJob

pytestmark = pytest.mark.django_db
COMTRADE = "refYear,refMonth,freqCode,reporterISO,flowCode,partnerISO,cmdCode,qty,qtyUnitAbbr,primaryValue\n"


def test_an_empty_workbook(make, client_for):
    statistician = client_for(make.user("statistician", 24))
    buffer = io.BytesIO()
    Workbook().save(buffer)
    response = statistician.post("/stats/import/", {"layout": "customs", "dataset": "empty-book",
                                                    "file": SimpleUploadedFile("e.xlsx", buffer.getvalue())})
    jobs.run_pending()
    job = ImportJob.objects.latest("created_at")
    assert response.status_code == 302 and [e["code"] for e in job.errors] == ["stats.empty_workbook"]
    page = statistician.get(f"/stats/import/{job.pk}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Trang tính đầu tiên của tệp Excel trống" in page  # worded in the reader's language


def test_a_comtrade_year_that_is_not_a_number(make, client_for):
    admin = client_for(make.user("administrator", is_superuser=True, is_staff=True))
    text = COMTRADE + "abc,0,A,VNM,X,W00,TOTAL,,,100\n"
    response = admin.post("/stats/import/", {"layout": "comtrade", "dataset": "bad-year",
                                             "file": SimpleUploadedFile("c.csv", text.encode())})
    jobs.run_pending()
    job = ImportJob.objects.latest("created_at")
    assert response.status_code == 302 and job.errors == [{"code": "stats.comtrade_period", "line": 2, "values": {}}]
    page = admin.get(f"/stats/import/{job.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "line 2: refYear and refMonth are whole numbers" in page and "1 with problems" in page
