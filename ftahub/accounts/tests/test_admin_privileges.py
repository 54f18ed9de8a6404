"""The admin's user pages (#18): "add user" works, and a province administrator who may edit users cannot grant
privileges (superuser, staff, groups, permissions) — to anyone, themselves included."""

import pytest
from django.contrib.auth.models import Permission

from ftahub.accounts.models import User

pytestmark = pytest.mark.django_db


def test_add_user_in_the_admin_saves_the_user(make, client_for):
    admin = client_for(make.user("administrator", is_superuser=True, is_staff=True))
    response = admin.post("/admin/accounts/user/add/", {
        "username": "new-officer", "password1": "a long enough passphrase 2026",
        "password2": "a long enough passphrase 2026", "role": "co_officer", "province": make.user(
            "co_officer", 24).province_id, "enterprise": ""})
    assert response.status_code == 302 and User.objects.filter(username="new-officer", role="co_officer").exists()


def test_a_province_administrator_cannot_make_themselves_superuser(make, client_for):
    me = make.user("administrator", 24, is_staff=True)
    me.user_permissions.add(*Permission.objects.filter(codename__in=["change_user", "view_user"]))
    client = client_for(me)
    page = client.get(f"/admin/accounts/user/{me.pk}/change/")
    assert page.status_code == 200
    data = {"username": me.username, "role": "administrator", "province": me.province_id, "is_active": "on",
            "is_superuser": "on", "is_staff": "on", "last_login_0": "", "last_login_1": "",
            "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00"}
    client.post(f"/admin/accounts/user/{me.pk}/change/", data)
    me.refresh_from_db()
    assert not me.is_superuser
