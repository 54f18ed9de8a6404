"""An officer sees and edits only the province's records; a national administrator sees all; a business user
sees only their own enterprise."""

import pytest

from ftahub.accounts.models import Enterprise, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make):
    bac_ninh = make.enterprise(24, name="Bắc Ninh exporter")
    phu_tho = make.enterprise(25, name="Phú Thọ exporter")
    return {
        "bac_ninh": bac_ninh,
        "phu_tho": phu_tho,
        "officer_bn": make.user(User.Role.CO_OFFICER, 24),
        "officer_pt": make.user(User.Role.FA_OFFICER, 25),
        "business_bn": make.user(User.Role.BUSINESS, 24, enterprise=bac_ninh),
        "statistician": make.user(User.Role.STATISTICIAN, 24),
        "national": make.user(User.Role.ADMINISTRATOR),
    }


def visible(user):
    return set(Enterprise.objects.visible_to(user).values_list("name", flat=True))


def test_each_role_sees_what_it_should(world):
    assert visible(world["officer_bn"]) == {"Bắc Ninh exporter"}
    assert visible(world["officer_pt"]) == {"Phú Thọ exporter"}
    assert visible(world["business_bn"]) == {"Bắc Ninh exporter"}
    assert {"Bắc Ninh exporter", "Phú Thọ exporter"} <= visible(world["national"])


def test_officer_of_another_province_cannot_open_or_change_a_record(world, client_for):
    other = client_for(world["officer_pt"])
    url = f"/accounts/enterprises/{world['bac_ninh'].pk}/"
    assert other.get(url).status_code == 404
    assert other.post(url, {"name": "hijacked"}).status_code == 404
    world["bac_ninh"].refresh_from_db()
    assert world["bac_ninh"].name == "Bắc Ninh exporter"


def test_officer_edits_own_province_record(world, client_for):
    client = client_for(world["officer_bn"])
    enterprise = world["bac_ninh"]
    response = client.post(f"/accounts/enterprises/{enterprise.pk}/", {
        "name": "Bắc Ninh exporter renamed", "name_en": "", "tax_code": enterprise.tax_code, "address": "",
        "ownership": "domestic"})
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.name == "Bắc Ninh exporter renamed"


def test_statistician_reads_but_cannot_edit(world, client_for):
    client = client_for(world["statistician"])
    assert "Bắc Ninh exporter" in client.get("/accounts/enterprises/").content.decode()
    assert client.get(f"/accounts/enterprises/{world['bac_ninh'].pk}/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/accounts/enterprises/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_edit_with_a_bad_tax_code_shows_the_error_and_keeps_the_record(world, client_for):
    client = client_for(world["officer_bn"])
    enterprise = world["bac_ninh"]
    response = client.post(f"/accounts/enterprises/{enterprise.pk}/", {
        "name": "x", "tax_code": "0100233480", "ownership": "domestic"})
    assert response.status_code == 200
    assert "tax code" in response.content.decode().lower() or "mã số thuế" in response.content.decode().lower()
    enterprise.refresh_from_db()
    assert enterprise.name == "Bắc Ninh exporter"


def test_admin_lists_only_own_province_for_a_provincial_admin(world, make, client_for):
    provincial_admin = make.user(User.Role.ADMINISTRATOR, 25, is_staff=True, is_superuser=False)
    from django.contrib.auth.models import Permission

    provincial_admin.user_permissions.add(Permission.objects.get(codename="view_enterprise"))
    page = client_for(provincial_admin).get("/admin/accounts/enterprise/").content.decode()
    assert "Phú Thọ exporter" in page and "Bắc Ninh exporter" not in page
