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
    assert response.status_code == 302 and "empty" in " ".join(ImportJob.objects.latest("created_at").errors)


def test_a_comtrade_year_that_is_not_a_number(make, client_for):
    admin = client_for(make.user("administrator", is_superuser=True, is_staff=True))
    text = COMTRADE + "abc,0,A,VNM,X,W00,TOTAL,,,100\n"
    response = admin.post("/stats/import/", {"layout": "comtrade", "dataset": "bad-year",
                                             "file": SimpleUploadedFile("c.csv", text.encode())})
    jobs.run_pending()
    assert response.status_code == 302 and "whole numbers" in " ".join(ImportJob.objects.latest("created_at").errors)
