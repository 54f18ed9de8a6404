"""Registry pages, exports and imports, scoped by province; signed MOUs on the public log; what is due."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ftahub.places.models import Country
from ftahub.registry import service
from ftahub.registry.kinds import KINDS
from ftahub.registry.models import Agreement, FDIProject, FollowUp, Partner
from ftahub.transparency.models import LogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make, client_for):
    class Staff:
        officer = make.user("fa_officer", 24)
        other = make.user("fa_officer", 1)
        statistician = make.user("statistician", 24)
        business = make.user("business", enterprise=make.enterprise(24))
        client = client_for(officer)
        other_client = client_for(other)

    return Staff()


def partner(province_user, name="Siem Reap Province", **fields):
    return Partner.objects.create(province=province_user.province, kind="locality", name=name,
                                  country=Country.objects.get(iso2="KH"), **fields)


def test_each_kind_lists_only_the_provinces_records(staff, client_for, client):
    p = partner(staff.officer)
    for slug in KINDS:
        assert staff.client.get(f"/registry/{slug}/").status_code == 200, slug
        assert client_for(staff.business).get(f"/registry/{slug}/").status_code == 403
        assert client.get(f"/registry/{slug}/").status_code == 302
    assert "Siem Reap" in staff.client.get("/registry/partners/").content.decode()
    assert "Siem Reap" not in staff.other_client.get("/registry/partners/").content.decode()
    assert staff.other_client.get(f"/registry/partners/{p.pk}/").status_code == 404
    assert staff.other_client.post(f"/registry/partners/{p.pk}/delete/").status_code == 404
    assert client_for(staff.statistician).get("/registry/partners/new/").status_code == 403
    assert "Siem Reap" in client_for(staff.statistician).get("/registry/partners/").content.decode()


def test_create_search_filter_and_export(staff):
    response = staff.client.post("/registry/fdi/new/", {
        "name": "=HYPERLINK(\"http://x\") plant", "investor": "Demo Investor Co", "investor_country": Country.objects.get(
            iso2="KR").pk, "registered_capital": "12000000", "status": "licensed", "licensed_on": "2025-03-01"})
    assert response.status_code == 302
    project = FDIProject.objects.get()
    assert project.province == staff.officer.province
    assert "HYPERLINK" in staff.client.get("/registry/fdi/", {"q": "investor co"}).content.decode()
    assert "HYPERLINK" not in staff.client.get("/registry/fdi/", {"status": "operating"}).content.decode()
    csv = staff.client.get("/registry/fdi/", {"format": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and ",KR," in csv
    xlsx = staff.client.get("/registry/fdi/", {"format": "xlsx"})
    assert xlsx.content[:2] == b"PK"


def upload(client, slug, text, **extra):
    return client.post(f"/registry/{slug}/import/", {"file": SimpleUploadedFile("p.csv", text.encode())}, **extra)


def test_import_previews_then_writes_all_or_only_the_good_rows(staff):
    text = ("kind,name,country,region\nlocality,Battambang Province,KH,\nlocality,Vientiane Capital,LA,\n"
            "planet,Mars,XX,\n")
    page = upload(staff.client, "partners", text).content.decode()
    assert "country: no country with iso2" in page and "kind:" in page and Partner.objects.count() == 0
    page = staff.client.post("/registry/partners/import/", {}, follow=True).content.decode()
    assert "nothing was written" in page and Partner.objects.count() == 0
    upload(staff.client, "partners", text)
    staff.client.post("/registry/partners/import/", {"only_good": "1"})
    assert sorted(Partner.objects.values_list("name", flat=True)) == ["Battambang Province", "Vientiane Capital"]
    assert set(Partner.objects.values_list("province", flat=True)) == {staff.officer.province_id}


def test_import_updates_by_id_only_the_users_own_records(staff):
    mine, theirs = partner(staff.officer), partner(staff.other, "Luang Prabang")
    upload(staff.client, "partners", f"id,kind,name\n{mine.pk},locality,Siem Reap (renamed)\n")
    staff.client.post("/registry/partners/import/", {})
    mine.refresh_from_db()
    assert mine.name == "Siem Reap (renamed)"
    page = upload(staff.client, "partners", f"id,kind,name\n{theirs.pk},locality,Hijacked\n").content.decode()
    assert "no such record of your province" in page
    assert "unknown column" in upload(staff.client, "partners", "kind,name,colour\n").content.decode(
    ) or "unknown column" in staff.client.get("/registry/partners/import/").content.decode()


def test_a_signed_mou_goes_on_the_public_log_once(staff):
    agreement = Agreement.objects.create(province=staff.officer.province, title="MOU on trade promotion (demo)",
                                         parties="Bắc Ninh – Gyeonggi", status="draft")
    assert not LogEntry.objects.filter(kind="mou").exists()
    agreement.status, agreement.signed_on = "signed", datetime.date(2026, 3, 1)
    service.save_record(agreement)
    service.save_record(agreement)
    entry = LogEntry.objects.get(kind="mou")
    assert agreement.log_index == entry.index and "Gyeonggi" in entry.data


def test_the_overview_lists_expiring_mous_and_due_tasks(staff):
    today = datetime.date.today()
    Agreement.objects.create(province=staff.officer.province, title="Expiring MOU", parties="A – B", status="signed",
                             signed_on=today - datetime.timedelta(days=700), expires_on=today + datetime.timedelta(days=30))
    Agreement.objects.create(province=staff.officer.province, title="Far MOU", parties="A – C", status="signed",
                             signed_on=today, expires_on=today + datetime.timedelta(days=900))
    FollowUp.objects.create(province=staff.officer.province, title="Send the delegation report", owner=staff.officer,
                            due_on=today - datetime.timedelta(days=1))
    page = staff.client.get("/registry/").content.decode()
    assert "Expiring MOU" in page and "Far MOU" not in page and "Send the delegation report" in page
    assert "Expiring MOU" not in staff.other_client.get("/registry/").content.decode()


def test_the_read_api_and_the_reminder_command(staff, client_for, client, mailoutbox):
    partner(staff.officer)
    rows = staff.client.get("/api/v1/registry/partners").json()
    assert rows[0]["name"] == "Siem Reap Province" and rows[0]["country"] == "KH"
    assert staff.other_client.get("/api/v1/registry/partners").json() == []
    assert client_for(staff.business).get("/api/v1/registry/partners").status_code == 403
    assert client.get("/api/v1/registry/partners").status_code == 401
    assert staff.client.get("/api/v1/registry/nothing").status_code == 404
    from django.core.management import call_command

    staff.officer.email = "officer@demo.invalid"
    staff.officer.save()
    FollowUp.objects.create(province=staff.officer.province, title="Report on the Laos visit", owner=staff.officer,
                            due_on=datetime.date(2026, 12, 1))
    call_command("registry", "remind", "--date", "2026-11-28")
    assert len(mailoutbox) == 1 and "Report on the Laos visit" in mailoutbox[0].body


def test_imports_are_bounded_before_the_work(staff, client):
    """A 5 KB registry XLSX took 72 s and 2 GB; uploads of 200 MB were accepted (#18)."""
    import io

    from openpyxl import Workbook

    from ftahub.common.tests.test_xlsx_bombs import rewrite, workbook

    bomb = rewrite(workbook(), "xl/worksheets/sheet1.xml",
                   lambda xml: re.sub(rb'<dimension ref="A1:B2"\s*/>', b'<dimension ref="A1:XFD1048576" />', xml))
    page = staff.client.post("/registry/partners/import/", {"file": SimpleUploadedFile("p.xlsx", bomb)})
    assert page.status_code == 200 and "declares 17,179,869,184 cells" in page.content.decode()
    book = Workbook()
    book.active.append(["kind", "name", "country", "region"])
    for n in range(1200):
        book.active.append(["locality", f"Place {n}", "KH", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    page = staff.client.post("/registry/partners/import/", {"file": SimpleUploadedFile("p.xlsx", buffer.getvalue())})
    assert "more than 1000 rows" in page.content.decode() and Partner.objects.count() == 0
    huge = b"x" * (13 * 1024 * 1024)
    refused = staff.client.post("/registry/partners/import/", {"file": SimpleUploadedFile("p.csv", huge)})
    assert refused.status_code == 413
    anonymous = client.post("/events/1/", {"file": SimpleUploadedFile("p.csv", huge)})
    assert anonymous.status_code == 413
    # the statistics import declares its own, larger, limit (and is for signed-in statisticians)
    assert client.post("/stats/import/", {"file": SimpleUploadedFile("p.csv", huge)}).status_code == 302
