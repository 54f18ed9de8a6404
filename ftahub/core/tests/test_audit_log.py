"""Every write is recorded in an append-only audit log: who, when, what changed."""

import pytest

from ftahub.accounts.models import User
from ftahub.core.models import AppendOnlyError, AuditEntry

pytestmark = pytest.mark.django_db


def test_an_edit_through_the_site_is_recorded_with_actor_and_changed_fields(make, client_for):
    enterprise = make.enterprise(24, name="Old name")
    officer = make.user(User.Role.CO_OFFICER, 24, username="officer-an")
    client_for(officer).post(f"/accounts/enterprises/{enterprise.pk}/", {
        "name": "New name", "tax_code": enterprise.tax_code, "ownership": "domestic"})
    entry = AuditEntry.objects.filter(model="accounts.enterprise", object_pk=str(enterprise.pk), action="update").get()
    assert entry.actor == officer and entry.actor_name == "officer-an"
    assert entry.changes == {"name": ["Old name", "New name"]}
    assert entry.province_id == enterprise.province_id


def test_creation_and_deletion_are_recorded_and_passwords_are_not(make):
    user = make.user(User.Role.STATISTICIAN, 24)
    created = AuditEntry.objects.get(model="accounts.user", object_pk=str(user.pk), action="create")
    assert created.changes["password"] == [None, "***"]
    pk = user.pk
    user.delete()
    assert AuditEntry.objects.filter(model="accounts.user", object_pk=str(pk), action="delete").exists()


def test_entries_cannot_be_changed_or_deleted(make):
    make.enterprise(24)
    entry = AuditEntry.objects.latest("id")
    entry.object_repr = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_officers_see_their_province_entries_and_business_users_none(make, client_for):
    make.enterprise(24, name="In Bắc Ninh")
    make.enterprise(25, name="In Phú Thọ")
    page = client_for(make.user(User.Role.CO_OFFICER, 24)).get("/audit/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "In Bắc Ninh" in page and "In Phú Thọ" not in page
    # as sentences in the reader's language: the kind of record and each field by its name, no Python dict
    assert "Doanh nghiệp: In Bắc Ninh" in page and "<strong>Tên</strong>: In Bắc Ninh" in page
    assert "accounts.enterprise" not in page and "{&#x27;" not in page
    business = make.user(User.Role.BUSINESS, 24, enterprise=make.enterprise(24))
    assert client_for(business).get("/audit/").status_code == 403


def test_a_record_is_named_in_the_hubs_language_whoever_writes_it(make):
    """Written from an English page (or a command), an entry still reads in Vietnamese on the officers' log."""
    from django.utils import translation

    from ftahub.conftest import province
    from ftahub.registry.models import Partner, Relationship

    with translation.override("en"):
        partner = Partner.objects.create(kind=Partner.Kind.LOCALITY, name="Gangwon", province=province(24))
        Relationship.objects.create(partner=partner, kind="twinning", province=province(24))
    entry = AuditEntry.objects.filter(model="registry.relationship").latest("id")
    assert entry.object_repr == "kết nghĩa: Gangwon"
