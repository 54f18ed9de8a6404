"""An enterprise's own accounts: its manager invites a colleague (who chooses a password from the emailed link and
signs in), sends the invitation again, closes and reopens accounts; nobody else manages another enterprise's team."""

import re

import pytest
from django.core import mail

from ftahub.accounts.models import User
from ftahub.core.models import AuditEntry

pytestmark = pytest.mark.django_db

INVITE = {"full_name": "Trần Thị Mai", "email": "mai@example.vn", "username": "mai.xuatkhau"}


@pytest.fixture
def team(make):
    class Team:
        enterprise = make.enterprise(24)
        manager = make.user("business", enterprise=enterprise)
        colleague = make.user("business", enterprise=enterprise)
        stranger = make.user("business", enterprise=make.enterprise(24))
    User.objects.filter(pk=Team.manager.pk).update(manages_team=True)
    Team.manager.refresh_from_db()
    return Team


def test_the_manager_invites_a_colleague_who_chooses_a_password_and_signs_in(team, client_for, client):
    page = client_for(team.manager).get("/accounts/team/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Mời đồng nghiệp" in page and team.colleague.username in page
    sent = client_for(team.manager).post("/accounts/team/", INVITE, HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    assert "mai@example.vn" in sent.content.decode()
    mai = User.objects.get(username="mai.xuatkhau")
    assert (mai.enterprise == team.enterprise and mai.role == "business" and not mai.manages_team
            and not mai.has_usable_password() and mai.get_full_name() == "Trần Thị Mai")
    email = mail.outbox[-1]
    assert email.to == ["mai@example.vn"] and team.enterprise.name in email.subject
    assert "mai.xuatkhau" in email.body and "mời" in email.body  # in Vietnamese, the hub's language
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", email.body).group(1)
    form = client.get(link, follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": "Mai-Xuat-2026!", "new_password2": "Mai-Xuat-2026!"})
    assert client.login(username="mai.xuatkhau", password="Mai-Xuat-2026!")
    assert AuditEntry.objects.filter(object_repr__contains="mai.xuatkhau").exists()


def test_a_taken_user_name_or_a_bad_email_is_refused_and_nothing_is_made(team, client_for):
    page = client_for(team.manager).post("/accounts/team/", {**INVITE, "username": team.stranger.username},
                                         HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Tên đăng nhập này đã có người dùng" in page and "Trần Thị Mai" in page  # the form keeps what was typed
    client_for(team.manager).post("/accounts/team/", {**INVITE, "email": "not-an-address"})
    assert not User.objects.filter(email="mai@example.vn").exists() and not mail.outbox


def test_resend_close_reopen_and_managers(team, client_for, client):
    manager = client_for(team.manager)
    manager.post("/accounts/team/", INVITE)
    mai = User.objects.get(username="mai.xuatkhau")
    manager.post(f"/accounts/team/{mai.pk}/", {"action": "resend"})
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["mai@example.vn"]
    # a colleague who has signed in resets their own password instead
    User.objects.filter(pk=team.colleague.pk).update(last_login="2026-11-30T08:00:00+07:00")
    said = manager.post(f"/accounts/team/{team.colleague.pk}/", {"action": "resend"}, follow=True,
                        HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "has signed in already" in said and len(mail.outbox) == 2
    team.colleague.set_password("Colleague-2026!")
    team.colleague.save()
    manager.post(f"/accounts/team/{team.colleague.pk}/", {"action": "close"})
    assert not client.login(username=team.colleague.username, password="Colleague-2026!")
    manager.post(f"/accounts/team/{team.colleague.pk}/", {"action": "reopen"})
    assert client.login(username=team.colleague.username, password="Colleague-2026!")
    # the last manager cannot step down; with a second manager one can
    said = manager.post(f"/accounts/team/{team.manager.pk}/", {"action": "not_manager"}, follow=True,
                        HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Someone must manage the team" in said
    manager.post(f"/accounts/team/{mai.pk}/", {"action": "make_manager"})
    manager.post(f"/accounts/team/{team.manager.pk}/", {"action": "not_manager"})
    team.manager.refresh_from_db()
    mai.refresh_from_db()
    assert mai.manages_team and not team.manager.manages_team


def test_only_the_manager_of_the_same_enterprise_acts(team, client_for, make):
    assert client_for(team.colleague).post("/accounts/team/", INVITE).status_code == 403
    assert client_for(team.colleague).post(f"/accounts/team/{team.manager.pk}/", {"action": "close"}).status_code == 403
    assert client_for(team.stranger).post(f"/accounts/team/{team.colleague.pk}/",
                                          {"action": "close"}).status_code == 404
    assert client_for(make.user("co_officer", 24)).get("/accounts/team/").status_code == 403
    team.colleague.refresh_from_db()
    assert team.colleague.is_active and not User.objects.filter(username="mai.xuatkhau").exists()
    page = client_for(team.colleague).get("/accounts/team/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Invite a colleague" not in page and team.manager.username in page


def test_the_first_account_approved_for_an_enterprise_manages_its_team(client, make, client_for):
    from ftahub.accounts import access
    from ftahub.accounts.models import AccessRequest
    from ftahub.conftest import province

    admin = make.user("administrator", 24)
    made = []
    for name in ("first.user", "second.user"):
        request = AccessRequest.objects.create(tax_code="0100233488", enterprise_name="Công ty A (demo)",
                                               province=province(24), contact_name="A", email=f"{name}@example.vn",
                                               username=name)
        made.append(access.approve(request, admin, "http://testserver"))
    assert [u.manages_team for u in made] == [True, False]
