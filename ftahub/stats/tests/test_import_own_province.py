"""A province's statistician imports that province's figures only (#18): importing with another province's code
(or the national code 0) used to overwrite other provinces' and the national public figures."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ftahub.core import jobs
from ftahub.stats.models import ImportJob

pytestmark = pytest.mark.django_db
HEADER = "province,era,partner,hs,direction,year,month,value_usd,quantity,unit,sector\n"


def upload(client, text, dataset="customs-test"):
    client.post("/stats/import/", {"layout": "customs", "dataset": dataset,
                                   "file": SimpleUploadedFile("c.csv", (HEADER + text).encode())})
    jobs.run_pending()  # the worker checks the file
    return ImportJob.objects.latest("created_at")


def test_rows_of_another_province_or_the_nation_are_refused(make, client_for):
    statistician = client_for(make.user("statistician", 24))
    job = upload(statistician, "1,2025,JP,081090,export,2023,0,300,,,\n0,2025,JP,081090,export,2023,0,1,,,\n")
    assert [(e["code"], e["line"]) for e in job.errors] == [("stats.not_yours", 2), ("stats.not_yours", 3)]
    page = statistician.get(f"/stats/import/{job.pk}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "dòng 2: tỉnh 1 (2025) không phải tỉnh của bạn" in page and "2 dòng có lỗi" in page


def test_the_own_province_and_the_former_provinces_merged_into_it_are_accepted(make, client_for):
    statistician = client_for(make.user("statistician", 24))  # Bắc Ninh since 2025, with the former Bắc Giang (24)
    job = upload(statistician, "24,2025,JP,081090,export,2023,0,300,,,\n24,1976,JP,081090,export,2022,0,200,,,\n")
    assert job.errors == [] and job.rows == 2


def test_the_comtrade_layout_is_for_national_staff(make, client_for):
    statistician = client_for(make.user("statistician", 24))
    statistician.post("/stats/import/", {"layout": "comtrade", "dataset": "comtrade-test",
                                         "file": SimpleUploadedFile("c.csv", b"refYear,flowCode\n2023,X\n")})
    jobs.run_pending()
    assert [e["code"] for e in ImportJob.objects.latest("created_at").errors] == ["stats.comtrade_national"]
