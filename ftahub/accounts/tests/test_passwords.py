"""A person changes their password, or sets a new one from a link sent by email when they have forgotten it."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_a_signed_in_user_changes_the_password(make, client_for):
    user = make.user("business", enterprise=make.enterprise(24))
    user.set_password("old-password-2026")
    user.save()
    client = client_for(user)
    page = client.get("/accounts/password/", HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200 and "Đổi mật khẩu" in page.content.decode()
    wrong = client.post("/accounts/password/", {"old_password": "not-it", "new_password1": "Lychee-Export-77",
                                                "new_password2": "Lychee-Export-77"})
    assert wrong.status_code == 200
    user.refresh_from_db()
    assert user.check_password("old-password-2026")
    done = client.post("/accounts/password/", {"old_password": "old-password-2026",
                                               "new_password1": "Lychee-Export-77",
                                               "new_password2": "Lychee-Export-77"}, follow=True)
    assert done.redirect_chain[-1][0] == "/accounts/password/done/"
    user.refresh_from_db()
    assert user.check_password("Lychee-Export-77")
    assert client.get("/accounts/me/").status_code == 200  # still signed in after the change


def test_a_forgotten_password_is_reset_from_the_emailed_link(make, client):
    user = make.user("business", enterprise=make.enterprise(24))
    user.email = "xuatkhau@example.vn"
    user.save()
    assert "/accounts/password/reset/" in client.get("/accounts/login/").content.decode()
    sent = client.post("/accounts/password/reset/", {"email": "xuatkhau@example.vn"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert sent.status_code == 302 and sent["Location"] == "/accounts/password/reset/sent/"
    # an unknown address gets the same answer and no email: nobody learns who has an account
    other = client.post("/accounts/password/reset/", {"email": "nobody@example.vn"})
    assert other["Location"] == "/accounts/password/reset/sent/"
    (message,) = mail.outbox
    assert message.to == ["xuatkhau@example.vn"]
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    target = form.redirect_chain[-1][0] if form.redirect_chain else link
    saved = client.post(target, {"new_password1": "Vai-Thieu-2026!", "new_password2": "Vai-Thieu-2026!"})
    assert saved.status_code == 302 and saved["Location"] == "/accounts/reset/done/"
    user.refresh_from_db()
    assert user.check_password("Vai-Thieu-2026!")
    again = client.get(link, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "expired or was used already" in again.content.decode()  # the link works once
