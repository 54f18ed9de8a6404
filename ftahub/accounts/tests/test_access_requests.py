"""A business asks for an account; the administrator of its province approves (the enterprise found by its tax code
or recorded, the user made and emailed a link to choose a password) or refuses with a reason the business reads."""

import re

import pytest
from django.core import mail

from ftahub.accounts.models import AccessRequest, Enterprise, User
from ftahub.conftest import province, solved_challenge
from ftahub.core.models import Notification

pytestmark = pytest.mark.django_db


def ask(client, **overrides) -> tuple:
    form = {"tax_code": "0100233488", "enterprise_name": "Công ty Vải thiều Lục Ngạn (demo)",
            "province": str(province(24).pk), "contact_name": "Nguyễn Văn An", "email": "an@example.vn",
            "phone": "0912345678", "username": "an.vaithieu", "message": "", **overrides}
    page = client.post("/accounts/join/", {**form, **solved_challenge(client, "/accounts/join/")},
                       HTTP_ACCEPT_LANGUAGE="vi")
    return page, page.content.decode()


def test_a_business_asks_and_the_provinces_administrator_approves(client, make, client_for):
    admin = make.user("administrator", 24)
    admin.email = "quantri@example.vn"
    admin.save()
    other_admin = make.user("administrator", 1)
    assert "/accounts/join/" in client.get("/accounts/login/").content.decode()
    _, bad = ask(client, tax_code="0100233489")
    assert "Đây không phải là mã số thuế Việt Nam hợp lệ" in bad
    page, html = ask(client)
    assert page.status_code == 200 and "an@example.vn" in html
    made = AccessRequest.objects.get()
    assert made.tax_code == "0100233488" and made.status == "pending"
    assert Notification.objects.filter(user=admin, kind="access_request").exists()
    assert not Notification.objects.filter(user=other_admin).exists()
    _, again = ask(client)
    assert AccessRequest.objects.count() == 1  # the same tax code and email wait once
    # another province's administrator cannot decide; the province's own approves
    assert client_for(other_admin).post(f"/accounts/requests/{made.pk}/decide/",
                                        {"decision": "approve"}).status_code == 404
    listing = client_for(admin).get("/accounts/requests/").content.decode()
    assert "Công ty Vải thiều Lục Ngạn (demo)" in listing
    client_for(admin).post(f"/accounts/requests/{made.pk}/decide/", {"decision": "approve"})
    user = User.objects.get(username="an.vaithieu")
    assert user.role == "business" and user.enterprise.tax_code == "0100233488" and not user.has_usable_password()
    assert user.enterprise.province == province(24)
    email = next(m for m in mail.outbox if m.to == ["an@example.vn"])
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", email.body).group(1)
    form = client.get(link, follow=True)
    target = form.redirect_chain[-1][0] if form.redirect_chain else link
    client.post(target, {"new_password1": "Vai-Thieu-2026!", "new_password2": "Vai-Thieu-2026!"})
    user.refresh_from_db()
    assert user.check_password("Vai-Thieu-2026!")


def test_an_existing_enterprise_is_found_and_a_refusal_says_why(client, make, client_for):
    admin = make.user("administrator", 24)
    known = make.enterprise(24)
    _, html = ask(client, tax_code=known.tax_code, username="second.user", email="b@example.vn")
    made = AccessRequest.objects.get()
    officer = make.user("co_officer", 24)
    assert client_for(officer).get("/accounts/requests/").status_code == 403
    client_for(admin).post(f"/accounts/requests/{made.pk}/decide/", {"decision": "refuse", "reason": ""},
                                     follow=True)
    made.refresh_from_db()
    assert made.status == "pending"  # a refusal needs a reason
    client_for(admin).post(f"/accounts/requests/{made.pk}/decide/",
                           {"decision": "refuse", "reason": "Tax code of another company"})
    made.refresh_from_db()
    assert made.status == "refused"
    email = next(m for m in mail.outbox if m.to == ["b@example.vn"])
    assert "Tax code of another company" in email.body
    assert not User.objects.filter(username="second.user").exists()
    assert Enterprise.objects.filter(tax_code=known.tax_code).count() == 1
    # a taken user name is refused on the form itself
    _, taken = ask(client, username=admin.username, email="c@example.vn", tax_code="0100233488")
    assert AccessRequest.objects.count() == 1
